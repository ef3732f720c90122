import pytest

from reporting.answers import EXPLANATIONS_KEY
from reporting.forms.answers import SectionAnswerForm

pytestmark = pytest.mark.django_db


def form_for(answer, data=None, previous=None):
    return SectionAnswerForm(
        data,
        questions=answer.section.questions.all(),
        stored=answer.data,
        previous=previous,
    )


def post(**fields):
    return {"based_on": "0", **fields}


def test_an_empty_draft_is_valid_although_a_question_is_required(rich_answer):
    form = form_for(rich_answer, post())
    assert form.is_valid(), form.errors
    assert form.to_data() == {}


def test_every_question_kind_is_stored_in_its_documented_shape(rich_answer):
    form = form_for(
        rich_answer,
        post(
            q__plan="Planen er vedtatt.",
            q__navn="Kari",
            q__antall="12",
            q__belop="12.50",
            q__andel="40",
            q__rad="ja",
            q__valg="Nei",
            q__flere=["Workshop", "Kurs"],
            q__dato="2026-03-01",
            q__ansatte__ledere__kvinner="3",
            q__ansatte__ledere__menn="4",
            q__tiltak__0__tittel="Klarspråkkurs",
            q__tiltak__0__status="Gjennomført",
        ),
    )
    assert form.is_valid(), form.errors
    assert form.to_data() == {
        "plan": "Planen er vedtatt.",
        "navn": "Kari",
        "antall": 12,
        "belop": 12.5,
        "andel": 40,
        "rad": True,
        "valg": "Nei",
        "flere": ["Workshop", "Kurs"],
        "dato": "2026-03-01",
        "ansatte": {"ledere": {"kvinner": 3, "menn": 4}},
        "tiltak": [{"tittel": "Klarspråkkurs", "status": "Gjennomført"}],
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("q__antall", "tolv", "et helt tall, 0 eller mer"),
        ("q__antall", "-1", "et helt tall, 0 eller mer"),
        ("q__ansatte__ledere__kvinner", "-2", "et helt tall, 0 eller mer"),
        ("q__ansatte__ledere__kvinner", "1" + "0" * 320, "et helt tall, 0 eller mer"),
        ("q__antall", "1 000 001", "høyst 1 000 000"),
        ("q__andel", "101", "en prosent fra 0 til 100"),
        ("q__belop", "mye", "tall"),
        ("q__navn", "x" * 21, "20 eller færre tegn"),
        ("q__plan", "x" * 10_001, "10000 eller færre tegn"),
        ("q__valg", "Kanskje", "gyldig valg"),
        ("q__flere", ["Sirkus"], "gyldig valg"),
        ("q__dato", "31.02.2026", "gyldig dato"),
    ],
)
def test_bad_input_is_refused_with_a_message_next_to_the_field(
    rich_answer, field, value, message
):
    form = form_for(rich_answer, post(**{field: value}))
    assert not form.is_valid()
    assert message in " ".join(form.errors[field]).lower().replace("\xa0", " ")


def test_a_list_row_without_its_required_field_is_flagged_but_kept(rich_answer):
    form = form_for(rich_answer, post(q__tiltak__0__status="Planlagt"))
    assert form.is_savable()
    assert (
        "Fyll ut «Tiltak» eller fjern raden"
        in form.content_errors()["q__tiltak__0__tittel"][0]
    )
    assert form.to_data()["tiltak"] == [{"tittel": None, "status": "Planlagt"}]


def test_stored_typed_values_are_shown_again_with_their_messages(rich_answer):
    form = SectionAnswerForm(
        questions=rich_answer.section.questions.all(),
        stored={"tiltak": [{"tittel": None, "status": "Planlagt"}]},
        raw={"q__antall": "tolv", "q__gone": "ignored"},
    )
    assert form["q__antall"].value() == "tolv"
    assert set(form.content_errors()) == {"q__antall", "q__tiltak__0__tittel"}
    assert [link[0] for link in form.error_links()] == [
        "id_q__antall",
        "id_q__tiltak__0__tittel",
    ]


def test_removed_and_empty_list_rows_are_not_stored(rich_answer):
    form = form_for(
        rich_answer,
        post(
            q__tiltak__0__tittel="Beholdes",
            q__tiltak__1__tittel="Fjernes",
            q__tiltak__1__DELETE="on",
            q__tiltak__2__tittel="",
        ),
    )
    assert form.is_valid(), form.errors
    assert form.to_data()["tiltak"] == [{"tittel": "Beholdes", "status": None}]


def test_an_unbound_form_offers_one_empty_list_row_after_the_stored_ones(rich_answer):
    rich_answer.data = {"tiltak": [{"tittel": "A"}, {"tittel": "B"}]}
    form = form_for(rich_answer)
    block = next(b for b in form.blocks() if b.question.key == "tiltak")
    assert len(block.list_rows) == 3
    assert form["q__tiltak__1__tittel"].value() == "B"


def test_table_cells_are_labelled_by_row_and_column_and_counts_are_summed(
    rich_answer,
):
    html = str(form_for(rich_answer)["q__ansatte__andre__menn"])
    assert 'aria-label="Andre, Menn"' in html
    assert "data-sum" in html


def test_a_big_change_from_last_year_asks_for_an_explanation(rich_answer):
    question = rich_answer.section.questions.get(key="antall")
    question.change_threshold = 20
    form = SectionAnswerForm(
        post(q__antall="200", forklaring__antall="Ny avdeling."),
        questions=[question],
        previous={"antall": 100},
    )
    assert form.is_valid(), form.errors
    (block,) = form.blocks()
    assert block.needs_explanation
    assert form.to_data() == {
        "antall": 200,
        EXPLANATIONS_KEY: {"antall": "Ny avdeling."},
    }


def test_a_small_change_from_last_year_needs_no_explanation(rich_answer):
    question = rich_answer.section.questions.get(key="antall")
    question.change_threshold = 20
    form = SectionAnswerForm(
        post(q__antall="110"), questions=[question], previous={"antall": 100}
    )
    assert form.is_valid()
    assert not form.blocks()[0].needs_explanation


def test_table_rows_and_count_columns_show_their_totals(rich_answer):
    form = form_for(
        rich_answer,
        post(
            q__ansatte__ledere__kvinner="3",
            q__ansatte__ledere__menn="4",
            q__ansatte__andre__kvinner="10",
        ),
    )
    assert form.is_valid(), form.errors
    block = next(b for b in form.blocks() if b.question.key == "ansatte")
    assert [total for _, _, total in block.cells] == [7, 10]
    assert block.column_totals == [13, 4]


def test_the_error_summary_links_to_the_first_option_of_a_radio_question(
    rich_answer,
):
    form = form_for(rich_answer, post(q__rad="kanskje"))
    assert not form.is_valid()
    assert form.error_links()[0][0] == "id_q__rad_0"
