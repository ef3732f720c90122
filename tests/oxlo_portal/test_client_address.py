"""The client's address comes from X-Forwarded-For only when a trusted proxy
passes the request on, and then from the entry that proxy wrote (the right-most
untrusted one): a forged header neither escapes the login throttle, nor locks out
someone else, nor lands in the audit log."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from reporting.models import AuditEvent
from reporting.services.audit import client_ip
from tests.e2e.conftest import PASSWORD

BALANCER = "10.0.0.10"
ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"


@pytest.fixture(autouse=True)
def behind_a_balancer(settings):
    settings.OXLO_TRUSTED_PROXIES = [BALANCER, "10.0.1.0/24"]


def address(peer: str, forwarded: str | None = None) -> str | None:
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **headers))


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        (ATTACKER, VICTIM, ATTACKER),  # not from a proxy: the header is ignored
        (BALANCER, VICTIM, VICTIM),
        (BALANCER, f"{VICTIM}, {ATTACKER}", ATTACKER),  # forged entry on the left
        (BALANCER, f"{ATTACKER}, 10.0.1.5", ATTACKER),  # two proxies in a row
        (BALANCER, f"{VICTIM}, 10.0.1.5, {BALANCER}", VICTIM),
        (BALANCER, "", BALANCER),
        (BALANCER, f"{VICTIM}, ikke-en-adresse", BALANCER),
        (BALANCER, None, BALANCER),
        ("2001:db8::1", VICTIM, "2001:db8::1"),
    ],
)
def test_the_address_is_the_right_most_one_no_trusted_proxy_wrote(
    peer, forwarded, expected
):
    assert address(peer, forwarded) == expected


def test_without_trusted_proxies_the_header_is_never_read(settings):
    settings.OXLO_TRUSTED_PROXIES = []
    assert address(BALANCER, VICTIM) == BALANCER


def login(client, password, *, peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        reverse("login"), {"username": "kontakt", "password": password}, **headers
    )


def test_twelve_wrong_passwords_with_forged_headers_lock_the_attacker_out(
    client, contact
):
    statuses = [
        login(client, "feil", peer=ATTACKER, forwarded=f"192.0.2.{n}").status_code
        for n in range(12)
    ]
    assert statuses[settings.AXES_FAILURE_LIMIT - 1 :] == [429] * (
        12 - settings.AXES_FAILURE_LIMIT + 1
    )
    response = login(client, PASSWORD, peer=ATTACKER, forwarded="192.0.2.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_victim_address_does_not_lock_out_the_real_person(
    client, contact, django_user_model
):
    forged = f"{VICTIM}, {ATTACKER}"  # what the balancer passes on
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        login(client, "feil", peer=BALANCER, forwarded=forged)
    client.cookies.clear()
    response = login(client, PASSWORD, peer=BALANCER, forwarded=VICTIM)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(contact.pk)


def test_the_audit_log_stores_the_real_address(client, contact):
    login(client, "feil", peer=BALANCER, forwarded=f"{VICTIM}, {ATTACKER}")
    login(client, PASSWORD, peer=BALANCER, forwarded=f"{VICTIM}, {ATTACKER}")
    events = AuditEvent.objects.order_by("at", "pk")
    assert [(e.action, e.ip_address) for e in events] == [
        ("login_failed", ATTACKER),
        ("login", ATTACKER),
    ]


def test_a_proxy_that_is_no_address_is_refused_at_start(settings):
    from oxlo_portal.checks import trusted_proxies_are_addresses

    settings.OXLO_TRUSTED_PROXIES = ["10.0.0.10", "lastbalanserer"]
    errors = trusted_proxies_are_addresses(None)
    assert [e.id for e in errors] == ["oxlo.E002"]
    assert "lastbalanserer" in errors[0].msg


def test_the_old_switch_alone_is_refused_at_start(settings, monkeypatch):
    from oxlo_portal.checks import trusted_proxies_are_addresses

    settings.OXLO_TRUSTED_PROXIES = []
    monkeypatch.setenv("OXLO_BEHIND_PROXY", "1")
    assert [e.id for e in trusted_proxies_are_addresses(None)] == ["oxlo.E003"]
