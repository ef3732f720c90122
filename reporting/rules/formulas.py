"""Computed answers: evaluated on the server at every save, and handed to the
page as a tree of field names so its script keeps them current while one types."""

from decimal import Decimal, DivisionByZero, InvalidOperation

from django.core.exceptions import ValidationError

from circulars.expressions import EACH, Reference, parse_formula

from ..kinds.numbers import as_decimal as as_number
from .values import raw_value, row_keys

ONE_DECIMAL = Decimal("0.1")


def _tree(text: str):
    try:
        return parse_formula(text)
    except ValidationError:
        return None  # publishing refuses such a formula; an old one computes nothing


def evaluate(tree, resolve) -> Decimal | None:
    """The formula's value, or None when a value is missing or it divides by 0."""
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind == "ref":
        return resolve(tree[1])
    if kind == "neg":
        value = evaluate(tree[1], resolve)
        return None if value is None else -value
    left, right = evaluate(tree[1], resolve), evaluate(tree[2], resolve)
    if left is None or right is None:
        return None
    try:
        if kind == "/":
            return left / right if right else None
        return {"+": left + right, "-": left - right, "*": left * right}[kind]
    except (InvalidOperation, DivisionByZero):
        return None


def stored(kind: str, value: Decimal | None):
    """A computed number as an answer of the kind is stored."""
    if value is None or not value.is_finite():
        return None
    if kind == "integer":
        return int(value.to_integral_value())
    value = value.quantize(ONE_DECIMAL)
    return int(value) if value == value.to_integral_value() else float(value)


def _resolver(data: dict, *, row=None, row_columns=None, cells=None):
    def resolve(reference: Reference):
        if not reference.is_cell and row_columns and reference.key in row_columns:
            return as_number((cells or {}).get(reference.key))
        if reference.column == EACH or (reference.row == EACH and row is None):
            return None
        return as_number(raw_value(reference, data, row=row))

    return resolve


def computed_columns(question) -> list[dict]:
    return [
        c for c in question.columns or [] if isinstance(c, dict) and c.get("formula")
    ]


def with_computed(questions, data: dict) -> dict:
    """The data with every computed question and column (re)calculated."""
    data = dict(data)
    for question in questions:
        if question.formula:
            tree = _tree(question.formula)
            value = stored(question.kind, tree and evaluate(tree, _resolver(data)))
            _put(data, question.key, value)
        elif computed := computed_columns(question):
            data[question.key] = _compute_rows(question, computed, data)
            if not data[question.key]:
                data.pop(question.key)
    return data


def _put(data: dict, key, value) -> None:
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value


def _compute_rows(question, computed: list[dict], data: dict):
    row_columns = {c["key"]: c for c in question.columns if isinstance(c, dict)}
    answer = data.get(question.key)
    is_table = question.kind == "table"
    rows = dict(answer) if is_table and isinstance(answer, dict) else {}
    if not is_table:
        rows = dict(enumerate(answer)) if isinstance(answer, list) else {}
    trees = [(column, _tree(str(column["formula"]))) for column in computed]
    for row in row_keys(question, data):
        cells = dict(rows[row]) if isinstance(rows.get(row), dict) else {}
        resolve = _resolver(data, row=row, row_columns=row_columns, cells=cells)
        for column, tree in trees:
            value = tree and evaluate(tree, resolve)
            _put(cells, column["key"], stored(column.get("kind"), value))
        if cells or not is_table:
            rows[row] = cells
        else:
            rows.pop(row, None)
    return rows if is_table else [rows[i] for i in sorted(rows)]


def field_tree(tree, field_name, *, question_key=None, row=None, row_columns=()):
    """The formula with each reference replaced by the form field it reads, for
    the page's script: ["num", "1.5"] | ["field", name] | [op, a, b] | ["neg", a]."""
    kind = tree[0]
    if kind == "num":
        return ["num", str(tree[1])]
    if kind != "ref":
        return [
            kind,
            *(
                field_tree(
                    part,
                    field_name,
                    question_key=question_key,
                    row=row,
                    row_columns=row_columns,
                )
                for part in tree[1:]
            ),
        ]
    reference = tree[1]
    if not reference.is_cell and reference.key in row_columns:
        return ["field", field_name(question_key, row, reference.key)]
    if not reference.is_cell:
        return ["field", field_name(reference.key)]
    bound_row = row if reference.row == EACH else reference.row
    return ["field", field_name(reference.key, bound_row, reference.column)]
