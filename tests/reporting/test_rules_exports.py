"""The consolidated statistics sum a table only where its circular says sums
make sense: complaints received, handled and sent on are never added up across."""

from circulars.models import Question
from reporting.exports.statistics import present, question_stat

COMPLAINTS = Question(
    key="klager",
    label="Klager",
    kind=Question.Kind.TABLE,
    rows=[{"key": "alder", "label": "Alder"}, {"key": "kjonn", "label": "Kjønn"}],
    columns=[
        {"key": "mottatt", "label": "Mottatt", "kind": "integer"},
        {"key": "behandlet", "label": "Behandlet", "kind": "integer"},
    ],
)
VALUES = [
    {"alder": {"mottatt": 6, "behandlet": 5}, "kjonn": {"mottatt": 7, "behandlet": 6}}
] * 2


def table_of(totals):
    COMPLAINTS.totals = totals
    stat = question_stat(COMPLAINTS, VALUES)
    return present(
        {"label": "Klager", "kind": "table", "current": stat, "previous": None}
    )


def test_a_table_summed_down_only_has_no_sum_column_but_a_sum_row():
    shown = table_of(Question.Totals.COLUMNS)
    assert shown["columns"] == ["Rad", "Mottatt", "Behandlet"]
    assert shown["rows"][0] == ["Alder", "12", "10"]
    assert shown["rows"][-1] == ["Sum", "26", "22"]


def test_a_table_summed_both_ways_keeps_its_sum_column_and_row():
    shown = table_of(Question.Totals.BOTH)
    assert shown["columns"][-2:] == ["Sum", "Sum i fjor"]
    assert shown["rows"][0] == ["Alder", "12", "10", "22", "–"]
    assert shown["rows"][-1][:4] == ["Sum", "26", "22", "48"]


def test_a_table_without_sensible_sums_shows_only_its_cells():
    shown = table_of(Question.Totals.NONE)
    assert shown["columns"] == ["Rad", "Mottatt", "Behandlet"]
    assert [row[0] for row in shown["rows"]] == ["Alder", "Kjønn"]


def test_annet_carries_what_the_unit_wrote_wherever_the_answer_is_read():
    from reporting.rules import displayed

    question = Question(
        key="hvordan",
        kind=Question.Kind.MULTIPLE_CHOICE,
        choices=["Workshop", "Annet"],
    )
    data = {"hvordan": ["Workshop", "Annet"], "_annet": {"hvordan": "Frokostmøte"}}
    assert displayed(question, data) == ["Workshop", "Annet: Frokostmøte"]
    assert displayed(question, {"hvordan": ["Workshop"]}) == ["Workshop"]
