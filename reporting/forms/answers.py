"""The one form builder for section answers, made from the section's `Question` rows.

Field names: a question's own field is ``q__<key>``; a table cell is
``q__<key>__<row>__<column>``; a list row field is ``q__<key>__<index>__<field>``
with ``q__<key>__<index>__DELETE`` to remove the row. The explanation asked for
when a number moves more than the question's `change_threshold` from last year is
``forklaring__<key>`` and is stored in the section data under the reserved key
``EXPLANATIONS_KEY`` as ``{question_key: text}``.

A draft keeps everything typed: a field whose content is not valid yet does not
stop the save. Its typed text is kept apart from the valid values (`raw_values`,
stored as `SectionAnswer.raw`) and shown again with its message; only the request
itself (its version, its number of rows) can refuse a save (`is_savable`).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from circulars.models import Question

from ..answers import CARRIED_KEY, EXPLANATIONS_KEY, changed_beyond_threshold
from ..kinds import kind_of
from ..kinds.scalar import SHORT_TEXT_LIMIT
from ..rules import hidden_keys
from .derived import DerivedBlock, DerivedFields
from .names import field_name

__all__ = ["SectionAnswerForm", "field_name"]

K = Question.Kind
EXTRA_LIST_ROWS = 1
# Rows a save may add to a list beyond those stored: a person adds a few between
# two autosaves; a posted row index beyond this is refused before any field of it
# is built (a request names its rows, so it must not make the server build more).
NEW_LIST_ROWS = 20
# Fields that belong to the request, not to an answer.
REQUEST_FIELDS = ("based_on",)


def _storable(typed):
    """Typed text as JSON can keep it: a NUL character (which PostgreSQL's JSON
    refuses) becomes the replacement character; nothing else changes."""
    if isinstance(typed, list):
        return [_storable(item) for item in typed]
    return typed.replace("\x00", "\ufffd") if isinstance(typed, str) else typed


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


class QuestionBlock(DerivedBlock):
    """A question with its bound fields, grouped for the template."""

    def __init__(self, form, question, previous):
        self.form = form
        self.question = question
        self.previous = previous
        self.has_previous = previous is not None
        self.name = field_name(question.key)

    def _bound(self, name):
        return self.form[name]

    @property
    def field(self):
        return self._bound(self.name)

    @property
    def cells(self):
        """Table rows: (row, [(column, bound field)], row total of the counts)."""
        table = self.form.current_value(self.question) or {}
        return [
            (
                row,
                [
                    (column, self._bound(field_name(self.question.key, row["key"], c)))
                    for column in self.question.columns
                    for c in [column["key"]]
                ],
                self._sum(
                    table.get(row["key"], {}).get(c["key"]) for c in self.summed_columns
                ),
            )
            for row in self.question.rows
        ]

    @property
    def column_totals(self):
        """Per column: the sum of its counts, or None for a column that is no count."""
        table = self.form.current_value(self.question) or {}
        return [
            self._sum((cells or {}).get(column["key"]) for cells in table.values())
            if column in self.summed_columns
            else None
            for column in self.question.columns
        ]

    @staticmethod
    def _sum(values) -> int:
        return sum(v for v in values if isinstance(v, int) and not isinstance(v, bool))

    @property
    def summed_columns(self):
        """Count columns typed in, whose totals the table shows where the
        question says totals make sense."""
        return [
            c
            for c in self.question.columns
            if c.get("kind") == K.INTEGER and not c.get("formula")
        ]

    @property
    def row_totals(self) -> bool:
        totals = self.question.totals
        return bool(self.summed_columns) and totals in ("both", "rows")

    @property
    def has_column_totals(self) -> bool:
        totals = self.question.totals
        return bool(self.summed_columns) and totals in ("both", "columns")

    @property
    def list_rows(self):
        """List rows: (index, [bound field], delete field)."""
        count = self.form.list_counts[self.question.key]
        return [
            (
                index,
                [
                    self._bound(field_name(self.question.key, index, column["key"]))
                    for column in self.question.columns
                ],
                self._bound(field_name(self.question.key, index, "DELETE")),
            )
            for index in range(count)
        ]

    @property
    def explanation(self):
        name = explanation_name(self.question.key)
        return self._bound(name) if name in self.form.fields else None

    @property
    def carried(self):
        """«Tall fra i fjor» for a question reported at least every other year."""
        name = carried_name(self.question.key)
        return self._bound(name) if name in self.form.fields else None

    @property
    def needs_explanation(self) -> bool:
        value = self.form.current_value(self.question)
        return changed_beyond_threshold(self.question, value, self.previous)

    @property
    def errors(self):
        return [
            error
            for name, errors in self.form.errors.items()
            if name == self.name or name.startswith(self.name + "__")
            for error in errors
        ]


class SectionAnswerForm(DerivedFields, forms.Form):
    """Answers to one section; every field optional until the report is submitted."""

    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self,
        *args,
        questions,
        stored=None,
        raw=None,
        previous=None,
        use_previous=(),
        rules=(),
        **kwargs,
    ):
        """`use_previous`: keys of questions whose fields show last year's answer
        in place of this year's (not saved until the person saves)."""
        self.questions = list(questions)
        self.previous = previous or {}
        self.stored = {
            **(stored or {}),
            **{key: self.previous[key] for key in use_previous},
        }
        self.raw = {
            name: typed
            for name, typed in (raw or {}).items()
            if name.split("__")[1] not in use_previous
        }
        super().__init__(*args, **kwargs)
        self.list_counts = {}
        self.too_many_rows = {}
        for question in self.questions:
            self._add_question(question)
        self.add_derived_fields(rules)
        if not self.is_bound:
            self._show_draft()

    def _show_draft(self) -> None:
        """Show the kept typed values, each with the message it still earns."""
        errors = {}
        for name, typed in self.raw.items():
            if name not in self.fields:
                continue
            self.initial[name] = typed
            try:
                self.fields[name].clean(typed)
            except ValidationError as error:
                errors[name] = error.messages
        for question in self.questions:
            rows = self.stored.get(question.key)
            if question.kind != K.LIST or not isinstance(rows, list):
                continue
            for index, row in enumerate(rows):
                if isinstance(row, dict):
                    for name, message in self._missing_cells(question, index, row):
                        errors.setdefault(name, [message])
        if errors:
            self._errors = ErrorDict(
                {
                    name: self.error_class(messages, renderer=self.renderer)
                    for name, messages in errors.items()
                }
            )

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

    def disable(self) -> None:
        """Show the answers without letting anyone change them."""
        for field in self.fields.values():
            field.disabled = True

    def error_links(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) for the error summary at the top."""
        return [
            (self._first_input_id(name), self.fields[name].label, e)
            for name, errors in self.content_errors().items()
            for e in errors
        ]

    def _first_input_id(self, name) -> str:
        bound = self[name]
        if isinstance(
            bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
        ):
            return f"{bound.auto_id}_0"
        return bound.id_for_label or bound.auto_id

    def last_year_keys(self, which: str) -> list[str]:
        """Keys of the questions «Bruk fjorårets svar» on `which` (a key, or "*"
        for the chapter) would fill in: those answered last year."""
        return [
            question.key
            for question in self.questions
            if question.key in self.previous and which in ("*", question.key)
        ]

    def typed(self, question) -> list[tuple[str, str]]:
        """(field label, text) of what was typed for the question, not valid yet."""
        return [
            (self.fields[name].label, typed)
            for name, typed in self.raw.items()
            if name in self.fields and name.split("__")[1] == question.key
        ]

    def field_values(self) -> dict[str, dict[str, list[str]]]:
        """{question key: {field name: values as posted}} of the answers the form
        starts from, for the browser to fill the fields with."""
        values: dict[str, dict[str, list[str]]] = {}
        for name, field in self.fields.items():
            parts = name.split("__")
            if parts[0] != "q" or parts[-1] == "DELETE":
                continue
            shown = field.widget.format_value(self[name].value())
            shown = shown if isinstance(shown, list) else [shown]
            shown = [str(v) for v in shown if v not in (None, "")]
            if shown:
                values.setdefault(parts[1], {})[name] = shown
        return values

    def blocks(self) -> list[QuestionBlock]:
        return [
            QuestionBlock(self, question, self.previous.get(question.key))
            for question in self.questions
        ]

    def keys_needing_explanation(self) -> list[str]:
        """Questions whose number moved more than their threshold from last year."""
        return [
            block.question.key
            for block in self.blocks()
            if block.explanation is not None and block.needs_explanation
        ]

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind != K.LIST:
                continue
            if question.key in self.too_many_rows:
                self._refuse_rows(question, self.too_many_rows[question.key])
                continue
            for index in range(self.list_counts[question.key]):
                row = self._list_row(question, index)
                if row is not None:
                    for name, message in self._missing_cells(question, index, row):
                        self.add_error(name, message)
        return cleaned

    def _missing_cells(self, question, index, row) -> list[tuple[str, str]]:
        """(field name, message) for each empty required cell of a list row, whose
        name has no typed value waiting (that one has its own message)."""
        return [
            (
                name,
                _("Fyll ut «%(field)s» eller fjern raden.")
                % {"field": column["label"]},
            )
            for column in question.columns
            if column.get("required") and row.get(column["key"]) is None
            for name in [field_name(question.key, index, column["key"])]
            if name not in self.raw or self.is_bound
        ]

    def is_savable(self) -> bool:
        """Whether the request itself is sound: its version and its number of rows.
        What a field contains never keeps a draft from being saved."""
        self.is_valid()
        return not self.too_many_rows and not any(
            name in self.errors for name in REQUEST_FIELDS
        )

    def content_errors(self) -> dict:
        """{field name: messages} for the fields to correct before submitting (a
        question hidden by its condition is not asked, so it has none)."""
        hidden = hidden_keys(self.questions, self.current_data())
        return {
            name: errors
            for name, errors in self.errors.items()
            if name in self.fields
            and name not in REQUEST_FIELDS
            and name.split("__")[1] not in hidden
        }

    def _typed(self, name):
        field = self.fields[name]
        return field.widget.value_from_datadict(
            self.data, self.files, self.add_prefix(name)
        )

    def raw_values(self) -> dict:
        """What was typed into fields that are not valid yet, under the names the
        fields will have once saved (list rows renumbered as they are stored)."""
        moves = {
            question.key: {
                index: position
                for position, index in enumerate(self._kept_indexes(question))
            }
            for question in self.questions
            if question.kind == K.LIST
        }
        raw = {}
        for name in self.content_errors():
            typed = _storable(self._typed(name))
            if typed in (None, "", []):
                continue
            parts = name.split("__")
            if len(parts) == 4 and parts[1] in moves:
                position = moves[parts[1]].get(int(parts[2]))
                if position is None:
                    continue
                name = field_name(parts[1], position, parts[3])
            raw[name] = typed
        return raw

    def _kept_indexes(self, question) -> list[int]:
        return [
            index
            for index in range(self.list_counts[question.key])
            if self._list_row(question, index) is not None
        ]

    def _refuse_rows(self, question, limit: int) -> None:
        self.add_error(
            field_name(question.key, limit - 1, question.columns[0]["key"]),
            _(
                "Du kan legge til høyst %(count)s nye rader i «%(label)s» før du "
                "lagrer. Ingenting er lagret ennå."
            )
            % {"count": NEW_LIST_ROWS, "label": question.label},
        )

    def _list_row(self, question, index) -> dict | None:
        """A list row as stored, or None when it is removed or left empty (a cell
        typed but not valid yet keeps its row, as a draft row)."""
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get(field_name(question.key, index, "DELETE")):
            return None
        names = {
            column["key"]: field_name(question.key, index, column["key"])
            for column in question.columns
        }
        row = {
            key: kind_of(column).stored(cleaned.get(names[key]))
            for column in question.columns
            for key in [column["key"]]
        }
        typed = any(
            name in self._errors and self._typed(name) not in (None, "", [])
            for name in names.values()
        )
        return row if typed or any(v is not None for v in row.values()) else None

    def answer_for(self, question: Question):
        """The cleaned answer to one question in its stored shape."""
        key = question.key
        if question.kind == K.TABLE:
            table = {
                row["key"]: {
                    column["key"]: kind_of(column).stored(
                        self.cleaned_data.get(
                            field_name(key, row["key"], column["key"])
                        )
                    )
                    for column in question.columns
                }
                for row in question.rows
            }
            table = {
                row: {c: v for c, v in cells.items() if v is not None}
                for row, cells in table.items()
            }
            table = {row: cells for row, cells in table.items() if cells}
            return table or None
        if question.kind == K.LIST:
            rows = [
                row
                for index in range(self.list_counts[key])
                if (row := self._list_row(question, index)) is not None
            ]
            return rows or None
        return kind_of(question).stored(self.cleaned_data.get(field_name(key)))

    def current_value(self, question: Question):
        """The answer as the page shows it now (as posted once read, else stored)."""
        if self.is_bound and hasattr(self, "cleaned_data"):
            return self.answer_for(question)
        return self.stored.get(question.key)

    def to_data(self) -> dict:
        """The section data to store: answered questions and their explanations."""
        data = {}
        for question in self.questions:
            value = self.answer_for(question)
            if value is not None:
                data[question.key] = value
        explanations = {
            question.key: text
            for question in self.questions
            if (text := self.cleaned_data.get(explanation_name(question.key)))
        }
        if explanations:
            data[EXPLANATIONS_KEY] = explanations
        carried = [
            question.key
            for question in self.questions
            if self.cleaned_data.get(carried_name(question.key))
        ]
        if carried:
            data[CARRIED_KEY] = carried
        return data | self.derived_data()
