"""Statistics across units per topic: counts, sums and medians, with last year's,
every published count passed through the small-number rule."""

import statistics as pystats
from collections import defaultdict

from django.utils.translation import gettext as _

from circulars.models import Question

from ..kinds import kind_of
from .suppression import suppress_group, suppress_table, suppress_value

K = Question.Kind


def _median(numbers):
    return pystats.median(numbers) if numbers else None


def _numbers(kind, values):
    """The values that are numbers to count with (of `kind`: a question or column)."""
    reader = kind_of(kind)
    return [n for n in (reader.number(v) for v in values) if n is not None]


def _counts(labels, values, *, multiple=False):
    counts = dict.fromkeys(labels, 0)
    for value in values:
        for item in (value or []) if multiple else [value]:
            if item in counts:
                counts[item] += 1
    return list(counts.values())


def _category_stat(question: Question, values: list) -> dict | None:
    if question.kind == K.YES_NO:
        labels = [_("Ja"), _("Nei"), _("Ikke besvart")]
        counts = [
            sum(1 for v in values if v is True),
            sum(1 for v in values if v is False),
            sum(1 for v in values if v is None),
        ]
        return {"labels": labels, "values": suppress_group(counts, len(values))}
    if question.kind == K.CHOICE:
        labels = [*question.choices, _("Ikke besvart")]
        counts = _counts(question.choices, values)
        counts.append(len(values) - sum(counts))
        return {"labels": labels, "values": suppress_group(counts, len(values))}
    if question.kind == K.MULTIPLE_CHOICE:
        counts = _counts(question.choices, values, multiple=True)
        return {
            "labels": list(question.choices),
            "values": [suppress_value(c) for c in counts],
        }
    return None


def _numeric_stat(question: Question, values: list) -> dict:
    numbers = _numbers(question, values)
    integer = question.kind == K.INTEGER
    median = _median(numbers)
    return {
        "answered": len(numbers),
        "sum": suppress_value(int(sum(numbers))) if integer and numbers else None,
        "median": (
            suppress_value(int(median)) if integer and median is not None else median
        ),
    }


def _table_stat(question: Question, values: list) -> dict:
    counted = [c for c in question.columns if c.get("kind") == K.INTEGER]
    measured = [c for c in question.columns if c.get("kind") in (K.DECIMAL, K.PERCENT)]
    tables = [v for v in values if isinstance(v, dict)]
    matrix = [
        [
            int(
                sum(
                    _numbers(
                        c, [(t.get(row["key"]) or {}).get(c["key"]) for t in tables]
                    )
                )
            )
            for c in counted
        ]
        for row in question.rows
    ]
    medians = [
        [
            _median(
                _numbers(c, [(t.get(row["key"]) or {}).get(c["key"]) for t in tables])
            )
            for c in measured
        ]
        for row in question.rows
    ]
    suppressed = suppress_table(matrix) if counted else None
    return {
        "counted": [c["label"] for c in counted],
        "measured": [c["label"] for c in measured],
        "measured_kinds": [c["kind"] for c in measured],
        "rows": [
            {
                "label": row["label"],
                "counts": suppressed["rows"][i] if suppressed else [],
                "medians": medians[i],
            }
            for i, row in enumerate(question.rows)
        ],
        "totals": suppressed["totals"] if suppressed else [],
        # Which totals the circular says make sense (no sum across received,
        # handled and sent on); suppression still counts them all.
        "across": question.totals in (Question.Totals.BOTH, Question.Totals.ROWS),
        "down": question.totals in (Question.Totals.BOTH, Question.Totals.COLUMNS),
    }


def question_stat(question: Question, values: list) -> dict | None:
    """The statistic of one question over the units' values, or None for text."""
    if question.kind == K.TABLE:
        return {"table": _table_stat(question, values)}
    if question.is_numeric:
        return {"numeric": _numeric_stat(question, values)}
    category = _category_stat(question, values)
    return {"categories": category} if category else None


