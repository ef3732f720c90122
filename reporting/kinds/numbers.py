"""Numbers as people type them, and stored numbers as people read them.

Norwegians write «95,5» and «1 234,5»; an English keyboard gives «95.5» and
«1,234.5». Both are read the same whatever the UI language. Where a single
separator followed by three digits (e.g. «1,234») could be a decimal or a
thousands separator, the reading is taken only when just one of the two fits
the field; otherwise the input is refused rather than guessed at.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import get_format, number_format

# Spaces people (and copy-paste) put between thousands.
SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
MINUS = "-\u2212\u2013"
# Longer input is no number anyone means (and keeps Decimal work bounded).
MAX_TYPED_LENGTH = 40
# Stored numbers beyond this are shown as typed but not calculated with: one
# unit's absurd value must not overflow another reader's float or chart.
CALCULABLE_LIMIT = Decimal(10) ** 15

DIGITS = re.compile(r"[0-9]+")


def _grouped(text: str, sep: str) -> bool:
    """Whether `text` is digits in thousands groups: «1 234 567», «12.345»."""
    return (
        re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(sep)}[0-9]{{3}})+", text) is not None
    )


def _decimal(whole: str, fraction: str = "") -> Decimal:
    return Decimal(f"{whole or '0'}.{fraction or '0'}")


def readings(text: str) -> list[Decimal]:
    """Every number `text` (no sign, no spaces trimmed off) can be read as."""
    if " " in text:
        whole, _sep, fraction = _split_last(text)
        if not _grouped(whole, " ") or (fraction and not DIGITS.fullmatch(fraction)):
            return []
        return [_decimal(whole.replace(" ", ""), fraction)]
    commas, dots = text.count(","), text.count(".")
    if not commas and not dots:
        return [Decimal(text)] if DIGITS.fullmatch(text) else []
    if commas and dots:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        whole, _sep, fraction = text.rpartition(decimal_sep)
        if text.count(decimal_sep) > 1 or not DIGITS.fullmatch(fraction):
            return []
        if not _grouped(whole, group_sep):
            return []
        return [_decimal(whole.replace(group_sep, ""), fraction)]
    sep = "," if commas else "."
    if commas + dots > 1:
        return [Decimal(text.replace(sep, ""))] if _grouped(text, sep) else []
    whole, _sep, fraction = text.partition(sep)
    if (whole and not DIGITS.fullmatch(whole)) or (
        fraction and not DIGITS.fullmatch(fraction)
    ):
        return []
    if not whole and not fraction:
        return []
    found = [_decimal(whole, fraction)]
    if _grouped(text, sep) and not whole.startswith("0"):
        found.append(Decimal(text.replace(sep, "")))
    return found


def _split_last(text: str) -> tuple[str, str, str]:
    """«1 234,5» -> ("1 234", ",", "5"); without a separator the fraction is ""."""
    match = re.fullmatch(r"(.*?)(?:([,.])([0-9]*))?", text)
    return match.group(1), match.group(2) or "", match.group(3) or ""


def typed_readings(raw: str) -> list[Decimal] | None:
    """The numbers typed text can mean (signed), or None when it is no number."""
    text = SPACES.sub(" ", str(raw)).strip()
    if not text or len(text) > MAX_TYPED_LENGTH:
        return None
    sign = 1
    if text[0] in MINUS or text[0] == "+":
        sign = -1 if text[0] in MINUS else 1
        text = text[1:].strip()
    try:
        found = readings(text)
    except InvalidOperation:
        return None
    return [sign * number for number in found] or None


def as_decimal(value) -> Decimal | None:
    """A stored number as a Decimal fit to calculate with; None for anything else
    (text, yes/no, infinities, or a value too large to mean anything)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if isinstance(value, int) and abs(value) >= CALCULABLE_LIMIT:
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number) >= CALCULABLE_LIMIT:
        return None
    return number


def plain(number: Decimal | int) -> Decimal | int:
    """An integral Decimal as an int, others without trailing zeros."""
    if isinstance(number, Decimal) and number == number.to_integral_value():
        return int(number)
    return number.normalize() if isinstance(number, Decimal) else number


def shown_number(value, *, decimals: int | None = None) -> str:
    """A number in the active language: «1 234,5» in bokmål, «1,234.5» in English.
    Any stored number gives its text, however large; anything else is shown as is.

    With `decimals`, exactly that many, rounded half up as Norwegian publications
    do (20,25 is «20,3», not Python's round-half-even «20,2»), zeros kept: «50,0»."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        value = Decimal(repr(value))
    if decimals is not None:
        value = Decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        return number_format(
            value, decimal_pos=decimals, use_l10n=True, force_grouping=True
        )
    return number_format(plain(value), use_l10n=True, force_grouping=True)


def typeable_number(value) -> str:
    """A number as it goes back into an input: no grouping, the language's comma."""
    number = as_decimal(value)
    if number is None:
        return str(value)
    number = plain(number)
    text = str(number) if isinstance(number, int) else format(number, "f")
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))
