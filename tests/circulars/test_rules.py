"""Formulas, conditions and rules an administrator writes beside the questions:
what is refused with a message, what publishing checks, what next year keeps."""

import pytest
from django.core.exceptions import ValidationError

from circulars.models import FrozenCircular, Question, Rule
from circulars.services import (
    PublishError,
    copy_circular_to_next_year,
    publish_circular,
    publish_problems,
)
from tests import factories
from tests.reporting.rules_world import ruled_circular

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(unit):
    return ruled_circular(unit, publish=False)


def section_of(circular):
    return circular.sections.get()


@pytest.mark.parametrize(
    ("left", "right", "message"),
    [
        ("finnes-ikke", "10", "har ikke spørsmålet «finnes-ikke»"),
        ("ansatte.antall.kvinner", "<script>", "ingen gyldig henvisning"),
        ("ansatte.ukjent.kvinner", "10", "har ingen rad «ukjent»"),
        ("tiltak.1.start", "tiltak.*.frist", "ingen faste rader"),
        ("tiltak.*.start", "10", "Et tall kan bare sammenlignes med et tall"),
        ("lonn", "ansatte.antall.*", "* til høyre krever *"),
        ("samarbeid-tekst", "10", "verken tall eller dato"),
    ],
)
def test_a_rule_that_cannot_be_checked_is_refused_with_a_message(
    draft, left, right, message
):
    rule = Rule(
        section=section_of(draft),
        key="ny",
        left=left,
        operator="lte",
        right=right,
        message="Melding",
    )
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert message in " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("key", "changes", "message"),
    [
        ("lonn", {"formula": "100 * {ansatte.antall.kvinner"}, "kan ikke leses"),
        ("lonn", {"formula": "({lonn} + 1"}, "parentes"),
        ("lonn", {"formula": "{samarbeid-tekst} + 1"}, "verken tall eller dato"),
        ("ansatte", {"formula": "1 + 1"}, "Bare tallspørsmål"),
        ("hvordan", {"shown_when_key": "lonn", "shown_when_value": "Ja"}, "ja/nei"),
        ("hvordan", {"shown_when_key": "samarbeid", "shown_when_value": "X"}, "av"),
        ("hvordan", {"shown_when_key": "samarbeid", "shown_when_value": ""}, "Skriv"),
        ("hvordan", {"shown_when_key": "hvordan", "shown_when_value": "Annet"}, "ikke"),
    ],
)
def test_a_formula_or_condition_that_cannot_work_is_refused(
    draft, key, changes, message
):
    question = section_of(draft).questions.get(key=key)
    for name, value in changes.items():
        setattr(question, name, value)
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert message in " ".join(error.value.messages)


def test_publishing_lists_a_rule_whose_question_was_removed(draft):
    section_of(draft).questions.filter(key="tiltak").delete()
    problems = publish_problems(draft)
    assert any("regel «tiltak-datoer»" in p and "tiltak" in p for p in problems)
    with pytest.raises(PublishError):
        publish_circular(circular=draft, by=None)


def test_next_years_circular_keeps_the_rules_formulas_and_conditions(unit):
    circular = ruled_circular(unit)
    copy = copy_circular_to_next_year(circular=circular, by=None)
    section = section_of(copy)
    assert [r.key for r in section.rules.all()] == [
        r.key for r in section_of(circular).rules.all()
    ]
    shown = section.questions.get(key="samarbeid-tekst")
    assert (shown.shown_when_key, shown.shown_when_value) == ("samarbeid", "Ja")
    share = section.questions.get(key="midlertidige-andel")
    assert "formula" in share.columns[0]


def test_the_rules_of_a_published_circular_are_frozen(unit):
    rule = section_of(ruled_circular(unit)).rules.first()
    rule.message = "Endret"
    with pytest.raises(FrozenCircular):
        rule.save()
    with pytest.raises(FrozenCircular):
        Rule.objects.filter(pk=rule.pk).update(message="Endret")


def test_the_seeded_circulars_carry_every_seed_rule(seeded):
    from circulars.seed_rules import RULES

    rules = Rule.objects.filter(section__circular__reporting_year__isnull=False)
    assert {r.key for r in rules} == {spec["key"] for spec in RULES}
    table = Question.objects.filter(key="diskriminering-tabell").first()
    assert table.totals == Question.Totals.COLUMNS


def test_a_seed_rule_that_does_not_fit_the_questions_is_reported_not_added(db):
    from circulars.seed_rules import apply_seed_rules

    section = factories.SectionFactory()
    factories.QuestionFactory(section=section, key="tiltak", measures=True)
    assert apply_seed_rules(section) == [
        "tiltak-datoer: «tiltak» har ingen kolonne «start»."
    ]
    assert not section.rules.exists()


def test_the_published_circular_tells_which_questions_depend_and_what_is_checked(
    client, unit, django_assert_max_num_queries
):
    circular = ruled_circular(unit)
    with django_assert_max_num_queries(12):
        page = client.get(circular.get_absolute_url()).content.decode()
    assert "Besvares bare når «Samarbeid med rådet?» er besvart med «Ja»." in page
    assert "Det kan ikke være flere midlertidig ansatte enn ansatte." in page
