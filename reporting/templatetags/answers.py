"""Show stored answers (last year's, the other person's, history) as readable text."""

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from circulars.models import Question

register = template.Library()
K = Question.Kind


def _scalar(kind, value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if kind == K.YES_NO or isinstance(value, bool):
        return _("Ja") if value else _("Nei")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if kind == K.DATE:
        try:
            return date_format(datetime.date.fromisoformat(value), "d.m.Y")
        except (TypeError, ValueError):
            return str(value)
    if kind == K.PERCENT:
        return f"{value} %"
    return str(value)


def _cell_text(column: dict, cells: dict) -> str:
    return _scalar(column.get("kind"), cells.get(column["key"]))


@register.simple_tag
def show_answer(question, value):
    """One stored answer in the shape documented on `Question`, as HTML."""
    if question.kind == K.TABLE:
        if not isinstance(value, dict) or not value:
            return "–"
        return format_html(
            "<ul class='list-unstyled mb-0'>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (
                        row["label"],
                        "; ".join(
                            f"{c['label']} {_cell_text(c, cells)}"
                            for c in question.columns
                        ),
                    )
                    for row in question.rows
                    if (cells := value.get(row["key"]))
                ),
            ),
        )
    if question.kind == K.LIST:
        if not isinstance(value, list) or not value:
            return "–"
        return format_html(
            "<ol class='mb-0'>{}</ol>",
            format_html_join(
                "",
                "<li>{}</li>",
                (
                    (
                        "; ".join(
                            f"{c['label']}: {_scalar(c.get('kind'), row.get(c['key']))}"
                            for c in question.columns
                            if row.get(c["key"]) not in (None, "", [])
                        ),
                    )
                    for row in value
                ),
            ),
        )
    return _scalar(question.kind, value)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
