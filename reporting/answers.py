"""Facts about stored answer values (the shapes are documented on `Question`)."""

from decimal import Decimal

from circulars.models import Question

from .rules import hidden_keys

# The section data key under which explanations of big changes from last year are
# stored, as {question_key: text}.
EXPLANATIONS_KEY = "_forklaringer"


def is_answered(question: Question, value) -> bool:
    """Whether a stored value counts as an answer to the question."""
    if value is None or value == "" or value == [] or value == {}:
        return False
    if question.kind == Question.Kind.TABLE:
        return any(
            cell not in (None, "")
            for row in value.values()
            if isinstance(row, dict)
            for cell in row.values()
        )
    if question.kind == Question.Kind.LIST:
        return any(any(v not in (None, "", []) for v in row.values()) for row in value)
    return True


def completeness(questions: list[Question], data: dict) -> tuple[int, int]:
    """(answered questions, required questions still unanswered) for a section;
    a question hidden by its condition counts as neither."""
    answered = missing = 0
    hidden = hidden_keys(questions, data)
    for question in questions:
        if question.key in hidden:
            continue
        if is_answered(question, data.get(question.key)):
            answered += 1
        elif question.required:
            missing += 1
    return answered, missing


def number(value) -> Decimal | None:
    """A stored numeric answer (or a table's numeric cells summed) as a Decimal."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, dict):
        cells = [
            cell
            for row in value.values()
            if isinstance(row, dict)
            for cell in row.values()
            if isinstance(cell, int | float) and not isinstance(cell, bool)
        ]
        return Decimal(str(sum(cells))) if cells else None
    return None


def changed_beyond_threshold(question: Question, value, previous) -> bool:
    """Whether this year's number differs from last year's by more than allowed."""
    if question.change_threshold is None:
        return False
    now, before = number(value), number(previous)
    if now is None or before is None:
        return False
    if before == 0:
        return now != 0
    return abs(now - before) / abs(before) * 100 > question.change_threshold
