"""The small language an administrator writes computed values and rules in.

A *reference* names one answer in the same section: ``ansatte`` (a question),
``ansatte.antall.kvinner`` (a table cell: question, row, column) or
``tiltak.*.frist`` (a list field or table column in every row). ``*`` in the row
or column place means "each", and the other side of a rule takes the same row or
column. In a table column's or list field's formula a bare name is a field of the
same row.

A *formula* is numbers, references in braces, ``+ - * /`` and parentheses:
``100 * {kvinner} / ({kvinner} + {menn})``.

A rule's right side is a reference, a number, a date (``31.12.2025``) or
``@frist``, the circular's deadline.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EACH = "*"
DEADLINE = "@frist"
MAX_FORMULA_LENGTH = 300
_PART = r"[a-z0-9æøå][a-z0-9æøå_-]{0,59}"
_REFERENCE = re.compile(rf"^{_PART}(\.({_PART}|\*)\.({_PART}|\*))?$")
_TOKEN = re.compile(r"\s*(?:(\d+(?:[.,]\d+)?)|\{([^{}]{1,200})\}|([-+*/()]))")

NUMBER, DATE = "number", "date"
NUMERIC_KINDS = {"integer", "decimal", "percent"}


@dataclass(frozen=True)
class Reference:
    """An answer or a cell of one: `row` and `column` are None for a question's
    own value, a key, or EACH."""

    key: str
    row: str | None = None
    column: str | None = None

    @property
    def is_cell(self) -> bool:
        return self.row is not None

    def __str__(self):
        return ".".join(p for p in (self.key, self.row, self.column) if p)


def parse_reference(text: str) -> Reference:
    text = (text or "").strip().lower()
    if not _REFERENCE.match(text):
        raise ValidationError(
            _(
                "«%(text)s» er ingen gyldig henvisning. Skriv f.eks. "
                "ansatte.antall.kvinner."
            )
            % {"text": text[:60]}
        )
    return Reference(*text.split(".")) if "." in text else Reference(text)


def parse_constant(text: str):
    """A number (Decimal), a date, DEADLINE, or None when `text` is no constant."""
    text = (text or "").strip()
    if text.lower() == DEADLINE:
        return DEADLINE
    if match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        day, month, year = map(int, match.groups())
        text = f"{year:04d}-{month:02d}-{day:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return None
    if re.fullmatch(r"-?\d{1,12}(?:[.,]\d{1,4})?", text):
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            return None
    return None


def parse_formula(text: str) -> list:
    """The formula as a tree: ("num", Decimal) | ("ref", Reference) |
    ("neg", tree) | (op, left, right) with op one of + - * /."""
    text = (text or "").strip()
    if len(text) > MAX_FORMULA_LENGTH:
        raise ValidationError(_("Formelen er for lang."))
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            if text[position:].strip() == "":
                break
            raise ValidationError(
                _("Formelen kan ikke leses ved «%(rest)s».")
                % {"rest": text[position : position + 20]}
            )
        number, reference, operator = match.groups()
        if number:
            tokens.append(("num", Decimal(number.replace(",", "."))))
        elif reference:
            tokens.append(("ref", parse_reference(reference)))
        else:
            tokens.append(("op", operator))
        position = match.end()
    if not tokens:
        raise ValidationError(_("Formelen er tom."))
    parser = _Parser(tokens)
    tree = parser.expression()
    if parser.position != len(tokens):
        raise ValidationError(_("Formelen har et tegn for mye eller en parentes feil."))
    return tree


class _Parser:
    """Recursive descent over the tokens: sum -> product -> unary -> atom."""

    def __init__(self, tokens):
        self.tokens, self.position = tokens, 0

    def _peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take_operator(self, *operators):
        token = self._peek()
        if token and token[0] == "op" and token[1] in operators:
            self.position += 1
            return token[1]
        return None

    def expression(self):
        tree = self.product()
        while operator := self._take_operator("+", "-"):
            tree = (operator, tree, self.product())
        return tree

    def product(self):
        tree = self.unary()
        while operator := self._take_operator("*", "/"):
            tree = (operator, tree, self.unary())
        return tree

    def unary(self):
        if self._take_operator("-"):
            return ("neg", self.unary())
        return self.atom()

    def atom(self):
        if self._take_operator("("):
            tree = self.expression()
            if not self._take_operator(")"):
                raise ValidationError(_("Formelen mangler en avsluttende parentes."))
            return tree
        token = self._peek()
        if token is None or token[0] == "op":
            raise ValidationError(_("Formelen mangler et tall eller en henvisning."))
        self.position += 1
        return token


def references_in(tree) -> list[Reference]:
    if tree[0] == "ref":
        return [tree[1]]
    if tree[0] == "num":
        return []
    return [ref for part in tree[1:] for ref in references_in(part)]


def _cell_spec(question, reference: Reference) -> dict:
    """The column (or list field) a cell reference points at; refuses unknown parts."""
    if question.kind not in ("table", "list"):
        raise ValidationError(
            _("«%(key)s» er ingen tabell eller liste; skriv bare nøkkelen.")
            % {"key": question.key}
        )
    if question.kind == "list" and reference.row != EACH:
        raise ValidationError(
            _("En liste har ingen faste rader: skriv %(key)s.*.felt.")
            % {"key": question.key}
        )
    rows = {r.get("key") for r in question.rows or [] if isinstance(r, dict)}
    if question.kind == "table" and reference.row not in (EACH, *rows):
        raise ValidationError(
            _("Tabellen «%(key)s» har ingen rad «%(row)s».")
            % {"key": question.key, "row": reference.row}
        )
    columns = {c.get("key"): c for c in question.columns or [] if isinstance(c, dict)}
    if reference.column == EACH:
        return {"kind": _one_kind(columns.values())}
    if reference.column not in columns:
        raise ValidationError(
            _("«%(key)s» har ingen kolonne «%(column)s».")
            % {"key": question.key, "column": reference.column}
        )
    return columns[reference.column]


def _one_kind(columns) -> str:
    kinds = {value_type(c.get("kind")) for c in columns}
    return "integer" if kinds == {NUMBER} else "date" if kinds == {DATE} else "mixed"


def value_type(kind: str | None) -> str | None:
    """NUMBER or DATE for the kinds a rule or formula can compare, else None."""
    if kind in NUMERIC_KINDS:
        return NUMBER
    if kind == "date":
        return DATE
    return None


def reference_type(reference: Reference, questions: dict, *, row_columns=None) -> str:
    """NUMBER or DATE for what the reference points at; ValidationError otherwise.

    `questions` maps key to question; `row_columns` are the same-row fields a bare
    name may mean in a column formula."""
    if not reference.is_cell and row_columns and reference.key in row_columns:
        kind = row_columns[reference.key].get("kind")
    elif reference.key not in questions:
        raise ValidationError(
            _("Kapittelet har ikke spørsmålet «%(key)s».") % {"key": reference.key}
        )
    elif reference.is_cell:
        kind = _cell_spec(questions[reference.key], reference).get("kind")
    else:
        kind = questions[reference.key].kind
    found = value_type(kind)
    if found is None:
        raise ValidationError(
            _("«%(reference)s» er verken tall eller dato.") % {"reference": reference}
        )
    return found


def check_formula(text: str, questions: dict, *, row_columns=None) -> None:
    """Refuse a formula that cannot be read or names anything but numbers."""
    tree = parse_formula(text)
    for reference in references_in(tree):
        if reference_type(reference, questions, row_columns=row_columns) != NUMBER:
            raise ValidationError(
                _("«%(reference)s» er ikke et tall.") % {"reference": reference}
            )
