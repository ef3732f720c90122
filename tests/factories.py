"""factory-boy factories for every model, with traits for the usual states."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from circulars.models import Circular, Document, Question, Section, UnitKind
from reporting.models import Membership, Report, Unit
from reporting.permissions import ADMIN_GROUP, ADVISER_GROUP, CONTACT_GROUP


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    email = factory.LazyAttribute(lambda u: f"{u.username}@oslo.kommune.no")
    password = factory.django.Password("passord-for-test-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Testetaten {n}")
    slug = factory.Sequence(lambda n: f"testetaten-{n}")
    kind = UnitKind.ETAT
    contact_name = "Olga Oxlo"
    contact_title = "Seniorrådgiver"
    contact_email = factory.LazyAttribute(
        lambda unit: f"oxlo@{unit.slug}.oslo.kommune.no"
    )
    contact_in_leadership = True

    class Params:
        bydel = factory.Trait(
            kind=UnitKind.BYDEL,
            name=factory.Sequence(lambda n: f"Bydel Test {n}"),
            slug=factory.Sequence(lambda n: f"bydel-test-{n}"),
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, role=CONTACT_GROUP)
    unit = factory.SubFactory(UnitFactory)
    title = "Spesialrådgiver"


def contact_of(unit, **kwargs):
    """A person in the Kontaktperson role who belongs to `unit`."""
    return MembershipFactory(unit=unit, **kwargs).user


def adviser(**kwargs):
    return UserFactory(role=ADVISER_GROUP, **kwargs)


def administrator(**kwargs):
    return UserFactory(role=ADMIN_GROUP, is_staff=True, **kwargs)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    kind = Document.Kind.HANDLINGSPLAN
    slug = factory.Sequence(lambda n: f"dokument-{n}")
    title = factory.Sequence(lambda n: f"Handlingsplan {n}")


class CircularFactory(factory.django.DjangoModelFactory):
    """A draft reporting circular to the etater; publish it with the service."""

    class Meta:
        model = Circular

    kind = Circular.Kind.RUNDSKRIV
    number = factory.Sequence(lambda n: n + 1)
    year = 2026
    title = factory.Sequence(lambda n: f"Årsberetning – testrundskriv {n}")
    audience = factory.LazyFunction(lambda: [UnitKind.ETAT])
    reporting_year = 2026
    deadline = datetime.date(2027, 2, 20)
    body = "Byrådet ber virksomhetene rapportere."
    case_number = factory.Sequence(lambda n: f"2026{n % 100000:05d}-1")
    archive_code = "210"

    class Params:
        standing = factory.Trait(reporting_year=None, deadline=None)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    circular = factory.SubFactory(CircularFactory)
    number = factory.Sequence(lambda n: f"4.{n + 3}")
    title = factory.Sequence(lambda n: f"Kapittel {n}")
    topic = factory.Sequence(lambda n: f"tema-{n}")
    order = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    key = factory.Sequence(lambda n: f"sporsmal-{n}")
    label = factory.Sequence(lambda n: f"Spørsmål {n}")
    kind = Question.Kind.LONG_TEXT
    order = factory.Sequence(lambda n: n)

    class Params:
        table = factory.Trait(
            kind=Question.Kind.TABLE,
            rows=[
                {"key": "ledere", "label": "Ledere"},
                {"key": "andre", "label": "Andre"},
            ],
            columns=[
                {"key": "kvinner", "label": "Kvinner", "kind": "integer"},
                {"key": "menn", "label": "Menn", "kind": "integer"},
            ],
        )
        measures = factory.Trait(
            kind=Question.Kind.LIST,
            columns=[
                {
                    "key": "tittel",
                    "label": "Tiltak",
                    "kind": "short_text",
                    "required": True,
                },
                {
                    "key": "status",
                    "label": "Status",
                    "kind": "choice",
                    "choices": ["Planlagt", "Gjennomført"],
                },
            ],
        )


def with_case_number(circular: Circular) -> Circular:
    """A copied draft gets its own saksnummer before it can be published."""
    circular.case_number = f"2027{circular.pk % 100000:05d}-1"
    circular.save(update_fields=["case_number"])
    return circular


def published_circular(*, audience=(UnitKind.ETAT,), by=None, **kwargs) -> Circular:
    """A published reporting circular with one section of two questions."""
    from circulars.services import publish_circular

    circular = CircularFactory(audience=list(audience), **kwargs)
    section = SectionFactory(
        circular=circular, number="4.3", topic="funksjonsnedsettelse"
    )
    QuestionFactory(section=section, key="plan", required=True)
    QuestionFactory(section=section, key="antall", kind=Question.Kind.INTEGER)
    return publish_circular(circular=circular, by=by)


def report_for(unit, **kwargs) -> Report:
    """The report `unit` gets when a circular to its kind is published."""
    circular = published_circular(audience=(unit.kind,), **kwargs)
    return Report.objects.get(circular=circular, unit=unit)


def leader_of(unit, **kwargs):
    """The unit's leader in the portal (signs its reports)."""
    return MembershipFactory(
        unit=unit, role=Membership.Role.LEADER, title="Bydelsdirektør", **kwargs
    ).user


def contributor_of(unit, **kwargs):
    """A contributor in `unit` (writes the chapters the contact assigns)."""
    return MembershipFactory(
        unit=unit, role=Membership.Role.CONTRIBUTOR, title="HR-rådgiver", **kwargs
    ).user
