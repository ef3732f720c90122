"""Actions on reports: each takes the acting user and runs in one transaction."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular

from . import notifications
from .answers import completeness
from .attachments import display_name, stored_name, validate_upload
from .carry_over import carried_data
from .forms.answers import EXPLANATIONS_KEY
from .forms.fields import changed_beyond_threshold
from .models import (
    Attachment,
    MentorNomination,
    NotificationKind,
    NotificationPreference,
    Report,
    ReportEvent,
    ReviewComment,
    SectionAnswer,
    SectionAnswerRevision,
    Unit,
)
from .permissions import is_administrator, is_adviser, is_member
from .reminders import NOT_SUBMITTED, remind
from .selectors import previous_answers


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
    """Create the report of every active unit in the audience that lacks one."""
    if not circular.asks_for_report or circular.status != Circular.Status.PUBLISHED:
        return 0
    units = Unit.objects.active().filter(kind__in=circular.audience)
    return sum(1 for unit in units if _create_report(circular=circular, unit=unit))


@transaction.atomic
def ensure_reports_for_unit(*, unit: Unit) -> int:
    """Give a unit added after publication the reports of open published circulars."""
    circulars = Circular.objects.published().filter(
        reporting_year__isnull=False, deadline__gte=timezone.localdate()
    )
    return sum(
        1
        for circular in circulars
        if unit.kind in circular.audience
        and _create_report(circular=circular, unit=unit)
    )


class StaleAnswer(Exception):
    """The section was saved by someone else since this form was opened."""


class ReportLocked(Exception):
    """The report is not open for the unit to edit (submitted or approved)."""


@transaction.atomic
def save_section_answer(
    *, answer: SectionAnswer, data: dict, based_on: int, by
) -> SectionAnswer:
    """Store validated answers if nobody saved since version `based_on`.

    The conditional update is the lock: of two saves based on the same version,
    exactly one matches the row and the other raises `StaleAnswer`.
    """
    # Lock the report row: a submit or approve waits for this save to commit (and
    # a save waits for them), so no answer changes under a submitted report.
    if not (
        Report.objects.select_for_update()
        .filter(pk=answer.report_id, status__in=Report.EDITABLE_STATUSES)
        .values_list("pk", flat=True)
        .first()
    ):
        raise ReportLocked
    answered, missing = completeness(list(answer.section.questions.all()), data)
    saved = {
        "data": data,
        "version": based_on + 1,
        "answered": answered,
        "required_missing": missing,
        "updated_by": by,
        "updated_at": timezone.now(),
    }
    if not SectionAnswer.objects.filter(pk=answer.pk, version=based_on).update(**saved):
        raise StaleAnswer
    for name, value in saved.items():
        setattr(answer, name, value)
    SectionAnswerRevision.objects.create(
        answer=answer,
        version=answer.version,
        data=answer.data,
        saved_at=answer.updated_at,
        saved_by=by,
    )
    return answer


class TransitionError(Exception):
    """A report cannot move this way; the message says why, in Norwegian."""


def _require(allowed: bool, message) -> None:
    """Refuse an action the acting user's role does not allow."""
    if not allowed:
        raise TransitionError(message)


def _notify_on_commit(report: Report, kind: str) -> None:
    """E-mail the people concerned once the change is committed."""
    transaction.on_commit(
        lambda: notifications.report_changed(report_id=report.pk, kind=kind)
    )


S = Report.Status
# Allowed status changes: action -> (from statuses, to status).
TRANSITIONS = {
    ReportEvent.Action.SUBMITTED: ((S.DRAFT, S.RETURNED), S.SUBMITTED),
    ReportEvent.Action.RETURNED: ((S.SUBMITTED,), S.RETURNED),
    ReportEvent.Action.APPROVED: ((S.SUBMITTED,), S.APPROVED),
    ReportEvent.Action.REOPENED: ((S.APPROVED,), S.RETURNED),
    ReportEvent.Action.WITHDRAWN: ((S.DRAFT, S.SUBMITTED, S.RETURNED), S.WITHDRAWN),
}


