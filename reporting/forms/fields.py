"""One form field per question kind, and the conversions between form values and
the JSON shapes documented on `Question`."""

import datetime
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from circulars.models import Question

K = Question.Kind
LONG_TEXT_LIMIT = 10_000
SHORT_TEXT_LIMIT = 500
YES, NO = "ja", "nei"
YES_NO_CHOICES = [(YES, _("Ja")), (NO, _("Nei"))]


def _bounds(kind, min_value, max_value, *, cell: bool):
    if kind == K.PERCENT:
        return (
            max(Decimal(0), min_value or Decimal(0)),
            min(Decimal(100), max_value if max_value is not None else Decimal(100)),
        )
    if kind == K.INTEGER and cell and min_value is None:
        # Table and list cells of integers are counts.
        min_value = Decimal(0)
    return min_value, max_value


def make_field(
    kind,
    *,
    label,
    help_text="",
    choices=(),
    min_value=None,
    max_value=None,
    max_length=None,
    cell=False,
) -> forms.Field:
    """One form field for one question kind (or one table/list cell kind)."""
    common = {"label": label, "help_text": help_text, "required": False}
    min_value, max_value = _bounds(kind, min_value, max_value, cell=cell)
    validators = []
    if min_value is not None:
        validators.append(MinValueValidator(min_value))
    if max_value is not None:
        validators.append(MaxValueValidator(max_value))
    if kind == K.LONG_TEXT:
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 3 if cell else 5}),
            max_length=max_length or LONG_TEXT_LIMIT,
            **common,
        )
    if kind == K.SHORT_TEXT:
        return forms.CharField(max_length=max_length or SHORT_TEXT_LIMIT, **common)
    if kind == K.INTEGER:
        return forms.IntegerField(
            validators=validators,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1"}),
            **common,
        )
    if kind in (K.DECIMAL, K.PERCENT):
        return forms.DecimalField(
            validators=validators,
            max_digits=14,
            decimal_places=2,
            widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
            localize=False,
            **common,
        )
    if kind == K.YES_NO:
        return forms.ChoiceField(
            choices=YES_NO_CHOICES, widget=forms.RadioSelect, **common
        )
    if kind == K.CHOICE:
        return forms.ChoiceField(
            choices=[("", _("Velg …")), *((c, c) for c in choices)], **common
        )
    if kind == K.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=[(c, c) for c in choices],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if kind == K.DATE:
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **common,
        )
    raise ValueError(f"Unknown question kind {kind}")


def to_stored(kind, value):
    """A cleaned form value in the JSON shape documented on `Question`."""
    if value in (None, "", []):
        return None
    if kind == K.YES_NO:
        return value == YES
    if kind in (K.DECIMAL, K.PERCENT):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def to_initial(kind, value):
    """A stored value as the form field expects it."""
    if value is None:
        return None
    if kind == K.YES_NO:
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return int(value)  # shown as it will be stored: 95, not 95.0
    return value
