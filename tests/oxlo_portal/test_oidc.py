"""Single sign-on against a real OpenID Connect provider (npm oidc-provider on
127.0.0.1, see tests/oidc/) through Django's test client: who gets in, with which
roles, and the answers the portal must refuse. The refusals a person sees in the
browser (faulty ID tokens, a replayed state, an unmapped group) and logging out of
the provider are in tests/e2e/test_people.py."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from reporting.models import AuditEvent, GroupMapping, Membership, PortalRole
from reporting.permissions import ADVISER_GROUP
from tests import factories

User = get_user_model()
ADVISERS = "1f0c-radgivere"
FROGNER_CONTACTS = "77aa-frogner-oxlo"


@pytest.fixture
def mappings(db):
    unit = factories.UnitFactory(name="Bydel Frogner", slug="bydel-frogner")
    GroupMapping.objects.create(claim_value=ADVISERS, role=PortalRole.ADVISER)
    GroupMapping.objects.create(
        claim_value=FROGNER_CONTACTS, role=PortalRole.CONTACT, unit=unit
    )
    return unit


def person(**extra):
    return {
        "sub": "abc-123",
        "preferred_username": "kari.nordmann@oslo.kommune.no",
        "email": "kari.nordmann@oslo.kommune.no",
        "given_name": "Kari",
        "family_name": "Nordmann",
        **extra,
    }


def sign_in(sso, client: Client):
    """Go the whole way: portal -> provider (real HTTP) -> portal's callback."""
    start = client.get("/kommunekonto/logg-inn/")
    assert start.status_code == 302, start.content
    authorize = start.headers["Location"]
    query = parse_qs(urlparse(authorize).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"][0] and query["nonce"][0]
    callback = urlparse(sso.authorize(authorize))
    return client.get(f"{callback.path}?{callback.query}")


def signed_in_user(client):
    response = client.get("/")
    return response.wsgi_request.user


def test_a_mapped_group_signs_in_a_new_adviser_with_pkce(sso, mappings, client):
    sso.sign_in_as(**person(groups=[ADVISERS, "some-other-group"]))
    response = sign_in(sso, client)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    user = signed_in_user(client)
    assert user.username == "kari.nordmann@oslo.kommune.no"
    assert user.get_full_name() == "Kari Nordmann"
    assert list(user.groups.values_list("name", flat=True)) == [ADVISER_GROUP]
    assert not user.has_usable_password()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ROLES_FROM_CLAIMS, actor=user
    ).exists()


def test_a_unit_group_makes_the_person_contact_of_that_unit(sso, mappings, client):
    sso.sign_in_as(**person(groups=[FROGNER_CONTACTS]))
    sign_in(sso, client)
    membership = Membership.objects.get(user__username="kari.nordmann@oslo.kommune.no")
    assert membership.unit == mappings
    assert membership.role == Membership.Role.CONTACT
    assert membership.from_claims
    assert "Bydel Frogner" in client.get("/").content.decode()


def test_roles_follow_the_claims_at_each_login(sso, mappings, client):
    sso.sign_in_as(**person(groups=[ADVISERS, FROGNER_CONTACTS]))
    sign_in(sso, client)
    client.post("/logg-ut/")
    sso.sign_in_as(**person(groups=[FROGNER_CONTACTS]))
    sign_in(sso, client)
    user = User.objects.get(username="kari.nordmann@oslo.kommune.no")
    assert not user.groups.filter(name=ADVISER_GROUP).exists()
    assert user.memberships.count() == 1
    assert User.objects.filter(email="kari.nordmann@oslo.kommune.no").count() == 1


def test_an_invited_membership_stays_when_the_claims_change(sso, mappings, client):
    sso.sign_in_as(**person(groups=[FROGNER_CONTACTS]))
    sign_in(sso, client)
    user = User.objects.get(username="kari.nordmann@oslo.kommune.no")
    other = factories.UnitFactory()
    Membership.objects.create(user=user, unit=other, role=Membership.Role.LEADER)
    client.post("/logg-ut/")
    sso.sign_in_as(**person(groups=[]))
    sign_in(sso, client)
    assert list(user.memberships.values_list("unit", "role")) == [
        (other.pk, Membership.Role.LEADER)
    ]


def test_a_person_whose_groups_all_went_is_refused_and_keeps_no_role(
    sso, mappings, client
):
    sso.sign_in_as(**person(groups=[ADVISERS]))
    sign_in(sso, client)
    client.post("/logg-ut/")
    sso.sign_in_as(**person(groups=[]))
    assert sign_in(sso, client).status_code == 403
    user = User.objects.get(username="kari.nordmann@oslo.kommune.no")
    assert not user.groups.exists()


def test_a_state_from_another_browser_is_refused(sso, mappings, client):
    sso.sign_in_as(**person(groups=[ADVISERS]))
    start = client.get("/kommunekonto/logg-inn/")
    callback = urlparse(sso.authorize(start.headers["Location"]))
    stranger = Client()
    stranger.get("/kommunekonto/logg-inn/")  # a session with a state of its own
    response = stranger.get(f"{callback.path}?{callback.query}")
    assert response.status_code == 403
    assert not signed_in_user(stranger).is_authenticated


def test_a_deactivated_person_is_refused(sso, mappings, client):
    sso.sign_in_as(**person(groups=[ADVISERS]))
    sign_in(sso, client)
    User.objects.filter(username="kari.nordmann@oslo.kommune.no").update(
        is_active=False
    )
    client.post("/logg-ut/")
    response = sign_in(sso, client)
    assert response.status_code == 403
    assert "deaktivert" in response.content.decode()


def test_a_local_login_logs_out_without_the_provider(sso, db, client):
    user = factories.adviser()
    client.force_login(user)
    response = client.post("/logg-ut/")
    assert response.headers["Location"] == "/logg-inn/"


def test_without_an_issuer_there_is_no_sso_and_local_login_works(db, client):
    assert client.get("/kommunekonto/logg-inn/").status_code == 404
    assert client.get("/kommunekonto/svar/?code=x&state=y").status_code == 404
    page = client.get("/logg-inn/").content.decode()
    assert "Oslo kommune-konto" not in page
    assert 'name="username"' in page


def test_the_login_page_offers_the_municipal_account_when_configured(sso, client):
    page = client.get("/logg-inn/?next=/bibliotek/").content.decode()
    assert 'href="/kommunekonto/logg-inn/?next=/bibliotek/"' in page


def test_an_unreachable_provider_gives_a_clear_page(sso, db, settings, client):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens there
    response = client.get("/kommunekonto/logg-inn/")
    assert response.status_code == 503
    assert "svarer ikke" in response.content.decode()


@pytest.mark.parametrize(
    "groups",
    [
        {"not": "a list"},
        42,
        [None, "", "\x00", "x" * 10_000],
        [f"g{n}" for n in range(5_000)],
    ],
)
def test_a_strange_group_claim_is_no_role_and_no_error(sso, mappings, client, groups):
    sso.sign_in_as(**person(groups=groups))
    response = sign_in(sso, client)
    assert response.status_code == 403
    assert not User.objects.filter(email="kari.nordmann@oslo.kommune.no").exists()


def test_a_group_claim_with_a_mapped_group_among_junk_still_counts(
    sso, mappings, client
):
    sso.sign_in_as(**person(groups=["\x00", "x" * 500, ADVISERS]))
    assert sign_in(sso, client).status_code == 302
    assert signed_in_user(client).groups.filter(name=ADVISER_GROUP).exists()
