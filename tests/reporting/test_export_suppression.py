from reporting.exports.suppression import (
    SUPPRESSED,
    suppress_group,
    suppress_table,
    suppress_value,
)


def revealed(cells, total):
    """Whether a lone suppressed member could be computed from the others."""
    return [*cells, total].count(SUPPRESSED) == 1


def test_counts_below_five_are_shown_as_less_than_five():
    assert suppress_value(3) == SUPPRESSED
    assert suppress_value(0) == SUPPRESSED
    assert suppress_value(5) == 5


def test_a_group_with_one_small_count_hides_a_second_so_the_total_tells_nothing():
    shown = suppress_group([20, 3, 9], total=32)
    assert shown == [20, SUPPRESSED, SUPPRESSED]
    assert not revealed(shown, 32)


def test_a_group_without_small_counts_is_shown_as_it_is():
    assert suppress_group([20, 7, 9]) == [20, 7, 9]


def test_no_row_or_column_of_a_table_gives_a_suppressed_cell_away():
    table = suppress_table([[2, 30], [12, 25], [40, 6]])
    rows = table["rows"]
    for row in rows:
        assert not revealed(row[:-1], row[-1])
    for column in range(3):
        cells = [row[column] for row in rows]
        assert not revealed(cells, table["totals"][column])
    assert not revealed(table["totals"][:-1], table["totals"][-1])
    every = [cell for row in rows for cell in row] + table["totals"]
    assert all(cell == SUPPRESSED or cell >= 5 for cell in every)
