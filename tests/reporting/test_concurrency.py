"""Races on PostgreSQL: real threads, real transactions, each with its own
connection. Each race must end in exactly one outcome and lose nothing."""

import threading

import pytest
from django.db import connection, connections

from circulars.models import Circular
from circulars.services import PublishError, publish_circular
from reporting.errors import ReportLocked, StaleAnswer
from reporting.models import Report, ReportEvent, SectionAnswer
from reporting.services import save_section_answer, submit_report
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks"
    ),
]


def race(*calls):
    """Run the calls in threads released at the same instant; return, per call,
    its result or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is the point
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def contact_report(transactional_db):
    unit = factories.UnitFactory()
    contact = factories.contact_of(unit)
    report = factories.report_for(unit)
    return report, contact


def test_publishing_one_circular_twice_at_once_publishes_once_without_duplicates(
    transactional_db,
):
    units = [factories.UnitFactory() for _ in range(3)]
    administrator = factories.administrator()
    circular = factories.CircularFactory()
    factories.QuestionFactory(section__circular=circular)

    outcomes = race(
        lambda: publish_circular(circular=circular, by=administrator),
        lambda: publish_circular(circular=circular, by=administrator),
    )

    assert sum(isinstance(o, Circular) for o in outcomes) == 1
    assert sum(isinstance(o, PublishError) for o in outcomes) == 1
    circular.refresh_from_db()
    assert circular.status == Circular.Status.PUBLISHED
    assert Report.objects.filter(circular=circular).count() == len(units)
    assert ReportEvent.objects.filter(
        report__circular=circular, action=ReportEvent.Action.CREATED
    ).count() == len(units)


def test_two_saves_from_the_same_version_at_once_store_exactly_one(contact_report):
    report, contact = contact_report
    answer = SectionAnswer.objects.get(report=report)

    outcomes = race(
        lambda: save_section_answer(
            answer=answer, data={"plan": "Først"}, based_on=0, by=contact
        ),
        lambda: save_section_answer(
            answer=answer, data={"plan": "Sist"}, based_on=0, by=contact
        ),
    )

    winners = [o for o in outcomes if isinstance(o, SectionAnswer)]
    assert len(winners) == 1
    assert sum(isinstance(o, StaleAnswer) for o in outcomes) == 1
    answer.refresh_from_db()
    assert answer.version == 1
    assert answer.data == winners[0].data
    assert answer.revisions.count() == 1


def test_submitting_twice_at_once_submits_once_with_one_event(contact_report):
    report, contact = contact_report
    answer = SectionAnswer.objects.get(report=report)
    save_section_answer(answer=answer, data={"plan": "Klar"}, based_on=0, by=contact)

    def submit():
        return submit_report(
            report=report,
            signed_off_name="Bydelsdirektør",
            signed_off_title="Direktør",
            by=contact,
        )

    outcomes = race(submit, submit)

    assert all(isinstance(o, Report) for o in outcomes), outcomes
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert report.events.filter(action=ReportEvent.Action.SUBMITTED).count() == 1


def test_a_save_racing_a_submit_lands_before_it_or_is_refused(contact_report):
    report, contact = contact_report
    answer = SectionAnswer.objects.get(report=report)
    answer = save_section_answer(
        answer=answer, data={"plan": "Klar"}, based_on=0, by=contact
    )

    outcomes = race(
        lambda: submit_report(
            report=report, signed_off_name="Leder", signed_off_title="", by=contact
        ),
        lambda: save_section_answer(
            answer=answer, data={"plan": "Endret"}, based_on=1, by=contact
        ),
    )

    submitted, saved = outcomes
    assert isinstance(submitted, Report)
    report.refresh_from_db()
    answer.refresh_from_db()
    if isinstance(saved, ReportLocked):
        assert answer.data == {"plan": "Klar"}
    else:
        # The save committed first; the submitted report includes it.
        assert isinstance(saved, SectionAnswer)
        assert answer.updated_at <= report.submitted_at
