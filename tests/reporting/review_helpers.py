"""Shared set-up for the review tests: reports in the states an adviser meets."""

from reporting.models import Report
from reporting.services import save_section_answer, submit_report
from tests import factories


def filled_report(unit, contact, **kwargs):
    """The unit's report with every required answer given, still a draft."""
    kwargs.setdefault("audience", (unit.kind,))
    circular = factories.published_circular(**kwargs)
    report = Report.objects.get(circular=circular, unit=unit)
    for answer in report.answers.all():
        save_section_answer(
            answer=answer,
            data={"plan": "Vi har en plan for universell utforming.", "antall": 12},
            based_on=answer.version,
            by=contact,
        )
    return report


def submitted_report(unit, contact, **kwargs):
    report = filled_report(unit, contact, **kwargs)
    return submit_report(
        report=report,
        signed_off_name="Bydelsdirektør Berit",
        signed_off_title="Bydelsdirektør",
        by=contact,
    )
