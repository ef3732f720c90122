"""What a PDF shows, as plain data: the hash of it is the cache key of a part.

Everything a template needs is in these dicts (strings, numbers, lists), so the
same data that is rendered is the data that is hashed.
"""

import datetime
import hashlib
import json

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from circulars.models import Question, Section, UnitKind

from ..answers import carried_over
from ..comparison import explanation
from ..kinds import kind_of
from ..lateness import OSLO
from ..models import Report, SectionAnswer
from ..rules import displayed, hidden_keys, section_violations
from ..rules import explanation as rule_explanation
from .statistics import TopicData, TopicStatistics

K = Question.Kind
WATERMARKS = {
    Report.Status.DRAFT: _("UTKAST"),
    Report.Status.RETURNED: _("IKKE GODKJENT"),
    Report.Status.SUBMITTED: _("IKKE GODKJENT"),
}


# The order units are grouped in, and each group's heading.
KIND_GROUPS = {
    UnitKind.BYDEL: gettext_lazy("Bydeler"),
    UnitKind.ETAT: gettext_lazy("Etater"),
    UnitKind.FORETAK: gettext_lazy("Kommunale foretak"),
    UnitKind.BYRADSAVDELING: gettext_lazy("Byrådsavdelinger"),
}
# Æ, Ø and Å after Z, in that order, as a Norwegian reader looks for them.
NORWEGIAN_LETTERS = str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"})


def unit_order(kind: str, name: str) -> tuple:
    """Sort key: by kind group (bydeler, etater, foretak, byrådsavdelinger), then
    by name in Norwegian alphabetical order."""
    kinds = list(KIND_GROUPS)
    group = kinds.index(kind) if kind in kinds else len(kinds)
    return (group, name.casefold().translate(NORWEGIAN_LETTERS), name)


def digest(payload) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def when(value) -> str:
    return format_date(timezone.localtime(value, OSLO), "d.m.Y H:i") if value else ""


def date_text(value) -> str:
    """A date as a Norwegian reader writes it: «3. mars 2027»."""
    return format_date(timezone.localtime(value, OSLO), "j. F Y") if value else ""


def w3c_date(value) -> str:
    """A moment as the PDF's metadata dates take it (UTC, whole seconds)."""
    return (
        value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else ""
    )


def person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def reports_with_answers(reports):
    """The reports with everything a PDF shows, in a fixed number of queries."""
    answers = SectionAnswer.objects.select_related("section").order_by("section__order")
    return reports.select_related(
        "unit", "circular", "submitted_by", "approved_by"
    ).prefetch_related(
        Prefetch("answers", queryset=answers),
        Prefetch(
            "answers__section__questions",
            queryset=Question.objects.order_by("order", "pk"),
        ),
        "answers__section__rules",
        "attachments",
    )


def question_content(
    question: Question,
    value,
    previous_data: dict | None,
    mark=None,
    *,
    explanation: str = "",
    carried: bool = False,
) -> dict:
    """One question and its answer; `previous_data` is last year's section data,
    `mark(key, row, column, previous)` the disclosure mark of a figure, if any, and
    `explanation` the unit's explanation of a big change from last year."""
    mark = mark or (lambda *_args: "")
    item = {
        "label": question.label,
        "kind": question.kind,
        "explanation": explanation,
        "carried": carried,
    }
    previous = None if previous_data is None else previous_data.get(question.key)
    kind = kind_of(question)
    # Table and list cells say whether they hold a number (set right-aligned).
    columns = getattr(kind, "columns", [])
    numeric = [_is_number(column) for column in columns]
    if question.kind in (K.TABLE, K.LIST):
        item["columns"] = [
            {"label": column["label"], "numeric": number}
            for column, number in zip(columns, numeric, strict=True)
        ]
    if question.kind == K.TABLE:
        rows = _marked(question, kind, value, mark, False)
        before = (
            _marked(question, kind, previous, mark, True)
            if previous is not None
            else [{"cells": [""] * len(numeric)} for _row in rows]
        )
        item["rows"] = [
            {
                "label": row["label"],
                "cells": [
                    {"text": text, "numeric": number, "previous": was}
                    for text, number, was in zip(
                        row["cells"], numeric, then["cells"], strict=True
                    )
                ],
            }
            for row, then in zip(rows, before, strict=True)
        ]
    elif question.kind == K.LIST:
        item["rows"] = [
            [
                {"label": label, "text": text, "numeric": number}
                for (label, text), number in zip(
                    kind.texts(cells), numeric, strict=True
                )
            ]
            for cells in kind.rows_of(value)
        ]
    else:
        text = kind.format(value)
        item["text"] = (text and mark(question.key, None, None, False)) or text
        if previous is not None and kind.compares_in_print:
            before = kind.format(previous)
            item["previous"] = (
                before and mark(question.key, None, None, True)
            ) or before
    return item


