"""Small-number suppression: counts below 5 are shown as «<5», and no total, row
or column sum may give a suppressed count away (secondary suppression)."""

THRESHOLD = 5
SUPPRESSED = "<5"


def primary(value: int | None) -> bool:
    return value is not None and value < THRESHOLD


def _protect(equations: list[list[tuple]], values: dict, hidden: set):
    """Hide more cells until no equation has exactly one hidden member.

    Each equation is a list of cell ids whose values add up (the last one is the
    total); a lone hidden member could be computed from the others.
    """
    changed = True
    while changed:
        changed = False
        for cells in equations:
            hidden_here = [cell for cell in cells if cell in hidden]
            if len(hidden_here) != 1:
                continue
            candidates = [
                cell
                for cell in cells
                if cell not in hidden and values[cell] is not None
            ]
            if not candidates:
                continue
            hidden.add(min(candidates, key=lambda cell: values[cell]))
            changed = True


def suppress_group(counts: list[int], total: int | None = None) -> list:
    """Counts that add up to `total` (known or shown elsewhere), suppressed."""
    if total is None:
        total = sum(counts)
    values = dict(enumerate([*counts, total]))
    hidden = {index for index, value in values.items() if primary(value)}
    _protect([list(values)], values, hidden)
    shown = [SUPPRESSED if index in hidden else values[index] for index in values]
    return shown[:-1]


def suppress_table(matrix: list[list[int]]) -> dict:
    """A count table with row, column and grand totals, suppressed as a whole.

    Returns {"rows": [[cell..., row_total]], "totals": [column totals..., grand]}.
    """
    width = len(matrix[0]) if matrix else 0
    values = {}
    for r, row in enumerate(matrix):
        for c, cell in enumerate(row):
            values[(r, c)] = cell
        values[(r, width)] = sum(row)
    for c in range(width + 1):
        values[("total", c)] = sum(values[(r, c)] for r in range(len(matrix)))
    hidden = {cell for cell, value in values.items() if primary(value)}
    row_ids = [*range(len(matrix)), "total"]
    equations = [[(r, c) for c in range(width + 1)] for r in row_ids]
    equations += [[(r, c) for r in row_ids] for c in range(width + 1)]
    _protect(equations, values, hidden)

    def show(cell):
        return SUPPRESSED if cell in hidden else values[cell]

    return {
        "rows": [[show((r, c)) for c in range(width + 1)] for r in range(len(matrix))],
        "totals": [show(("total", c)) for c in range(width + 1)],
    }


def suppress_value(value: int | None):
    """A single published count."""
    return SUPPRESSED if primary(value) else value
