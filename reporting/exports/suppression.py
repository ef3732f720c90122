"""The disclosure rule for everything published or consolidated (the consolidated
PDF, a unit's PDF, the workbook), in one place.

- A count of people (a question marked «tall om personer») of 1–4 is shown as «<5».
  Zero is shown as 0.
- A figure from which a hidden count could be computed, with the totals and other
  figures in the same publication, is hidden as well and marked «x». A reader
  knows what the marks mean (a «<5» is 1–4, an «x» 5 or more, since 0 is never
  hidden), so a sum whose hidden parts could only be 1 each, or 4 each, gives
  them away too.
- A figure about a group of people (a share, pay, an average) is hidden, marked «x»,
  where the group's count is hidden; a unit's share of a group made of several rows
  (all leaders) where those rows count 1–4 or the share names 1–4 of them
  (`statistics.TopicStatistics._whole_group_mark`).
Counts of units (how many answered «Ja») and a unit's own yes/no answers are not
counts of people and are shown as they are. The rule as published, in the report
and on the privacy page: templates/reporting/pdf/includes/disclosure_rule.html.
"""

import math
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
# Passes over the sums when narrowing what a reader can know of hidden figures.
NARROWING_PASSES = 50


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
            if found:
                complement = self._complement(found[0], hidden)
                if complement is None:
                    break  # cannot happen: a determined hidden figure has shown parts
                hidden[complement] = HIDDEN
                continue
            widened = [self._slack(sum_, hidden) for sum_ in self._pinned(hidden)]
            if not any(widened):
                break
            hidden.update((key, HIDDEN) for key in widened if key is not None)
        # Show again what the choices above made unnecessary, the totals first
        # (a bounded number of tries: each is a look at every sum).
        secondary = [key for key, mark in hidden.items() if mark == HIDDEN]
        if len(secondary) <= PRUNE_LIMIT:
            for key in sorted(secondary, key=lambda k: k not in self.totals):
                del hidden[key]
                if self._determined(hidden) or self._pinned(hidden):
                    hidden[key] = HIDDEN
        return hidden

    def _pinned(self, hidden) -> list[int]:
        """The sums (their indexes) that pin a hidden figure to one value, for a
        reader who knows a «<5» is 1–4 and an «x» 5 or more: each sum bounds each
        of its hidden figures by what the others can be, until nothing narrows."""
        bounds = {
            key: (1, THRESHOLD - 1) if mark == SMALL else (THRESHOLD, math.inf)
            for key, mark in hidden.items()
        }
        equations = self._true_equations(hidden)
        pinned_by: dict[Hashable, int] = {}
        for _pass in range(NARROWING_PASSES):
            narrowed = False
            for number, terms, constant in equations:
                for key, low, high in _narrow(terms, constant, bounds):
                    if (low, high) == bounds[key]:
                        continue
                    if low > high:
                        continue  # the marks say otherwise: not a sum a reader trusts
                    bounds[key], narrowed = (low, high), True
                    if low == high:
                        pinned_by.setdefault(key, number)
            if not narrowed:
                break
        return sorted(set(pinned_by.values()))

    def _true_equations(self, hidden) -> list[tuple[int, dict, int]]:
        """The sums that hold and have a hidden figure, as (index, {hidden figure:
        coefficient}, constant): the coefficients times the figures make the
        constant."""
        equations = []
        for number, (total, parts) in enumerate(self.sums):
            if self.values[total] != sum(self.values[part] for part in parts):
                continue
            terms, constant = {}, 0
            for key, sign in [(total, 1), *((part, -1) for part in parts)]:
                if key in hidden:
                    terms[key] = terms.get(key, 0) + sign
                else:
                    constant -= sign * self.values[key]
            terms = {key: c for key, c in terms.items() if c}
            if terms:
                equations.append((number, terms, constant))
        return equations

    def _slack(self, number: int, hidden) -> Hashable | None:
        """The figure to hide in a sum that pins a hidden one: its smallest shown
        part (an «x» of unknown size leaves the others free), else its total."""
        total, parts = self.sums[number]
        shown = [key for key in parts if key not in hidden and self.values[key]]
        if shown:
            return min(shown, key=lambda key: self.values[key])
        return None if total in hidden or not self.values[total] else total

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


def _narrow(terms: dict, constant: int, bounds: dict):
    """(figure, low, high) for each figure of Σ coefficient × figure = constant,
    from what the other figures can be (`bounds`, high may be infinite)."""
    spans = {}
    for key, c in terms.items():
        low, high = bounds[key]
        spans[key] = sorted((c * low, c * high))
    lows = [span[0] for span in spans.values()]
    highs = [span[1] for span in spans.values()]
    low_sum, high_sum = _finite_sum(lows), _finite_sum(highs)
    for key, c in terms.items():
        rest_low = _without(low_sum, spans[key][0])
        rest_high = _without(high_sum, spans[key][1])
        # c × figure lies in [constant − rest_high, constant − rest_low].
        ends = sorted(((constant - rest_high) / c, (constant - rest_low) / c))
        low, high = bounds[key]
        yield (
            key,
            max(low, math.ceil(ends[0]) if math.isfinite(ends[0]) else low),
            min(high, math.floor(ends[1]) if math.isfinite(ends[1]) else high),
        )


def _finite_sum(values) -> tuple[float, int, int]:
    """(sum of the finite values, how many are −∞, how many are +∞)."""
    finite = [v for v in values if math.isfinite(v)]
    return (
        sum(finite),
        sum(v == -math.inf for v in values),
        sum(v == math.inf for v in values),
    )


def _without(total: tuple[float, int, int], value) -> float:
    """The sum `total` stands for, less one of its values."""
    finite, minus, plus = total
    if math.isfinite(value):
        finite -= value
    elif value < 0:
        minus -= 1
    else:
        plus -= 1
    if minus and plus:
        return math.nan
    return -math.inf if minus else math.inf if plus else finite


def _eliminate(row: dict, pivot_row: dict, factor: int):
    """row −= factor × pivot_row, in place, dropping zeros."""
    for index, c in pivot_row.items():
        value = (row.get(index, 0) - factor * c) % PRIME
        if value:
            row[index] = value
        else:
            row.pop(index, None)
