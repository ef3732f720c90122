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
TRIALS = 8
# Secondary marks tried for removal at the end, at most.
PRUNE_LIMIT = 60


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
        self.totals: set[Hashable] = set()

    def figure(self, key: Hashable, value: int):
        self.values[key] = value

    def total(self, key: Hashable, parts: Iterable[Hashable]) -> int:
        """A published sum of other figures; returns its value."""
        parts = [part for part in parts if part in self.values]
        self.values[key] = sum(self.values[part] for part in parts)
        self.sums.append((key, parts))
        self.totals.add(key)
        return self.values[key]

    def relate(self, whole: Hashable, parts: Iterable[Hashable]):
        """Note that a reader may take `whole` to be the sum of `parts` (a unit's
        employees and their breakdown by position group), true or not."""
        parts = [part for part in parts if part in self.values]
        if whole in self.values and parts:
            self.sums.append((whole, parts))

    def marks(self) -> dict[Hashable, str]:
        """{figure: mark} for every hidden figure."""
        hidden = {key: SMALL for key, value in self.values.items() if is_small(value)}
        while True:
            self._cover_lone(hidden)
            found = self._determined(hidden)
            if not found:
                break
            complement = self._complement(found[0], hidden)
            if complement is None:
                break  # cannot happen: a determined hidden figure has shown parts
            hidden[complement] = HIDDEN
        # Show again what the choices above made unnecessary, the totals first
        # (a bounded number of tries: each is a look at every sum).
        secondary = [key for key, mark in hidden.items() if mark == HIDDEN]
        if len(secondary) <= PRUNE_LIMIT:
            for key in sorted(secondary, key=lambda k: k not in self.totals):
                del hidden[key]
                if self._determined(hidden):
                    hidden[key] = HIDDEN
        return hidden

    def _cover_lone(self, hidden):
        """Hide more figures until no sum has a lone hidden figure (which the sum
        would give away): each time the shown figure in the most such sums, a unit's
        figure before a total, the smallest. Cheap, and enough for most tables
        (hidden cells pair up in rectangles); what remains is for the exact check."""
        order = {key: index for index, key in enumerate(self.values)}
        while True:
            reach: dict[Hashable, int] = {}
            for total, parts in self.sums:
                members = [total, *parts]
                if sum(1 for key in members if key in hidden) == 1:
                    for key in members:
                        if key not in hidden and self.values[key]:
                            reach[key] = reach.get(key, 0) + 1
            if not reach:
                return
            best = min(
                reach,
                key=lambda k: (k in self.totals, -reach[k], self.values[k], order[k]),
            )
            hidden[best] = HIDDEN

    def _equations(self) -> tuple[list, dict]:
        """Each sum as [(figure, its index, coefficient)], and the sums each figure
        is in; kept until the figures or sums change."""
        size = (len(self.values), len(self.sums))
        if getattr(self, "_cache", (None,))[0] != size:
            order = {key: index for index, key in enumerate(self.values)}
            equations, by_figure = [], {}
            for number, (total, parts) in enumerate(self.sums):
                terms = [(total, 1), *((part, -1) for part in parts)]
                equations.append([(key, order[key], c) for key, c in terms])
                for key, _c in terms:
                    by_figure.setdefault(key, []).append(number)
            self._cache = (size, (equations, by_figure))
        return self._cache[1]

    def _determined(self, hidden) -> list[Hashable]:
        """The hidden figures that the shown figures and the sums determine.

        Each sum is an equation (total − parts = 0); with the shown figures known,
        a hidden one is determined exactly when the reduced equations over the
        hidden ones contain a row with it alone.
        """
        equations, by_figure = self._equations()
        pivots: dict[int, dict[int, int]] = {}
        touched = sorted({i for key in hidden for i in by_figure.get(key, ())})
        for coefficients in (equations[i] for i in touched):
            row: dict[int, int] = {}
            for key, index, coefficient in coefficients:
                if key in hidden:
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
        """The figure to hide so that `found` is no longer determined, looking first
        at the sums `found` is part of, then further. Of the smallest few: one that
        frees `found`, a unit's figure before a total (readers need the totals
        most), leaving the fewest figures determined; if none frees it alone, the
        one leaving the fewest determined, closest to `found`."""
        order = {key: index for index, key in enumerate(self.values)}
        sizes = {}
        for total, parts in self.sums:
            members = {total, *parts}
            if found in members:
                for key in members:
                    sizes[key] = min(sizes.get(key, len(members)), len(members))
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
                key=lambda key: (key in self.totals, self.values[key], order[key]),
            )
            freeing, rest = [], []
            for key in shown[:TRIALS]:
                left = self._determined({**hidden, key: HIDDEN})
                rank = (key in self.totals, len(left), self.values[key], order[key])
                if found not in left:
                    freeing.append((rank, key))
                else:
                    closeness = sizes.get(key, len(self.values))
                    rest.append(((len(left), rank[0], closeness, *rank[2:]), key))
            if freeing:
                return min(freeing)[1]
            if fallback is None and rest:
                fallback = min(rest)[1]
            reached |= near
            frontier = near
        return fallback


def _eliminate(row: dict, pivot_row: dict, factor: int):
    """row −= factor × pivot_row, in place, dropping zeros."""
    for index, c in pivot_row.items():
        value = (row.get(index, 0) - factor * c) % PRIME
        if value:
            row[index] = value
        else:
            row.pop(index, None)