def _transition(
    *, report: Report, action: str, by, reason: str = "", **fields
) -> Report:
    """Move a locked report row along TRANSITIONS and record who, when and why."""
    sources, target = TRANSITIONS[action]
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status not in sources:
        raise TransitionError(
            _("Rapporten har status «%(status)s» og kan ikke %(action)s.")
            % {"status": locked.get_status_display(), "action": ACTION_VERBS[action]}
        )
    previous = locked.status
    locked.status = target
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=["status", *fields])
    ReportEvent.objects.create(
        report=locked,
        action=action,
        actor=by,
        from_status=previous,
        to_status=target,
        reason=reason,
    )
    return locked


ACTION_VERBS = {
    ReportEvent.Action.SUBMITTED: _("sendes inn"),
    ReportEvent.Action.RETURNED: _("returneres"),
    ReportEvent.Action.APPROVED: _("godkjennes"),
    ReportEvent.Action.REOPENED: _("gjenåpnes"),
    ReportEvent.Action.WITHDRAWN: _("trekkes tilbake"),
}


def missing_required(report: Report) -> list[SectionAnswer]:
    """The sections that still lack required answers, in the circular's order."""
    return list(
        report.answers.filter(required_missing__gt=0)
        .select_related("section")
        .order_by("section__order")
    )


def missing_explanations(report: Report) -> list[tuple[SectionAnswer, list]]:
    """Sections with numbers that moved beyond their threshold from last year's
    approved answer and have no explanation, each with those questions."""
    previous = previous_answers(report)
    answers = (
        report.answers.select_related("section")
        .prefetch_related("section__questions")
        .order_by("section__order")
    )
    missing = []
    for answer in answers:
        before = previous.get(answer.section.topic) or {}
        explained = answer.data.get(EXPLANATIONS_KEY) or {}
        questions = [
            question
            for question in answer.section.questions.all()
            if question.key in before
            and not str(explained.get(question.key) or "").strip()
            and changed_beyond_threshold(
                question, answer.data.get(question.key), before[question.key]
            )
        ]
        if questions:
            missing.append((answer, questions))
    return missing


