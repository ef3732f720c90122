"""People in a real browser, against the tests' OpenID Connect provider (npm
oidc-provider on 127.0.0.1, see tests/oidc/): an adviser invites the unit's
leader, the leader's first sign-in binds their municipal account, the contact
sends the report, the leader returns it with a note and then signs, and only then
the adviser has it. Also each role signing in through the provider and logging
out of it, every answer of the provider the portal must refuse, and a password
reset."""

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from reporting.models import AuditEvent, GroupMapping, PortalRole, Report
from reporting.services import save_section_answer
from tests import factories
from tests.e2e.conftest import click

User = get_user_model()
CONTACT = "oxlo-portalen@oslo.kommune.no"  # settings.OXLO_ACCESS_CONTACT


@pytest.fixture
def frogner(transactional_db):
    unit = factories.UnitFactory(name="Bydel Frogner", slug="bydel-frogner")
    contact = factories.contact_of(unit, user__username="kontakt")
    report = factories.report_for(unit)
    save_section_answer(
        answer=report.answers.get(),
        data={"plan": "Planen for 2026.", "antall": 4},
        based_on=0,
        by=contact,
    )
    factories.adviser(username="radgiver")
    return report


def test_invited_leader_signs_in_with_sso_returns_then_signs_and_the_adviser_has_it(
    sso, frogner, visitor, new_visitor
):
    report = frogner
    adviser = visitor
    adviser.login("radgiver")
    adviser.goto("/enheter/bydel-frogner/personer/")
    adviser.page.get_by_label("E-post (jobb)").fill("lene.leder@oslo.kommune.no")
    adviser.page.get_by_label("Rolle").select_option(label="Leder")
    page = click(adviser, "button", "Send invitasjon")
    assert "Invitasjonen er sendt til lene.leder@oslo.kommune.no" in page.content()
    link = re.search(r"http://\S+/invitasjon/\S+/", mail.outbox[-1].body).group(0)
    path = urlparse(link).path

    leader = new_visitor()
    page = leader.goto(path)
    assert "Du er invitert som" in page.content()
    sso.sign_in_as(
        sub="lene-1",
        preferred_username="lene.leder@oslo.kommune.no",
        email="lene.leder@oslo.kommune.no",
        given_name="Lene",
        family_name="Leder",
        groups=[],
    )
    page = click(leader, "button", "Logg inn med Oslo kommune-konto")
    leader.open_user_menu()
    assert "Lene Leder" in page.locator("header").inner_text()
    assert "Leder" in page.locator("header").inner_text()

    again = new_visitor()
    page = again.goto(path)
    assert "Invitasjonen kan ikke brukes" in page.content()

    contact = new_visitor()
    contact.login("kontakt")
    contact.goto(f"/rapporter/{report.pk}/send-inn/")
    page = click(contact, "button", "Send til leder for signering")
    assert "Hos leder for signering" in page.content()

    leader.goto(f"/rapporter/{report.pk}/signer/")
    leader.page.get_by_label("Hva skal kontaktpersonen rette?").fill(
        "Legg til tiltakene fra høsten."
    )
    click(leader, "button", "Send tilbake")
    page = contact.goto(f"/rapporter/{report.pk}/")
    assert "Returnert av leder Lene Leder" in page.content()
    assert "Legg til tiltakene fra høsten." in page.content()

    contact.goto(f"/rapporter/{report.pk}/send-inn/")
    click(contact, "button", "Send til leder for signering")
    review = adviser.goto(f"/rapporter/{report.pk}/vurdering/")
    assert "Godkjenn" not in review.get_by_role("main").inner_text()

    page = leader.goto(f"/rapporter/{report.pk}/signer/")
    assert "står inne for innholdet" in page.content()
    page.get_by_label("Jeg bekrefter teksten over").check()
    page = click(leader, "button", "Signer og send til rådgiverne")
    assert "Rapporten er signert og sendt til rådgiverne." in page.content()

    page = adviser.goto(f"/rapporter/{report.pk}/vurdering/")
    assert "Lene Leder, Leder – signert i portalen" in page.content()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def sign_in_with_sso(visitor):
    visitor.goto("/logg-inn/")
    return click(visitor, "link", "Logg inn med Oslo kommune-konto")


def assert_refused(page, says: str, reason: str):
    """The refusal page: why, whom to ask, nobody signed in, and an audit entry."""
    main = page.get_by_role("main").inner_text()
    assert "Innloggingen ble avvist" in main
    assert says in main
    assert CONTACT in main
    assert "Logg ut" not in page.content()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.LOGIN_FAILED, detail=f"SSO: {reason}"
    ).exists()


