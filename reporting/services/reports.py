"""What a unit does with its report: fill in sections, attach files, submit."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..answers import EXPLANATIONS_KEY, changed_beyond_threshold, completeness
from ..attachments import display_name, stored_name, validate_upload
from ..errors import (
    NotAllowed,
    ReportingError,
    ReportLocked,
    StaleAnswer,
    TransitionError,
)
from ..models import (
    Attachment,
    Membership,
    NotificationKind,
    Report,
    ReportEvent,
    SectionAnswer,
    SectionAnswerRevision,
)
from ..permissions import can_edit_report, can_edit_section, is_member
from ..rules import derive
from ..selectors import previous_answers
from ..submission import submission_problems
from . import notifications
from .transitions import S, notify_on_commit, transition


@transaction.atomic
def save_section_answer(
    *,
    answer: SectionAnswer,
    data: dict,
    based_on: int,
    by,
    raw: dict | None = None,
    invalid: int = 0,
) -> SectionAnswer:
    """Store valid answers, and what was typed that is not valid yet (`raw`, with
    `invalid` fields to correct), if nobody saved since version `based_on`; hidden
    answers are left out and computed ones calculated (`rules.derive`).

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
    questions = list(answer.section.questions.all())
    data = derive(questions, data)
    answered, missing = completeness(questions, data)
    saved = {
        "data": data,
        "raw": raw or {},
        "invalid": invalid,
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
        raw=answer.raw,
        invalid=answer.invalid,
        saved_at=answer.updated_at,
        saved_by=by,
    )
    return answer


@transaction.atomic
def restore_section_version(
    *, answer: SectionAnswer, version: int, by
) -> SectionAnswer:
    """Save an earlier version of the section again, as a new version (nothing is
    lost), for the unit's own people while the report is open to them."""
    report = answer.report
    if not is_member(by, report.unit) or (
        report.is_editable and not can_edit_section(by, report, answer.section)
    ):
        raise NotAllowed
    revision = answer.revisions.filter(version=version).first()
    if revision is None:
        raise ReportingError(_("Den versjonen finnes ikke for dette kapittelet."))
    current = SectionAnswer.objects.select_for_update().get(pk=answer.pk)
    restored = save_section_answer(
        answer=current,
        data=revision.data,
        raw=revision.raw,
        invalid=revision.invalid,
        based_on=current.version,
        by=by,
    )
    ReportEvent.objects.create(
        report=report,
        section=answer.section,
        action=ReportEvent.Action.RESTORED,
        actor=by,
        reason=_("Versjon %(old)s lagret på nytt som versjon %(new)s.")
        % {"old": version, "new": restored.version},
    )
    return restored


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


def snapshot_contact(report: Report) -> dict:
    """The report's copy of its unit's contact, taken at submit; raises if the
    unit has none and no reason was given."""
    unit = report.unit
    if not unit.has_contact and not report.no_contact_reason:
        raise TransitionError(
            _(
                "Oppgi enhetens OXLO-kontakt, eller skriv hvorfor ingen er utpekt, "
                "før innsending."
            )
        )
    return {
        "contact_name": unit.contact_name,
        "contact_title": unit.contact_title,
        "contact_email": unit.contact_email,
        "contact_phone": unit.contact_phone,
        "contact_in_leadership": unit.contact_in_leadership,
        "contact_confirmed_at": timezone.now() if unit.has_contact else None,
    }


def refusal(problems: list) -> str:
    """Why a report cannot be submitted: the first problem, and how many more."""
    first = problems[0]
    message = _("Rapporten kan ikke sendes inn: «%(label)s» – %(problem)s.") % {
        "label": first.label,
        "problem": first.message,
    }
    more = len(problems) - 1
    if more:
        message += " " + ngettext(
            "%(count)d annet punkt må også rettes.",
            "%(count)d andre punkter må også rettes.",
            more,
        ) % {"count": more}
    return message


@transaction.atomic
def submit_report(
    *, report: Report, signed_off_name: str, signed_off_title: str, by
) -> Report:
    """Send the report to the advisers; submitting it again is a no-op."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.status == S.SUBMITTED:
        return current
    problems = submission_problems(current)
    if problems:
        raise TransitionError(refusal(problems))
    if not signed_off_name.strip():
        raise TransitionError(_("Oppgi hvem i enheten som har godkjent rapporten."))
    if current.unit.memberships.filter(
        role=Membership.Role.LEADER, user__is_active=True
    ).exists():
        raise TransitionError(
            _("Enheten har en leder i portalen: send rapporten til lederen.")
        )
    contact = snapshot_contact(current)
    submitted = transition(
        report=current,
        action=ReportEvent.Action.SUBMITTED,
        by=by,
        submitted_at=timezone.now(),
        submitted_by=by,
        signed_off_name=signed_off_name.strip(),
        signed_off_title=signed_off_title.strip(),
        **contact,
    )
    notify_on_commit(submitted, NotificationKind.SUBMITTED)
    transaction.on_commit(lambda: notifications.send_receipt(report_id=submitted.pk))
    return submitted


def require_editable(report: Report) -> None:
    if not Report.objects.filter(
        pk=report.pk, status__in=Report.EDITABLE_STATUSES
    ).exists():
        raise ReportLocked


def require_section_writer(*, report: Report, section, by) -> None:
    """Refuse anyone but the unit's contacts and the contributors given the
    chapter (a report-level item: its contacts and contributors)."""
    allowed = (
        can_edit_section(by, report, section)
        if section is not None
        else can_edit_report(by, report)
    )
    if not allowed:
        raise NotAllowed(
            _(
                "Bare kontaktpersonen og bidragsyterne som har fått kapittelet, "
                "endrer det."
            )
        )


@transaction.atomic
def add_attachment(*, report: Report, section, upload, by) -> Attachment:
    """Store a sniffed and size-checked upload for a section of an open report."""
    require_editable(report)
    require_section_writer(report=report, section=section, by=by)
    try:
        content_type = validate_upload(upload)
    except ValidationError as error:
        raise ReportingError(" ".join(error.messages)) from error
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
    require_editable(report)
    require_section_writer(report=report, section=attachment.section, by=by)
    ReportEvent.objects.create(
        report=report,
        section=attachment.section,
        action=ReportEvent.Action.DETACHED,
        actor=by,
        reason=attachment.original_name,
    )
    attachment.file.delete(save=False)
    attachment.delete()
