import itertools
import random

import pytest

from reporting.exports.suppression import HIDDEN, SMALL, Publication
from tests.reporting.disclosure_data import determined


def table(matrix):
    """A count table with row, column and grand totals, as a publication."""
    publication = Publication()
    for r, row in enumerate(matrix):
        for c, value in enumerate(row):
            publication.figure((r, c), value)
    rows, columns = range(len(matrix)), range(len(matrix[0]))
    for r in rows:
        publication.total(("row", r), [(r, c) for c in columns])
    for c in columns:
        publication.total(("column", c), [(r, c) for r in rows])
    publication.total("grand", [("column", c) for c in columns])
    return publication


def recomputable(publication, marks) -> set:
    equations = []
    for total, parts in publication.sums:
        coefficients, constant = {}, 0
        for key, sign in [(total, 1), *((part, -1) for part in parts)]:
            if key in marks:
                coefficients[key] = coefficients.get(key, 0) + sign
            else:
                constant -= sign * publication.values[key]
        equations.append((coefficients, constant))
    return determined(equations)


def test_counts_of_one_to_four_are_small_and_zero_is_shown():
    publication = Publication()
    for key, value in {"a": 0, "b": 1, "c": 4, "d": 5}.items():
        publication.figure(key, value)
    assert publication.marks() == {"b": SMALL, "c": SMALL}


def test_a_total_with_one_small_part_hides_the_smallest_other_part():
    publication = Publication()
    for key, value in {"a": 3, "b": 120, "c": 9, "d": 0}.items():
        publication.figure(key, value)
    publication.total("sum", ["a", "b", "c", "d"])
    assert publication.marks() == {"a": SMALL, "c": HIDDEN}


def test_no_row_or_column_of_a_table_gives_a_hidden_count_away():
    publication = table([[2, 30], [12, 25], [40, 6]])
    marks = publication.marks()
    assert marks[(0, 0)] == SMALL
    assert recomputable(publication, marks) == set()
    # Four cells in a rectangle protect each other; nothing more is hidden.
    assert len(marks) == 4


def test_a_table_without_small_counts_is_shown_as_it_is():
    assert table([[20, 7], [9, 0]]).marks() == {}


def test_a_breakdown_of_a_shown_count_hides_a_second_part():
    publication = Publication()
    for key, value in {"employees": 32, "leaders": 2, "others": 30}.items():
        publication.figure(key, value)
    publication.relate("employees", ["leaders", "others"])
    marks = publication.marks()
    assert marks["leaders"] == SMALL and len(marks) == 2
    assert recomputable(publication, marks) == set()


def possible_values(publication, marks) -> dict:
    """What a reader can know of each hidden figure: every value it can have, given
    the published sums that hold, «<5» = 1–4 and «x» = 5 or more (never 0), found by
    trying every combination (small publications only)."""
    hidden = sorted(marks, key=str)
    largest = max(publication.values.values())
    ranges = [
        range(1, 5) if marks[key] == SMALL else range(5, largest + 1) for key in hidden
    ]
    sums = [
        (total, parts)
        for total, parts in publication.sums
        if publication.values[total] == sum(publication.values[p] for p in parts)
    ]
    seen = {key: set() for key in hidden}
    for guess in itertools.product(*ranges):
        values = {**publication.values, **dict(zip(hidden, guess, strict=True))}
        if all(values[total] == sum(values[p] for p in parts) for total, parts in sums):
            for key, value in zip(hidden, guess, strict=True):
                seen[key].add(value)
    return seen


def column(values):
    publication = Publication()
    for index, value in enumerate(values):
        publication.figure(index, value)
    publication.total("sum", range(len(values)))
    return publication


@pytest.mark.parametrize(
    "values",
    [
        [1, 1, 1, 0, 12],  # three «<5» adding up to 3: each must be 1
        [4, 4, 4, 50],  # three «<5» adding up to 12: each must be 4
        [1, 1, 0, 0, 0, 1, 30, 6],  # the same, beside a small shown figure
    ],
)
def test_hidden_counts_are_not_given_away_by_what_the_marks_mean(values):
    publication = column(values)
    marks = publication.marks()
    assert [key for key, mark in marks.items() if mark == SMALL] == [
        index for index, value in enumerate(values) if 0 < value < 5
    ]
    known = possible_values(publication, marks)
    assert all(len(values) > 1 for values in known.values()), known


def test_no_figure_of_small_tables_can_be_pinned_down():
    """Random tables of mostly small counts, with row, column and grand totals."""
    chance = random.Random(2026)
    for _ in range(12):
        matrix = [
            [chance.choice([0, 0, 1, 2, 3, 4, 6, 9]) for _c in range(3)]
            for _r in range(3)
        ]
        publication = table(matrix)
        marks = publication.marks()
        known = possible_values(publication, marks)
        pinned = {key: v for key, v in known.items() if len(v) == 1}
        assert not pinned, (matrix, marks, pinned)
