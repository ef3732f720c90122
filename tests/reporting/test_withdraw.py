"""What units and advisers notice when a circular is withdrawn or replaced."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from circulars.models import Question
from circulars.services import publish_circular, start_replacement, withdraw_circular
from reporting.errors import ReportLocked
from reporting.matrix import build_matrix
from reporting.models import Report, ReportEvent
from reporting.selectors import status_summary
from reporting.services import (
    approve_report,
    bulk_remind,
    save_section_answer,
    withdraw_reports,
)
from reporting.services.notifications import send_due_reminders
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2027, 2, 20)


def withdraw(report: Report, by) -> Report:
    withdraw_circular(circular=report.circular, reason="Sendt ut ved en feil.", by=by)
    report.refresh_from_db()
    return report


def replace(report: Report, by, change=None) -> Report:
    """Publish a replacement of the report's circular (after `change` to its
    draft) and return the unit's new report."""
    draft = start_replacement(circular=report.circular, by=by)
    if change:
        change(draft)
    publish_circular(circular=factories.with_case_number(draft), by=by)
    report.refresh_from_db()
    return Report.objects.get(circular=draft, unit=report.unit)


def home_page(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("reporting:home")).content.decode()


def test_a_withdrawn_circulars_open_report_leaves_the_contacts_to_do_list(
    client, unit, contact, administrator
):
    report = withdraw(filled_report(unit, contact), administrator)

    assert report.status == Report.Status.WITHDRAWN
    page = home_page(client, contact)
    assert "Rapporter å fylle ut" not in page
    assert "Tidligere og avsluttede rapporter" in page
    assert (
        f"{report.circular.designation} er trukket tilbake. Rapporten er bevart" in page
    )


def test_the_withdrawal_is_in_the_reports_history_with_the_reason(
    unit, contact, administrator
):
    report = withdraw(filled_report(unit, contact), administrator)

    event = report.events.get(action=ReportEvent.Action.WITHDRAWN)
    assert event.actor == administrator
    assert (event.from_status, event.to_status) == ("draft", "withdrawn")
    assert event.reason == "Sendt ut ved en feil."


def test_nobody_can_save_answers_in_a_withdrawn_report(unit, contact, administrator):
    report = withdraw(filled_report(unit, contact), administrator)
    answer = report.answers.get()

    with pytest.raises(ReportLocked):
        save_section_answer(
            answer=answer,
            data={"plan": "Ny tekst"},
            based_on=answer.version,
            by=contact,
        )
    answer.refresh_from_db()
    assert answer.data["plan"] == "Vi har en plan for universell utforming."


def test_withdrawn_reports_leave_the_advisers_matrix_and_status_summary(
    client, unit, contact, other_unit, other_contact, administrator, adviser
):
    withdrawn = withdraw(filled_report(unit, contact), administrator)
    kept = filled_report(other_unit, other_contact)

    matrix = build_matrix(year=2026)
    assert [row.report for row in matrix.rows] == [kept]
    assert [row["circular_id"] for row in status_summary()] == [kept.circular_id]
    client.force_login(adviser)
    page = client.get(reverse("reporting:matrix"), {"units": "alle"}).content.decode()
    assert reverse("reporting:review_report", args=[kept.pk]) in page
    assert reverse("reporting:review_report", args=[withdrawn.pk]) not in page


def test_no_reminders_go_out_for_a_withdrawn_circular(
    unit, contact, administrator, adviser
):
    report = withdraw(filled_report(unit, contact, deadline=DEADLINE), administrator)
    mail.outbox.clear()

    for today in (
        DEADLINE - datetime.timedelta(days=3),
        DEADLINE,
        DEADLINE.replace(day=21),
    ):
        assert send_due_reminders(today=today) == 0
    assert bulk_remind(reports=[report], by=adviser) == 0
    assert mail.outbox == []
    assert not report.events.filter(action=ReportEvent.Action.REMINDED).exists()


def test_an_approved_report_stays_as_it_was_when_its_circular_is_withdrawn(
    unit, contact, administrator, adviser
):
    report = approve_report(report=submitted_report(unit, contact), by=adviser)
    history = list(report.events.values_list("pk", flat=True))

    report = withdraw(report, administrator)

    assert report.status == Report.Status.APPROVED
    assert list(report.events.values_list("pk", flat=True)) == history
    assert report.answers.get().data["antall"] == 12


def test_a_withdrawn_report_stays_readable_but_not_for_another_units_contact(
    client, unit, contact, other_contact, administrator, adviser
):
    report = withdraw(submitted_report(unit, contact), administrator)
    url = reverse("reporting:review_report", args=[report.pk])

    assert client.get(url).url.startswith(reverse("login"))
    client.force_login(other_contact)
    assert client.get(url).status_code == 404
    client.force_login(contact)
    assert client.get(url).status_code == 403
    client.force_login(adviser)
    response = client.get(url)
    assert response.status_code == 200
    assert "Trukket tilbake" in response.content.decode()


def add_questions_that_change(circular):
    """Give the old circular questions that the replacement will drop or change."""
    section = circular.sections.get()
    factories.QuestionFactory(section=section, key="fjernes")
    factories.QuestionFactory(
        section=section, key="ny-type", kind=Question.Kind.INTEGER
    )
    factories.QuestionFactory(section=section, key="tabell", table=True)
    factories.QuestionFactory(section=section, key="tiltak", measures=True)


def change_questions(draft):
    """The replacement drops one question, one table column and one list choice,
    turns a number into text and asks one new question."""
    section = draft.sections.get()
    section.questions.filter(key="fjernes").delete()
    section.questions.filter(key="ny-type").update(kind=Question.Kind.SHORT_TEXT)
    table = section.questions.get(key="tabell")
    table.columns = [table.columns[0]]
    table.save()
    measures = section.questions.get(key="tiltak")
    measures.columns[1]["choices"] = ["Planlagt", "Iverksatt"]
    measures.save()
    factories.QuestionFactory(section=section, key="nytt", kind=Question.Kind.YES_NO)


