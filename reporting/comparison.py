"""This year's answers beside last year's approved ones, with what changed.

Numbers get a signed change, texts a word-level diff, tables and lists the same
per cell. Everything here is plain data the review template renders.
"""

import datetime
import difflib
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from circulars.models import Question

from .answers import EXPLANATIONS_KEY, is_answered

TEXT_KINDS = (Question.Kind.LONG_TEXT, Question.Kind.SHORT_TEXT)


def format_value(kind: str, value) -> str:
    """A stored value as a person reads it (dates d.m.Y, yes/no, choices joined)."""
    if value is None or value == "" or value == []:
        return ""
    if kind == Question.Kind.YES_NO:
        return _("Ja") if value else _("Nei")
    if kind == Question.Kind.MULTIPLE_CHOICE and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if kind == Question.Kind.DATE:
        try:
            return datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
        except (TypeError, ValueError):
            return str(value)
    if kind == Question.Kind.PERCENT:
        return f"{number_format(value, use_l10n=True, force_grouping=True)} %"
    if kind in Question.NUMERIC_KINDS:
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


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


def number_change(old, new) -> str:
    """The change from last year in words, e.g. «økt med 12 (+5,0 %)»."""
    if not isinstance(old, int | float) or not isinstance(new, int | float):
        return ""
    if isinstance(old, bool) or isinstance(new, bool):
        return ""
    delta = new - old
    if delta == 0:
        return _("uendret")
    amount = number_format(abs(round(delta, 2)), use_l10n=True)
    percent = (
        f" ({'+' if delta > 0 else '−'}"
        f"{number_format(abs(delta) / abs(old) * 100, 1, use_l10n=True)} %)"
        if old
        else ""
    )
    word = _("økt med") if delta > 0 else _("redusert med")
    return f"{word} {amount}{percent}"


@dataclass
class Cell:
    kind: str
    value: object
    previous: object
    has_previous: bool

    @property
    def text(self) -> str:
        return format_value(self.kind, self.value)

    @property
    def previous_text(self) -> str:
        return format_value(self.kind, self.previous)

    @property
    def changed(self) -> bool:
        return self.has_previous and self.text != self.previous_text

    @property
    def change(self) -> str:
        return number_change(self.previous, self.value) if self.changed else ""

    @property
    def diff(self) -> list[tuple[str, str]]:
        if self.kind in TEXT_KINDS and self.changed:
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


def _list_rows(question: Question, value) -> list[list[tuple[str, str]]]:
    columns = question.columns or []
    return [
        [
            (
                column["label"],
                format_value(column.get("kind", "short_text"), row.get(column["key"])),
            )
            for column in columns
        ]
        for row in (value or [])
        if isinstance(row, dict)
    ]


def explanation(question: Question, data: dict) -> str:
    """The unit's explanation of the question's change from last year, if any."""
    explained = data.get(EXPLANATIONS_KEY)
    text = explained.get(question.key) if isinstance(explained, dict) else None
    return str(text).strip() if text else ""


def question_view(
    question: Question, data: dict, previous: dict | None
) -> QuestionView:
    """One question's answer, and last year's when there was an approved report."""
    value = data.get(question.key)
    has_previous = previous is not None
    old = (previous or {}).get(question.key)
    view = QuestionView(
        question=question,
        answered=is_answered(question, value),
        explanation=explanation(question, data),
    )
    if question.kind == Question.Kind.TABLE:
        value, old = value or {}, old or {}
        view.table = [
            (
                row["label"],
                [
                    Cell(
                        kind=column.get("kind", "short_text"),
                        value=(value.get(row["key"]) or {}).get(column["key"]),
                        previous=(old.get(row["key"]) or {}).get(column["key"]),
                        has_previous=has_previous,
                    )
                    for column in question.columns
                ],
            )
            for row in question.rows
        ]
    elif question.kind == Question.Kind.LIST:
        view.items = _list_rows(question, value)
        view.previous_items = _list_rows(question, old) if has_previous else []
    else:
        view.cell = Cell(
            kind=question.kind, value=value, previous=old, has_previous=has_previous
        )
    return view