@transaction.atomic
def submit_report(
    *, report: Report, signed_off_name: str, signed_off_title: str, by
) -> Report:
    """Send the report to the advisers; submitting it again is a no-op."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.status == S.SUBMITTED:
        return current
    if missing_required(current):
        raise TransitionError(
            _("Alle obligatoriske spørsmål må besvares før innsending.")
        )
    if missing_explanations(current):
        raise TransitionError(
            _(
                "Forklar endringene fra i fjor som er større enn terskelen "
                "før innsending."
            )
        )
    if not signed_off_name.strip():
        raise TransitionError(_("Oppgi hvem i enheten som har godkjent rapporten."))
    submitted = _transition(
        report=current,
        action=ReportEvent.Action.SUBMITTED,
        by=by,
        submitted_at=timezone.now(),
        submitted_by=by,
        signed_off_name=signed_off_name.strip(),
        signed_off_title=signed_off_title.strip(),
    )
    _notify_on_commit(submitted, NotificationKind.SUBMITTED)
    return submitted


@transaction.atomic
def return_report(*, report: Report, reason: str, by) -> Report:
    """Send the report back to the unit for revision; the reason is kept."""
    _require(is_adviser(by), _("Bare rådgivere kan returnere rapporter."))
    if not reason.strip():
        raise TransitionError(_("Skriv en begrunnelse for å returnere rapporten."))
    returned = _transition(
        report=report,
        action=ReportEvent.Action.RETURNED,
        by=by,
        reason=reason.strip(),
        returned_reason=reason.strip(),
    )
    _notify_on_commit(returned, NotificationKind.RETURNED)
    return returned


@transaction.atomic
def approve_report(*, report: Report, by, case_number: str = "") -> Report:
    """Approve a submitted report with no open comments; it is then locked for good."""
    _require(is_adviser(by), _("Bare rådgivere kan godkjenne rapporter."))
    if report.comments.filter(parent__isnull=True, resolved_at__isnull=True).exists():
        raise TransitionError(_("Rapporten har åpne kommentarer som må løses først."))
    approved = _transition(
        report=report,
        action=ReportEvent.Action.APPROVED,
        by=by,
        approved_at=timezone.now(),
        approved_by=by,
        case_number=case_number.strip(),
    )
    _notify_on_commit(approved, NotificationKind.APPROVED)
    return approved


@transaction.atomic
def reopen_report(*, report: Report, reason: str, by) -> Report:
    """Reopen an approved report (administrators only), with a reason."""
    _require(
        is_administrator(by),
        _("Bare administratorer kan gjenåpne godkjente rapporter."),
    )
    if not reason.strip():
        raise TransitionError(_("Skriv en begrunnelse for å gjenåpne rapporten."))
    reopened = _transition(
        report=report,
        action=ReportEvent.Action.REOPENED,
        by=by,
        reason=reason.strip(),
        returned_reason=reason.strip(),
        approved_at=None,
        approved_by=None,
    )
    _notify_on_commit(reopened, NotificationKind.RETURNED)
    return reopened


class CommentError(Exception):
    """A comment cannot be written or resolved; the message says why, in Norwegian."""


@transaction.atomic
def add_comment(*, report: Report, text: str, by, section=None) -> ReviewComment:
    """An adviser comments on the report or one of its sections."""
    if not is_adviser(by):
        raise CommentError(_("Bare rådgivere kan skrive kommentarer."))
    if section is not None and section.circular_id != report.circular_id:
        raise CommentError(_("Kapittelet hører ikke til denne rapporten."))
    if not text.strip():
        raise CommentError(_("Skriv en kommentar."))
    comment = ReviewComment.objects.create(
        report=report, section=section, author=by, text=text.strip()
    )
    ReportEvent.objects.create(
        report=report,
        section=section,
        action=ReportEvent.Action.COMMENTED,
        actor=by,
        reason=comment.text,
    )
    transaction.on_commit(
        lambda: notifications.comment_added(report_id=report.pk, text=comment.text)
    )
    return comment


@transaction.atomic
def reply_to_comment(*, comment: ReviewComment, text: str, by) -> ReviewComment:
    """The unit's contact (or an adviser) answers an open comment."""
    if not (is_adviser(by) or is_member(by, comment.report.unit)):
        raise CommentError(_("Du kan ikke svare på denne kommentaren."))
    if comment.parent_id is not None:
        comment = comment.parent
    if comment.resolved_at is not None:
        raise CommentError(_("Kommentaren er allerede løst."))
    if not text.strip():
        raise CommentError(_("Skriv et svar."))
    reply = ReviewComment.objects.create(
        report=comment.report,
        section=comment.section,
        parent=comment,
        author=by,
        text=text.strip(),
    )
    ReportEvent.objects.create(
        report=comment.report,
        section=comment.section,
        action=ReportEvent.Action.COMMENTED,
        actor=by,
        reason=reply.text,
    )
    if not is_adviser(by):
        transaction.on_commit(
            lambda: notifications.comment_added(
                report_id=reply.report_id, text=reply.text, to_advisers=True
            )
        )
    return reply


@transaction.atomic
def resolve_comment(*, comment: ReviewComment, by) -> ReviewComment:
    """An adviser marks a comment as dealt with; resolving twice changes nothing."""
    if not is_adviser(by):
        raise CommentError(_("Bare rådgivere kan markere kommentarer som løst."))
    if comment.parent_id is not None:
        raise CommentError(_("Bare hovedkommentarer kan løses."))
    if comment.resolved_at is None:
        comment.resolved_at = timezone.now()
        comment.resolved_by = by
        comment.save(update_fields=["resolved_at", "resolved_by"])
        ReportEvent.objects.create(
            report=comment.report,
            section=comment.section,
            action=ReportEvent.Action.RESOLVED,
            actor=by,
            reason=comment.text,
        )
    return comment


