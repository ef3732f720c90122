"""Show stored answers (last year's, the other person's, history) as readable text."""

from django import template
from django.utils.html import format_html, format_html_join

from ..kinds import kind_of

register = template.Library()
NOTHING = "–"


@register.simple_tag
def show_answer(question, value):
    """One stored answer in the shape documented on `Question`, as HTML."""
    kind = kind_of(question)
    if not kind.is_answered(value):
        return NOTHING
    if question.kind == question.Kind.TABLE:
        items = format_html_join("", "<li>{}: {}</li>", kind.lines(value))
        return format_html("<ul class='list-unstyled mb-0'>{}</ul>", items)
    if question.kind == question.Kind.LIST:
        items = format_html_join("", "<li>{}</li>", ((x,) for x in kind.lines(value)))
        return format_html("<ol class='mb-0'>{}</ol>", items)
    return kind.format(value)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
