import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from circulars.models import Circular
from reporting.models import Report, Unit

pytestmark = pytest.mark.django_db


def test_seed_oslo_creates_the_15_bydeler_with_their_official_names(seeded):
    bydeler = Unit.objects.filter(kind=Unit.Kind.BYDEL).order_by("number")
    assert bydeler.count() == 15
    assert bydeler.first().name == "Bydel Gamle Oslo"
    assert list(bydeler.values_list("name", flat=True))[-1] == "Bydel Søndre Nordstrand"
    assert "Bydel St. Hanshaugen" in bydeler.values_list("name", flat=True)


def test_seed_oslo_creates_the_etater_foretak_and_byradsavdelinger(seeded):
    etater_og_foretak = Unit.objects.filter(
        kind__in=[Unit.Kind.ETAT, Unit.Kind.FORETAK]
    )
    assert etater_og_foretak.count() >= 25
    names = set(Unit.objects.values_list("name", flat=True))
    assert {
        "Velferdsetaten",
        "Utdanningsetaten",
        "Oslobygg KF",
        "Oslo Havn KF",
    } <= names
    assert "Byrådsavdeling for finans" in names


def test_seed_oslo_can_run_twice_without_duplicating_anything(seeded):
    counts = (Unit.objects.count(), Circular.objects.count(), Report.objects.count())
    call_command("seed_oslo", verbosity=0)
    assert (
        Unit.objects.count(),
        Circular.objects.count(),
        Report.objects.count(),
    ) == counts


def test_seed_demo_creates_the_three_demo_logins(seeded, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "hemmelig-demo")
    call_command("seed_demo", verbosity=0)
    for username in ("admin", "radgiver", "kontakt"):
        assert authenticate(username=username, password="hemmelig-demo") is not None
    frogner = Unit.objects.get(slug="bydel-frogner")
    assert frogner.memberships.filter(user__username="kontakt").exists()
    assert frogner.contact_email == "kontakt@oslo.kommune.no"


def test_seed_demo_units_adds_synthetic_units_up_to_the_number_asked(seeded):
    call_command("seed_demo", units=60, verbosity=0)
    assert Unit.objects.count() == 60
    assert Unit.objects.filter(synthetic=True).count() == 60 - 53
