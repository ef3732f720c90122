"""The answer kind base class and `kind_of`, which finds the kind of a question,
a table column or a list field.

A kind is bound to what the circular says about the question (choices, bounds,
length, rows and columns). Stored shapes are documented on `Question`.
"""

from decimal import Decimal

from django import forms

from circulars.models import Question

K = Question.Kind
EMPTY = (None, "", [], {})
KINDS: dict[str, type["Kind"]] = {}


class Kind:
    """What one answer kind knows about its values; subclasses set `code`."""

    code: str = ""
    # Whether a change from last year is shown as a word-level diff.
    compares_words = False
    # Whether last year's value is printed beside this year's in the PDFs.
    compares_in_print = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.code:
            KINDS[cls.code] = cls

    def __init__(self, spec: dict):
        self.spec = spec
        self.label = spec.get("label", "")
        self.choices = list(spec.get("choices") or [])
        self.max_length = spec.get("max_length")

    # Typing and storing.

    def form_field(self, *, label, help_text="", cell=False) -> forms.Field:
        """The form field a person types this kind into (never required here:
        a draft may be incomplete; submitting checks what is missing)."""
        raise NotImplementedError

    def stored(self, cleaned):
        """A cleaned form value in the stored shape (None when not answered)."""
        return None if cleaned in EMPTY else cleaned

    def initial(self, value):
        """A stored value as the form field shows it."""
        return value

    def parse(self, raw):
        """What a person typed, in the stored shape; ValidationError with a
        message for people when it is not a valid answer."""
        return self.stored(self.form_field(label=self.label).clean(raw))

    def fits(self, value) -> bool:
        """Whether a stored value is a valid answer (shape, choices, bounds)."""
        return False

    def carried(self, value, *, old: "Kind"):
        """The part of `old`'s stored answer that is a valid answer here, or None."""
        if old.code != self.code or value is None:
            return None
        return value if self.fits(value) else None

    # Reading.

    def is_answered(self, value) -> bool:
        return value not in EMPTY

    def format(self, value) -> str:
        """The stored value as a person reads it in the active language ("" when
        not answered); any stored value, even an invalid one, gives some text."""
        return "" if value in EMPTY else str(value)

    def number(self, value) -> Decimal | None:
        """The value as a number to compare or count with, if it is one."""
        return None

    def cell(self, value):
        """The value in a spreadsheet cell: a number where it is one, else text."""
        return self.format(value) or None

    def change(self, old, new) -> str:
        """Last year's value to this year's in words (numbers only)."""
        return ""


def spec_of(source) -> dict:
    """What a kind needs to know, from a Question, a column dict or a kind code."""
    if isinstance(source, str):
        return {"kind": source}
    if isinstance(source, dict):
        return {"kind": source.get("kind") or K.SHORT_TEXT, **source}
    return {
        "kind": source.kind,
        "label": source.label,
        "choices": source.choices,
        "min_value": source.min_value,
        "max_value": source.max_value,
        "max_length": source.max_length,
        "rows": source.rows,
        "columns": source.columns,
    }


def kind_of(source) -> Kind:
    """The kind of a Question, a table column / list field dict, or a kind code."""
    spec = spec_of(source)
    try:
        return KINDS[spec["kind"]](spec)
    except KeyError:
        raise ValueError(f"Unknown question kind {spec['kind']!r}") from None
