"""What administrators do outside the Django admin is in the audit log: circulars
published, copied, replaced and withdrawn, approved reports reopened."""

from django.urls import reverse

from circulars.services import (
    copy_circular_to_next_year,
    publish_circular,
    start_replacement,
    withdraw_circular,
)
from reporting.models import AuditEvent
from reporting.services import (
    approve_report,
    reopen_report,
    save_section_answer,
    submit_report,
)
from tests import factories


def logged(action):
    return list(AuditEvent.objects.filter(action=action).select_related("actor"))


def test_publishing_copying_replacing_and_withdrawing_a_circular_is_audited(
    administrator,
):
    circular = factories.CircularFactory(audience=["etat"])
    factories.QuestionFactory(section=factories.SectionFactory(circular=circular))
    publish_circular(circular=circular, by=administrator)
    copy_circular_to_next_year(circular=circular, by=administrator)
    replacement = start_replacement(circular=circular, by=administrator)
    withdraw_circular(circular=circular, reason="Feil frist.", by=administrator)
    for action in (
        AuditEvent.Action.CIRCULAR_PUBLISHED,
        AuditEvent.Action.CIRCULAR_COPIED,
        AuditEvent.Action.CIRCULAR_REPLACED,
        AuditEvent.Action.CIRCULAR_WITHDRAWN,
    ):
        [event] = logged(action)
        assert event.actor == administrator
        assert event.username == administrator.username
    assert circular.designation in logged("circular_withdrawn")[0].object_repr
    assert logged("circular_withdrawn")[0].detail == "Feil frist."
    assert replacement.designation in logged("circular_replaced")[0].object_repr


def test_reopening_an_approved_report_is_audited_with_the_reason(
    unit, contact, adviser, administrator
):
    report = factories.report_for(unit)
    answer = report.answers.get()
    save_section_answer(
        answer=answer, data={"plan": "Plan."}, based_on=answer.version, by=contact
    )
    submit_report(
        report=report, signed_off_name="Leder", signed_off_title="Sjef", by=contact
    )
    approve_report(report=report, by=adviser)
    reopen_report(report=report, reason="Feil tall i 4.3.", by=administrator)
    [event] = logged(AuditEvent.Action.REPORT_REOPENED)
    assert event.actor == administrator
    assert unit.name in event.object_repr
    assert event.detail == "Feil tall i 4.3."
    assert not logged("report_returned")


def test_administrators_see_these_actions_in_the_audit_log_and_others_do_not(
    client, administrator, contact
):
    circular = factories.CircularFactory(audience=["etat"])
    factories.QuestionFactory(section=factories.SectionFactory(circular=circular))
    publish_circular(circular=circular, by=administrator)
    client.force_login(administrator)
    page = client.get(
        reverse("reporting:audit_log"), {"hendelse": "circular_published"}
    ).content.decode()
    assert "Rundskriv publisert" in page and circular.designation in page
    client.force_login(contact)
    assert client.get(reverse("reporting:audit_log")).status_code == 403
