"""Actions on circulars: each takes the acting user and runs in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Circular, CircularEvent, Question, Rule
from .models.rules import question_problems, rule_problems
from .signals import circular_published, circular_withdrawn
from .validators import ARCHIVE_CODE, CASE_NUMBER


class CircularError(Exception):
    """A rule about circulars was broken; the message is for the person acting."""


class PublishError(CircularError):
    """The circular is not ready to publish; `problems` says why, in Norwegian."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def archive_problems(circular: Circular) -> list[str]:
    """A real circular is published with its place in Oslo kommune's archive."""
    if circular.example:
        return []
    problems = []
    for field, validator, missing in (
        (
            "case_number",
            CASE_NUMBER,
            _("Et rundskriv trenger saksnummer før det publiseres."),
        ),
        (
            "archive_code",
            ARCHIVE_CODE,
            _("Et rundskriv trenger arkivkode før det publiseres."),
        ),
    ):
        value = getattr(circular, field)
        if not value:
            problems.append(missing)
            continue
        try:
            validator(value)
        except ValidationError as error:
            problems.extend(error.messages)
    return problems


def publish_problems(circular: Circular) -> list[str]:
    """Everything that stops this circular from being published, as messages."""
    problems = []
    if circular.status != Circular.Status.DRAFT:
        problems.append(_("Bare utkast kan publiseres."))
    if not circular.audience:
        problems.append(_("Velg hvilke enhetstyper rundskrivet gjelder for."))
    problems += archive_problems(circular)
    sections = list(circular.sections.prefetch_related("questions", "rules"))
    if circular.asks_for_report:
        if not circular.deadline:
            problems.append(_("Et rapporteringsrundskriv trenger en frist."))
        if not sections:
            problems.append(_("Et rapporteringsrundskriv trenger minst ett kapittel."))
    elif circular.deadline:
        problems.append(_("En frist krever et rapporteringsår."))
    for section in sections:
        problems += _link_problems(section)
        for question in section.questions.all():
            label = f"{section.number} «{question.label}»"
            if question.kind == Question.Kind.TABLE and not (
                question.rows and question.columns
            ):
                problems.append(
                    _("%(q)s: tabellen trenger rader og kolonner.") % {"q": label}
                )
            if question.kind == Question.Kind.LIST and not question.columns:
                problems.append(_("%(q)s: listen trenger felter.") % {"q": label})
            if (
                question.kind in (Question.Kind.CHOICE, Question.Kind.MULTIPLE_CHOICE)
                and not question.choices
            ):
                problems.append(
                    _("%(q)s: valgspørsmålet trenger alternativer.") % {"q": label}
                )
    return problems


def _link_problems(section) -> list[str]:
    """Formulas, conditions and rules that point at questions the section lacks."""
    questions = {q.key: q for q in section.questions.all()}
    problems = [
        f"{section.number} «{question.label}»: {message}"
        for question in questions.values()
        for message in question_problems(question, questions).values()
    ]
    problems += [
        _("%(number)s regel «%(key)s»: %(message)s")
        % {"number": section.number, "key": rule.key, "message": message}
        for rule in section.rules.all()
        for message in rule_problems(rule, questions)
    ]
    return problems


@transaction.atomic
def publish_circular(*, circular: Circular, by) -> Circular:
    """Freeze the circular and give every unit in its audience its report.

    A circular that replaces a published one withdraws it in the same step, so
    the archive never holds two circulars in force for the same purpose.
    """
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    problems = publish_problems(circular)
    if problems:
        raise PublishError(problems)
    circular.status = Circular.Status.PUBLISHED
    circular.published_at = timezone.now()
    circular.published_by = by
    # Publishing fields are the last change a draft takes before it freezes.
    Circular.objects.filter(pk=circular.pk, status=Circular.Status.DRAFT).update(
        status=circular.status,
        published_at=circular.published_at,
        published_by=by,
    )
    CircularEvent.objects.create(
        circular=circular, action=CircularEvent.Action.PUBLISHED, actor=by
    )
    circular_published.send(sender=Circular, circular=circular, by=by)
    replaced = (
        Circular.objects.select_for_update()
        .filter(pk=circular.replaces_id, status=Circular.Status.PUBLISHED)
        .first()
    )
    if replaced is not None:
        _withdraw(
            circular=replaced,
            reason=_("Erstattet av %(designation)s.") % {"designation": circular.cited},
            by=by,
            replaced_by=circular,
        )
    return circular


@transaction.atomic
def withdraw_circular(*, circular: Circular, reason: str, by) -> Circular:
    """Take a published circular out of force; it stays in the archive."""
    reason = reason.strip()
    if not reason:
        raise CircularError(_("Skriv hvorfor rundskrivet trekkes tilbake."))
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    return _withdraw(circular=circular, reason=reason, by=by)


