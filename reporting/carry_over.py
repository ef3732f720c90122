"""Which stored answers still fit a replacement circular's questions.

An answer moves to the question with the same key in the section with the same
topic only if the question kind is unchanged and the value is still valid for
the new question: its choices, bounds and length, and for tables and lists the
rows, columns and fields that still exist with the same kind. Whatever no
longer fits is dropped rather than guessed at. Each kind says what fits
(`Kind.carried`).
"""

from circulars.models import Question

from .kinds import kind_of
from .rules import OTHER_KEY, RULE_EXPLANATIONS_KEY


def carried_value(old: Question, new: Question, value):
    """The part of `old`'s answer that is still a valid answer to `new`, or None."""
    return kind_of(new).carried(value, old=kind_of(old))


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
    return carried | _carried_notes(carried, data)


def _carried_notes(carried: dict, data: dict) -> dict:
    """The «Annet» texts of carried answers and the explanations of broken rules
    (a replacement keeps the rules' keys; saving drops what no longer applies)."""
    notes = {}
    others = data.get(OTHER_KEY)
    if isinstance(others, dict):
        kept = {key: text for key, text in others.items() if key in carried}
        if kept:
            notes[OTHER_KEY] = kept
    if isinstance(data.get(RULE_EXPLANATIONS_KEY), dict):
        notes[RULE_EXPLANATIONS_KEY] = data[RULE_EXPLANATIONS_KEY]
    return notes
