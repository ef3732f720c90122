"""Demo people and realistic answers for `seed_demo`, made through the services."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from circulars.models import Circular, Question

from .answers import EXPLANATIONS_KEY
from .models import Membership, Report, Unit
from .permissions import ADMIN_GROUP, ADVISER_GROUP, CONTACT_GROUP
from .services import (
    approve_report,
    ensure_reports_for_circular,
    missing_explanations,
    save_section_answer,
    submit_report,
)

DEMO_UNIT_SLUG = "bydel-frogner"
DEMO_PEOPLE = [
    # username, first name, last name, group, staff
    ("admin", "Ada", "Administrator", ADMIN_GROUP, True),
    ("radgiver", "Rune", "Rådgiver", ADVISER_GROUP, False),
    ("kontakt", "Kari", "Kontakt", CONTACT_GROUP, False),
]

DEMO_EXPLANATION = "Endringen skyldes omorganisering og nye tall fra HR-systemet."
MEASURE_TITLES = [
    "Kurs i klarspråk for saksbehandlere",
    "Tolketjeneste i alle brukermøter",
    "Universelt utformet inngangsparti",
    "Anonymiserte søknader ved rekruttering",
    "Mentorordning for nyansatte",
    "Kartlegging av ufrivillig deltid",
    "Tilgjengelighetserklæring for nettsidene",
    "Markering av OXLO-uka med åpent hus",
    "Samarbeid med rådet for personer med funksjonsnedsettelse",
    "Lederopplæring i likeverdige tjenester",
]
SENTENCES = [
    "Virksomheten har fulgt opp tiltakene i handlingsplanen gjennom året.",
    "Arbeidet er forankret i ledergruppen og drøftet med tillitsvalgte.",
    "Brukerundersøkelsen viser at flere opplever tjenestene som tilgjengelige.",
    "Vi ser fortsatt utfordringer i rekruttering til lederstillinger.",
    "Tiltakene evalueres årlig, og resultatene brukes i neste års plan.",
    "OXLO-guiden er brukt i opplæring av nye medarbeidere.",
    "Det er gjennomført kartlegging av risiko for diskriminering i alle avdelinger.",
    "Rådet for personer med funksjonsnedsettelse har gitt innspill til planen.",
]


def _value(kind: str, rng: random.Random, spec: dict):
    choices = spec.get("choices") or []
    if kind == Question.Kind.LONG_TEXT:
        return " ".join(rng.sample(SENTENCES, 3))
    if kind == Question.Kind.SHORT_TEXT:
        return rng.choice(MEASURE_TITLES)
    if kind == Question.Kind.INTEGER:
        return rng.randint(0, 400)
    if kind == Question.Kind.DECIMAL:
        return round(rng.uniform(80, 105), 1)
    if kind == Question.Kind.PERCENT:
        return round(rng.uniform(5, 95), 1)
    if kind == Question.Kind.YES_NO:
        return rng.random() < 0.75
    if kind == Question.Kind.CHOICE:
        return rng.choice(choices)
    if kind == Question.Kind.MULTIPLE_CHOICE:
        return rng.sample(choices, rng.randint(1, min(3, len(choices))))
    if kind == Question.Kind.DATE:
        return (
            datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 700))
        ).isoformat()
    raise ValueError(kind)


def demo_answer(question: Question, rng: random.Random):
    """A plausible answer of the right shape for any question kind."""
    if question.kind == Question.Kind.TABLE:
        return {
            row["key"]: {
                column["key"]: _value(column.get("kind", "short_text"), rng, column)
                for column in question.columns
            }
            for row in question.rows
        }
    if question.kind == Question.Kind.LIST:
        return [
            {
                column["key"]: _value(column.get("kind", "short_text"), rng, column)
                for column in question.columns
            }
            for _ in range(rng.randint(1, 3))
        ]
    value = _value(question.kind, rng, {"choices": question.choices})
    if question.is_numeric and question.max_value is not None:
        value = min(value, float(question.max_value))
    return value


@transaction.atomic
def create_demo_people(*, password: str) -> dict:
    """The three demo logins; `kontakt` is Bydel Frogner's OXLO contact."""
    User = get_user_model()
    people = {}
    for username, first, last, group, staff in DEMO_PEOPLE:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@oslo.kommune.no",
                "is_staff": staff,
            },
        )
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    unit = Unit.objects.get(slug=DEMO_UNIT_SLUG)
    Membership.objects.get_or_create(
        user=people["kontakt"], unit=unit, defaults={"title": "Spesialrådgiver"}
    )
    if not unit.has_contact:
        kontakt = people["kontakt"]
        unit.contact_name = kontakt.get_full_name()
        unit.contact_title = "Spesialrådgiver"
        unit.contact_email = kontakt.email
        unit.contact_in_leadership = True
        unit.save()
    return people


def add_synthetic_units(total: int) -> int:
    """Add synthetic units until there are `total` units; return how many were added."""
    added = 0
    existing = Unit.objects.count()
    for index in range(existing + 1, total + 1):
        kind = Unit.Kind.BYDEL if index % 3 == 0 else Unit.Kind.ETAT
        _, created = Unit.objects.get_or_create(
            slug=f"syntetisk-enhet-{index:03d}",
            defaults={
                "name": f"Syntetisk enhet {index:03d}",
                "kind": kind,
                "synthetic": True,
            },
        )
        added += created
    return added


def fill_reports(
    *, year: int, contact, adviser, approve: bool, unit_slug: str | None = None
) -> int:
    """Answer, submit and (optionally) approve the open reports of the year."""
    filled = 0
    for circular in Circular.objects.published().filter(reporting_year=year):
        ensure_reports_for_circular(circular=circular)
    reports = Report.objects.filter(
        circular__reporting_year=year, status__in=Report.EDITABLE_STATUSES
    )
    if unit_slug:
        reports = reports.filter(unit__slug=unit_slug)
    reports = reports.select_related("unit", "circular").prefetch_related(
        "answers__section__questions"
    )
    for report in reports:
        rng = random.Random(f"{report.unit.slug}-{year}")
        with transaction.atomic():
            for answer in report.answers.all():
                data = {
                    q.key: demo_answer(q, rng) for q in answer.section.questions.all()
                }
                save_section_answer(
                    answer=answer, data=data, based_on=answer.version, by=contact
                )
            for answer, questions in missing_explanations(report):
                explained = {q.key: DEMO_EXPLANATION for q in questions}
                save_section_answer(
                    answer=answer,
                    data=answer.data | {EXPLANATIONS_KEY: explained},
                    based_on=answer.version,
                    by=contact,
                )
            submit_report(
                report=report,
                signed_off_name=f"Leder for {report.unit.name}",
                signed_off_title="Virksomhetsleder"
                if report.unit.kind != "bydel"
                else "Bydelsdirektør",
                by=contact,
            )
            if approve:
                approve_report(report=report, by=adviser)
        filled += 1
    return filled
