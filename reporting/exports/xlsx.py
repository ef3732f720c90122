"""Every answer as a workbook: one sheet per topic (a row per unit, a column per
question, tables flattened), the report statuses, and suppressed statistics."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from circulars.models import Question

from ..comparison import explanation
from ..models import Report
from .consolidated import Selection, deliveries, topics
from .content import reports_with_answers
from .formulas import starts_formula
from .statistics import present, topic_statistics
from .values import as_number, format_value

K = Question.Kind
ALL_STATUSES = tuple(Report.Status.values)


def _storable(value):
    """Text without the characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _append(sheet, values):
    """A row whose text is shown as typed and never run: text that would start a
    formula is stored as a text cell, marked as text for editing too."""
    sheet.append([_storable(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if starts_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True


def _cell(kind: str, value):
    if kind in Question.NUMERIC_KINDS:
        number = as_number(value)
        return float(number) if number is not None else None
    return format_value(kind, value) or None


def question_columns(question: Question) -> list[tuple[str, callable]]:
    """(heading, value getter) for each column a question becomes."""
    if question.kind == K.TABLE:
        return [
            (
                f"{question.label} – {row['label']} – {column['label']}",
                lambda data, r=row["key"], c=column: _cell(
                    c.get("kind", K.SHORT_TEXT),
                    ((data.get(question.key) or {}).get(r) or {}).get(c["key"]),
                ),
            )
            for row in question.rows
            for column in question.columns
        ] + _explained(question)
    if question.kind == K.LIST:

        def rows_as_text(data):
            rows = data.get(question.key) or []
            return (
                "\n".join(
                    "; ".join(
                        f"{c['label']}: "
                        + format_value(c.get("kind", K.SHORT_TEXT), row.get(c["key"]))
                        for c in question.columns
                        if row.get(c["key"]) not in (None, "", [])
                    )
                    for row in rows
                    if isinstance(row, dict)
                )
                or None
            )

        return [(question.label, rows_as_text), *_explained(question)]
    return [
        (question.label, lambda data: _cell(question.kind, data.get(question.key))),
        *_explained(question),
    ]


def _explained(question: Question) -> list[tuple[str, callable]]:
    """The column of the unit's explanations, for a question that asks for one."""
    if question.change_threshold is None:
        return []
    heading = _("%(label)s – forklaring av endringen") % {"label": question.label}
    return [(heading, lambda data: explanation(question, data) or None)]


def _header(sheet, headings):
    _append(sheet, headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"


def build_xlsx(selection: Selection) -> bytes:
    """The workbook for the selection's year, unit kinds and statuses."""
    reports = list(reports_with_answers(selection.reports()))
    before = list(reports_with_answers(selection.reports(selection.year - 1)))
    workbook = Workbook()
    workbook.remove(workbook.active)
    stats = workbook.create_sheet(_("Statistikk"))
    _header(stats, [_("Tema"), _("Spørsmål"), _("Rad"), _("Kolonne"), _("Verdi")])
    for topic in topics(selection.year):
        answers = [
            (report, answer)
            for report in reports
            for answer in report.answers.all()
            if answer.section.topic == topic["topic"]
        ]
        columns, seen = [], set()
        for _report, answer in answers:
            for question in answer.section.questions.all():
                if question.key not in seen:
                    seen.add(question.key)
                    columns += question_columns(question)
        sheet = workbook.create_sheet(topic["topic"][:31])
        _header(
            sheet, [_("Enhet"), _("Kapittel"), _("Status")] + [h for h, _g in columns]
        )
        for report, answer in answers:
            _append(
                sheet,
                [report.unit.name, answer.section.number, report.get_status_display()]
                + [getter(answer.data) for _h, getter in columns],
            )
        prior = [
            a
            for r in before
            for a in r.answers.all()
            if a.section.topic == topic["topic"]
        ]
        for entry in topic_statistics([a for _r, a in answers], prior):
            table = present(entry)
            for row in table["rows"]:
                for heading, value in zip(table["columns"][1:], row[1:], strict=True):
                    _append(
                        stats, [topic["title"], entry["label"], row[0], heading, value]
                    )
    statuses = workbook.create_sheet(_("Status"))
    _header(
        statuses, [_("Enhet"), _("Rundskriv"), _("Status"), _("Sendt inn"), _("Levert")]
    )
    for row in deliveries(selection):
        _append(
            statuses,
            [
                row["unit"],
                row["circular"],
                row["status"],
                row["submitted_at"],
                row["delivery"],
            ],
        )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
