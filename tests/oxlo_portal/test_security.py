import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from reporting.models import AuditEvent
from tests import factories
from tests.e2e.conftest import PASSWORD
from tests.forms import read_form

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+=", re.IGNORECASE)


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


@pytest.mark.parametrize(
    "template", sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*.html")), ids=str
)
def test_no_template_has_inline_scripts_styles_or_event_handlers(template):
    text = template.read_text()
    assert not INLINE_SCRIPT.search(text), "move the script to static/js/"
    assert not INLINE_STYLE.search(text), "move the style to static/css/portal.css"
    assert not INLINE_HANDLER.search(text), "bind the handler in static/js/"


def test_every_page_sends_a_content_security_policy_without_unsafe_inline(client, db):
    response = client.get(reverse("login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_the_admin_gets_the_same_strict_policy(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("admin:circulars_circular_add"))
    assert response.status_code == 200
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_five_wrong_passwords_lock_the_login_with_a_message_in_norwegian(
    client, contact
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(client, "kontakt", "feil-passord")
        assert response.status_code == 200
    assert login(client, "kontakt", "feil-passord").status_code == 429
    response = login(client, "kontakt", PASSWORD)
    assert response.status_code == 429
    assert "Innloggingen er midlertidig sperret" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lockout_of_one_person_does_not_lock_out_another(client, contact):
    factories.contact_of(factories.UnitFactory(), user__username="kollega")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "kontakt", "feil-passord")
    response = login(client, "kollega", PASSWORD)
    assert response.status_code == 302


def test_login_failed_login_and_logout_are_recorded_with_address(client, contact):
    login(client, "kontakt", "feil-passord")
    login(client, "kontakt", PASSWORD)
    client.post(reverse("logout"))
    events = list(AuditEvent.objects.order_by("at", "pk"))
    assert [e.action for e in events] == ["login_failed", "login", "logout"]
    assert events[0].username == "kontakt" and events[0].actor is None
    assert events[1].actor == contact
    assert events[1].ip_address == "127.0.0.1"


def test_an_administrators_change_in_the_admin_is_recorded(client, administrator):
    document = factories.DocumentFactory(title="Handlingsplan 2024")
    client.force_login(administrator)
    url = reverse("admin:circulars_document_change", args=[document.pk])
    form = read_form(client.get(url).content.decode(), "document_form")
    response = client.post(url, {**form.data, "title": "Ny tittel"})
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="admin_change")
    assert event.actor == administrator
    assert "Ny tittel" in event.object_repr


def test_administrators_read_the_audit_log(client, administrator, contact):
    login(client, "kontakt", "feil-passord")
    client.force_login(administrator)
    response = client.get(reverse("reporting:audit_log"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mislykket innlogging" in page
    assert "kontakt" in page


@pytest.mark.parametrize("role", ["contact", "adviser"])
def test_other_roles_may_not_read_the_audit_log(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("reporting:audit_log")).status_code == 403


def test_anonymous_visitors_are_sent_to_login_from_the_audit_log(client, db):
    response = client.get(reverse("reporting:audit_log"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_audit_log_reads_in_the_same_number_of_queries_for_more_events(
    client, administrator, django_assert_max_num_queries
):
    client.force_login(administrator)
    for size in (5, 60):
        for n in range(size):
            AuditEvent.objects.create(
                action="login", actor=factories.UserFactory(username=f"p{size}-{n}")
            )
        with django_assert_max_num_queries(12):
            assert client.get(reverse("reporting:audit_log")).status_code == 200


def test_a_stale_form_gives_a_norwegian_page_not_a_raw_csrf_error(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    assert "Skjemaet kunne ikke sendes" in response.content.decode()


def test_a_weak_new_password_is_refused_with_a_reason(client, contact):
    client.force_login(contact)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    contact.refresh_from_db()
    assert contact.check_password(PASSWORD)


def change_password(client, old_password):
    return client.post(
        reverse("password_change"),
        {
            "old_password": old_password,
            "new_password1": "Helt-nytt-passord-2027",
            "new_password2": "Helt-nytt-passord-2027",
        },
    )


def test_guessing_the_old_password_is_throttled_like_a_login(client, contact):
    client.force_login(contact)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert change_password(client, "gjett").status_code == 200
    assert change_password(client, "gjett").status_code == 429
    response = change_password(client, PASSWORD)
    assert response.status_code == 429
    assert "Innloggingen er midlertidig sperret" in response.content.decode()
    contact.refresh_from_db()
    assert contact.check_password(PASSWORD)


def test_the_right_old_password_changes_it(client, contact):
    client.force_login(contact)
    change_password(client, "gjett")
    assert change_password(client, PASSWORD).status_code == 302
    contact.refresh_from_db()
    assert contact.check_password("Helt-nytt-passord-2027")
