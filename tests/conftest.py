import pytest
from django.core.management import call_command
from django.utils import translation

from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing every factory user's password at full strength costs seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def bokmal():
    """Every test starts in bokmål; English from one test never leaks."""
    translation.activate("nb")
    yield
    translation.activate("nb")


@pytest.fixture
def unit(db):
    return factories.UnitFactory(
        name="Bydel Frogner", slug="bydel-frogner", kind="bydel"
    )


@pytest.fixture
def other_unit(db):
    return factories.UnitFactory(name="Helseetaten", slug="helseetaten", kind="etat")


@pytest.fixture
def contact(unit):
    return factories.contact_of(unit, user__username="kontakt")


@pytest.fixture
def other_contact(other_unit):
    return factories.contact_of(other_unit, user__username="annen-kontakt")


@pytest.fixture
def adviser(db):
    return factories.adviser(username="radgiver")


@pytest.fixture
def administrator(db):
    return factories.administrator(username="admin")


@pytest.fixture
def seeded(db):
    """The real units, documents and circulars of `seed_oslo`."""
    call_command("seed_oslo", verbosity=0)
