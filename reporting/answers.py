"""Facts about a section's stored answers (each value's rules are its kind's)."""

from circulars.models import Question

from .kinds import kind_of
from .rules import hidden_keys

# The section data key under which explanations of big changes from last year are
# stored, as {question_key: text}.
EXPLANATIONS_KEY = "_forklaringer"
# The keys of questions reported «minst annethvert år» whose figures the unit
# marked as last year's, as a list.
CARRIED_KEY = "_tall_fra_i_fjor"


def carried_over(question: Question, data: dict) -> bool:
    """Whether the unit marked this answer as last year's figures."""
    marked = (data or {}).get(CARRIED_KEY)
    return (
        question.every_other_year
        and isinstance(marked, list)
        and (question.key in marked)
    )


def is_answered(question: Question, value) -> bool:
    """Whether a stored value counts as an answer to the question."""
    return kind_of(question).is_answered(value)


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


def changed_beyond_threshold(question: Question, value, previous) -> bool:
    """Whether this year's number differs from last year's by more than allowed."""
    if question.change_threshold is None:
        return False
    kind = kind_of(question)
    now, before = kind.number(value), kind.number(previous)
    if now is None or before is None:
        return False
    if before == 0:
        return now != 0
    return abs(now - before) / abs(before) * 100 > question.change_threshold
