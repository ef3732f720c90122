"""Rules between answers of a section, and the checks that keep a section's
formulas, conditions and rules pointing at questions that exist."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..expressions import (
    DATE,
    EACH,
    NUMBER,
    check_formula,
    parse_constant,
    parse_reference,
    reference_type,
)
from ..validators import validate_no_nul_characters
from .frozen import FrozenChild, QuestionQuerySet
from .questions import Question, Section

K = Question.Kind
CONDITION_KINDS = (K.YES_NO, K.CHOICE, K.MULTIPLE_CHOICE)
YES_NO_WORDS = {"ja": True, "nei": False}


class Rule(FrozenChild):
    """A check between answers of one section: «left» compared with «right».

    A broken rule warns on save and stops submitting unless it is explainable
    and explained."""

    class Operator(models.TextChoices):
        AT_MOST = "lte", _("høyst (≤)")
        BELOW = "lt", _("mindre enn / før (<)")
        AT_LEAST = "gte", _("minst (≥)")
        ABOVE = "gt", _("større enn / etter (>)")

    section = models.ForeignKey(
        Section,
        verbose_name=_("kapittel"),
        on_delete=models.CASCADE,
        related_name="rules",
    )
    key = models.SlugField(
        _("nøkkel"),
        max_length=60,
        help_text=_("Stabilt kortnavn; forklaringer lagres under det."),
    )
    left = models.CharField(
        _("verdi"),
        max_length=120,
        help_text=_("Henvisning, f.eks. midlertidige.antall.* eller tiltak.*.start"),
    )
    operator = models.CharField(_("skal være"), max_length=3, choices=Operator.choices)
    right = models.CharField(
        _("sammenlignet med"),
        max_length=120,
        help_text=_(
            "Henvisning (f.eks. ansatte.antall.*), et tall, en dato (31.12.2025) "
            "eller @frist (rundskrivets frist). * betyr samme rad eller kolonne "
            "som til venstre."
        ),
    )
    message = models.CharField(
        _("melding"),
        max_length=300,
        validators=[validate_no_nul_characters],
        help_text=_("Det enheten ser når regelen brytes, på norsk."),
    )
    explainable = models.BooleanField(
        _("kan forklares"),
        default=True,
        help_text=_(
            "En skriftlig forklaring slipper rapporten gjennom. Uten: tallene må "
            "rettes."
        ),
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)

    # Reaches its circular through its section, as a question does.
    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["section", "order", "pk"]
        verbose_name = _("regel")
        verbose_name_plural = _("regler mellom svar")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "key"], name="rule_unique_key_in_section"
            ),
        ]

    def __str__(self):
        return f"{self.left} {self.get_operator_display()} {self.right}"

    # Frozen with its circular, reached through its section as a question's is.
    owning_circular_id = Question.owning_circular_id

    def clean(self):
        if self.section_id:
            problems = rule_problems(self, siblings_of(None, section=self.section_id))
            if problems:
                raise ValidationError(problems)


def siblings_of(question: Question | None, *, section=None) -> dict:
    """The section's questions by key, with `question`'s unsaved state."""
    section = section or question.section_id
    siblings = {q.key: q for q in Question.objects.filter(section=section)}
    if question is not None:
        siblings = {k: q for k, q in siblings.items() if q.pk != question.pk}
        siblings[question.key] = question
    return siblings


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def question_problems(question: Question, questions: dict) -> dict[str, str]:
    """Field name -> what is wrong with the question's formulas and condition."""
    problems = {}
    if question.formula:
        if question.kind not in Question.NUMERIC_KINDS:
            problems["formula"] = gettext("Bare tallspørsmål kan beregnes.")
        else:
            try:
                check_formula(question.formula, questions)
            except ValidationError as error:
                problems["formula"] = _messages(error)
    row_columns = {
        c.get("key"): c for c in question.columns or [] if isinstance(c, dict)
    }
    for column in row_columns.values():
        if not column.get("formula"):
            continue
        try:
            if column.get("kind") not in Question.NUMERIC_KINDS:
                raise ValidationError(gettext("Bare tallkolonner kan beregnes."))
            check_formula(str(column["formula"]), questions, row_columns=row_columns)
        except ValidationError as error:
            problems["columns"] = f"{column.get('label')}: {_messages(error)}"
    if question.shown_when_key:
        problem = _condition_problem(question, questions)
        if problem:
            problems["shown_when_key"] = problem
    return problems


def _condition_problem(question: Question, questions: dict) -> str | None:
    other = questions.get(question.shown_when_key)
    if other is None or other.key == question.key:
        return gettext("Kapittelet har ikke spørsmålet «%(key)s».") % {
            "key": question.shown_when_key
        }
    if other.kind not in CONDITION_KINDS:
        return gettext("«%(key)s» er ikke et ja/nei- eller valgspørsmål.") % {
            "key": other.key
        }
    if other.shown_when_key == question.key:
        return gettext("To spørsmål kan ikke vise hverandre.")
    allowed = (
        list(YES_NO_WORDS)
        if other.kind == K.YES_NO
        else [str(c).lower() for c in other.choices or []]
    )
    if question.shown_when_value.strip().lower() not in allowed:
        return gettext("«%(value)s» er ikke et av svarene på «%(key)s».") % {
            "value": question.shown_when_value[:60],
            "key": other.key,
        }
    return None


def rule_problems(rule: Rule, questions: dict) -> list[str]:
    """What stops the rule from being checked, as messages for the administrator."""
    try:
        left = parse_reference(rule.left)
        left_type = reference_type(left, questions)
        constant = parse_constant(rule.right)
        if constant is None:
            right = parse_reference(rule.right)
            right_type = reference_type(right, questions)
            for place in ("row", "column"):
                if getattr(right, place) == EACH and getattr(left, place) != EACH:
                    raise ValidationError(
                        gettext("* til høyre krever * på samme plass til venstre.")
                    )
        else:
            right_type = NUMBER if isinstance(constant, Decimal) else DATE
    except ValidationError as error:
        return [_messages(error)]
    if left_type != right_type:
        return [
            gettext("Et tall kan bare sammenlignes med et tall, en dato med en dato.")
        ]
    return []
