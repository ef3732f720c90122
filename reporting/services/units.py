"""A unit's OXLO people for a report: its contact and the mentors it proposes."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..errors import ReportingError
from ..models import MentorNomination, Report, ReportEvent
from .reports import require_editable


@transaction.atomic
def confirm_contact(
    *, report: Report, name: str, title: str, email: str, phone: str, by
) -> Report:
    """Record the unit's OXLO contact for this report (rundskriv 8/2017)."""
    require_editable(report)
    if not name.strip() or not email.strip():
        raise ReportingError(_("Oppgi navn og e-post til OXLO-kontakten."))
    report.contact_name = name.strip()
    report.contact_title = title.strip()
    report.contact_email = email.strip()
    report.contact_phone = phone.strip()
    report.contact_confirmed_at = timezone.now()
    report.save(
        update_fields=[
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "contact_confirmed_at",
        ]
    )
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.CONTACT, actor=by
    )
    return report


@transaction.atomic
def nominate_mentor(
    *, report: Report, name: str, title: str, email: str, field: str, informed: bool, by
) -> MentorNomination:
    """Propose a mentor; the person must know of the nomination."""
    if not informed:
        raise ReportingError(
            _("Bekreft at personen vet at hen er foreslått som mentor.")
        )
    mentor = MentorNomination.objects.create(
        report=report,
        name=name.strip(),
        title=title.strip(),
        email=email.strip(),
        field=field.strip(),
        informed=True,
        created_by=by,
    )
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.MENTOR, actor=by
    )
    return mentor


@transaction.atomic
def remove_mentor(*, mentor: MentorNomination, by) -> None:
    """Delete a mentor nomination (personal data the unit may always remove)."""
    report = mentor.report
    mentor.delete()
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.MENTOR, actor=by
    )