OLD_ANSWERS = {
    "plan": "Planen er vedtatt i bydelsutvalget.",
    "antall": 12,
    "fjernes": "Et spørsmål som ikke stilles lenger.",
    "ny-type": 7,
    "tabell": {"ledere": {"kvinner": 3, "menn": 4}, "andre": {"kvinner": 20}},
    "tiltak": [
        {"tittel": "Universelt utformet nettside", "status": "Gjennomført"},
        {"tittel": "Kurs i OXLO-guiden", "status": "Planlagt"},
    ],
}


@pytest.fixture
def replaced(unit, contact, administrator):
    """Frogner's draft answered under a circular that is then replaced."""
    circular = factories.CircularFactory(audience=["bydel"])
    section = factories.SectionFactory(
        circular=circular, number="4.3.1", topic="funksjonsnedsettelse"
    )
    factories.QuestionFactory(section=section, key="plan", required=True)
    factories.QuestionFactory(section=section, key="antall", kind=Question.Kind.INTEGER)
    add_questions_that_change(circular)
    publish_circular(circular=circular, by=administrator)
    old = Report.objects.get(circular=circular, unit=unit)
    answer = old.answers.get()
    save_section_answer(answer=answer, data=OLD_ANSWERS, based_on=0, by=contact)
    new = replace(old, administrator, change=change_questions)
    return old, new


def test_a_replacement_carries_the_answers_over_by_topic_and_key(replaced):
    _old, new = replaced
    data = new.answers.get().data

    assert data["plan"] == OLD_ANSWERS["plan"]
    assert data["antall"] == 12
    assert data["tiltak"][0] == {"tittel": "Universelt utformet nettside"}
    assert data["tiltak"][1] == {"tittel": "Kurs i OXLO-guiden", "status": "Planlagt"}


def test_removed_keys_and_changed_kinds_are_not_carried_over(replaced):
    _old, new = replaced
    data = new.answers.get().data

    assert "fjernes" not in data
    assert "ny-type" not in data
    assert "nytt" not in data
    assert data["tabell"] == {"ledere": {"kvinner": 3}, "andre": {"kvinner": 20}}


def test_carried_answers_are_saved_as_a_new_version_with_history(
    replaced, administrator
):
    _old, new = replaced
    answer = new.answers.get()

    assert answer.version == 1
    assert answer.is_complete
    revision = answer.revisions.get()
    assert (revision.version, revision.saved_by) == (1, administrator)
    assert revision.data == answer.data
    event = new.events.get(action=ReportEvent.Action.CARRIED_OVER)
    assert event.actor == administrator
    assert event.reason.startswith("4 svar er overført fra ")


def test_the_old_report_is_withdrawn_and_keeps_its_answers(replaced):
    old, new = replaced

    assert old.status == Report.Status.WITHDRAWN
    assert new.status == Report.Status.DRAFT
    assert old.answers.get().data == OLD_ANSWERS


def test_the_contact_is_told_on_the_start_page_that_answers_were_carried_over(
    client, replaced, contact
):
    old, new = replaced

    page = home_page(client, contact)
    open_part = page.split("Tidligere og avsluttede rapporter")[0]
    assert new.circular.designation in open_part
    assert f"Rundskrivet erstatter {old.circular.cited}." in open_part
    assert "4 svar er overført fra" in open_part


def test_handling_the_withdrawal_again_changes_nothing(replaced, administrator):
    old, new = replaced
    answer = new.answers.get()

    assert withdraw_reports(circular=old.circular, by=administrator) == 0

    assert new.answers.get().version == answer.version
    assert new.events.filter(action=ReportEvent.Action.CARRIED_OVER).count() == 1
    assert old.events.filter(action=ReportEvent.Action.WITHDRAWN).count() == 1


def test_a_submitted_report_comes_back_as_a_draft_to_sign_off_again(
    client, unit, contact, administrator
):
    old = submitted_report(unit, contact)

    new = replace(old, administrator)

    assert old.status == Report.Status.WITHDRAWN
    assert new.status == Report.Status.DRAFT
    assert new.signed_off_name == ""
    assert new.answers.get().data == old.answers.get().data
    assert "send den inn på nytt" in home_page(client, contact)


def test_an_approved_report_is_untouched_by_a_replacement(
    unit, contact, administrator, adviser
):
    old = approve_report(report=submitted_report(unit, contact), by=adviser)
    history = list(old.events.values_list("pk", flat=True))

    new = replace(old, administrator)

    assert old.status == Report.Status.APPROVED
    assert list(old.events.values_list("pk", flat=True)) == history
    assert new.answers.get().data == old.answers.get().data


def test_another_units_contact_still_gets_404_on_the_replaced_report(
    client, replaced, other_contact
):
    old, _new = replaced
    client.force_login(other_contact)

    response = client.get(reverse("reporting:review_report", args=[old.pk]))

    assert response.status_code == 404


def test_the_start_page_query_count_does_not_grow_with_replaced_reports(
    client, unit, contact, administrator, django_assert_max_num_queries
):
    # Last year's numbering, so the replacements (numbered this year) never clash.
    client.force_login(contact)
    replace(filled_report(unit, contact, year=2025), administrator)
    with django_assert_max_num_queries(12):
        client.get(reverse("reporting:home"))
    for _ in range(3):
        replace(filled_report(unit, contact, year=2025), administrator)
    with django_assert_max_num_queries(12):
        client.get(reverse("reporting:home"))
