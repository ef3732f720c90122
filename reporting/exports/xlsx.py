"""Every answer as a workbook for people who calculate: one sheet per topic (a row
per unit, a column per question, tables flattened), the statistics in long form, and
the report statuses. Numbers are numbers and dates are dates; figures about people
follow the disclosure rule exactly as in the PDF."""

import datetime
import re
from functools import partial
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from circulars.models import Question

from ..comparison import explanation
from ..kinds import kind_of
from ..lateness import OSLO
from ..models import Report
from ..rules import displayed
from ..selectors import last_years_answers, topics_of_year
from .consolidated import Selection, deliveries
from .content import reports_with_answers, unit_marks
from .formulas import starts_formula
from .statistics import TopicStatistics, cell, topic_data

K = Question.Kind
ALL_STATUSES = tuple(Report.Status.values)
DATE_FORMAT = "dd.mm.yyyy"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
STATISTICS_COLUMNS = (
    "År",
    "Tema",
    "Kapittel",
    "Spørsmål",
    "Nøkkel",
    "Kategori",
    "Kolonne",
    "Verdi",
    "Prikking",
    "Enheter",
)
MIN_WIDTH, MAX_WIDTH = 8, 60
# Small words a shortened sheet name does not end with.
TRAILING_WORDS = {"og", "i", "for", "med", "mot", "av", "til", "på", "om", "–"}


def _storable(value):
    """Text without the characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _append(sheet, values):
    """A row whose text is shown as typed and never run: text that would start a
    formula is stored as a text cell, marked as text for editing too."""
    sheet.append([_storable(value) for value in values])
    for item in sheet[sheet.max_row]:
        if starts_formula(item.value):
            item.data_type = "s"
            item.quotePrefix = True
        elif isinstance(item.value, datetime.datetime):
            item.number_format = DATETIME_FORMAT
        elif isinstance(item.value, datetime.date):
            item.number_format = DATE_FORMAT


def _shown(value, mark):
    """A unit's cell, or its disclosure mark where it has a value to hide."""
    return value if value is None else (mark() or value)


def question_columns(question: Question) -> list[tuple[str, callable]]:
    """(heading, getter(data, mark)) for each column a question becomes; `mark(row,
    column)` is the disclosure mark of one of the unit's figures, or ""."""
    kind = kind_of(question)
    if question.kind == K.TABLE:
        return [
            (
                f"{question.label} – {row['label']} – {column['label']}",
                lambda data, mark, r=row["key"], c=column["key"], k=cell_kind: _shown(
                    k.cell(cell(data.get(question.key), r, c)), lambda: mark(r, c)
                ),
            )
            for row in kind.rows
            for column, cell_kind in zip(kind.columns, kind.column_kinds, strict=True)
        ] + _explained(question)
    return [
        (
            question.label,
            lambda data, mark: _shown(
                kind.cell(displayed(question, data)), lambda: mark(None, None)
            ),
        ),
        *_explained(question),
    ]


def _explained(question: Question) -> list[tuple[str, callable]]:
    """The column of the unit's explanations, for a question that asks for one."""
    if question.change_threshold is None:
        return []
    heading = _("%(label)s – forklaring av endringen") % {"label": question.label}
    return [(heading, lambda data, _mark: explanation(question, data) or None)]


def sheet_title(title: str, taken: set) -> str:
    """A sheet name from a topic title: at most 31 characters, none of []:*?/\\,
    cut at a word, unique in the workbook (case does not count)."""
    clean = re.sub(r"[\[\]:*?/\\]", " ", title).strip(" '") or _("Tema")
    name = clean
    if len(clean) > 31:
        words = clean[:32].rsplit(" ", 1)[0].rstrip(" ,–-").split(" ")
        while len(words) > 1 and words[-1].lower() in TRAILING_WORDS:
            words.pop()
        name = " ".join(words)[:31]
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate = name[: 31 - len(suffix)].rstrip() + suffix
        number += 1
    taken.add(candidate.lower())
    return candidate


