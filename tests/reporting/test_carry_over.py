"""Which answers still fit a replacement's questions (no database needed)."""

from decimal import Decimal

import pytest

from circulars.models import Question
from reporting.carry_over import carried_data, carried_value

K = Question.Kind


def question(kind, key="q", **fields) -> Question:
    return Question(key=key, label=key, kind=kind, **fields)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (K.LONG_TEXT, "Vi har en plan."),
        (K.SHORT_TEXT, "Plan 2024–2027"),
        (K.INTEGER, 12),
        (K.DECIMAL, 3.5),
        (K.PERCENT, 47.5),
        (K.YES_NO, False),
        (K.DATE, "2026-03-01"),
    ],
)
def test_a_valid_answer_to_an_unchanged_question_carries_over(kind, value):
    assert carried_value(question(kind), question(kind), value) == value


@pytest.mark.parametrize(
    ("old_kind", "new_kind", "value"),
    [
        (K.INTEGER, K.SHORT_TEXT, 7),
        (K.SHORT_TEXT, K.LONG_TEXT, "tekst"),
        (K.CHOICE, K.MULTIPLE_CHOICE, "Ja"),
        (K.YES_NO, K.CHOICE, True),
    ],
)
def test_a_changed_question_kind_drops_the_answer(old_kind, new_kind, value):
    assert carried_value(question(old_kind), question(new_kind), value) is None


def test_a_choice_no_longer_offered_is_dropped():
    old = question(K.CHOICE, choices=["Ja", "Nei", "Under arbeid"])
    new = question(K.CHOICE, choices=["Ja", "Nei"])

    assert carried_value(old, new, "Under arbeid") is None
    assert carried_value(old, new, "Ja") == "Ja"


def test_multiple_choice_keeps_only_the_choices_still_offered():
    old = question(K.MULTIPLE_CHOICE, choices=["Ledermøte", "Workshop", "Annet"])
    new = question(K.MULTIPLE_CHOICE, choices=["Ledermøte", "Workshop"])

    assert carried_value(old, new, ["Ledermøte", "Annet"]) == ["Ledermøte"]
    assert carried_value(old, new, ["Annet"]) is None


@pytest.mark.parametrize(
    ("kind", "fields", "value"),
    [
        (K.INTEGER, {"max_value": Decimal(10)}, 12),
        (K.INTEGER, {}, -1),
        (K.INTEGER, {}, 2.5),
        (K.INTEGER, {}, True),
        (K.PERCENT, {}, 101),
        (K.DECIMAL, {"min_value": Decimal(1)}, 0.5),
        (K.SHORT_TEXT, {"max_length": 5}, "for lang tekst"),
        (K.DATE, {}, "31.03.2026"),
        (K.YES_NO, {}, "ja"),
    ],
)
def test_a_value_outside_the_new_questions_rules_is_dropped(kind, fields, value):
    assert carried_value(question(kind), question(kind, **fields), value) is None


def test_table_keeps_the_cells_of_rows_and_columns_that_still_fit():
    columns = [
        {"key": "kvinner", "label": "Kvinner", "kind": "integer"},
        {"key": "menn", "label": "Menn", "kind": "integer"},
        {"key": "merknad", "label": "Merknad", "kind": "short_text"},
    ]
    old = question(
        K.TABLE,
        rows=[{"key": "ledere", "label": "Ledere"}, {"key": "andre", "label": "A"}],
        columns=columns,
    )
    new = question(
        K.TABLE,
        rows=[{"key": "ledere", "label": "Ledere"}],
        columns=[columns[0], {**columns[1], "kind": "percent"}, columns[2]],
    )
    value = {
        "ledere": {"kvinner": 3, "menn": 4, "merknad": "OK"},
        "andre": {"kvinner": 20, "menn": 18},
    }

    assert carried_value(old, new, value) == {"ledere": {"kvinner": 3, "merknad": "OK"}}


def test_list_rows_keep_their_fields_that_still_fit_and_empty_rows_go():
    old = question(
        K.LIST,
        columns=[
            {"key": "tittel", "label": "Tiltak", "kind": "short_text"},
            {"key": "frist", "label": "Frist", "kind": "date"},
        ],
    )
    new = question(
        K.LIST, columns=[{"key": "tittel", "label": "Tiltak", "kind": "short_text"}]
    )
    value = [{"tittel": "Kurs", "frist": "2026-05-01"}, {"frist": "2026-06-01"}]

    assert carried_value(old, new, value) == [{"tittel": "Kurs"}]


def test_only_keys_the_new_section_still_asks_are_carried_over():
    old = [question(K.SHORT_TEXT, key="plan"), question(K.SHORT_TEXT, key="borte")]
    new = [question(K.SHORT_TEXT, key="plan"), question(K.YES_NO, key="ny")]

    data = carried_data(old, new, {"plan": "Vedtatt", "borte": "Fjernet"})

    assert data == {"plan": "Vedtatt"}
