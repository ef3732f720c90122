from circulars.diff import circular_diff
from circulars.models import Question
from circulars.services import copy_circular_to_next_year
from tests.factories import (
    CircularFactory,
    QuestionFactory,
    SectionFactory,
    published_circular,
)


def _copy_with_changes(administrator):
    source = published_circular()
    copy = copy_circular_to_next_year(circular=source, by=administrator)
    section = copy.sections.get()
    Question.objects.filter(section=section, key="plan").update(
        label="Beskriv planen og hvem som har laget den"
    )
    Question.objects.filter(section=section, key="antall").delete()
    QuestionFactory(section=section, key="nytt", label="Bruker dere OXLO-guiden?")
    return source, copy


def test_diff_finds_added_removed_and_reworded_questions(administrator):
    source, copy = _copy_with_changes(administrator)
    diff = circular_diff(copy)
    assert diff.baseline == source
    [section] = diff.sections
    assert [q.key for q in section.added] == ["nytt"]
    assert [q.key for q in section.removed] == ["antall"]
    [change] = section.changed
    assert change.reworded
    assert change.old.label != change.new.label
    assert "spørsmål" in change.fields


def test_diff_of_an_unchanged_copy_is_empty(administrator):
    copy = copy_circular_to_next_year(circular=published_circular(), by=administrator)
    assert not circular_diff(copy).has_changes


def test_diff_finds_added_and_removed_sections_by_topic(administrator):
    copy = copy_circular_to_next_year(circular=published_circular(), by=administrator)
    copy.sections.get().delete()
    SectionFactory(circular=copy, topic="arbeidsgiver", number="4.7")
    diff = circular_diff(copy)
    assert {(s.is_added, s.is_removed) for s in diff.sections} == {
        (True, False),
        (False, True),
    }


def test_without_a_source_last_years_circular_of_the_same_kind_is_compared(db):
    last_year = published_circular(year=2025, reporting_year=2025)
    published_circular(year=2025, reporting_year=2025, audience=("bydel",))
    this_year = CircularFactory(year=2026, reporting_year=2026)
    assert circular_diff(this_year).baseline == last_year


def test_a_circular_with_nothing_to_compare_has_no_diff(db):
    assert circular_diff(CircularFactory(standing=True)) is None
    assert circular_diff(CircularFactory(reporting_year=2030)) is None
