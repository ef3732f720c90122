"""Actions on circulars: each takes the acting user and runs in one transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Circular, Question
from .signals import circular_published


class PublishError(Exception):
    """The circular is not ready to publish; `problems` says why, in Norwegian."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def publish_problems(circular: Circular) -> list[str]:
    """Everything that stops this circular from being published, as messages."""
    problems = []
    if circular.status != Circular.Status.DRAFT:
        problems.append(_("Bare utkast kan publiseres."))
    if not circular.audience:
        problems.append(_("Velg hvilke enhetstyper rundskrivet gjelder for."))
    sections = list(circular.sections.prefetch_related("questions"))
    if circular.asks_for_report:
        if not circular.deadline:
            problems.append(_("Et rapporteringsrundskriv trenger en frist."))
        if not sections:
            problems.append(_("Et rapporteringsrundskriv trenger minst ett kapittel."))
    elif circular.deadline:
        problems.append(_("En frist krever et rapporteringsår."))
    for section in sections:
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


@transaction.atomic
def publish_circular(*, circular: Circular, by) -> Circular:
    """Freeze the circular and give every unit in its audience its report."""
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
    circular_published.send(sender=Circular, circular=circular)
    return circular
