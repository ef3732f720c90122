"""Contributors per chapter: the contact gives a chapter to a contributor; who is
editing a chapter now is shown to the others (no lock that can strand work)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import ReportingError
from ..models import ChapterAssignment, ChapterPresence, Membership, Report, ReportEvent
from ..permissions import can_submit_report
from .transitions import require


@transaction.atomic
def assign_chapter(*, report: Report, section, contributor_ids: list[int], by) -> None:
    """Make exactly `contributor_ids` (the unit's contributors) edit `section`."""
    require(
        can_submit_report(by, report),
        _("Bare kontaktpersonen tildeler kapitler, mens rapporten er åpen."),
    )
    contributors = {
        m.user_id: m.user
        for m in report.unit.memberships.filter(
            role=Membership.Role.CONTRIBUTOR, user__is_active=True
        ).select_related("user")
    }
    if set(contributor_ids) - set(contributors):
        raise ReportingError(_("Velg bidragsytere i enheten."))
    current = set(
        report.assignments.filter(section=section).values_list(
            "contributor_id", flat=True
        )
    )
    wanted = set(contributor_ids)
    if current == wanted:
        return
    report.assignments.filter(section=section).exclude(
        contributor_id__in=wanted
    ).delete()
    for user_id in sorted(wanted - current):
        ChapterAssignment.objects.create(
            report=report,
            section=section,
            contributor=contributors[user_id],
            assigned_by=by,
        )
    names = ", ".join(
        contributors[pk].get_full_name() or contributors[pk].username
        for pk in sorted(wanted)
    )
    ReportEvent.objects.create(
        report=report,
        section=section,
        action=ReportEvent.Action.ASSIGNED,
        actor=by,
        reason=names or _("ingen bidragsyter"),
    )


def mark_editing(*, report: Report, section, by) -> None:
    """Note that `by` has the chapter open for editing now."""
    ChapterPresence.objects.update_or_create(
        report=report, section=section, user=by, defaults={"seen_at": timezone.now()}
    )
