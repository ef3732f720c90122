"""Statistics across units for one topic of a reporting year: per question this
year's figures over every unit that answered, and a comparison with the year before
over the units that reported both years. Every figure about people, on the
statistics pages and on the units' own pages, goes through the disclosure rule
(`suppression`) as one publication, so no hidden count can be added up from the rest.

A figure is a plain dict: {"value", "mark", "units", "year", "kind"}, where `mark`
is the disclosure mark («<5», «x» or "") and `units` how many units are behind it;
a figure in a table also has `of`, the units the table is about (its caption's n).
"""

import statistics as pystats
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from circulars.models import Question

from ..kinds.numbers import as_decimal as as_number
from .suppression import HIDDEN, SMALL, THRESHOLD, Publication, is_small

K = Question.Kind
T = Question.Totals
SUM = "*"  # the row or column key of a total
# Fewer units than this in both years and a comparison would show their own answers.
MIN_COMPARED = 3


@dataclass
class TopicData:
    """Each unit's answers to one topic, this year and (if approved) the year before."""

    year: int
    questions: list[Question]
    current: dict[int, dict]
    previous: dict[int, dict] = field(default_factory=dict)

    @property
    def paired(self) -> list[int]:
        """The units that reported both years."""
        return [unit for unit in self.current if unit in self.previous]

    @property
    def compared(self) -> list[int]:
        """The units a comparison with the year before is over: those that reported
        both years, if there are enough of them to say nothing of one unit."""
        paired = self.paired
        return paired if len(paired) >= MIN_COMPARED else []

    def values(self, year: int, units, key: str) -> list:
        source = self.current if year == self.year else self.previous
        return [(source.get(unit) or {}).get(key) for unit in units]


def topic_data(year: int, answers, previous: dict) -> TopicData:
    """From (unit id, section answer) pairs of one topic and {(unit, topic): data}
    of last year's approved reports."""
    questions, current, before = {}, {}, {}
    for unit, answer in answers:
        for question in answer.section.questions.all():
            questions.setdefault(question.key, question)
        current[unit] = answer.data
        last = previous.get((unit, answer.section.topic))
        if last is not None:
            before[unit] = last
    return TopicData(year, list(questions.values()), current, before)


def counted_columns(question: Question) -> list[dict]:
    return [c for c in question.columns if c.get("kind") == K.INTEGER]


def measured_columns(question: Question) -> list[dict]:
    return [c for c in question.columns if c.get("kind") in (K.DECIMAL, K.PERCENT)]


def cell(value, row, column):
    """One cell of a stored answer: the whole value for a question without rows."""
    if row is None:
        return value
    return ((value if isinstance(value, dict) else {}).get(row) or {}).get(column)


def _integer(value) -> int | None:
    number = as_number(value)
    return int(number) if number is not None else None


def _median(numbers):
    return pystats.median(numbers) if numbers else None


def figure(value, *, year, units, kind=K.INTEGER, mark="") -> dict:
    return {"value": value, "mark": mark, "units": units, "year": year, "kind": kind}


