"""What the circular says about answers beyond their kind: computed answers,
conditional questions, «Annet» texts and rules between answers.

`derive` is the one hook in the save path: it drops hidden answers and
(re)computes computed ones, so stored data is right also without JavaScript.
"""

from .checks import Violation, blocking, explanation, violations
from .conditions import hidden_keys, is_shown, without_hidden
from .formulas import with_computed
from .values import (
    OTHER_KEY,
    RULE_EXPLANATIONS_KEY,
    chose_other,
    displayed,
    has_other,
)

__all__ = [
    "OTHER_KEY",
    "RULE_EXPLANATIONS_KEY",
    "Violation",
    "blocking",
    "chose_other",
    "derive",
    "displayed",
    "explanation",
    "has_other",
    "hidden_keys",
    "is_shown",
    "section_violations",
    "violations",
    "without_hidden",
]


def derive(questions, data: dict) -> dict:
    """The data to store: hidden answers left out, computed answers current."""
    questions = list(questions)
    return with_computed(questions, without_hidden(questions, data))


def section_violations(answer, data: dict | None = None) -> list[Violation]:
    """The rules of the answer's section broken by `data` (default: as stored)."""
    section = answer.section
    return violations(
        section.rules.all(),
        section.questions.all(),
        answer.data if data is None else data,
        deadline=answer.report.circular.deadline,
    )
