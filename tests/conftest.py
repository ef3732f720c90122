import os

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import AutoField
from django.utils import translation

from circulars.seed import seed_example_circulars
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing every factory user's password at full strength costs seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def scattered_ids(request):
    """Each table hands out ids from a range of its own, on SQLite as on
    PostgreSQL: a test that writes an id down, or passes one model's id where
    another's is meant, fails on both instead of passing where numbers agree."""
    if not (
        request.node.get_closest_marker("django_db")
        or {"db", "transactional_db"} & set(request.fixturenames)
    ):
        return
    request.getfixturevalue("db")
    quote = connection.ops.quote_name
    models = [m for m in apps.get_models() if isinstance(m._meta.pk, AutoField)]
    with connection.cursor() as cursor:
        for step, model in enumerate(models, start=1):
            table, column = model._meta.db_table, model._meta.pk.column
            highest = f"SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)}"
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), "
                    f"GREATEST(%s, ({highest})))",
                    [table, column, step * 100_000],
                )
            else:
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) "
                    f"VALUES (%s, MAX(%s, ({highest})))",
                    [table, step * 100_000],
                )


@pytest.fixture(autouse=True)
def export_cache(settings, tmp_path):
    """Each test renders into an empty export cache of its own: a PDF test never
    passes on what an earlier test or run left there."""
    settings.EXPORT_CACHE_DIR = tmp_path / "export-cache"


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
    """The real units and documents of `seed_oslo`, and the demo's example circulars."""
    call_command("seed_oslo", verbosity=0)
    seed_example_circulars()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """The OpenID Connect provider of the tests (npm oidc-provider, run by node) on
    127.0.0.1, once per test session (per xdist worker)."""
    from tests import oidc as test_oidc

    try:
        provider = test_oidc.Provider(tmp_path_factory.mktemp("oidc") / "provider.log")
    except test_oidc.Unavailable as missing:
        if os.environ.get("OXLO_REQUIRE_BROWSER"):
            pytest.fail(f"The OpenID Connect provider is required here: {missing}")
        pytest.skip(f"No OpenID Connect provider: {missing}")
    yield provider
    provider.stop()


@pytest.fixture
def sso(oidc_provider, settings):
    """Single sign-on turned on against the test provider, as the environment would
    (settings.py: OXLO_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET)."""
    from oxlo_portal import oidc

    settings.OIDC_ISSUER = oidc_provider.issuer
    settings.OIDC_RP_CLIENT_ID = oidc_provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = oidc_provider.client_secret
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **policy["DIRECTIVES"],
            "form-action": ["'self'", oidc_provider.issuer],
        }
    }
    oidc._metadata.clear()
    oidc_provider.reset()
    yield oidc_provider
    oidc._metadata.clear()
