"""What the byråd sends out: circulars, their sections and questions, and the
library documents they refer to.

A published circular is frozen: `Circular.save()`, `Section.save()` and
`Question.save()` (and their deletes) refuse to change anything that belongs to
a published or withdrawn circular; the querysets below refuse bulk updates,
deletes and bulk creates that would reach one; a signal refuses changes to its
document references. The one change left is published -> withdrawn.
"""

# First: Circular's queryset and the base of its parts (frozen.py imports
# Circular once its own classes exist).
from .frozen import (
    CircularQuerySet,
    FrozenChild,
    FrozenCircular,
    FrozenQuerySet,
    QuestionQuerySet,
)

# isort: split
from .circulars import (
    AUDIENCE_NAMES,
    Circular,
    CircularEvent,
    UnitKind,
    audience_phrase,
)
from .documents import Document, refuse_reference_changes_of_frozen_circulars
from .questions import Question, Section
from .rules import Rule, question_problems, siblings_of

__all__ = [
    "AUDIENCE_NAMES",
    "Circular",
    "CircularEvent",
    "CircularQuerySet",
    "Document",
    "FrozenChild",
    "FrozenCircular",
    "FrozenQuerySet",
    "Question",
    "QuestionQuerySet",
    "Rule",
    "Section",
    "UnitKind",
    "audience_phrase",
    "question_problems",
    "refuse_reference_changes_of_frozen_circulars",
    "siblings_of",
]
