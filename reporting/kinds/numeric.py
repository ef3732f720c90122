"""Whole numbers, decimal numbers and percentages.

Bounds come from the question (or the column) and otherwise from the kind:
counts 0 to a million, decimals 0 to a billion, percentages 0 to 100. Typed text
is read by `numbers.typed_readings`; the stored value is an int or a float.
"""

from decimal import Decimal

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext

from .base import K, Kind
from .numbers import as_decimal, plain, shown_number, typeable_number, typed_readings

PERCENT_SIGN = "\u00a0%"


def bound(value) -> Decimal | None:
    """A bound set on a question or a column; None when unset (or not a number,
    which `Question.clean` refuses)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    return number if number.is_finite() else None


class NumberField(forms.Field):
    """A text input read as a number by its kind: «95,5» is 95.5 in every UI
    language (a browser's number input would make it 955 or nothing)."""

    def __init__(self, *, kind: "NumberKind", **kwargs):
        self.kind = kind
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {
                "inputmode": kind.inputmode,
                "autocomplete": "off",
                "spellcheck": "false",
            }
        )

    def to_python(self, value):
        return self.kind.parse(value)

    def prepare_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return typeable_number(value)
        return value


class NumberKind(Kind):
    whole = False
    inputmode = "decimal"
    default_min = Decimal(0)
    default_max: Decimal
    # Decimals kept: 12,25 is fine, 12,255 asks the person to round.
    decimal_places = 2
    compares_in_print = True
    # Whether `expected()` names the maximum even when it is the kind's default.
    names_max = False

    def __init__(self, spec):
        super().__init__(spec)
        low, high = bound(spec.get("min_value")), bound(spec.get("max_value"))
        self.min_value = self.default_min if low is None else low
        self.max_value = self.default_max if high is None else high
        self.max_is_default = high is None

    # Typing.

    def form_field(self, *, label, help_text="", cell=False):
        return NumberField(kind=self, label=label, help_text=help_text, required=False)

    def expected(self) -> str:
        """What to type, in words: «et helt tall, 0 eller mer»."""
        low, high = shown_number(self.min_value), shown_number(self.max_value)
        if self.whole:
            if self.max_is_default:
                return gettext("et helt tall, %(min)s eller mer") % {"min": low}
            return gettext("et helt tall fra %(min)s til %(max)s") % {
                "min": low,
                "max": high,
            }
        if self.max_is_default:
            return gettext("et tall, %(min)s eller mer") % {"min": low}
        return gettext("et tall fra %(min)s til %(max)s") % {"min": low, "max": high}

    def example(self) -> str:
        return typeable_number(12 if self.whole else Decimal("95.5"))

    def _refuse(self, message, **params):
        raise forms.ValidationError(message % params if params else message)

    def _fits_number(self, number: Decimal) -> bool:
        whole = number == number.to_integral_value()
        return (whole or not self.whole) and (
            self.min_value <= number <= self.max_value
        )

    def parse(self, raw):
        if raw is None or not str(raw).strip():
            return None
        found = typed_readings(raw)
        if found is None:
            self._refuse(
                gettext("Skriv %(expected)s, f.eks. %(example)s."),
                expected=self.expected(),
                example=self.example(),
            )
        fitting = sorted({n for n in found if self._fits_number(n)})
        if len(fitting) > 1:
            self._refuse(
                gettext(
                    "«%(typed)s» kan leses både som %(first)s og %(second)s. Skriv "
                    "tusen uten skilletegn eller med mellomrom (f.eks. 1234 eller "
                    "1 234) og desimaler med komma (f.eks. 95,5)."
                ),
                typed=str(raw).strip(),
                first=shown_number(fitting[0]),
                second=shown_number(fitting[1]),
            )
        number = fitting[0] if fitting else found[0]
        self._check(number)
        return self.stored(number)

    def _check(self, number: Decimal) -> None:
        if self.whole and number != number.to_integral_value():
            self._refuse(gettext("Skriv %(expected)s."), expected=self.expected())
        if number > self.max_value and self.max_is_default and not self.names_max:
            self._refuse(
                gettext("Skriv %(expected)s (høyst %(max)s)."),
                expected=self.expected(),
                max=shown_number(self.max_value),
            )
        if not self.min_value <= number <= self.max_value:
            self._refuse(gettext("Skriv %(expected)s."), expected=self.expected())
        if number.normalize().as_tuple().exponent < -self.decimal_places:
            self._refuse(
                gettext("Skriv høyst to desimaler, f.eks. %(example)s."),
                example=typeable_number(Decimal("95.25")),
            )

    def stored(self, cleaned):
        if cleaned is None or cleaned == "":
            return None
        number = plain(Decimal(str(cleaned)))
        return number if isinstance(number, int) else float(number)

    def fits(self, value) -> bool:
        number = self.number(value)
        if number is None or (self.whole and not isinstance(value, int)):
            return False
        return self._fits_number(number)

    # Reading.

    def number(self, value) -> Decimal | None:
        return as_decimal(value)

    def format(self, value, *, decimals: int | None = None) -> str:
        """The value as printed; `decimals` fixes their number (statistics)."""
        if value is None or value == "":
            return ""
        return shown_number(value, decimals=decimals)

    def cell(self, value):
        number = self.number(value)
        if number is None:
            return self.format(value) or None
        number = plain(number)
        return number if isinstance(number, int) else float(number)

    def change(self, old, new) -> str:
        before, now = self.number(old), self.number(new)
        if before is None or now is None:
            return ""
        delta = now - before
        if delta == 0:
            return gettext("uendret")
        amount = shown_number(abs(round(delta, 2)))
        percent = (
            f" ({'+' if delta > 0 else '−'}"
            f"{number_format(abs(delta) / abs(before) * 100, 1, use_l10n=True)} %)"
            if before
            else ""
        )
        word = gettext("økt med") if delta > 0 else gettext("redusert med")
        return f"{word} {amount}{percent}"


class IntegerKind(NumberKind):
    code = K.INTEGER
    whole = True
    inputmode = "numeric"
    default_max = Decimal(1_000_000)
    decimal_places = 0


class DecimalKind(NumberKind):
    code = K.DECIMAL
    default_max = Decimal(1_000_000_000)


class PercentKind(NumberKind):
    code = K.PERCENT
    default_max = Decimal(100)
    names_max = True

    def expected(self) -> str:
        return gettext("en prosent fra %(min)s til %(max)s") % {
            "min": shown_number(self.min_value),
            "max": shown_number(self.max_value),
        }

    def parse(self, raw):
        return super().parse(None if raw is None else str(raw).strip().rstrip("%"))

    def format(self, value, *, decimals: int | None = None) -> str:
        text = super().format(value, decimals=decimals)
        numeric = isinstance(value, int | float | Decimal)
        numeric = numeric and not isinstance(value, bool)
        return f"{text}{PERCENT_SIGN}" if numeric else text
