"""What reports do when their circular is published, replaced or withdrawn."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular

from ..carry_over import carried_data
from ..errors import TransitionError
from ..models import Report, ReportEvent, SectionAnswer, Unit
from .reports import save_section_answer
from .transitions import S, transition


def _create_report(*, circular: Circular, unit: Unit) -> Report | None:
    report, created = Report.objects.get_or_create(circular=circular, unit=unit)
    if not created:
        return None
    sections = circular.sections.annotate(
        required_count=Count("questions", filter=Q(questions__required=True))
    )
    SectionAnswer.objects.bulk_create(
        SectionAnswer(
            report=report, section=section, required_missing=section.required_count
        )
        for section in sections
    )
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.CREATED, to_status=report.status
    )
    return report


@transaction.atomic
def ensure_reports_for_circular(*, circular: Circular) -> int:
    """Create the report of every reporting unit in the audience that lacks one."""
    if not circular.asks_for_report or circular.status != Circular.Status.PUBLISHED:
        return 0
    units = Unit.objects.reporting().filter(kind__in=circular.audience)
    return sum(1 for unit in units if _create_report(circular=circular, unit=unit))


@transaction.atomic
def ensure_reports_for_unit(*, unit: Unit) -> int:
    """Give a unit added after publication the reports of open published circulars."""
    if not (unit.active and unit.reports_to_byradet):
        return 0
    circulars = Circular.objects.published().filter(
        reporting_year__isnull=False, deadline__gte=timezone.localdate()
    )
    return sum(
        1
        for circular in circulars
        if unit.kind in circular.audience
        and _create_report(circular=circular, unit=unit)
    )


def _carried_over_note(*, source: Report, count: int) -> str:
    """What the unit is told about answers moved from a replaced circular."""
    message = (
        gettext("%(count)s svar er overført fra %(designation)s, som er erstattet.")
        if count
        else gettext("Ingen svar var å overføre fra %(designation)s, som er erstattet.")
    )
    note = message % {"count": count, "designation": source.circular.cited}
    if source.status in (S.SUBMITTED, S.RETURNED):
        note += " " + gettext(
            "Rapporten var sendt inn der; kontroller svarene og send den inn på nytt."
        )
    elif source.status == S.APPROVED:
        note += " " + gettext("Rapporten var godkjent der; den godkjente står uendret.")
    return note


@transaction.atomic
def carry_over_answers(*, source: Report, target: Report, by) -> int:
    """Fill `target` with the answers of `source` that still fit, by topic and key.

    Each section is saved through `save_section_answer`, so its version,
    completeness and revision history show the change; answers already given in
    `target` are kept, and a report is filled only once. Returns how many
    answers were carried over.
    """
    if target.events.filter(action=ReportEvent.Action.CARRIED_OVER).exists():
        return 0
    sections = SectionAnswer.objects.select_related("section").prefetch_related(
        "section__questions"
    )
    old_by_topic = {
        answer.section.topic: answer
        for answer in sections.filter(report=source).exclude(data={})
    }
    count = 0
    for answer in sections.filter(report=target).order_by("section__order"):
        old = old_by_topic.get(answer.section.topic)
        if old is None:
            continue
        carried = carried_data(
            list(old.section.questions.all()),
            list(answer.section.questions.all()),
            old.data,
        )
        fresh = {key: value for key, value in carried.items() if key not in answer.data}
        if fresh:
            save_section_answer(
                answer=answer,
                data=answer.data | fresh,
                based_on=answer.version,
                by=by,
            )
            count += len(fresh)
    ReportEvent.objects.create(
        report=target,
        action=ReportEvent.Action.CARRIED_OVER,
        actor=by,
        reason=_carried_over_note(source=source, count=count),
    )
    return count


@transaction.atomic
def withdraw_reports(*, circular: Circular, by) -> int:
    """Close the reports of a withdrawn circular that were never approved.

    They stay readable as history but are no longer filled in, reviewed or
    reminded of; approved reports stay as they are. If a published circular
    replaces this one, each unit's answers are first carried over to its new
    report there, which starts as a draft: a sign-off given for the old text
    does not cover the new one. Returns how many reports were closed.
    """
    if circular.status != Circular.Status.WITHDRAWN:
        raise TransitionError(_("Rundskrivet er ikke trukket tilbake."))
    replacement = circular.replaced_by.filter(status=Circular.Status.PUBLISHED).first()
    new_reports = (
        {report.unit_id: report for report in replacement.reports.all()}
        if replacement is not None
        else {}
    )
    closed = 0
    for report in circular.reports.select_related("circular").order_by("pk"):
        target = new_reports.get(report.unit_id)
        if target is not None:
            carry_over_answers(source=report, target=target, by=by)
        if report.status not in Report.CLOSED_STATUSES:
            transition(
                report=report,
                action=ReportEvent.Action.WITHDRAWN,
                by=by,
                reason=circular.withdrawn_reason,
            )
            closed += 1
    return closed
