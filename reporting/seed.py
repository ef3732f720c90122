"""The real units of Oslo kommune (names as the municipality writes them)."""

from django.db import transaction
from django.utils.text import slugify

from .models import Unit

BYDELER = [
    "Gamle Oslo",
    "Grünerløkka",
    "Sagene",
    "St. Hanshaugen",
    "Frogner",
    "Ullern",
    "Vestre Aker",
    "Nordre Aker",
    "Bjerke",
    "Grorud",
    "Stovner",
    "Alna",
    "Østensjø",
    "Nordstrand",
    "Søndre Nordstrand",
]

ETATER = [
    "Barne- og familieetaten",
    "Beredskapsetaten",
    "Brann- og redningsetaten",
    "Byantikvaren",
    "Bymiljøetaten",
    "Bystyrets sekretariat",
    "Deichman",
    "Eiendoms- og byfornyelsesetaten",
    "Fornebubanen",
    "Gravplassetaten",
    "Helseetaten",
    "Innkrevingsetaten",
    "Klimaetaten",
    "Kommuneadvokaten",
    "Kommunerevisjonen",
    "Kulturetaten",
    "Munchmuseet",
    "Næringsetaten",
    "Oslo Origo",
    "Plan- og bygningsetaten",
    "Renovasjons- og gjenvinningsetaten",
    "Rådhusets forvaltningstjeneste",
    "Sykehjemsetaten",
    "Utdanningsetaten",
    "Utviklings- og kompetanseetaten",
    "Vann- og avløpsetaten",
    "Velferdsetaten",
]

FORETAK = ["Oslobygg KF", "Boligbygg Oslo KF", "Oslo Havn KF"]

BYRADSAVDELINGER = [
    "Byrådslederens kontor",
    "Byrådsavdeling for finans",
    "Byrådsavdeling for miljø og samferdsel",
    "Byrådsavdeling for helse",
    "Byrådsavdeling for utdanning",
    "Byrådsavdeling for byutvikling",
    "Byrådsavdeling for sosiale tjenester",
    "Byrådsavdeling for kultur og næring",
]


NORWEGIAN_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}
)
# Units that answer to bystyret: the byråd's circulars do not bind them.
BYSTYRET_UNITS = {"Bystyrets sekretariat", "Kommunerevisjonen"}


def unit_slug(name: str) -> str:
    """«Bydel Østensjø» -> «bydel-ostensjo»: Norwegian letters transliterated."""
    return slugify(name.translate(NORWEGIAN_LETTERS))


def official_units() -> list[dict]:
    units = [
        {"name": f"Bydel {name}", "kind": Unit.Kind.BYDEL, "number": number}
        for number, name in enumerate(BYDELER, start=1)
    ]
    units += [
        {
            "name": name,
            "kind": Unit.Kind.ETAT,
            "reports_to_byradet": name not in BYSTYRET_UNITS,
        }
        for name in ETATER
    ]
    units += [{"name": name, "kind": Unit.Kind.FORETAK} for name in FORETAK]
    units += [
        {"name": name, "kind": Unit.Kind.BYRADSAVDELING} for name in BYRADSAVDELINGER
    ]
    return units


@transaction.atomic
def seed_units() -> int:
    """Create the official units that are missing; return how many were created."""
    created = 0
    for spec in official_units():
        _, was_created = Unit.objects.get_or_create(
            slug=unit_slug(spec["name"]),
            defaults={**spec},
        )
        created += was_created
    return created