def _withdraw(
    *, circular: Circular, reason: str, by, replaced_by: Circular | None = None
) -> Circular:
    if circular.status != Circular.Status.PUBLISHED:
        raise CircularError(_("Bare publiserte rundskriv kan trekkes tilbake."))
    circular.status = Circular.Status.WITHDRAWN
    circular.withdrawn_at = timezone.now()
    circular.withdrawn_reason = reason
    circular.save(update_fields=["status", "withdrawn_at", "withdrawn_reason"])
    CircularEvent.objects.create(
        circular=circular,
        action=CircularEvent.Action.WITHDRAWN,
        actor=by,
        reason=reason,
        related=replaced_by,
    )
    circular_withdrawn.send(sender=Circular, circular=circular, by=by)
    return circular


def next_free_number(*, kind: str, year: int) -> int:
    """The lowest number above every circular of this kind and year."""
    highest = Circular.objects.filter(kind=kind, year=year).aggregate(
        highest=Max("number")
    )["highest"]
    return (highest or 0) + 1


def _one_year_later(date: datetime.date | None) -> datetime.date | None:
    if date is None:
        return None
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year + 1, day=28)


def _check_number_is_free(*, kind: str, number: int, year: int) -> None:
    if Circular.objects.filter(kind=kind, number=number, year=year).exists():
        raise CircularError(
            _("%(kind)s %(number)s/%(year)s finnes allerede.")
            % {"kind": Circular.Kind(kind).label, "number": number, "year": year}
        )


def _copy(source: Circular, **overrides) -> Circular:
    """A new draft with the source's metadata, sections, questions and rules."""
    fields = {
        "kind": source.kind,
        "title": source.title,
        "archive_code": source.archive_code,
        "issued_by": source.issued_by,
        "audience": list(source.audience),
        "body": source.body,
        "contact": source.contact,
        "signatures": source.signatures,
        "example": source.example,
        "reporting_year": source.reporting_year,
        "deadline": source.deadline,
        "copied_from": source,
    }
    copy = Circular.objects.create(**(fields | overrides))
    copy.documents.set(source.documents.all())
    for section in source.sections.prefetch_related("questions", "rules"):
        questions, rules = list(section.questions.all()), list(section.rules.all())
        section.pk = None
        section.circular = copy
        section.save()
        for part in questions + rules:
            part.pk = None
            part.section = section
        Question.objects.bulk_create(questions)
        Rule.objects.bulk_create(rules)
    return copy


@transaction.atomic
def copy_circular_to_next_year(
    *, circular: Circular, by, number: int | None = None
) -> Circular:
    """Start next year's draft from this circular, keeping keys and topics.

    The reporting year is moved on one year, also where the title and body name
    it, and the deadline falls on the same date a year later. Case number, dates
    of sending and the PDF belong to the old circular and are left empty; the
    archive code (the subject's class) is kept.
    """
    year = circular.year + 1
    number = number or next_free_number(kind=circular.kind, year=year)
    _check_number_is_free(kind=circular.kind, number=number, year=year)
    title, body = circular.title, circular.body
    reporting_year = circular.reporting_year
    if reporting_year is not None:
        old, new = str(reporting_year), str(reporting_year + 1)
        title, body = title.replace(old, new), body.replace(old, new)
        reporting_year += 1
    copy = _copy(
        circular,
        number=number,
        year=year,
        title=title,
        body=body,
        reporting_year=reporting_year,
        deadline=_one_year_later(circular.deadline),
    )
    CircularEvent.objects.create(
        circular=copy,
        action=CircularEvent.Action.CREATED_AS_COPY,
        actor=by,
        related=circular,
    )
    return copy


@transaction.atomic
def start_replacement(*, circular: Circular, by, number: int | None = None) -> Circular:
    """Start a draft that corrects a published circular and replaces it on
    publication; it asks for the same report with the same deadline."""
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    if circular.status != Circular.Status.PUBLISHED:
        raise CircularError(_("Bare publiserte rundskriv kan erstattes."))
    if circular.replaced_by.filter(status=Circular.Status.DRAFT).exists():
        raise CircularError(
            _("Det finnes allerede et utkast som erstatter %(designation)s.")
            % {"designation": circular.cited}
        )
    year = timezone.localdate().year
    number = number or next_free_number(kind=circular.kind, year=year)
    _check_number_is_free(kind=circular.kind, number=number, year=year)
    copy = _copy(circular, number=number, year=year, replaces=circular)
    CircularEvent.objects.create(
        circular=copy,
        action=CircularEvent.Action.CREATED_AS_REPLACEMENT,
        actor=by,
        related=circular,
    )
    return copy