def _is_number(column: dict) -> bool:
    return column.get("kind") in Question.NUMERIC_KINDS


def _marked(question: Question, kind, value, mark, previous: bool) -> list:
    """A table's rows as text, each hidden figure replaced by its mark."""
    return [
        {
            "label": label,
            "cells": [
                (text and mark(question.key, row["key"], column["key"], previous))
                or text
                for column, cell_kind, stored in cells
                for text in [cell_kind.format(stored)]
            ],
        }
        for row, (label, cells) in zip(kind.rows, kind.table(value), strict=True)
    ]


def section_content(
    answer: SectionAnswer, previous_data: dict | None, mark=None, *, year=None
) -> dict:
    """A section's answers; `year` is the reporting year, named beside last year's
    figures."""
    section: Section = answer.section
    questions = list(section.questions.all())
    # A question hidden by its condition was not asked: it is not printed.
    hidden = hidden_keys(questions, answer.data)
    broken = section_violations(answer)
    return {
        "number": section.number,
        "title": section.title,
        "topic": section.topic,
        "previous_year": year - 1 if year else "",
        "questions": [
            question_content(
                question,
                displayed(question, answer.data),
                previous_data,
                mark,
                explanation=explanation(question, answer.data),
                carried=carried_over(question, answer.data),
            )
            | {
                # The circular's rules this answer breaks, and why, as the unit said.
                "rule_notes": [
                    (v.message, rule_explanation(answer.data, v.rule))
                    for v in broken
                    if v.path[0] == question.key
                ]
            }
            for question in questions
            if question.key not in hidden
        ],
    }


def unit_marks(statistics, unit_id: int):
    """The `mark` of `question_content` for one unit's figures in `statistics`."""
    year = statistics.data.year

    def mark(key, row, column, previous=False):
        return statistics.unit_mark(
            unit_id, key, row, column, year=year - 1 if previous else year
        )

    return mark


def report_header(report: Report) -> dict:
    circular = report.circular
    return {
        "unit": report.unit.name,
        "unit_kind": report.unit.get_kind_display(),
        "circular": circular.designation,
        "circular_title": circular.title,
        "circular_case_number": circular.case_number,
        "archive_code": circular.archive_code,
        "year": circular.reporting_year,
        "status": report.get_status_display(),
        "watermark": str(WATERMARKS.get(report.status, "")),
        "submitted_at": when(report.submitted_at),
        "submitted_by": person(report.submitted_by),
        "signed_off": report.sign_off,
        "approved_at": when(report.approved_at),
        "approved_by": person(report.approved_by),
        "case_number": report.case_number,
        "contact": ", ".join(
            filter(
                None,
                [
                    report.contact_name,
                    report.contact_title,
                    report.contact_email,
                    report.contact_phone,
                ],
            )
        ),
        "attachments": [a.original_name for a in report.attachments.all()],
    }


def report_content(report: Report, previous: dict) -> dict:
    """A whole report: header, and every section with last year's figures, its
    counts of people shown by the disclosure rule (no sums: one unit alone)."""
    sections = []
    for answer in report.answers.all():
        before = previous.get((report.unit_id, answer.section.topic))
        data = TopicData(
            report.circular.reporting_year,
            list(answer.section.questions.all()),
            {report.unit_id: answer.data},
            {} if before is None else {report.unit_id: before},
        )
        statistics = TopicStatistics(data, with_totals=False)
        sections.append(
            section_content(
                answer,
                before,
                unit_marks(statistics, report.unit_id),
                year=report.circular.reporting_year,
            )
        )
    return {**report_header(report), "sections": sections}
