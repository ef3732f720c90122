"""What the circular adds to the answer form beyond the questions' kinds: computed
answers shown read-only, «Annet» texts, conditions, and rules' warnings with
their explanations. `DerivedFields` is mixed into `SectionAnswerForm`,
`DerivedBlock` into its `QuestionBlock`."""

import json
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from circulars.expressions import parse_formula

from ..kinds.scalar import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT
from ..rules import (
    OTHER_KEY,
    RULE_EXPLANATIONS_KEY,
    chose_other,
    has_other,
    is_shown,
)
from ..rules.formulas import computed_columns, field_tree
from .names import field_name


def other_name(key: str) -> str:
    return f"annet__{key}"


def rule_explanation_name(key: str) -> str:
    return f"regelforklaring__{key}"


def _shown_number(value) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return number_format(Decimal(str(value)).normalize(), use_l10n=True)


class ComputedField(forms.CharField):
    """Shows a computed answer; whatever is posted is ignored, as the server
    computes the answer again on save."""

    def clean(self, value):
        return None


class DerivedFields:
    """Form part: computed fields, «Annet» texts and rule explanations."""

    def add_derived_fields(self, rules) -> None:
        self.rules = list(rules)
        self.violations = []
        for question in self.questions:
            if question.formula:
                self._make_computed(field_name(question.key), question.formula)
            for column in computed_columns(question):
                for row in self._row_keys(question):
                    self._make_computed(
                        field_name(question.key, row, column["key"]),
                        str(column["formula"]),
                        question_key=question.key,
                        row=row,
                        row_columns={c.get("key") for c in question.columns},
                    )
            if has_other(question):
                self._add_other(question)
        for rule in self.rules:
            if rule.explainable:
                self._add_rule_explanation(rule)

    def _row_keys(self, question) -> list:
        if question.kind == "table":
            return [row["key"] for row in question.rows]
        return list(range(self.list_counts.get(question.key, 0)))

    def _make_computed(self, name, formula, **where) -> None:
        """Replace the field by a read-only one that the server and the page fill."""
        old = self.fields[name]
        try:
            tree = field_tree(
                parse_formula(formula),
                lambda *parts: self.add_prefix(field_name(*parts)),
                **where,
            )
        except ValidationError:  # publishing refuses broken formulas
            tree = None
        field = ComputedField(
            label=old.label,
            required=False,
            help_text=_("Regnes ut av portalen."),
            widget=forms.TextInput(
                attrs={
                    **{k: v for k, v in old.widget.attrs.items() if k == "aria-label"},
                    "readonly": True,
                    "class": "computed",
                    "data-formula": json.dumps(tree) if tree else "",
                }
            ),
        )
        self.fields[name] = field
        self.initial[name] = _shown_number(self.initial.get(name))

    def _add_other(self, question) -> None:
        name = other_name(question.key)
        self.fields[name] = forms.CharField(
            label=_("Hva er «Annet» i «%(label)s»?") % {"label": question.label},
            max_length=SHORT_TEXT_LIMIT,
            required=False,
        )
        others = self.stored.get(OTHER_KEY)
        self.initial[name] = (others or {}).get(question.key, "")

    def _add_rule_explanation(self, rule) -> None:
        name = rule_explanation_name(rule.key)
        self.fields[name] = forms.CharField(
            label=_("Forklar avviket: %(message)s") % {"message": rule.message},
            max_length=LONG_TEXT_LIMIT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
        texts = self.stored.get(RULE_EXPLANATIONS_KEY)
        self.initial[name] = (texts or {}).get(rule.key, "")

    def derived_data(self) -> dict:
        """The «Annet» texts and rule explanations to store beside the answers."""
        data = {}
        others = {
            q.key: text
            for q in self.questions
            if has_other(q) and (text := self.cleaned_data.get(other_name(q.key)))
        }
        if others:
            data[OTHER_KEY] = others
        explained = {
            rule.key: text
            for rule in self.rules
            if (text := self.cleaned_data.get(rule_explanation_name(rule.key), ""))
        }
        if explained:
            data[RULE_EXPLANATIONS_KEY] = explained
        return data

    def current_data(self) -> dict:
        """Every answer as the page shows it now, by key (for conditions)."""
        if not hasattr(self, "_current_data"):
            self._current_data = {q.key: self.current_value(q) for q in self.questions}
        return self._current_data

    def violation_links(self) -> list[tuple[str, str]]:
        """(field id, message) per broken rule, for the warnings at the top."""
        links = []
        for violation in self.violations:
            name = field_name(*violation.path)
            target = (
                self._first_input_id(name)
                if name in self.fields
                else f"sporsmal-{violation.path[0]}"
            )
            links.append((target, violation.message))
        return links


class DerivedBlock:
    """Block part: whether the question is shown, its «Annet» field, its warnings."""

    @property
    def shown(self) -> bool:
        by_key = {q.key: q for q in self.form.questions}
        return is_shown(self.question, self.form.current_data(), by_key)

    @property
    def condition(self) -> tuple[str, str] | None:
        """(controlling field's name, value that shows this question)."""
        if not self.question.shown_when_key:
            return None
        return (
            self.form.add_prefix(field_name(self.question.shown_when_key)),
            self.question.shown_when_value.strip().lower(),
        )

    @property
    def computed_columns(self) -> list[str]:
        """Labels of the table's columns the portal computes."""
        return [c["label"] for c in computed_columns(self.question)]

    @property
    def other(self):
        name = other_name(self.question.key)
        return self.form[name] if name in self.form.fields else None

    @property
    def other_shown(self) -> bool:
        return chose_other(
            self.question, self.form.current_data().get(self.question.key)
        )

    @property
    def other_controller(self) -> str:
        return self.form.add_prefix(field_name(self.question.key))

    @property
    def violations(self) -> list:
        return [v for v in self.form.violations if v.path[0] == self.question.key]

    @property
    def rule_explanations(self) -> list:
        """Explanation fields of the explainable rules broken at this question."""
        rules = {v.rule.key: v.rule for v in self.violations if v.rule.explainable}
        return [self.form[rule_explanation_name(key)] for key in rules]