class TopicStatistics:
    """The figures a publication shows of one topic, with their disclosure marks.

    `with_totals=False` is for a unit's own PDF, which shows no sums across units.
    """

    def __init__(self, data: TopicData, *, with_totals: bool = True):
        self.data = data
        self.questions = {q.key: q for q in data.questions}
        self.publication = Publication()
        self.sets = {("all", data.year): list(data.current)}
        if data.compared:
            self.sets[("both", data.year)] = data.compared
            self.sets[("both", data.year - 1)] = data.compared
        counted = [
            q
            for q in data.questions
            if q.counts_people and q.kind in (K.INTEGER, K.TABLE)
        ]
        for question in counted:
            self._register(question, with_totals)
        for question in counted:
            self._relate(question)
        self.hidden = self.publication.marks()

    # What a unit's page shows

    def _cells(self, question) -> list[tuple]:
        if question.kind == K.TABLE:
            return [
                (row["key"], column["key"])
                for row in question.rows
                for column in counted_columns(question)
            ]
        return [(None, None)]

    def _register(self, question: Question, with_totals: bool):
        cells = self._cells(question)
        for year, units in (
            (self.data.year, self.data.current),
            (self.data.year - 1, self.data.paired),
        ):
            for unit in units:
                for row, column in cells:
                    value = _integer(
                        cell(
                            self.data.values(year, [unit], question.key)[0], row, column
                        )
                    )
                    if value is not None:
                        self.publication.figure(
                            ("unit", year, unit, question.key, row, column), value
                        )
        if not with_totals:
            return
        for (name, year), units in self.sets.items():
            if not _sums_across_units(question):
                break
            for row, column in cells:
                self.publication.total(
                    ("sum", name, year, question.key, row, column),
                    [("unit", year, u, question.key, row, column) for u in units],
                )
            if question.kind == K.TABLE:
                self._table_totals(question, name, year)

    def _relate(self, question: Question):
        """A breakdown of a group counted elsewhere (employees by position group of
        all employees): per unit and column, its rows add up to the group's count."""
        group = self.questions.get(question.people_group)
        if group is None or not group.counts_people or question.kind != K.TABLE:
            return
        whole = {column: row for row, column in self._cells(group)}
        for year, units in (
            (self.data.year, self.data.current),
            (self.data.year - 1, self.data.paired),
        ):
            for unit in units:
                for column in whole.keys() & {c for _r, c in self._cells(question)}:
                    self.publication.relate(
                        ("unit", year, unit, group.key, whole[column], column),
                        [
                            ("unit", year, unit, question.key, row["key"], column)
                            for row in question.rows
                        ],
                    )

    def _table_totals(self, question, name, year):
        rows = [row["key"] for row in question.rows]
        columns = [column["key"] for column in counted_columns(question)]

        def key(row, column):
            return ("sum", name, year, question.key, row, column)

        if question.totals in (T.ROWS, T.BOTH):
            for row in rows:
                self.publication.total(key(row, SUM), [key(row, c) for c in columns])
        if question.totals in (T.COLUMNS, T.BOTH):
            for column in columns:
                self.publication.total(key(SUM, column), [key(r, column) for r in rows])
        if question.totals == T.BOTH:
            self.publication.total(key(SUM, SUM), [key(SUM, c) for c in columns])

    def unit_mark(self, unit, key, row=None, column=None, *, year=None) -> str:
        """The mark of one figure on a unit's page, or "" when it is shown."""
        return self._mark(("unit", year or self.data.year, unit), key, row, column)

    def _mark(self, where: tuple, key, row, column) -> str:
        """The mark of the figure `where + (key, row, column)`: a unit's figure
        (where = ("unit", year, unit)) or a sum over a set of units (("sum", set,
        year)). A share, pay or average is hidden where its group's count is."""
        question = self.questions.get(key)
        if question is None:
            return ""
        if question.counts_people:
            if question.kind != K.TABLE or column in {
                c["key"] for c in counted_columns(question)
            }:
                return self._count_mark((*where, key, row, column))
            if column not in {c["key"] for c in measured_columns(question)}:
                return ""  # a text (the measures taken) says nothing of the counts
            # Share or pay of the group counted on the same row.
            row_marks = [
                self._mark(where, key, row, c["key"]) for c in counted_columns(question)
            ]
            return HIDDEN if any(row_marks) else ""
        group = self.questions.get(question.people_group)
        if group is None or not group.counts_people:
            return ""
        cells = self._cells(group)
        if (row, column) in cells:
            shown = [(row, column)]
        else:
            shown = [c for c in cells if c[1] == column] or cells
        if question.people_rows:
            shown = [c for c in shown if c[0] in set(question.people_rows)]
            if where[0] == "unit":
                return self._whole_group_mark(where, question, shown, row, column)
        marks = [self._mark(where, group.key, r, c) for r, c in shown]
        return HIDDEN if any(marks) else ""

    def _whole_group_mark(self, where, question, cells, row, column) -> str:
        """A unit's share or pay of a group made of several cells (all leaders: the
        leader rows of the position groups). It hides none of those cells, since
        the group's size is their sum; it is hidden where that sum is 1–4, or where
        the share counts 1–4 people of it (5 % of 40 leaders is 2 leaders)."""
        _kind, year, unit = where
        group = self.questions[question.people_group]
        counts = [
            _integer(cell(self.data.values(year, [unit], group.key)[0], r, c))
            for r, c in cells
        ]
        size = sum(count for count in counts if count is not None)
        if is_small(size):
            return HIDDEN
        value = as_number(
            cell(self.data.values(year, [unit], question.key)[0], row, column)
        )
        if question.kind == K.PERCENT and value is not None:
            people = value * size / 100
            if 0 < people < THRESHOLD:
                return HIDDEN
        return ""

    def _count_mark(self, key: tuple) -> str:
        """The mark of a count of people: as published, or for a sum over units
        that is not published (a group's count behind a median), by its size."""
        if key in self.publication.values:
            return self.hidden.get(key, "")
        if key[0] != "sum":
            return ""
        _sum, name, year, question, row, column = key
        units = self.sets.get((name, year), [])
        numbers = [
            number
            for number, _unit in self._numbers(
                self.questions[question], units, year, row, column
            )
        ]
        return SMALL if numbers and is_small(int(sum(numbers))) else ""

    # What the statistics pages show

    def _sum(self, question, name, year, row, column) -> dict:
        """The units' real figures added up; a count of people by the disclosure
        rule; `units` how many units answered the cells behind it."""
        units = self.sets[(name, year)]
        if question.counts_people:
            key = ("sum", name, year, question.key, row, column)
            value = self.publication.values.get(key)
            mark = self.hidden.get(key, "")
        else:
            numbers = [
                (number, bool(self.unit_mark(unit, question.key, r, c, year=year)))
                for r, c in self._cells(question)
                if row in (r, SUM) and column in (c, SUM)
                for number, unit in self._numbers(question, units, year, r, c)
            ]
            value = int(sum(n for n, _hidden in numbers)) if numbers else None
            # With the rest shown on the units' pages, a sum gives away the one
            # figure hidden there (a count about a group of hidden size).
            mark = HIDDEN if sum(h for _n, h in numbers) == 1 else ""
        answered = sum(
            1
            for value in self.data.values(year, units, question.key)
            if any(
                as_number(cell(value, r, c)) is not None
                for r, c in self._cells(question)
                if row in (r, SUM) and column in (c, SUM)
            )
        )
        return figure(None if mark else value, year=year, units=answered, mark=mark)

    def _numbers(self, question, units, year, row, column) -> list[tuple]:
        """(number, unit) of each unit's real answer in one cell, hidden on its page
        or not."""
        numbers = []
        for unit in units:
            value = cell(self.data.values(year, [unit], question.key)[0], row, column)
            number = as_number(value)
            if number is not None:
                numbers.append((number, unit))
        return numbers

    def _median(self, question, name, year, row, column, kind) -> dict:
        """The median of the units' real answers, over every unit that answered.

        Its mark: a median of counts of people of 1–4 is «<5»; a median of shares
        or pay of a group is hidden («x») where the group's count over the same
        units is; and so is a median that, with the other units' figures shown,
        gives away the one figure hidden on a unit's page."""
        numbers = self._numbers(question, self.sets[(name, year)], year, row, column)
        value = _median([number for number, _unit in numbers])
        counted = question.counts_people and (
            question.kind != K.TABLE
            or column in {c["key"] for c in counted_columns(question)}
        )
        if value is None:
            mark = ""
        elif counted:
            mark = SMALL if 0 < value < THRESHOLD else ""
        else:
            mark = self._mark(("sum", name, year), question.key, row, column)
        if value is not None and not mark:
            mark = self._gives_away(question, year, row, column, numbers, value)
        return figure(
            None if mark else value,
            year=year,
            units=len(numbers),
            kind=kind,
            mark=mark,
        )

    def _gives_away(self, question, year, row, column, numbers, median) -> str:
        """HIDDEN where the median and the figures shown on the units' pages tell
        the one hidden figure: the median moves with it between its neighbours."""
        hidden = [
            index
            for index, (_number, unit) in enumerate(numbers)
            if self.unit_mark(unit, question.key, row, column, year=year)
        ]
        if len(hidden) != 1:
            return ""  # none to give away, or the median cannot say whose
        shown = [float(n) for i, (n, _u) in enumerate(numbers) if i != hidden[0]]
        low = _median([*shown, float("-inf")])
        high = _median([*shown, float("inf")])
        return HIDDEN if low < float(median) < high else ""

    def _categories(self, question, name, year) -> tuple[list[str], list[dict]]:
        units = self.sets[(name, year)]
        values = self.data.values(year, units, question.key)
        if question.kind == K.YES_NO:
            labels = [_("Ja"), _("Nei")]
            counts = [values.count(True), values.count(False)]
        else:
            labels = list(question.choices)
            counts = [
                sum(
                    1
                    for v in values
                    if (label in v if isinstance(v, list) else v == label)
                )
                for label in labels
            ]
        if question.kind != K.MULTIPLE_CHOICE:
            labels.append(_("Ikke besvart"))
            counts.append(sum(1 for v in values if v in (None, "", [])))
        return labels, [figure(c, year=year, units=len(units)) for c in counts]

    def columns(self) -> list[tuple[str, int]]:
        """(set, year) of each column of a comparison table: the year before, then
        this year over the same units; or this year alone."""
        if self.data.compared:
            return [("both", self.data.year - 1), ("both", self.data.year)]
        return [("all", self.data.year)]

    def entries(self) -> list[dict]:
        """A statistic per question that has one (not text, dates or lists)."""
        return [
            entry
            for question in self.data.questions
            if (entry := self.entry(question)) is not None
        ]

    def entry(self, question: Question) -> dict | None:
        if question.kind in (K.YES_NO, K.CHOICE, K.MULTIPLE_CHOICE):
            build = self._category_tables
        elif question.is_numeric:
            build = self._numeric_tables
        elif question.kind == K.TABLE and (
            counted_columns(question) or measured_columns(question)
        ):
            build = self._table_tables
        else:
            return None
        tables = []
        if set(self.data.compared) != set(self.data.current):
            tables.append(build(question, [("all", self.data.year)]))
        if self.data.compared:
            tables.append(build(question, self.columns()))
        return {
            "key": question.key,
            "label": question.label,
            "kind": question.kind,
            "tables": tables,
            "notes": self.notes(),
            "chart": self._chart(question, tables[0]),
        }

    def notes(self) -> list[str]:
        """What a reader should know in place of a table left out."""
        if self.data.compared or not self.data.paired:
            return []
        return [
            _(
                "Sammenligning med %(previous)s vises ikke: færre enn %(least)s "
                "enheter rapporterte begge år."
            )
            % {"previous": self.data.year - 1, "least": MIN_COMPARED}
        ]

    def _caption(self, name, year) -> str:
        units = len(self.sets[(name, year)])
        if name == "all":
            return _("%(year)s: alle enheter som svarte (n = %(units)s)") % {
                "year": year,
                "units": units,
            }
        return _(
            "Sammenligning med %(previous)s: enhetene som rapporterte begge år "
            "(n = %(units)s)"
        ) % {"previous": self.data.year - 1, "units": units}

    def _category_tables(self, question, sets) -> dict:
        columns = {(n, y): self._categories(question, n, y) for n, y in sets}
        labels = columns[sets[0]][0]
        return {
            "caption": self._caption(*sets[-1]),
            "columns": [_("Svar"), *(str(year) for _n, year in sets)],
            "rows": [
                {"label": label, "cells": [columns[s][1][i] for s in sets]}
                for i, label in enumerate(labels)
            ],
        }

    def _numeric_tables(self, question, sets) -> dict:
        kind = question.kind
        rows = [
            (
                _("Enheter som svarte"),
                lambda n, y: figure(
                    len(self._numbers(question, self.sets[(n, y)], y, None, None)),
                    year=y,
                    units=len(self.sets[(n, y)]),
                ),
            )
        ]
        if _sums_across_units(question):
            rows.append((_("Sum"), lambda n, y: self._sum(question, n, y, None, None)))
        rows.append(
            (
                _("Median"),
                lambda n, y: self._median(question, n, y, None, None, kind),
            )
        )
        return {
            "caption": self._caption(*sets[-1]),
            "columns": ["", *(str(year) for _n, year in sets)],
            "rows": [
                {"label": label, "cells": [get(n, y) for n, y in sets]}
                for label, get in rows
            ],
        }

    def _table_tables(self, question, sets) -> dict:
        counted, measured = counted_columns(question), measured_columns(question)
        row_sums = question.totals in (T.ROWS, T.BOTH) and counted
        column_sums = question.totals in (T.COLUMNS, T.BOTH) and counted
        several = len(sets) > 1
        headings, getters, groups = [_("Kategori")], [], []
        for column in [
            *counted,
            *([{"key": SUM, "label": _("Sum")}] if row_sums else []),
        ]:
            groups.append(column["label"])
            for n, y in sets:
                headings.append(_year_heading(column["label"], y, several))
                getters.append(
                    lambda row, n=n, y=y, c=column["key"]: (
                        self._sum(question, n, y, row, c)
                        | {"of": len(self.sets[(n, y)])}
                    )
                )
        for column in measured:
            label = _("Median %(column)s") % {"column": column["label"]}
            groups.append(label)
            for n, y in sets:
                headings.append(_year_heading(label, y, several))
                getters.append(
                    lambda row, n=n, y=y, c=column: (
                        self._median(question, n, y, row, c["key"], c["kind"])
                        | {"of": len(self.sets[(n, y)])}
                        if row != SUM
                        else figure(None, year=y, units=0)
                    )
                )
        rows = [(row["label"], row["key"]) for row in question.rows]
        if column_sums:
            rows.append((_("Sum"), SUM))
        return {
            "caption": self._caption(*sets[-1]),
            "columns": headings,
            # With several years: a heading per column over one per year.
            "groups": groups if several else [],
            "years": [str(y) for _n, y in sets],
            "rows": [
                {"label": label, "cells": [get(key) for get in getters]}
                for label, key in rows
            ],
        }

    def _chart(self, question, table) -> dict | None:
        """Categories and series of a chart: the answers without «Ikke besvart», or
        a table's counts by row; None where a chart would say nothing more."""
        if question.kind in (K.YES_NO, K.CHOICE, K.MULTIPLE_CHOICE):
            rows = [r for r in table["rows"] if r["label"] != _("Ikke besvart")]
            names = table["columns"][1:]
            return {
                "title": question.label,
                "categories": [r["label"] for r in rows],
                "series": [
                    (name, [r["cells"][i] for r in rows])
                    for i, name in enumerate(names)
                ],
            }
        if question.kind == K.TABLE and counted_columns(question):
            year = self.data.year
            return {
                "title": question.label,
                "categories": [row["label"] for row in question.rows],
                "series": [
                    (
                        column["label"],
                        [
                            self._sum(question, "all", year, row["key"], column["key"])
                            for row in question.rows
                        ],
                    )
                    for column in counted_columns(question)
                ],
            }
        return None


