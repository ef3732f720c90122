"""Each answer kind reads what people type and shows what is stored, one way."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from circulars.models import Question
from reporting.kinds import kind_of

K = Question.Kind
NBSP = "\u00a0"


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        (K.DECIMAL, "95,5", 95.5),
        (K.DECIMAL, "95.5", 95.5),
        (K.DECIMAL, "1 234,5", 1234.5),
        (K.DECIMAL, f"1{NBSP}234,5", 1234.5),
        (K.DECIMAL, "1\u202f234,5", 1234.5),
        (K.DECIMAL, "1.234,5", 1234.5),
        (K.DECIMAL, "1234", 1234),
        (K.DECIMAL, " 0,5 ", 0.5),
        (K.PERCENT, "95,5", 95.5),
        (K.PERCENT, "12,5 %", 12.5),
        # Only 12,5 is a percentage; 12 500 is not.
        (K.PERCENT, "12,500", 12.5),
        (K.INTEGER, "1234", 1234),
        (K.INTEGER, "1 234", 1234),
        # Only 1234 is a whole number; 1,234 is not.
        (K.INTEGER, "1.234", 1234),
    ],
)
def test_numbers_mean_what_norwegians_type_in_every_ui_language(
    language, kind, typed, stored
):
    with translation.override(language):
        value = kind_of(kind).parse(typed)
    assert value == stored
    assert type(value) is type(stored)


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (K.DECIMAL, "1,234", "kan leses både som 1,234 og 1 234"),
        (K.DECIMAL, "1.234", "kan leses både som 1,234 og 1 234"),
        (K.DECIMAL, "tolv", "Skriv et tall, 0 eller mer, f.eks. 95,5."),
        (K.DECIMAL, "1e5", "Skriv et tall"),
        (K.DECIMAL, "12 34", "Skriv et tall"),
        (K.DECIMAL, "0,125", "høyst to desimaler"),
        (K.INTEGER, "95,5", "Skriv et helt tall, 0 eller mer."),
        (K.INTEGER, "-1", "Skriv et helt tall, 0 eller mer."),
        (K.INTEGER, "5 000 000", "høyst 1 000 000"),
        (K.PERCENT, "101", "Skriv en prosent fra 0 til 100."),
        (K.DECIMAL, "9" * 41, "Skriv et tall"),
    ],
)
def test_ambiguous_or_wrong_numbers_are_refused_naming_the_expected_form(
    kind, typed, message
):
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        kind_of(kind).parse(typed)
    assert message in refused.value.messages[0].replace(NBSP, " ")


def test_bounds_set_on_the_question_replace_the_kinds_defaults():
    question = Question(kind=K.INTEGER, min_value=Decimal(1), max_value=Decimal(49))
    kind = kind_of(question)
    assert kind.parse("49") == 49
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        kind.parse("50")
    assert refused.value.messages == ["Skriv et helt tall fra 1 til 49."]


def test_an_empty_input_is_no_answer():
    assert kind_of(K.INTEGER).parse("  ") is None


@pytest.mark.parametrize(
    ("language", "kind", "value", "text"),
    [
        ("nb", K.DECIMAL, 1234.5, f"1{NBSP}234,5"),
        ("en", K.DECIMAL, 1234.5, "1,234.5"),
        ("nb", K.PERCENT, 12.5, f"12,5{NBSP}%"),
        ("en", K.PERCENT, 12.5, f"12.5{NBSP}%"),
        ("nb", K.INTEGER, 1234, f"1{NBSP}234"),
        ("nb", K.YES_NO, True, "Ja"),
        ("en", K.YES_NO, False, "No"),
        ("nb", K.DATE, "2026-03-01", "01.03.2026"),
        ("nb", K.MULTIPLE_CHOICE, ["kjønn", "alder"], "kjønn, alder"),
        ("nb", K.INTEGER, None, ""),
    ],
)
def test_values_are_shown_as_people_read_them_in_their_language(
    language, kind, value, text
):
    with translation.override(language):
        assert kind_of(kind).format(value) == text


def test_a_number_goes_back_into_its_input_as_it_can_be_typed_again():
    field = kind_of(K.DECIMAL).form_field(label="Beløp")
    with translation.override("nb"):
        assert field.prepare_value(1234.5) == "1234,5"
    with translation.override("en"):
        assert field.prepare_value(1234.5) == "1234.5"
    assert field.widget.input_type == "text"
    assert field.widget.attrs["inputmode"] == "decimal"
    assert kind_of(K.INTEGER).form_field(label="x").widget.attrs["inputmode"] == (
        "numeric"
    )


def test_the_change_from_last_year_is_said_in_words():
    kind = kind_of(K.INTEGER)
    with translation.override("nb"):
        assert kind.change(100, 112) == "økt med 12 (+12,0 %)"
        assert kind.change(10, 5) == "redusert med 5 (−50,0 %)"
        assert kind.change(4, 4) == "uendret"


@pytest.mark.parametrize("value", [10**320, float("inf"), float("nan"), "12", True])
def test_any_stored_value_is_shown_but_only_sane_numbers_are_calculated(value):
    kind = kind_of(K.INTEGER)
    assert kind.format(value)
    assert kind.number(value) is None
    assert kind.change(value, 5) == ""
    assert kind.cell(value) == kind.format(value)


def test_counts_as_answered_by_kind():
    table = kind_of(
        {
            "kind": K.TABLE,
            "rows": [{"key": "r", "label": "R"}],
            "columns": [{"key": "c", "label": "C", "kind": "integer"}],
        }
    )
    assert not table.is_answered({"r": {"c": None}})
    assert table.is_answered({"r": {"c": 0}})
    assert not kind_of(K.MULTIPLE_CHOICE).is_answered([])
    assert kind_of(K.YES_NO).is_answered(False)


def test_a_number_too_long_to_mean_anything_is_refused_where_typed():
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        kind_of(K.INTEGER).parse("1" + "0" * 320)
    assert "Skriv et helt tall, 0 eller mer" in refused.value.messages[0]


def test_a_table_column_may_state_its_own_bounds():
    column = {"key": "uker", "label": "Uker", "kind": K.DECIMAL, "max_value": 49}
    kind = kind_of(column)
    assert kind.parse("49") == 49
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        kind.parse("49,5")
    assert refused.value.messages == ["Skriv et tall fra 0 til 49."]


@pytest.mark.parametrize("bound", ["mange", True, [1]])
def test_a_column_bound_that_is_no_number_is_refused_by_the_circular(bound):
    question = Question(
        kind=K.TABLE,
        rows=[{"key": "r", "label": "R"}],
        columns=[{"key": "c", "label": "C", "kind": "integer", "max_value": bound}],
    )
    with pytest.raises(ValidationError) as refused:
        question.clean()
    assert "må være tall" in str(refused.value)
    # A circular saved before this check still gives a form: the kind's default.
    assert kind_of(question.columns[0]).max_value == 1_000_000


@pytest.mark.parametrize("typed", ["١٢٣", "１２", "12\u0000", "NaN", "Infinity", "--1"])
def test_only_plain_digits_are_numbers(typed):
    with pytest.raises(ValidationError):
        kind_of(K.DECIMAL).parse(typed)
