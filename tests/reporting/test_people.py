"""Unit teams: invitations by e-mail (single use, expiring), deactivation that keeps
history, password reset without user enumeration; and who may not do each."""

import datetime
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from reporting.models import AuditEvent, Invitation, Membership, ReportEvent
from tests import factories

User = get_user_model()
PASSWORD = "Et-langt-passord-2026"


@pytest.fixture
def unit(db):
    return factories.UnitFactory(name="Bydel Frogner", slug="bydel-frogner")


def team_url(unit):
    return f"/enheter/{unit.slug}/personer/"


@pytest.fixture
def invite_by(django_capture_on_commit_callbacks):
    """Post the invitation form; the e-mail goes once the row is committed."""

    def invite(client, unit, email="hr@oslo.kommune.no", role="contributor"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(team_url(unit), {"email": email, "role": role})

    return invite


def link_in_mail() -> str:
    return re.search(r"http://\S+/invitasjon/\S+/", mail.outbox[-1].body).group(0)


def test_an_adviser_invites_and_the_link_makes_a_contributor_once(
    unit, client, invite_by
):
    adviser = factories.adviser()
    client.force_login(adviser)
    response = invite_by(client, unit)
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["hr@oslo.kommune.no"]
    assert "Bydel Frogner" in mail.outbox[-1].subject
    path = urlparse(link_in_mail()).path
    assert AuditEvent.objects.filter(action="invited", actor=adviser).exists()

    newcomer = Client()
    page = newcomer.get(path)
    assert "Bidragsyter" in page.content.decode()
    response = newcomer.post(
        path,
        {
            "password": "1",
            "first_name": "Hanne",
            "last_name": "Rud",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="hr@oslo.kommune.no")
    assert newcomer.get("/").wsgi_request.user == user
    assert Membership.objects.get(user=user, unit=unit).role == "contributor"
    again = Client().get(path)
    assert again.status_code == 410
    assert "allerede brukt" in again.content.decode()


def test_an_expired_invitation_is_refused(unit, client, invite_by):
    client.force_login(factories.adviser())
    invite_by(client, unit)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(hours=1))
    assert Client().get(urlparse(link_in_mail()).path).status_code == 410


def test_a_signed_in_person_joins_a_second_unit_with_the_link(unit, client, invite_by):
    client.force_login(factories.administrator())
    invite_by(client, unit, email="leder@oslo.kommune.no", role="leader")
    leader = factories.contact_of(factories.UnitFactory())
    own = Client()
    own.force_login(leader)
    own.post(urlparse(link_in_mail()).path, {"join": "1"})
    assert Membership.objects.get(user=leader, unit=unit).role == "leader"


def test_mismatched_passwords_keep_the_invitation_open(unit, client, invite_by):
    client.force_login(factories.adviser())
    invite_by(client, unit)
    path = urlparse(link_in_mail()).path
    response = Client().post(
        path,
        {
            "password": "1",
            "first_name": "A",
            "last_name": "B",
            "password1": PASSWORD,
            "password2": PASSWORD + "x",
        },
    )
    assert response.status_code == 200
    assert "Passordene er ikke like" in response.content.decode()
    assert Invitation.objects.open().count() == 1


@pytest.mark.parametrize(
    "email", ["ikke-en-adresse", "a@b.c\x00", "<script>@x.no", "x" * 300 + "@oslo.no"]
)
def test_a_hostile_address_is_a_form_error_and_sends_nothing(
    unit, client, email, invite_by
):
    client.force_login(factories.adviser())
    response = invite_by(client, unit, email=email)
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_an_unknown_role_is_a_form_error(unit, client, invite_by):
    client.force_login(factories.adviser())
    response = invite_by(client, unit, role="administrator")
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_an_adviser_revokes_an_invitation_and_its_link_no_longer_works(
    unit, client, invite_by
):
    client.force_login(factories.adviser())
    invite_by(client, unit, email="feil@oslo.kommune.no")
    path = urlparse(link_in_mail()).path
    invitation = Invitation.objects.get()
    team = client.get(team_url(unit)).content.decode()
    assert "Trekk tilbake invitasjonen til feil@oslo.kommune.no" in team
    revoke = f"/enheter/{unit.slug}/invitasjoner/{invitation.pk}/trekk-tilbake/"
    page = client.post(revoke, follow=True).content.decode()
    assert "Invitasjonen til feil@oslo.kommune.no er trukket tilbake" in page
    assert "feil@oslo.kommune.no – Bidragsyter" not in page
    refused = Client().get(path)
    assert refused.status_code == 410
    assert "trukket tilbake" in refused.content.decode()
    assert AuditEvent.objects.filter(action="invitation_revoked").exists()
    again = client.post(revoke, follow=True).content.decode()
    assert "allerede tatt i bruk, trukket tilbake eller utløpt" in again


def test_a_contact_may_not_revoke_an_invitation(unit, client, invite_by):
    client.force_login(factories.adviser())
    invite_by(client, unit)
    invitation = Invitation.objects.get()
    client.force_login(factories.contact_of(unit))
    revoke = f"/enheter/{unit.slug}/invitasjoner/{invitation.pk}/trekk-tilbake/"
    assert client.post(revoke).status_code == 403
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert Client().get(urlparse(link_in_mail()).path).status_code == 200


def test_a_contact_sees_the_team_but_may_not_invite(unit, client, invite_by):
    contact = factories.contact_of(unit)
    client.force_login(contact)
    page = client.get(team_url(unit)).content.decode()
    assert contact.get_full_name() in page
    assert "invite-form" not in page
    assert invite_by(client, unit).status_code == 403
    assert mail.outbox == []


def test_another_units_contact_gets_404(unit, client, invite_by):
    client.force_login(factories.contact_of(factories.UnitFactory()))
    assert client.get(team_url(unit)).status_code == 404
    assert invite_by(client, unit).status_code == 404


def test_anonymous_is_sent_to_login(unit, client):
    response = client.get(team_url(unit))
    assert response.headers["Location"].startswith("/logg-inn/")


def test_deactivation_stops_login_and_keeps_history(unit, client):
    contact = factories.contact_of(unit)
    report = factories.report_for(unit)
    ReportEvent.objects.create(report=report, action="saved", actor=contact)
    adviser = factories.adviser()
    client.force_login(adviser)
    client.post(f"{team_url(unit)}{contact.pk}/deaktiver/", {"confirm": "1"})
    contact.refresh_from_db()
    assert not contact.is_active
    assert ReportEvent.objects.filter(actor=contact).exists()
    assert AuditEvent.objects.filter(action="person_deactivated").exists()
    login = Client().post(
        "/logg-inn/", {"username": contact.username, "password": "passord-for-test-123"}
    )
    assert login.status_code == 200  # the form again, not signed in


def test_a_deactivated_person_gets_no_password_reset_link(unit, client):
    contact = factories.contact_of(unit, user__email="kari@oslo.kommune.no")
    client.force_login(factories.adviser())
    client.post(f"{team_url(unit)}{contact.pk}/deaktiver/", {"confirm": "1"})
    response = Client().post("/passord/glemt/", {"email": "kari@oslo.kommune.no"})
    assert response.headers["Location"] == "/passord/glemt/sendt/"
    assert not mail.outbox


def test_deactivation_asks_first_and_a_post_without_confirming_changes_nothing(
    unit, client
):
    contact = factories.contact_of(unit, user__first_name="Kari")
    report = factories.report_for(unit)
    ReportEvent.objects.create(report=report, action="saved", actor=contact)
    client.force_login(factories.adviser())
    page = client.get(f"{team_url(unit)}{contact.pk}/deaktiver/").content.decode()
    assert "Deaktivere Kari" in page
    assert "1 hendelse i rapportenes historikk" in page
    assert client.post(f"{team_url(unit)}{contact.pk}/deaktiver/").status_code == 200
    contact.refresh_from_db()
    assert contact.is_active


def test_a_contact_may_not_deactivate_a_colleague(unit, client):
    colleague = factories.contact_of(unit)
    client.force_login(factories.contact_of(unit))
    response = client.post(
        f"{team_url(unit)}{colleague.pk}/deaktiver/", {"confirm": "1"}
    )
    assert response.status_code == 403
    colleague.refresh_from_db()
    assert colleague.is_active


def test_an_invitation_binds_the_municipal_account(sso, unit, client, invite_by):
    client.force_login(factories.adviser())
    invite_by(client, unit, email="leder@oslo.kommune.no", role="leader")
    path = urlparse(link_in_mail()).path
    browser = Client()
    start = browser.post(path, {"sso": "1"})
    assert start.headers["Location"] == "/kommunekonto/logg-inn/"
    sso.sign_in_as(sub="leder-1", email="leder@oslo.kommune.no", groups=[])
    authorize = browser.get("/kommunekonto/logg-inn/").headers["Location"]
    callback = urlparse(sso.authorize(authorize))
    assert browser.get(f"{callback.path}?{callback.query}").status_code == 302
    user = User.objects.get(sso_identity__subject="leder-1")
    assert Membership.objects.get(user=user, unit=unit).role == "leader"
    assert Client().get(path).status_code == 410
    assert parse_qs(callback.query)["state"]


def test_password_reset_by_mail_sets_a_new_password_once(db, client):
    user = factories.UserFactory(email="kari@oslo.kommune.no")
    response = client.post("/passord/glemt/", {"email": "kari@oslo.kommune.no"})
    assert response.headers["Location"] == "/passord/glemt/sendt/"
    link = re.search(r"http://\S+/passord/nytt/\S+/", mail.outbox[-1].body).group(0)
    page = client.get(urlparse(link).path, follow=True)
    form_path = page.redirect_chain[-1][0]
    client.post(form_path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    again = Client().get(urlparse(link).path, follow=True)
    assert "allerede brukt eller utløpt" in again.content.decode()


def test_password_reset_does_not_tell_whether_an_address_has_an_account(db, client):
    factories.UserFactory(email="kari@oslo.kommune.no")
    known = client.post("/passord/glemt/", {"email": "kari@oslo.kommune.no"})
    unknown = client.post("/passord/glemt/", {"email": "ingen@oslo.kommune.no"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert len(mail.outbox) == 1
