import datetime

import pytest

from circulars.models import Circular, CircularEvent, Question
from circulars.services import (
    CircularError,
    PublishError,
    copy_circular_to_next_year,
    publish_circular,
    start_replacement,
    withdraw_circular,
)
from reporting.models import Report
from tests.factories import (
    CircularFactory,
    DocumentFactory,
    QuestionFactory,
    SectionFactory,
    UnitFactory,
    published_circular,
    with_case_number,
)


def test_copy_to_next_year_keeps_sections_questions_keys_and_topics(administrator):
    source = published_circular(title="Årsberetning 2026 – særskilt rapportering")
    copy = copy_circular_to_next_year(circular=source, by=administrator)

    assert copy.status == Circular.Status.DRAFT
    assert (copy.year, copy.reporting_year) == (2027, 2027)
    assert copy.deadline == datetime.date(2028, 2, 20)
    assert copy.title == "Årsberetning 2027 – særskilt rapportering"
    assert copy.copied_from == source
    assert copy.replaces is None
    old = [(s.number, s.topic) for s in source.sections.all()]
    assert [(s.number, s.topic) for s in copy.sections.all()] == old
    assert list(
        Question.objects.filter(section__circular=copy).values_list(
            "key", "kind", "label"
        )
    ) == list(
        Question.objects.filter(section__circular=source).values_list(
            "key", "kind", "label"
        )
    )


def test_copy_leaves_the_source_untouched_and_records_who_made_it(administrator):
    source = published_circular()
    document = DocumentFactory()
    copy = copy_circular_to_next_year(circular=source, by=administrator)
    copy.documents.add(document)
    assert source.sections.get().questions.count() == 2
    assert not source.documents.exists()
    event = copy.events.get()
    assert event.action == CircularEvent.Action.CREATED_AS_COPY
    assert (event.actor, event.related) == (administrator, source)


def test_copy_takes_the_first_free_number_or_refuses_a_taken_one(administrator):
    source = published_circular(number=24)
    CircularFactory(kind=source.kind, number=1, year=2027)
    assert copy_circular_to_next_year(circular=source, by=administrator).number == 2
    with pytest.raises(CircularError, match="finnes allerede"):
        copy_circular_to_next_year(circular=source, number=1, by=administrator)


def test_a_deadline_on_leap_day_moves_to_the_28th_next_year(administrator):
    source = CircularFactory(year=2027, deadline=datetime.date(2028, 2, 29))
    copy = copy_circular_to_next_year(circular=source, by=administrator)
    assert copy.deadline == datetime.date(2029, 2, 28)


def test_publish_gives_exactly_the_audience_units_their_report(administrator):
    etat = UnitFactory(kind="etat")
    foretak = UnitFactory(kind="foretak")
    bydel = UnitFactory(bydel=True)
    inactive = UnitFactory(kind="etat", active=False)
    circular = published_circular(audience=("etat", "foretak"), by=administrator)
    assert set(
        Report.objects.filter(circular=circular).values_list("unit", flat=True)
    ) == {
        etat.pk,
        foretak.pk,
    }
    assert not Report.objects.filter(unit__in=[bydel, inactive]).exists()
    assert circular.events.get().action == CircularEvent.Action.PUBLISHED


def test_publish_refuses_an_incomplete_circular_and_says_why(administrator):
    circular = CircularFactory(audience=[], deadline=None)
    QuestionFactory(section=SectionFactory(circular=circular), kind="table")
    with pytest.raises(PublishError) as error:
        publish_circular(circular=circular, by=administrator)
    assert "Velg hvilke enhetstyper rundskrivet gjelder for." in error.value.problems
    assert "Et rapporteringsrundskriv trenger en frist." in error.value.problems
    assert any("tabellen trenger rader og kolonner" in p for p in error.value.problems)
    circular.refresh_from_db()
    assert circular.status == Circular.Status.DRAFT


def test_withdraw_needs_a_reason_and_keeps_the_circular_in_the_archive(
    administrator,
):
    circular = published_circular()
    with pytest.raises(CircularError, match="hvorfor"):
        withdraw_circular(circular=circular, reason="  ", by=administrator)
    withdraw_circular(circular=circular, reason="Sendt ved en feil.", by=administrator)
    circular.refresh_from_db()
    assert circular.status == Circular.Status.WITHDRAWN
    assert circular.withdrawn_reason == "Sendt ved en feil."
    assert circular.events.last().reason == "Sendt ved en feil."
    with pytest.raises(CircularError):
        withdraw_circular(circular=circular, reason="Igjen", by=administrator)


def test_a_draft_cannot_be_withdrawn(administrator):
    with pytest.raises(CircularError):
        withdraw_circular(circular=CircularFactory(), reason="x", by=administrator)


def test_publishing_a_replacement_withdraws_the_replaced_circular(administrator):
    old = published_circular()
    replacement = start_replacement(circular=old, by=administrator)
    assert replacement.replaces == old
    assert replacement.reporting_year == old.reporting_year
    assert replacement.deadline == old.deadline
    old.refresh_from_db()
    assert old.status == Circular.Status.PUBLISHED

    publish_circular(circular=with_case_number(replacement), by=administrator)
    old.refresh_from_db()
    assert old.status == Circular.Status.WITHDRAWN
    assert replacement.cited in old.withdrawn_reason
    assert list(old.replaced_by.all()) == [replacement]


def test_only_a_published_circular_can_be_replaced_and_only_once_at_a_time(
    administrator,
):
    with pytest.raises(CircularError):
        start_replacement(circular=CircularFactory(), by=administrator)
    old = published_circular()
    start_replacement(circular=old, by=administrator)
    with pytest.raises(CircularError, match="allerede et utkast"):
        start_replacement(circular=old, by=administrator)
