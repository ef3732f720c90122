"""Text, yes/no, choice and date answers."""

import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .base import K, Kind

LONG_TEXT_LIMIT = 10_000
SHORT_TEXT_LIMIT = 500
YES, NO = "ja", "nei"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class TextKind(Kind):
    compares_words = True
    limit = SHORT_TEXT_LIMIT

    def form_field(self, *, label, help_text="", cell=False):
        return forms.CharField(
            label=label,
            help_text=help_text,
            required=False,
            max_length=self.max_length or self.limit,
            widget=self.widget(cell=cell),
        )

    def widget(self, *, cell):
        return forms.TextInput

    def fits(self, value) -> bool:
        return (
            isinstance(value, str)
            and value != ""
            and len(value) <= (self.max_length or self.limit)
        )


class ShortTextKind(TextKind):
    code = K.SHORT_TEXT


class LongTextKind(TextKind):
    code = K.LONG_TEXT
    limit = LONG_TEXT_LIMIT

    def widget(self, *, cell):
        return forms.Textarea(attrs={"rows": 3 if cell else 5})


class YesNoKind(Kind):
    code = K.YES_NO
    compares_in_print = True

    def form_field(self, *, label, help_text="", cell=False):
        return forms.ChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            choices=[(YES, _("Ja")), (NO, _("Nei"))],
            widget=forms.RadioSelect,
        )

    def stored(self, cleaned):
        return None if cleaned in ("", None) else cleaned == YES

    def initial(self, value):
        return None if value is None else (YES if value else NO)

    def fits(self, value) -> bool:
        return isinstance(value, bool)

    def format(self, value) -> str:
        if value is None or value == "":
            return ""
        return gettext("Ja") if value else gettext("Nei")


class ChoiceKind(Kind):
    code = K.CHOICE
    compares_in_print = True

    def form_field(self, *, label, help_text="", cell=False):
        return forms.ChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            choices=[("", _("Velg …")), *((c, c) for c in self.choices)],
        )

    def fits(self, value) -> bool:
        return isinstance(value, str) and value in self.choices


class MultipleChoiceKind(Kind):
    code = K.MULTIPLE_CHOICE

    def form_field(self, *, label, help_text="", cell=False):
        return forms.MultipleChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            choices=[(c, c) for c in self.choices],
            widget=forms.CheckboxSelectMultiple,
        )

    def fits(self, value) -> bool:
        return (
            isinstance(value, list) and bool(value) and set(value) <= set(self.choices)
        )

    def carried(self, value, *, old):
        if old.code != self.code or not isinstance(value, list):
            return None
        return [choice for choice in value if choice in self.choices] or None

    def format(self, value) -> str:
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return super().format(value)


class DateKind(Kind):
    code = K.DATE

    def form_field(self, *, label, help_text="", cell=False):
        return forms.DateField(
            label=label,
            help_text=help_text,
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )

    def stored(self, cleaned):
        return cleaned.isoformat() if isinstance(cleaned, datetime.date) else None

    @staticmethod
    def _date(value) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return None

    def fits(self, value) -> bool:
        return isinstance(value, str) and self._date(value) is not None

    def format(self, value) -> str:
        day = self._date(value)
        return date_format(day, "d.m.Y") if day else super().format(value)

    def cell(self, value):
        """A date cell (a spreadsheet calculates with it), or the text as stored."""
        return self._date(value) or super().cell(value)
