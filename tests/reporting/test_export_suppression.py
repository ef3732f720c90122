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