@pytest.mark.parametrize(
    ("group", "role", "sees"),
    [
        ("radgivere", PortalRole.ADVISER, "Rådgiver"),
        ("oxlo-admin", PortalRole.ADMINISTRATOR, "Administrator"),
        ("frogner-oxlo", PortalRole.CONTACT, "Kontaktperson"),
        ("frogner-ledere", PortalRole.LEADER, "Leder"),
        ("frogner-bidrag", PortalRole.CONTRIBUTOR, "Bidragsyter"),
    ],
)
def test_each_role_signs_in_through_the_provider_and_logs_out_of_it(
    sso, frogner, visitor, group, role, sees
):
    unit = (
        None if role in (PortalRole.ADVISER, PortalRole.ADMINISTRATOR) else frogner.unit
    )
    GroupMapping.objects.create(claim_value=group, role=role, unit=unit)
    sso.sign_in_as(sub=f"sub-{group}", given_name="Sara", groups=[group])
    page = sign_in_with_sso(visitor)
    visitor.open_user_menu()
    assert sees in page.locator("header").inner_text()
    visitor.logout()
    assert "/logg-inn/" in page.url
    assert sso.ended_sessions == [f"sub-{group}"]


@pytest.mark.parametrize(
    ("fault", "says"),
    [
        ("issuer", "ikke fra Oslo kommunes identitetsleverandør"),
        ("audience", "ment for en annen tjeneste"),
        ("expired", "var utløpt"),
        ("signature", "ikke en gyldig signatur"),
        ("nonce", "hørte ikke til denne innloggingen"),
    ],
)
def test_a_faulty_id_token_is_refused(sso, frogner, visitor, fault, says):
    GroupMapping.objects.create(claim_value="radgivere", role=PortalRole.ADVISER)
    sso.sign_in_as(sub="kari", email="kari@oslo.kommune.no", groups=["radgivere"])
    sso.spoil(fault)
    page = sign_in_with_sso(visitor)
    assert_refused(page, says, fault)
    assert not User.objects.filter(email="kari@oslo.kommune.no").exists()


def test_a_replayed_answer_of_the_provider_is_refused(
    sso, frogner, visitor, new_visitor
):
    GroupMapping.objects.create(claim_value="radgivere", role=PortalRole.ADVISER)
    sso.sign_in_as(sub="kari", given_name="Kari", groups=["radgivere"])
    callbacks = []
    visitor.page.on(
        "request",
        lambda request: (
            "/kommunekonto/svar/" in request.url and callbacks.append(request.url)
        ),
    )
    page = sign_in_with_sso(visitor)
    assert "Logg ut" in page.content()
    path = urlparse(callbacks[0])
    page = visitor.goto(f"{path.path}?{path.query}")
    assert_refused(page, "allerede brukt", "state")
    # Nor does the answer sign in someone who got hold of it.
    stranger = new_visitor()
    page = stranger.goto(f"{path.path}?{path.query}")
    assert "Innloggingen ble avvist" in page.content()
    assert "Logg ut" not in page.content()


def test_an_unmapped_group_gets_a_page_saying_whom_to_ask(sso, frogner, visitor):
    sso.sign_in_as(sub="ukjent", email="ukjent@oslo.kommune.no", groups=["ingen"])
    page = sign_in_with_sso(visitor)
    assert_refused(page, "gir ikke tilgang til OXLO-portalen", "no_access")
    assert "Be din leder eller OXLO-administratoren om tilgang" in page.content()
    assert not User.objects.filter(email="ukjent@oslo.kommune.no").exists()


def test_password_reset_by_mail(frogner, visitor):
    visitor.goto("/logg-inn/")
    page = click(visitor, "link", "Glemt passordet?")
    page.get_by_label("E-post").fill("kontakt@oslo.kommune.no")
    page = click(visitor, "button", "Send lenke")
    assert "Sjekk e-posten din" in page.content()
    link = re.search(r"http://\S+/passord/nytt/\S+/", mail.outbox[-1].body).group(0)
    page = visitor.goto(urlparse(link).path)
    page.locator("#id_new_password1").fill("Et-nytt-langt-passord-1")
    page.locator("#id_new_password2").fill("Et-nytt-langt-passord-1")
    page = click(visitor, "button", "Lagre nytt passord")
    assert "Passordet er satt" in page.content()
    visitor.login("kontakt", "Et-nytt-langt-passord-1")
    assert "Logg ut" in visitor.page.content()