def _finish(sheet, *, freeze="B2"):
    """Bold header, frozen header (and first column), filter, widths from content."""
    for item in sheet[1]:
        item.font = Font(bold=True)
    sheet.freeze_panes = freeze
    if sheet.max_row > 1 or sheet.max_column > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(sheet.iter_cols(), start=1):
        longest = 0
        for item in column:
            value = item.value
            if isinstance(value, datetime.datetime):
                length = 16
            elif isinstance(value, datetime.date):
                length = 10
            elif value is None:
                length = 0
            else:
                length = max(len(line) for line in str(value).split("\n"))
            longest = max(longest, length)
        width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width


def _statistics_rows(statistics: TopicStatistics, topic: dict) -> list[list]:
    """The topic's statistics in long form, one row per figure."""
    rows = []
    chapter = topic.label
    for entry in statistics.entries():
        several = len(entry["tables"]) > 1
        for index, table in enumerate(entry["tables"]):
            both_years = several and index == 1
            for row in table["rows"]:
                for heading, figure in zip(
                    table["columns"][1:], row["cells"], strict=True
                ):
                    column = (
                        _("%(column)s (begge år)") % {"column": heading}
                        if both_years
                        else heading
                    )
                    value = figure["value"]
                    rows.append(
                        [
                            figure["year"],
                            topic.title,
                            chapter,
                            entry["label"],
                            entry["key"],
                            row["label"],
                            column,
                            None
                            if figure["mark"] or value is None
                            else float(value)
                            if figure["kind"] != K.INTEGER
                            else int(value),
                            figure["mark"] or None,
                            figure["units"],
                        ]
                    )
    return rows


def build_xlsx(selection: Selection) -> bytes:
    """The workbook for the selection's year, unit kinds and statuses."""
    reports = list(reports_with_answers(selection.reports()))
    previous = last_years_answers(reports)
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = {_("Statistikk").lower(), _("Status").lower()}
    stats = workbook.create_sheet(_("Statistikk"))
    _append(stats, list(STATISTICS_COLUMNS))  # fixed names: others read them
    for topic in topics_of_year(selection.year):
        answers = [
            (report, answer)
            for report in reports
            for answer in report.answers.all()
            if answer.section.topic == topic.topic
        ]
        statistics = TopicStatistics(
            topic_data(selection.year, [(r.unit_id, a) for r, a in answers], previous)
        )
        columns = [
            column
            for question in statistics.data.questions
            for column in question_columns(question)
        ]
        keys = [
            question.key
            for question in statistics.data.questions
            for _column in question_columns(question)
        ]
        sheet = workbook.create_sheet(sheet_title(topic.title, taken))
        _append(
            sheet, [_("Enhet"), _("Kapittel"), _("Status")] + [h for h, _g in columns]
        )
        for report, answer in answers:
            marks = unit_marks(statistics, report.unit_id)
            values = [
                getter(answer.data, partial(marks, key, previous=False))
                for key, (_heading, getter) in zip(keys, columns, strict=True)
            ]
            _append(
                sheet,
                [report.unit.name, answer.section.number, report.get_status_display()]
                + values,
            )
        _finish(sheet)
        for row in _statistics_rows(statistics, topic):
            _append(stats, row)
    _finish(stats, freeze="A2")
    statuses = workbook.create_sheet(_("Status"))
    _append(
        statuses,
        [_("Enhet"), _("Rundskriv"), _("Status"), _("Sendt inn"), _("Levert")],
    )
    for row in deliveries(selection):
        submitted = row["submitted"]
        _append(
            statuses,
            [
                row["unit"],
                row["circular"],
                row["status"],
                timezone.localtime(submitted, OSLO).replace(tzinfo=None)
                if submitted
                else None,
                row["delivery"],
            ],
        )
    _finish(statuses)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
