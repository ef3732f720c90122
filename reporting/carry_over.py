"""Which stored answers still fit a replacement circular's questions.

An answer moves to the question with the same key in the section with the same
topic only if the question kind is unchanged and the value is still valid for
the new question: its choices, bounds and length, and for tables and lists the
rows, columns and fields that still exist with the same kind. Whatever no
longer fits is dropped rather than guessed at.
"""

import datetime
from decimal import Decimal

from circulars.models import Question

K = Question.Kind
TEXT_KINDS = (K.LONG_TEXT, K.SHORT_TEXT, K.CHOICE, K.DATE)


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _within(value, low, high) -> bool:
    number = Decimal(str(value))
    return (low is None or number >= Decimal(low)) and (
        high is None or number <= Decimal(high)
    )


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def fitting_value(kind: str, value, *, spec: dict):
    """`value` as it fits a question or column of `kind` described by `spec`
    (choices, min_value, max_value, max_length); None when it does not fit."""
    choices = spec.get("choices") or []
    if kind in TEXT_KINDS:
        if not isinstance(value, str) or not value:
            return None
        if kind == K.CHOICE and value not in choices:
            return None
        if kind == K.DATE and not _is_date(value):
            return None
        max_length = spec.get("max_length")
        return None if max_length and len(value) > max_length else value
    if kind == K.YES_NO:
        return value if isinstance(value, bool) else None
    if kind == K.MULTIPLE_CHOICE:
        if not isinstance(value, list):
            return None
        kept = [choice for choice in value if choice in choices]
        return kept or None
    if kind in Question.NUMERIC_KINDS:
        if not _number(value) or (kind == K.INTEGER and not isinstance(value, int)):
            return None
        low, high = spec.get("min_value"), spec.get("max_value")
        if kind == K.PERCENT:
            low = 0 if low is None else low
            high = 100 if high is None else high
        elif kind == K.INTEGER and low is None:
            low = 0  # integers in these reports are counts, never negative
        return value if _within(value, low, high) else None
    return None


def _cells(value: dict, old_columns: list, new_columns: list) -> dict:
    """A table row's or list row's values for the columns that still fit."""
    old_kinds = {column["key"]: column.get("kind") for column in old_columns}
    kept = {}
    for column in new_columns:
        key = column["key"]
        if key not in value or old_kinds.get(key) != column.get("kind"):
            continue
        fitted = fitting_value(column.get("kind"), value[key], spec=column)
        if fitted is not None:
            kept[key] = fitted
    return kept


def carried_value(old: Question, new: Question, value):
    """The part of `old`'s answer that is still a valid answer to `new`, or None."""
    if old.kind != new.kind or value is None:
        return None
    if new.kind == K.TABLE:
        if not isinstance(value, dict):
            return None
        row_keys = {row["key"] for row in new.rows}
        table = {
            row: cells
            for row, cells in (
                (row, _cells(cells, old.columns, new.columns))
                for row, cells in value.items()
                if row in row_keys and isinstance(cells, dict)
            )
            if cells
        }
        return table or None
    if new.kind == K.LIST:
        if not isinstance(value, list):
            return None
        rows = [
            _cells(row, old.columns, new.columns)
            for row in value
            if isinstance(row, dict)
        ]
        return [row for row in rows if row] or None
    spec = {
        "choices": new.choices,
        "min_value": new.min_value,
        "max_value": new.max_value,
        "max_length": new.max_length,
    }
    return fitting_value(new.kind, value, spec=spec)


def carried_data(old_questions: list, new_questions: list, data: dict) -> dict:
    """Answers keyed by question key that carry over from one section to another."""
    old_by_key = {question.key: question for question in old_questions}
    carried = {}
    for question in new_questions:
        old = old_by_key.get(question.key)
        if old is None or question.key not in data:
            continue
        value = carried_value(old, question, data[question.key])
        if value is not None:
            carried[question.key] = value
    return carried
