"""The section answer form: drafts, errors and the data to store."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from circulars.models import Question

from ...answers import CARRIED_KEY, EXPLANATIONS_KEY
from ...kinds import kind_of
from ...rules import hidden_keys
from ..derived import DerivedFields
from ..names import field_name
from .blocks import QuestionBlock
from .fields import (
    NEW_LIST_ROWS,
    REQUEST_FIELDS,
    K,
    QuestionFields,
    carried_name,
    explanation_name,
)


def _storable(typed):
    """Typed text as JSON can keep it: a NUL character (which PostgreSQL's JSON
    refuses) becomes the replacement character; nothing else changes."""
    if isinstance(typed, list):
        return [_storable(item) for item in typed]
    return typed.replace("\x00", "\ufffd") if isinstance(typed, str) else typed


class SectionAnswerForm(QuestionFields, DerivedFields, forms.Form):
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
