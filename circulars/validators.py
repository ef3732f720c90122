"""Validators for the JSON fields an administrator types by hand."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


def validate_json_list(value):
    if not isinstance(value, list):
        raise ValidationError(
            _('Skriv en liste i JSON, f.eks. ["Ja", "Nei"].'), code="not_a_list"
        )


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def validate_no_nul_characters(value):
    """PostgreSQL cannot store NUL in JSON text; refuse it instead of failing."""
    if any("\x00" in text for text in _strings(value)):
        raise ValidationError(
            _("Teksten inneholder et ugyldig tegn (NUL)."), code="null_characters"
        )


JSON_LIST_VALIDATORS = [validate_json_list, validate_no_nul_characters]


# Oslo kommune's archive: saksnummer = year + five-digit sequence, then the
# document number («201204898-35»); arkivkode = a three-digit class, optionally
# with a subclass after a dot («911», «034.1»).
CASE_NUMBER = RegexValidator(
    r"^(19|20)\d{7}-\d{1,4}\Z",
    _(
        "Skriv saksnummeret som i Oslo kommunes arkiv: årstall og løpenummer "
        "(ni sifre), bindestrek og dokumentnummer, f.eks. 201204898-35."
    ),
    code="case_number",
)
ARCHIVE_CODE = RegexValidator(
    r"^\d{3}(\.\d{1,3})?\Z",
    _("Skriv arkivkoden med tre sifre, eventuelt med underklasse: 911 eller 034.1."),
    code="archive_code",
)
