"""Give `make loadtest` its people: 3 contacts in each of 80 units with reports, and
10 advisers; write who may save which section to a JSON file for Locust.

Run as: python manage.py shell -c "from loadtest.prepare import main; main(PATH)"
"""

import json
from pathlib import Path

from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore

from circulars.models import Question
from reporting.forms.answers import field_name
from reporting.models import Membership, Report, Unit
from reporting.permissions import ADVISER_GROUP, CONTACT_GROUP

PASSWORD = "last-test-passord-2027"
UNITS = 80
CONTACTS_PER_UNIT = 3
ADVISERS = 10


def _person(username, group, password_hash):
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={"password": password_hash, "first_name": "Last", "last_name": "Test"},
    )
    user.groups.add(group)
    return user


def _session_for(user) -> str:
    """A logged-in session, as the login view would leave it. Contacts log in over
    the day, not all in the same minute; hashing 240 passwords at once would measure
    PBKDF2, not deadline day. The advisers log in for real."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def main(path: str) -> None:
    password_hash = make_password(PASSWORD)
    contacts_group = Group.objects.get(name=CONTACT_GROUP)
    advisers_group = Group.objects.get(name=ADVISER_GROUP)
    year = Report.objects.order_by("-circular__reporting_year").values_list(
        "circular__reporting_year", flat=True
    )[0]
    units = Unit.objects.filter(reports__circular__reporting_year=year).distinct()
    people = {"password": PASSWORD, "year": year, "contacts": [], "advisers": []}
    for u, unit in enumerate(units.order_by("pk")[:UNITS]):
        report = unit.reports.filter(circular__reporting_year=year).first()
        # The text question each contact types into, one section each.
        texts = list(
            Question.objects.filter(
                section__answers__report=report, kind=Question.Kind.LONG_TEXT
            )
            .order_by("section__order", "section_id", "order")
            .distinct("section__order", "section_id")
            .values_list("section_id", "key")
        )
        for n in range(CONTACTS_PER_UNIT):
            user = _person(f"lt-kontakt-{u:03d}-{n}", contacts_group, password_hash)
            Membership.objects.get_or_create(user=user, unit=unit)
            people["contacts"].append(
                {
                    "username": user.username,
                    "session": _session_for(user),
                    "report": report.pk,
                    # Each of a unit's contacts saves its own section, as people do.
                    "section": texts[n % len(texts)][0],
                    "field": field_name(texts[n % len(texts)][1]),
                }
            )
    for n in range(ADVISERS):
        _person(f"lt-radgiver-{n}", advisers_group, password_hash)
        people["advisers"].append({"username": f"lt-radgiver-{n}"})
    Path(path).write_text(json.dumps(people, indent=1))
    print(f"{len(people['contacts'])} contacts, {ADVISERS} advisers -> {path}")
