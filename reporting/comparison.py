"""This year's answers beside last year's approved ones, with what changed.

Numbers get a signed change, texts a word-level diff, tables and lists the same
per cell. Everything here is plain data the review template renders.
"""

import difflib
from dataclasses import dataclass, field

from circulars.models import Question

from .answers import EXPLANATIONS_KEY, carried_over
from .kinds import Kind, kind_of
from .rules import displayed


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(operation, words) pieces: 'equal', 'insert' or 'delete'."""
    before, after = str(old or "").split(), str(new or "").split()
    pieces = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("equal", " ".join(before[a1:a2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("delete", " ".join(before[a1:a2])))
        if op in ("insert", "replace"):
            pieces.append(("insert", " ".join(after[b1:b2])))
    return pieces


@dataclass
class Cell:
    kind: Kind
    value: object
    previous: object
    has_previous: bool

    @property
    def text(self) -> str:
        return self.kind.format(self.value)

    @property
    def previous_text(self) -> str:
        return self.kind.format(self.previous)

    @property
    def changed(self) -> bool:
        return self.has_previous and self.text != self.previous_text

    @property
    def change(self) -> str:
        return self.kind.change(self.previous, self.value) if self.changed else ""

    @property
    def diff(self) -> list[tuple[str, str]]:
        if self.kind.compares_words and self.changed:
            return word_diff(self.previous_text, self.text)
        return []


@dataclass
class QuestionView:
    question: Question
    answered: bool
    cell: Cell | None = None
    table: list[tuple[str, list[Cell]]] = field(default_factory=list)
    items: list[list[tuple[str, str]]] = field(default_factory=list)
    previous_items: list[list[tuple[str, str]]] = field(default_factory=list)
    explanation: str = ""  # the unit's explanation of a big change from last year
    carried: bool = False  # the figures are last year's («tall fra» last year)


def _list_rows(kind, value) -> list[list[tuple[str, str]]]:
    return [kind.texts(cells) for cells in kind.rows_of(value)]


def explanation(question: Question, data: dict) -> str:
    """The unit's explanation of the question's change from last year, if any."""
    explained = data.get(EXPLANATIONS_KEY)
    text = explained.get(question.key) if isinstance(explained, dict) else None
    return str(text).strip() if text else ""


def question_view(
    question: Question, data: dict, previous: dict | None
) -> QuestionView:
    """One question's answer, and last year's when there was an approved report."""
    value = displayed(question, data)
    has_previous = previous is not None
    old = displayed(question, previous or {})
    kind = kind_of(question)
    view = QuestionView(
        question=question,
        answered=kind.is_answered(value),
        explanation=explanation(question, data),
        carried=carried_over(question, data),
    )
    if question.kind == Question.Kind.TABLE:
        view.table = [
            (
                label,
                [
                    Cell(
                        kind=column_kind,
                        value=cell,
                        previous=before,
                        has_previous=has_previous,
                    )
                    for (_c, column_kind, cell), (_b, _k, before) in zip(
                        cells, old_cells, strict=True
                    )
                ],
            )
            for (label, cells), (_label, old_cells) in zip(
                kind.table(value), kind.table(old), strict=True
            )
        ]
    elif question.kind == Question.Kind.LIST:
        view.items = _list_rows(kind, value)
        view.previous_items = _list_rows(kind, old) if has_previous else []
    else:
        view.cell = Cell(
            kind=kind, value=value, previous=old, has_previous=has_previous
        )
    return view
