"""Demo people and realistic answers for `seed_demo`, made through the services."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from circulars.models import Circular

from .answers import EXPLANATIONS_KEY
from .demo_answers import DemoAnswers
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
DEMO_NO_CONTACT = "Eksempeldata: enhetens OXLO-kontakt er ikke registrert i portalen."


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


def fill_answers(report: Report, *, by) -> None:
    """Answer every section of the report as the unit would, explaining the
    figures that moved more than their threshold from last year."""
    demo = DemoAnswers(
        unit_slug=report.unit.slug,
        year=report.circular.reporting_year,
        deadline=report.circular.deadline,
    )
    for answer in report.answers.all():
        data = demo.section(
            list(answer.section.questions.all()), answer.section.rules.all()
        )
        save_section_answer(answer=answer, data=data, based_on=answer.version, by=by)
    for answer, questions in missing_explanations(report):
        explained = {q.key: DEMO_EXPLANATION for q in questions}
        save_section_answer(
            answer=answer,
            data=answer.data | {EXPLANATIONS_KEY: explained},
            based_on=answer.version,
            by=by,
        )


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
        "answers__section__questions", "answers__section__rules"
    )
    for report in reports:
        with transaction.atomic():
            fill_answers(report, by=contact)
            if not report.unit.has_contact and not report.no_contact_reason:
                # Demo data names no real unit's contact person.
                report.no_contact_reason = DEMO_NO_CONTACT
                report.save(update_fields=["no_contact_reason"])
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
