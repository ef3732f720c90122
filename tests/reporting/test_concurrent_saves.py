"""Two people save one section at the same moment: one wins, one gets a conflict."""

import threading

import pytest
from django.db import connection, connections, transaction

from reporting.errors import StaleAnswer
from reporting.models import SectionAnswer
from reporting.services import save_section_answer

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Generous for a busy machine: the waits end as soon as the other thread is there.
WAIT_SECONDS = 120


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL row locks and concurrent transactions.")


def test_two_concurrent_saves_from_the_same_version_give_one_conflict(
    rich_answer, contact, other_contact
):
    first_updated = threading.Event()
    release_first = threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                save_section_answer(
                    answer=SectionAnswer.objects.get(pk=rich_answer.pk),
                    data={"plan": "Første person"},
                    based_on=0,
                    by=contact,
                )
                first_updated.set()
                release_first.wait(WAIT_SECONDS)
            outcome["first"] = "saved"
        finally:
            connections.close_all()

    def second():
        try:
            first_updated.wait(WAIT_SECONDS)
            save_section_answer(
                answer=SectionAnswer.objects.get(pk=rich_answer.pk),
                data={"plan": "Andre person"},
                based_on=0,
                by=other_contact,
            )
            outcome["second"] = "saved"
        except StaleAnswer:
            outcome["second"] = "conflict"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_updated.wait(WAIT_SECONDS)
    # The second save now waits on the first one's row lock; let the first commit.
    release_first.set()
    for thread in threads:
        thread.join(WAIT_SECONDS)
    assert not any(thread.is_alive() for thread in threads)

    assert outcome == {"first": "saved", "second": "conflict"}
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"plan": "Første person"}
    assert rich_answer.version == 1
    assert rich_answer.revisions.count() == 1
