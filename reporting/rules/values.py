"""Reading the answers a reference points at, in the shapes documented on
`Question`, as numbers or dates."""

import datetime

from circulars.expressions import EACH, Reference

# Where the «Annet» texts of choice questions are kept: {question_key: text}.
OTHER_KEY = "_annet"
OTHER_CHOICE = "annet"
# Where explanations of broken rules are kept: {rule_key: text}.
RULE_EXPLANATIONS_KEY = "_regelforklaringer"


def as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def raw_value(reference: Reference, data: dict, *, row=None, column=None):
    """The stored value at the reference, with EACH bound to `row` and `column`."""
    value = data.get(reference.key)
    if not reference.is_cell:
        return value
    row = row if reference.row == EACH else reference.row
    column = column if reference.column == EACH else reference.column
    if isinstance(value, dict):
        cells = value.get(row)
    elif isinstance(value, list) and isinstance(row, int) and 0 <= row < len(value):
        cells = value[row]
    else:
        return None
    return cells.get(column) if isinstance(cells, dict) else None


def row_keys(question, data: dict) -> list:
    """A table's row keys, or a list answer's row indexes."""
    if question.kind == "table":
        return [r["key"] for r in question.rows or [] if isinstance(r, dict)]
    rows = data.get(question.key)
    return list(range(len(rows))) if isinstance(rows, list) else []


def has_other(question) -> bool:
    """Whether the choice question offers «Annet», which asks for a text."""
    return question.kind in ("choice", "multiple_choice") and any(
        str(choice).strip().lower() == OTHER_CHOICE for choice in question.choices or []
    )


def chose_other(question, value) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(str(v).strip().lower() == OTHER_CHOICE for v in values if v)


def displayed(question, data: dict):
    """The answer as a reader should see it: «Annet» carries what the unit wrote."""
    value = data.get(question.key)
    others = data.get(OTHER_KEY)
    text = others.get(question.key) if isinstance(others, dict) else None
    if not text or not has_other(question):
        return value

    def with_text(choice):
        if isinstance(choice, str) and choice.strip().lower() == OTHER_CHOICE:
            return f"{choice}: {text}"
        return choice

    if isinstance(value, list):
        return [with_text(choice) for choice in value]
    return with_text(value)
