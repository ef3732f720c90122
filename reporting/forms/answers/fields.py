"""Field names and the builders of each question kind's fields."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from circulars.models import Question

from ...answers import CARRIED_KEY, EXPLANATIONS_KEY
from ...kinds import kind_of
from ...kinds.scalar import SHORT_TEXT_LIMIT
from ..names import field_name

K = Question.Kind
EXTRA_LIST_ROWS = 1
# Rows a save may add to a list beyond those stored: a person adds a few between
# two autosaves; a posted row index beyond this is refused before any field of it
# is built (a request names its rows, so it must not make the server build more).
NEW_LIST_ROWS = 20
# Fields that belong to the request, not to an answer.
REQUEST_FIELDS = ("based_on",)


def explanation_name(key: str) -> str:
    return f"forklaring__{key}"


def carried_name(key: str) -> str:
    return f"fra_i_fjor__{key}"


def _cell(column: dict, label: str) -> forms.Field:
    return kind_of(column).form_field(label=label, cell=True)


def _column_label(column: dict) -> str:
    if column.get("required"):
        return _("%(label)s (obligatorisk)") % {"label": column["label"]}
    return column["label"]


def _label(question: Question) -> str:
    if question.required:
        return _("%(label)s (obligatorisk)") % {"label": question.label}
    return question.label


class QuestionFields:
    """The fields of each question, by its kind (part of `SectionAnswerForm`)."""

    def _add_question(self, question: Question):
        if question.kind == K.TABLE:
            self._add_table(question)
        elif question.kind == K.LIST:
            self._add_list(question)
        else:
            self._add_single(question)
        if question.change_threshold is not None and question.key in self.previous:
            self._add_explanation(question.key)
        if question.every_other_year:
            self._add_carried(question.key)

    def _add_table(self, question: Question):
        key, stored = question.key, self.stored.get(question.key)
        rows = stored if isinstance(stored, dict) else {}
        for row in question.rows:
            for column in question.columns:
                name = field_name(key, row["key"], column["key"])
                label = f"{row['label']}, {column['label']}"
                self.fields[name] = _cell(column, label)
                # A grid cell has no <label>; its row and column name it.
                self.fields[name].widget.attrs["aria-label"] = label
                if column.get("kind") == K.INTEGER and not column.get("formula"):
                    self.fields[name].widget.attrs["data-sum"] = ""
                self.initial[name] = kind_of(column).initial(
                    (rows.get(row["key"]) or {}).get(column["key"])
                )

    def _add_list(self, question: Question):
        key, stored = question.key, self.stored.get(question.key)
        rows = stored if isinstance(stored, list) else []
        count = (
            self._posted_list_count(key, limit=len(rows) + NEW_LIST_ROWS)
            if self.is_bound
            else len(rows) + EXTRA_LIST_ROWS
        )
        self.list_counts[key] = count
        for index in range(count):
            row = rows[index] if index < len(rows) else {}
            for column in question.columns:
                name = field_name(key, index, column["key"])
                self.fields[name] = _cell(
                    column,
                    _("%(field)s, rad %(number)s")
                    % {"field": _column_label(column), "number": index + 1},
                )
                self.initial[name] = kind_of(column).initial(row.get(column["key"]))
            self.fields[field_name(key, index, "DELETE")] = forms.BooleanField(
                required=False,
                label=_("Fjern rad %(number)s") % {"number": index + 1},
            )

    def _add_single(self, question: Question):
        key, kind = question.key, kind_of(question)
        name = field_name(key)
        self.fields[name] = kind.form_field(
            label=_label(question), help_text=question.help_text
        )
        self.initial[name] = kind.initial(self.stored.get(key))

    def _add_explanation(self, key):
        name = explanation_name(key)
        self.fields[name] = forms.CharField(
            label=_("Forklar endringen fra i fjor"),
            max_length=SHORT_TEXT_LIMIT * 2,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
        self.initial[name] = (self.stored.get(EXPLANATIONS_KEY) or {}).get(key, "")

    def _add_carried(self, key):
        name = carried_name(key)
        self.fields[name] = forms.BooleanField(
            label=_("Tallene er fra i fjor (rapporteres minst annethvert år)"),
            help_text=_(
                "Kryss av når dere fører videre fjorårets tall. Rapporten viser dem "
                "da som tall fra i fjor."
            ),
            required=False,
        )
        marked = self.stored.get(CARRIED_KEY)
        self.initial[name] = isinstance(marked, list) and key in marked

    def _posted_list_count(self, key, *, limit: int) -> int:
        """The rows posted, at most `limit`; more is noted for `clean` to refuse."""
        pattern = re.compile(rf"^{re.escape(field_name(key))}__(\d+)__")
        indexes = [m.group(1) for name in self.data if (m := pattern.match(name))]
        # An index of six digits or more is over any limit (and int() of
        # thousands of digits is itself slow).
        count = max((int(i) + 1 for i in indexes if len(i) < 6), default=0)
        if count > limit or any(len(i) >= 6 for i in indexes):
            self.too_many_rows[key] = limit
            return limit
        return count
