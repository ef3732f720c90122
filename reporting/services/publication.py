"""The consolidated report's own words and facts, written by advisers: the summary,
an assessment per topic, the publisher and the case number."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from circulars.models import UnitKind

from ..errors import ReportingError
from ..models import Commentary, CommentaryRevision, Publication, Unit
from ..models.publication import MAX_COMMENTARY_LENGTH
from ..permissions import sees_all_units
from ..selectors import year_topics
from .exports import prepare_on_commit
from .transitions import require


def _require_writer(by) -> None:
    require(
        sees_all_units(by),
        _("Bare rådgivere og administratorer kan skrive i sammenstillingen."),
    )


@transaction.atomic
def save_commentary(*, year: int, topic: str, text: str, ready: bool, by) -> Commentary:
    """Save the summary (`topic` empty) or a topic's assessment, as a draft or
    ready for the report; every save is kept as a version with its author."""
    _require_writer(by)
    if topic and topic not in year_topics(year):
        raise ReportingError(
            _("%(year)s har ikke noe tema «%(topic)s».")
            % {"year": year, "topic": topic}
        )
    text = text.strip()
    if len(text) > MAX_COMMENTARY_LENGTH:
        raise ReportingError(
            _("Teksten kan være høyst %(max)s tegn.") % {"max": MAX_COMMENTARY_LENGTH}
        )
    if ready and not text:
        raise ReportingError(_("En tom tekst kan ikke merkes som klar."))
    publication, _created = Publication.objects.get_or_create(year=year)
    commentary, _created = Commentary.objects.select_for_update().get_or_create(
        publication=publication, topic=topic
    )
    commentary.text = text
    commentary.status = Commentary.Status.READY if ready else Commentary.Status.DRAFT
    commentary.updated_at = timezone.now()
    commentary.updated_by = by
    commentary.save()
    CommentaryRevision.objects.create(
        commentary=commentary,
        text=text,
        status=commentary.status,
        at=commentary.updated_at,
        by=by,
    )
    prepare_on_commit(year=year)
    return commentary


@transaction.atomic
def save_publication(
    *, year: int, publisher: Unit | None, case_number: str, by
) -> Publication:
    """Set who publishes the year's report and its case number."""
    _require_writer(by)
    if publisher is not None and publisher.kind != UnitKind.BYRADSAVDELING:
        raise ReportingError(_("Utgiveren må være en byrådsavdeling."))
    publication, _created = Publication.objects.select_for_update().get_or_create(
        year=year
    )
    publication.publisher = publisher
    publication.case_number = case_number.strip()
    publication.updated_at = timezone.now()
    publication.updated_by = by
    publication.save()
    prepare_on_commit(year=year)
    return publication