def method(year: int) -> list[str]:
    """How the statistics are computed, as the report's method chapter states it
    (paragraphs): true of the code above, so kept beside it."""
    return [
        _(
            "Summer og medianer er regnet ut fra alle enhetenes svar, også tall som "
            "er skjult på enhetenes egne sider. «n» er antall enheter en tabell "
            "gjelder; en median er regnet over de av dem som svarte på spørsmålet, "
            "og i regnearket står antallet enheter bak hvert tall under «Enheter»."
        ),
        _(
            "Tall legges sammen bare der spørsmålet sier at en sum gir mening. En "
            "sum eller median av antall personer som er 1–4, vises som «<5». En "
            "median av andeler eller lønn for en gruppe er merket «x» der gruppens "
            "antall i de samme enhetene er skjult. En sum eller median som sammen "
            "med tallene på enhetenes sider ville vise et skjult tall, er også "
            "merket «x»."
        ),
        _(
            "Sammenligninger med %(previous)s er regnet over enhetene som har "
            "godkjente rapporter for begge år, og vises bare når det er minst "
            "%(least)s slike enheter."
        )
        % {"previous": year - 1, "least": MIN_COMPARED},
    ]


def _sums_across_units(question: Question) -> bool:
    """Whether the units' figures are added up: a table's cells always (its
    `totals` say which sums within the table make sense), a whole number where
    the question says a total makes sense."""
    if question.kind == K.TABLE:
        return True
    return question.kind == K.INTEGER and question.totals != T.NONE


def _year_heading(label: str, year: int, several: bool) -> str:
    return f"{label} {year}" if several else label