def bulk_approve(*, reports, by) -> tuple[list[Report], dict]:
    """Approve each report on its own; return the approved and why others were not."""
    approved, refused = [], {}
    for report in reports:
        try:
            approved.append(approve_report(report=report, by=by))
        except TransitionError as error:
            refused[report] = str(error)
    return approved, refused


def bulk_remind(*, reports, by) -> int:
    """Remind the units of the chosen reports that have not submitted (once a day).

    Each unit's reminder is claimed and recorded on its own (see `reminders`), so
    one failing e-mail does not undo the others.
    """
    if not is_adviser(by):
        raise TransitionError(_("Bare rådgivere kan sende påminnelser."))
    stage = f"manual-{timezone.localdate().isoformat()}"
    return sum(
        remind(report=report, stage=stage, by=by)
        for report in reports
        if report.status in NOT_SUBMITTED
    )


@transaction.atomic
def set_notification_preferences(*, user, choices: dict, by) -> None:
    """Store how `user` wants each kind of e-mail (people set only their own)."""
    if by.pk != user.pk:
        raise PermissionError("People choose only their own notifications.")
    for kind, delivery in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )


@transaction.atomic
def confirm_contact(
    *, report: Report, name: str, title: str, email: str, phone: str, by
) -> Report:
    """Record the unit's OXLO contact for this report (rundskriv 8/2017)."""
    _require_editable(report)
    if not name.strip() or not email.strip():
        raise TransitionError(_("Oppgi navn og e-post til OXLO-kontakten."))
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


def _require_editable(report: Report) -> None:
    if not Report.objects.filter(
        pk=report.pk, status__in=Report.EDITABLE_STATUSES
    ).exists():
        raise ReportLocked


@transaction.atomic
def nominate_mentor(
    *, report: Report, name: str, title: str, email: str, field: str, informed: bool, by
) -> MentorNomination:
    """Propose a mentor; the person must know of the nomination."""
    if not informed:
        raise TransitionError(
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


@transaction.atomic
def add_attachment(*, report: Report, section, upload, by) -> Attachment:
    """Store a sniffed and size-checked upload for a section of an open report."""
    _require_editable(report)
    content_type = validate_upload(upload)
    attachment = Attachment(
        report=report,
        section=section,
        stored_name=stored_name(content_type),
        original_name=display_name(upload.name),
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    attachment.file.save(attachment.stored_name, upload, save=False)
    try:
        attachment.save()
        ReportEvent.objects.create(
            report=report,
            section=section,
            action=ReportEvent.Action.ATTACHED,
            actor=by,
            reason=attachment.original_name,
        )
    except Exception:
        # No file on disk without the row that points at it.
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, by) -> None:
    """Delete an attachment of an open report, file and all."""
    report = attachment.report
    _require_editable(report)
    ReportEvent.objects.create(
        report=report,
        section=attachment.section,
        action=ReportEvent.Action.DETACHED,
        actor=by,
        reason=attachment.original_name,
    )
    attachment.file.delete(save=False)
    attachment.delete()


def _carried_over_note(*, source: Report, count: int) -> str:
    """What the unit is told about answers moved from a replaced circular."""
    message = (
        gettext("%(count)s svar er overført fra %(designation)s, som er erstattet.")
        if count
        else gettext("Ingen svar var å overføre fra %(designation)s, som er erstattet.")
    )
    note = message % {"count": count, "designation": source.circular.designation}
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
            _transition(
                report=report,
                action=ReportEvent.Action.WITHDRAWN,
                by=by,
                reason=circular.withdrawn_reason,
            )
            closed += 1
    return closed
