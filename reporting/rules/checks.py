"""Rules between answers: which are broken by a section's data, where, and whether
an explanation lets the report through."""

import operator
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from circulars.expressions import (
    DEADLINE,
    EACH,
    NUMBER,
    parse_constant,
    parse_reference,
    value_type,
)

from ..kinds import kind_of
from ..kinds.numbers import as_decimal as as_number
from .values import RULE_EXPLANATIONS_KEY, as_date, raw_value, row_keys

COMPARE = {
    "lte": operator.le,
    "lt": operator.lt,
    "gte": operator.ge,
    "gt": operator.gt,
}


@dataclass(frozen=True)
class Violation:
    """One place where a rule is broken: `path` is (key,) or (key, row, column)."""

    rule: object
    path: tuple
    where: str
    left: str
    right: str
    limit: object = None  # the right side's value: a Decimal or a date

    @property
    def message(self) -> str:
        text = _("%(message)s (%(left)s mot %(right)s)") % {
            "message": self.rule.message,
            "left": self.left,
            "right": self.right,
        }
        return f"{self.where}: {text}" if self.where else text


def _shown(kind: str | None, value) -> str:
    """A compared number or date as the unit reads it elsewhere."""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    else:
        value = value.isoformat()
    return kind_of(kind or "decimal").format(value)


def _comparable(kind: str | None, value):
    return as_number(value) if value_type(kind) == NUMBER else as_date(value)


def _kind_at(question, column_key) -> str | None:
    if column_key is None:
        return question.kind
    for column in question.columns or []:
        if isinstance(column, dict) and column.get("key") == column_key:
            return column.get("kind")
    return None


def _places(reference, question, data):
    """(row, column) pairs the reference stands for; EACH expanded."""
    if not reference.is_cell:
        return [(None, None)]
    rows = row_keys(question, data) if reference.row == EACH else [reference.row]
    columns = [reference.column]
    if reference.column == EACH:
        columns = [
            c["key"]
            for c in question.columns or []
            if isinstance(c, dict) and value_type(c.get("kind"))
        ]
    return [(row, column) for row in rows for column in columns]


def _where(reference, question, row, column) -> str:
    parts = []
    if reference.row == EACH and question.kind == "list":
        parts.append(_("Rad %(number)s") % {"number": int(row) + 1})
    elif reference.row == EACH:
        labels = {r.get("key"): r.get("label") for r in question.rows or []}
        parts.append(labels.get(row, ""))
    if reference.column == EACH:
        labels = {c.get("key"): c.get("label") for c in question.columns or []}
        parts.append(labels.get(column, ""))
    return ", ".join(p for p in parts if p)


def _right_value(right, constant, by_key, data, row, column, deadline):
    if constant is None:
        question = by_key.get(right.key)
        if question is None:
            return None, None
        kind = _kind_at(question, right.column if right.column != EACH else column)
        value = raw_value(right, data, row=row, column=column)
        return _comparable(kind, value), kind
    if constant == DEADLINE:
        return deadline, "date"
    return constant, "decimal" if isinstance(constant, Decimal) else "date"


def rule_violations(rule, by_key: dict, data: dict, *, deadline=None) -> list:
    """Every place in `data` where `rule` is broken (missing values break nothing)."""
    try:
        left = parse_reference(rule.left)
        constant = parse_constant(rule.right)
        right = parse_reference(rule.right) if constant is None else None
    except ValidationError:
        return []  # publishing refuses such a rule
    question = by_key.get(left.key)
    compare = COMPARE.get(rule.operator)
    if question is None or compare is None:
        return []
    found = []
    for row, column in _places(left, question, data):
        kind = _kind_at(question, column)
        value = _comparable(kind, raw_value(left, data, row=row, column=column))
        other, other_kind = _right_value(
            right, constant, by_key, data, row, column, deadline
        )
        if value is None or other is None or type(value) is not type(other):
            continue
        if not compare(value, other):
            found.append(
                Violation(
                    rule=rule,
                    path=(left.key,) if row is None else (left.key, row, column),
                    where=_where(left, question, row, column),
                    left=_shown(kind, value),
                    right=_shown(other_kind, other),
                    limit=other,
                )
            )
    return found


def violations(rules, questions, data: dict, *, deadline=None) -> list[Violation]:
    by_key = {q.key: q for q in questions}
    return [
        violation
        for rule in rules
        for violation in rule_violations(rule, by_key, data, deadline=deadline)
    ]


def explanation(data: dict, rule) -> str:
    texts = data.get(RULE_EXPLANATIONS_KEY)
    return str(texts.get(rule.key) or "").strip() if isinstance(texts, dict) else ""


def blocking(found: list[Violation], data: dict) -> list[Violation]:
    """The violations that stop submitting: not explainable, or not explained."""
    return [v for v in found if not (v.rule.explainable and explanation(data, v.rule))]