def collect(answers) -> tuple[dict, dict]:
    """Questions (first seen per key) and their values per key, over section answers."""
    questions, values = {}, defaultdict(list)
    for answer in answers:
        for question in answer.section.questions.all():
            questions.setdefault(question.key, question)
            values[question.key].append(answer.data.get(question.key))
    return questions, values


def shown(value, kind=K.INTEGER) -> str:
    """A statistic as text: suppressed «<5», a number, or a dash."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return kind_of(kind).format(round(value, 1) if kind != K.INTEGER else value)


def topic_statistics(answers, previous_answers) -> list[dict]:
    """Per question of the topic: label, kind, this year's and last year's figures."""
    questions, values = collect(answers)
    _previous_questions, previous_values = collect(previous_answers)
    result = []
    for key, question in questions.items():
        current = question_stat(question, values[key])
        if current is None:
            continue
        before = (
            question_stat(question, previous_values[key])
            if key in previous_values
            else None
        )
        result.append(
            {
                "key": key,
                "label": question.label,
                "kind": question.kind,
                "units": len(values[key]),
                "current": current,
                "previous": before,
            }
        )
    return result


def _prev(stat, kind, getter):
    if stat is None or kind not in stat:
        return "–"
    return getter(stat[kind])


def present(entry: dict) -> dict:
    """A statistic as a table (columns, rows of texts) and an SVG chart."""
    from .charts import bar_chart

    current, previous, kind = entry["current"], entry["previous"], entry["kind"]
    this_year, last_year = _("I år"), _("I fjor")
    chart = ""
    if "categories" in current:
        cat = current["categories"]
        before = previous["categories"]["values"] if previous else None
        columns = ["", this_year, last_year]
        rows = [
            [label, shown(value), shown(before[i]) if before else "–"]
            for i, (label, value) in enumerate(
                zip(cat["labels"], cat["values"], strict=True)
            )
        ]
        series = [(this_year, cat["values"])]
        if before:
            series.append((last_year, before))
        chart = bar_chart(title=entry["label"], categories=cat["labels"], series=series)
    elif "numeric" in current:
        num = current["numeric"]
        columns = ["", this_year, last_year]
        rows = [
            [
                _("Enheter som svarte"),
                shown(num["answered"]),
                _prev(previous, "numeric", lambda s: shown(s["answered"])),
            ]
        ]
        if kind == K.INTEGER:
            rows.append(
                [
                    _("Sum"),
                    shown(num["sum"]),
                    _prev(previous, "numeric", lambda s: shown(s["sum"])),
                ]
            )
        rows.append(
            [
                _("Median"),
                shown(num["median"], kind),
                _prev(previous, "numeric", lambda s: shown(s["median"], kind)),
            ]
        )
    else:
        table = current["table"]
        before = previous["table"] if previous else None
        has_counts = bool(table["counted"])
        across = has_counts and table.get("across", True)
        down = has_counts and table.get("down", True)
        width = None if across else len(table["counted"])
        columns = [_("Rad"), *table["counted"]]
        if across:
            columns += [_("Sum"), _("Sum i fjor")]
        columns += [_("Median %(column)s") % {"column": m} for m in table["measured"]]
        rows = []
        for i, row in enumerate(table["rows"]):
            cells = [row["label"], *(shown(v) for v in row["counts"][:width])]
            if across:
                cells.append(shown(before["rows"][i]["counts"][-1]) if before else "–")
            cells += [
                shown(v, k)
                for v, k in zip(row["medians"], table["measured_kinds"], strict=True)
            ]
            rows.append(cells)
        if down:
            rows.append(
                [
                    _("Sum"),
                    *(shown(v) for v in table["totals"][:width]),
                    *(
                        [shown(before["totals"][-1]) if before else "–"]
                        if across
                        else []
                    ),
                    *("" for _m in table["measured"]),
                ]
            )
        if has_counts:
            chart = bar_chart(
                title=entry["label"],
                categories=[row["label"] for row in table["rows"]],
                series=[
                    (label, [row["counts"][c] for row in table["rows"]])
                    for c, label in enumerate(table["counted"])
                ],
            )
    return {"label": entry["label"], "columns": columns, "rows": rows, "chart": chart}
