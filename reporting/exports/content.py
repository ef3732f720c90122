"""What a PDF shows, as plain data: the hash of it is the cache key of a part.

Everything a template needs is in these dicts (strings, numbers, lists), so the
same data that is rendered is the data that is hashed.
"""

import datetime
import hashlib
import json

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from circulars.models import Question, Section, UnitKind

from ..models import Report, SectionAnswer
from .values import format_value, list_rows, table_rows

K = Question.Kind
# Kinds whose last-year value is shown beside this year's.
COMPARABLE_KINDS = (*Question.NUMERIC_KINDS, K.YES_NO, K.CHOICE)
WATERMARKS = {
    Report.Status.DRAFT: _("UTKAST"),
    Report.Status.RETURNED: _("IKKE GODKJENT"),
    Report.Status.SUBMITTED: _("IKKE GODKJENT"),
}


# The order units are grouped in, and each group's heading.
KIND_GROUPS = {
    UnitKind.BYDEL: gettext_lazy("Bydeler"),
    UnitKind.ETAT: gettext_lazy("Etater"),
    UnitKind.FORETAK: gettext_lazy("Kommunale foretak"),
    UnitKind.BYRADSAVDELING: gettext_lazy("Byrådsavdelinger"),
}
# Æ, Ø and Å after Z, in that order, as a Norwegian reader looks for them.
NORWEGIAN_LETTERS = str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"})


def unit_order(kind: str, name: str) -> tuple:
    """Sort key: by kind group (bydeler, etater, foretak, byrådsavdelinger), then
    by name in Norwegian alphabetical order."""
    kinds = list(KIND_GROUPS)
    group = kinds.index(kind) if kind in kinds else len(kinds)
    return (group, name.casefold().translate(NORWEGIAN_LETTERS), name)


def digest(payload) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def when(value) -> str:
    return format_date(timezone.localtime(value), "d.m.Y H:i") if value else ""


def date_text(value) -> str:
    """A date as a Norwegian reader writes it: «3. mars 2027»."""
    return format_date(timezone.localtime(value), "j. F Y") if value else ""


def w3c_date(value) -> str:
    """A moment as the PDF's metadata dates take it (UTC, whole seconds)."""
    return (
        value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else ""
    )


def person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def reports_with_answers(reports):
    """The reports with everything a PDF shows, in a fixed number of queries."""
    answers = SectionAnswer.objects.select_related("section").order_by("section__order")
    return reports.select_related(
        "unit", "circular", "submitted_by", "approved_by"
    ).prefetch_related(
        Prefetch("answers", queryset=answers),
        Prefetch(
            "answers__section__questions",
            queryset=Question.objects.order_by("order", "pk"),
        ),
        "attachments",
    )


def previous_answers(reports) -> dict:
    """{(unit id, topic): data} from each unit's approved report a year earlier
    (the latest approved wins)."""
    pairs = {(r.unit_id, r.circular.reporting_year - 1) for r in reports}
    if not pairs:
        return {}
    rows = (
        SectionAnswer.objects.filter(
            report__status=Report.Status.APPROVED,
            report__unit_id__in={unit for unit, _year in pairs},
            report__circular__reporting_year__in={year for _unit, year in pairs},
        )
        .order_by("report__approved_at")
        .values_list(
            "report__unit_id",
            "report__circular__reporting_year",
            "section__topic",
            "data",
        )
    )
    return {
        (unit, topic): data for unit, year, topic, data in rows if (unit, year) in pairs
    }


def _cell(column: dict, text: str, previous: str = "") -> dict:
    kind = column.get("kind", K.SHORT_TEXT)
    return {
        "text": text,
        "numeric": kind in Question.NUMERIC_KINDS,
        "previous": previous,
    }


def question_content(question: Question, value, previous_data: dict | None) -> dict:
    """One question and its answer; `previous_data` is last year's section data.

    Table and list cells say whether they hold a number (set right-aligned)."""
    item = {"label": question.label, "kind": question.kind}
    previous = None if previous_data is None else previous_data.get(question.key)
    columns = question.columns or []
    if question.kind in (K.TABLE, K.LIST):
        item["columns"] = [
            {"label": column["label"], "numeric": _cell(column, "")["numeric"]}
            for column in columns
        ]
    if question.kind == K.TABLE:
        rows = table_rows(question, value)
        before = (
            table_rows(question, previous)
            if previous is not None
            else [{"cells": [""] * len(columns)} for _row in rows]
        )
        item["rows"] = [
            {
                "label": row["label"],
                "cells": [
                    _cell(column, text, was)
                    for column, text, was in zip(
                        columns, row["cells"], old["cells"], strict=True
                    )
                ],
            }
            for row, old in zip(rows, before, strict=True)
        ]
    elif question.kind == K.LIST:
        item["rows"] = [
            [
                {**_cell(column, text), "label": column["label"]}
                for column, text in zip(columns, row, strict=True)
            ]
            for row in list_rows(question, value)
        ]
    else:
        item["text"] = format_value(question.kind, value)
        if previous is not None and question.kind in COMPARABLE_KINDS:
            item["previous"] = format_value(question.kind, previous)
    return item


def section_content(answer: SectionAnswer, previous_data: dict | None) -> dict:
    section: Section = answer.section
    questions = list(section.questions.all())
    return {
        "number": section.number,
        "title": section.title,
        "topic": section.topic,
        "questions": [
            question_content(question, answer.data.get(question.key), previous_data)
            for question in questions
        ],
    }


def report_header(report: Report) -> dict:
    circular = report.circular
    return {
        "unit": report.unit.name,
        "unit_kind": report.unit.get_kind_display(),
        "circular": circular.designation,
        "circular_title": circular.title,
        "circular_case_number": circular.case_number,
        "archive_code": circular.archive_code,
        "year": circular.reporting_year,
        "status": report.get_status_display(),
        "watermark": str(WATERMARKS.get(report.status, "")),
        "submitted_at": when(report.submitted_at),
        "submitted_by": person(report.submitted_by),
        "signed_off": ", ".join(
            filter(None, [report.signed_off_name, report.signed_off_title])
        ),
        "approved_at": when(report.approved_at),
        "approved_by": person(report.approved_by),
        "case_number": report.case_number,
        "contact": ", ".join(
            filter(
                None,
                [
                    report.contact_name,
                    report.contact_title,
                    report.contact_email,
                    report.contact_phone,
                ],
            )
        ),
        "attachments": [a.original_name for a in report.attachments.all()],
    }


def report_content(report: Report, previous: dict) -> dict:
    """A whole report: header, and every section with last year's figures."""
    return {
        **report_header(report),
        "sections": [
            section_content(
                answer, previous.get((report.unit_id, answer.section.topic))
            )
            for answer in report.answers.all()
        ],
    }
