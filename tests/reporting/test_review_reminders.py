import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from reporting.models import DigestItem, NotificationPreference, SentReminder
from reporting.services import bulk_remind
from reporting.services.notifications import send_digests, send_due_reminders, stage_for
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2027, 2, 20)


@pytest.fixture
def two_units(unit, contact, other_unit, other_contact):
    """Frogner has submitted; Helseetaten has not (same deadline)."""
    submitted = submitted_report(unit, contact, deadline=DEADLINE)
    pending = filled_report(other_unit, other_contact, deadline=DEADLINE)
    return submitted, pending


@pytest.mark.parametrize(
    ("days_before", "stage"),
    [
        (20, None),
        (14, "before-14"),
        (10, "before-14"),
        (3, "before-3"),
        (0, "deadline"),
        (-1, "overdue"),
    ],
)
def test_the_reminder_due_depends_on_the_days_left(days_before, stage):
    today = DEADLINE - datetime.timedelta(days=days_before)
    assert stage_for(DEADLINE, today) == stage


def test_reminders_go_only_to_units_that_have_not_submitted(
    two_units, contact, other_contact
):
    sent = send_due_reminders(today=DEADLINE - datetime.timedelta(days=14))
    assert sent == 1
    assert [m.to for m in mail.outbox] == [[other_contact.email]]
    assert "20.02.2027" in mail.outbox[0].subject


def test_running_reminders_again_the_same_day_sends_nothing_new(two_units):
    today = DEADLINE - datetime.timedelta(days=3)
    send_due_reminders(today=today)
    send_due_reminders(today=today)
    call_command("send_reminders", verbosity=0)
    assert len(mail.outbox) == 1
    assert SentReminder.objects.count() == 1


def test_each_stage_is_sent_once_on_the_way_to_the_deadline(two_units, other_contact):
    for days in (15, 14, 13, 3, 2, 0, 0):
        send_due_reminders(today=DEADLINE - datetime.timedelta(days=days))
    stages = sorted(SentReminder.objects.values_list("stage", flat=True))
    assert stages == ["before-14", "before-3", "deadline"]
    assert len(mail.outbox) == 3


def test_after_the_deadline_the_advisers_of_the_unit_are_told(
    two_units, other_unit, other_contact, adviser
):
    unassigned = factories.adviser()
    adviser.portfolio.create(unit=other_unit)
    send_due_reminders(today=DEADLINE + datetime.timedelta(days=1))
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([other_contact.email, adviser.email])
    assert unassigned.email not in recipients
    assert "Fristen er passert" in mail.outbox[0].subject


def test_without_a_portfolio_every_adviser_hears_of_late_units(two_units, adviser):
    second = factories.adviser()
    send_due_reminders(today=DEADLINE + datetime.timedelta(days=2))
    recipients = {address for m in mail.outbox for address in m.to}
    assert {adviser.email, second.email} <= recipients


def test_a_person_who_turned_reminders_off_gets_none(two_units, other_contact):
    NotificationPreference.objects.create(
        user=other_contact, kind="reminder", delivery="off"
    )
    send_due_reminders(today=DEADLINE)
    assert mail.outbox == []


def test_digest_collects_a_days_notifications_in_one_email_the_next_day(
    two_units, other_contact
):
    NotificationPreference.objects.create(
        user=other_contact, kind="reminder", delivery="digest"
    )
    send_due_reminders(today=DEADLINE - datetime.timedelta(days=3))
    send_due_reminders(today=DEADLINE)
    assert mail.outbox == []
    assert DigestItem.objects.filter(user=other_contact).count() == 2

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert send_digests(today=timezone.localdate()) == 0
    assert send_digests(today=tomorrow) == 1
    assert send_digests(today=tomorrow) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [other_contact.email]
    assert "2 nye varsler" in mail.outbox[0].subject


def test_adviser_reminds_chosen_units_once_a_day(two_units, adviser, other_contact):
    submitted, pending = two_units
    assert bulk_remind(reports=[submitted, pending], by=adviser) == 1
    assert bulk_remind(reports=[pending], by=adviser) == 0
    assert [m.to for m in mail.outbox] == [[other_contact.email]]
    event = pending.events.get(action="reminded", actor=adviser)
    assert event.reason == "Påminnelse sendt av rådgiver."


def test_units_long_past_the_deadline_are_no_longer_reminded(two_units):
    assert send_due_reminders(today=DEADLINE + datetime.timedelta(days=60)) == 0
    assert mail.outbox == []
