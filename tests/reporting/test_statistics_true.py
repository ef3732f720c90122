"""Statistics across units as a reader of the workbook checks them against the
units' answers: medians and sums over every unit's real answer with the number of
units behind each figure, totals only where the question has them, comparisons
only over enough units to say nothing of one."""

import io

import pytest
from openpyxl import load_workbook

from circulars.models import Question
from reporting.exports.consolidated import Selection
from reporting.exports.presentation import present
from reporting.exports.statistics import TopicData, TopicStatistics
from reporting.exports.xlsx import build_xlsx
from reporting.models import Report
from tests import factories
from tests.reporting.disclosure_data import (
    ANSWERS_2025,
    publish_two_years,
)
from tests.reporting.export_data import answers, every_kind_circular, fill

PAY = "Median Kvinners lønn i % av menns"


def statistics() -> list[dict]:
    workbook = load_workbook(io.BytesIO(build_xlsx(Selection(year=2026))))
    rows = list(workbook["Statistikk"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def figure(rows, key, category, column) -> dict:
    return next(
        row
        for row in rows
        if (row["Nøkkel"], row["Kategori"], row["Kolonne"]) == (key, category, column)
    )


def test_a_median_is_over_every_units_answer_and_says_how_many(db):
    publish_two_years()
    rows = statistics()
    # Pay of women leaders: 95,5, 101 and 99 answered; the first and the last are
    # hidden on their units' pages (a group of fewer than five), yet they count.
    pay = figure(rows, "ansatte", "Ledere", PAY)
    assert (pay["Verdi"], pay["Enheter"], pay["Prikking"]) == (99, 3, None)
    # A share of a group hidden on some units' pages: all six shares count.
    share = figure(rows, "andel", "Andel", "Median Kvinner")
    assert (share["Verdi"], share["Enheter"]) == (40, 6)


def shown(questions, current, question, label) -> list[tuple]:
    """(value, mark, units) of each figure in row `label` of this year's table
    of `question`, as the statistics pages show it."""
    data = TopicData(2026, questions, current)
    table = TopicStatistics(data).entry(question)["tables"][0]
    cells = next(r for r in table["rows"] if r["label"] == label)["cells"]
    return [(f["value"], f["mark"], f["units"]) for f in cells]


STAFF = Question(
    key="ansatte", label="Ansatte", kind=Question.Kind.INTEGER, counts_people=True
)


def of_staff(key: str, kind: str, **extra) -> Question:
    """A question about the group `ansatte` counts (not itself of people)."""
    return Question(key=key, label=key, kind=kind, people_group="ansatte", **extra)


def units(key: str, staff: list, values: list) -> dict:
    """Unit i + 1 with staff[i] employees and values[i] as its answer to `key`."""
    pairs = zip(staff, values, strict=True)
    return {i + 1: {"ansatte": n, key: v} for i, (n, v) in enumerate(pairs)}


def test_a_median_that_would_give_away_the_one_hidden_figure_is_hidden():
    share = of_staff("andel", Question.Kind.PERCENT)

    def median(staff, values):
        return shown([STAFF, share], units("andel", staff, values), share, "Median")

    # Unit 1 (3 employees) is hidden on its page; 95 and 101 are shown: a median
    # of 97 between them could only be unit 1's.
    assert median([3, 20, 30], [97, 95, 101]) == [(None, "x", 3)]
    # 97 and 99 beside 95 give 98, and so 97 away; beside 100 as well the median
    # is a shown figure, 99, and says only that the hidden one is no more.
    assert median([3, 20, 30, 40], [97, 95, 101, 99]) == [(None, "x", 4)]
    assert median([3, 20, 30, 40, 9], [97, 95, 101, 99, 100]) == [(99, "", 5)]


def test_a_sum_that_would_give_away_the_one_hidden_figure_is_hidden():
    courses = of_staff("kurs", Question.Kind.INTEGER, totals=Question.Totals.COLUMNS)

    def total(staff, values):
        return shown([STAFF, courses], units("kurs", staff, values), courses, "Sum")

    # 77 − 30 − 40 would be unit 1's; with two hidden, only what they add up to.
    assert total([3, 20, 30], [7, 30, 40]) == [(None, "x", 3)]
    assert total([3, 20, 30, 2], [7, 30, 40, 5]) == [(82, "", 4)]


def test_a_median_of_counts_of_people_of_one_to_four_is_hidden():
    current = {1: {"ansatte": 3}, 2: {"ansatte": 2}}
    assert shown([STAFF], current, STAFF, "Median") == [(None, "<5", 2)]
    current[3] = {"ansatte": 0}
    assert shown([STAFF], current, STAFF, "Median") == [(None, "<5", 3)]
    current |= {4: {"ansatte": 0}, 5: {"ansatte": 0}}
    assert shown([STAFF], current, STAFF, "Median") == [(0, "", 5)]  # names nobody


def numbers_of(rows, key) -> dict:
    return {row["Kategori"]: row["Verdi"] for row in rows if row["Nøkkel"] == key}


@pytest.mark.parametrize(
    ("totals", "summed"),
    [(Question.Totals.NONE, False), (Question.Totals.COLUMNS, True)],
)
def test_a_whole_number_is_added_up_only_where_the_question_says_so(db, totals, summed):
    every_kind_circular(totals=totals)
    adviser = factories.adviser()
    for index in range(3):
        unit = factories.UnitFactory(name=f"Etat {index}")
        fill(Report.objects.get(unit=unit), answers(index), by=None, approve_by=adviser)
    figures = numbers_of(statistics(), "antall")
    assert figures["Median"] == 11 and figures["Enheter som svarte"] == 3
    assert ("Sum" in figures) is summed
    if summed:
        assert figures["Sum"] == 10 + 11 + 12


def test_no_comparison_over_fewer_than_three_units(db):
    publish_two_years(answers_2025=ANSWERS_2025[:2])
    rows = statistics()
    assert rows and not [r for r in rows if r["Kolonne"].endswith("(begge år)")]
    assert not [r for r in rows if r["År"] == 2025]
    assert figure(rows, "plan", "Ja", "2026")["Enheter"] == 6


def test_a_comparison_over_three_units_or_more_is_shown(db):
    publish_two_years(answers_2025=ANSWERS_2025[:3])
    rows = statistics()
    both = figure(rows, "plan", "Ja", "2025 (begge år)")
    assert (both["Verdi"], both["Enheter"]) == (2, 3)


def test_the_statistics_say_in_the_tables_place_why_a_comparison_is_left_out():
    question = Question(key="plan", label="Plan?", kind=Question.Kind.YES_NO)
    this_year = {unit: {"plan": True} for unit in range(1, 6)}
    few = TopicStatistics(
        TopicData(2026, [question], this_year, {1: {"plan": False}, 2: {}})
    ).entry(question)
    assert [table["columns"] for table in few["tables"]] == [["Svar", "2026"]]
    assert few["notes"] == [
        "Sammenligning med 2025 vises ikke: færre enn 3 enheter rapporterte begge år."
    ]
    enough = TopicStatistics(
        TopicData(2026, [question], this_year, {1: {}, 2: {}, 3: {}})
    ).entry(question)
    assert len(enough["tables"]) == 2 and enough["notes"] == []


def test_a_figure_in_a_table_says_how_many_units_it_is_over_when_fewer_answered():
    pay = Question(
        key="lonn",
        label="Lønn",
        kind=Question.Kind.TABLE,
        rows=[{"key": "ledere", "label": "Ledere"}, {"key": "andre", "label": "Andre"}],
        columns=[
            {"key": "antall", "label": "Antall", "kind": "integer"},
            {"key": "lonn", "label": "Lønn i %", "kind": "decimal"},
        ],
    )
    current = {
        1: {"lonn": {"ledere": {"lonn": 95, "antall": 6}, "andre": {"antall": 7}}},
        2: {"lonn": {"ledere": {"lonn": 101}, "andre": {"lonn": 92, "antall": 8}}},
        3: {"lonn": {"andre": {"lonn": 94, "antall": 9}}},
    }
    entry = TopicStatistics(TopicData(2026, [pay], current)).entry(pay)
    table = present(entry)["tables"][0]
    assert table["caption"] == "2026: alle enheter som svarte (n = 3)"
    assert table["rows"] == [
        ["Ledere", "6 (n = 1)", "98,0 (n = 2)"],
        ["Andre", "24", "93,0 (n = 2)"],
    ]
