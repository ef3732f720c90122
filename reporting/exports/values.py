"""Stored answer values as the text a reader sees (shapes documented on `Question`)."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from circulars.models import Question

K = Question.Kind


def as_number(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def format_number(value, kind: str) -> str:
    number = as_number(value)
    if number is None:
        return str(value)
    if kind == K.INTEGER:
        return number_format(int(number), use_l10n=True, force_grouping=True)
    text = number_format(number.normalize(), use_l10n=True, force_grouping=True)
    return f"{text} %" if kind == K.PERCENT else text


def format_value(kind: str, value) -> str:
    """One value of a scalar kind (also a table cell or list field) as text."""
    if value is None or value == "" or value == []:
        return ""
    if kind == K.YES_NO:
        return _("Ja") if value else _("Nei")
    if kind in Question.NUMERIC_KINDS:
        return format_number(value, kind)
    if kind == K.MULTIPLE_CHOICE and isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if kind == K.DATE:
        try:
            return datetime.date.fromisoformat(str(value)).strftime("%d.%m.%Y")
        except ValueError:
            return str(value)
    return str(value)


def table_rows(question, value) -> list[dict]:
    """A table answer as rows of cell texts in the question's column order."""
    value = value if isinstance(value, dict) else {}
    return [
        {
            "label": row["label"],
            "cells": [
                format_value(
                    column.get("kind", K.SHORT_TEXT),
                    (value.get(row["key"]) or {}).get(column["key"]),
                )
                for column in question.columns
            ],
        }
        for row in question.rows
    ]


def list_rows(question, value) -> list[list[str]]:
    """A list answer as rows of field texts in the question's field order."""
    rows = value if isinstance(value, list) else []
    return [
        [
            format_value(column.get("kind", K.SHORT_TEXT), row.get(column["key"]))
            for column in question.columns
        ]
        for row in rows
        if isinstance(row, dict)
    ]
