"""The disclosure rule for everything published or consolidated (the consolidated
PDF, a unit's PDF, the workbook), in one place.

- A count of people (a question marked «tall om personer») of 1–4 is shown as «<5».
  Zero is shown as 0.
- A figure from which a hidden count could be computed, with the totals and other
  figures in the same publication, is hidden as well and marked «x».
- A figure about a group of people (a share, pay, an average) is hidden, marked «x»,
  where the group's count is hidden.
Counts of units (how many answered «Ja») and a unit's own yes/no answers are not
counts of people and are shown as they are. The rule as published, in the report
and on the privacy page: templates/reporting/pdf/includes/disclosure_rule.html.
"""

from collections.abc import Hashable, Iterable

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "x"
# Arithmetic modulo a large prime: exact enough to tell which hidden figures the
# published sums determine, without fractions.
PRIME = 2**61 - 1
# Candidates tried, smallest first, when choosing a figure to hide besides.
TRIALS = 12


def is_small(value) -> bool:
    """A count of people too small to publish (0 is not small: it names nobody)."""
    return (
        isinstance(value, int) and not isinstance(value, bool) and 0 < value < THRESHOLD
    )


class Publication:
    """The counts of people one publication shows, and the sums between them."""

    def __init__(self):
        self.values: dict[Hashable, int] = {}
        self.sums: list[tuple[Hashable, list[Hashable]]] = []

    def figure(self, key: Hashable, value: int):
        self.values[key] = value

    def total(self, key: Hashable, parts: Iterable[Hashable]) -> int:
        """A published sum of other figures; returns its value."""
        parts = [part for part in parts if part in self.values]
        self.values[key] = sum(self.values[part] for part in parts)
        self.sums.append((key, parts))
        return self.values[key]

    def marks(self) -> dict[Hashable, str]:
        """{figure: mark} for every hidden figure."""
        hidden = {key: SMALL for key, value in self.values.items() if is_small(value)}
        while found := self._determined(hidden):
            complement = self._complement(found[0], hidden)
            if complement is None:
                break  # cannot happen: a determined hidden figure has shown parts
            hidden[complement] = HIDDEN
        return hidden

    def _determined(self, hidden) -> list[Hashable]:
        """The hidden figures that the shown figures and the sums determine.

        Each sum is an equation (total − parts = 0); with the shown figures known,
        a hidden one is determined exactly when the reduced equations over the
        hidden ones contain a row with it alone.
        """
        order = {key: index for index, key in enumerate(self.values)}
        pivots: dict[int, dict[int, int]] = {}
        for total, parts in self.sums:
            row: dict[int, int] = {}
            for key, coefficient in [(total, 1), *((part, -1) for part in parts)]:
                if key in hidden:
                    index = order[key]
                    row[index] = (row.get(index, 0) + coefficient) % PRIME
            row = {index: c for index, c in row.items() if c}
            for pivot, pivot_row in pivots.items():
                if pivot in row:
                    _eliminate(row, pivot_row, row[pivot])
            if not row:
                continue
            pivot = min(row)
            inverse = pow(row[pivot], PRIME - 2, PRIME)
            row = {index: c * inverse % PRIME for index, c in row.items()}
            for other in pivots.values():
                if pivot in other:
                    _eliminate(other, row, other[pivot])
            pivots[pivot] = row
        keys = list(self.values)
        return [keys[p] for p in sorted(pivots) if len(pivots[p]) == 1]

    def _complement(self, found, hidden) -> Hashable | None:
        """The figure to hide so that `found` is no longer determined: the smallest
        that does it, looking first at the sums `found` is part of, then further."""
        order = {key: index for index, key in enumerate(self.values)}
        reached, frontier, fallback = {found}, {found}, None
        while frontier:
            near = {
                key
                for total, parts in self.sums
                if frontier & {total, *parts}
                for key in (total, *parts)
                if key not in reached
            }
            shown = sorted(
                (key for key in near if key not in hidden and self.values[key]),
                key=lambda key: (self.values[key], order[key]),
            )
            for key in shown[:TRIALS]:
                if found not in self._determined({**hidden, key: HIDDEN}):
                    return key
            fallback = fallback or (shown[0] if shown else None)
            reached |= near
            frontier = near
        # No single figure is enough: hide the smallest and look again.
        return fallback


def _eliminate(row: dict, pivot_row: dict, factor: int):
    """row −= factor × pivot_row, in place, dropping zeros."""
    for index, c in pivot_row.items():
        value = (row.get(index, 0) - factor * c) % PRIME
        if value:
            row[index] = value
        else:
            row.pop(index, None)
