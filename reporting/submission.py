"""Reads around submitting a report: what still stands in the way, question by
question, and the receipt of a submission.

`submission_problems` is the one list both the submit page shows and
`submit_report` refuses on. Each function in `CHECKS` adds one kind of problem
(an unanswered required question, an unexplained change, ...); a new rule that
blocks submission is one more function there.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from circulars.models import Question

from .answers import is_answered
from .models import Report, ReportEvent, SectionAnswer
from .rules import blocking, hidden_keys, section_violations


@dataclass(frozen=True)
class Problem:
    """One thing that must be put right before the report can be submitted."""

    answer: SectionAnswer
    question: Question | None
    message: str
    # The id of the element on the chapter page to land on (and focus).
    anchor: str

    @property
    def url(self) -> str:
        edit = reverse(
            "reporting:section_edit",
            args=[self.answer.report_id, self.answer.section_id],
        )
        return f"{edit}#{self.anchor}"

    @property
    def label(self) -> str:
        return self.question.label if self.question else self.answer.section.title


def question_anchor(key: str) -> str:
    """The id of a question's block on the chapter page (answer_fields.html)."""
    return f"sporsmal-{key}"


def unanswered_required(answers: list[SectionAnswer]) -> Iterable[Problem]:
    """Required questions without an answer (a hidden question is not asked)."""
    for answer in answers:
        questions = list(answer.section.questions.all())
        hidden = hidden_keys(questions, answer.data)
        for question in questions:
            if question.key in hidden:
                continue
            if question.required and not is_answered(
                question, answer.data.get(question.key)
            ):
                yield Problem(
                    answer,
                    question,
                    _("er ikke besvart"),
                    question_anchor(question.key),
                )


def unexplained_changes(answers: list[SectionAnswer]) -> Iterable[Problem]:
    """Numbers that moved beyond their threshold from last year, unexplained."""
    from .services.reports import missing_explanations

    if not answers:
        return
    by_pk = {answer.pk: answer for answer in answers}
    for answer, questions in missing_explanations(answers[0].report):
        for question in questions:
            yield Problem(
                by_pk.get(answer.pk, answer),
                question,
                _("endringen fra i fjor må forklares"),
                f"id_forklaring__{question.key}",
            )


def broken_rules(answers: list[SectionAnswer]) -> Iterable[Problem]:
    """Rules of the circular the answers break, unless explained where allowed."""
    for answer in answers:
        by_key = {q.key: q for q in answer.section.questions.all()}
        stopping = blocking(section_violations(answer), answer.data)
        for violation in stopping:
            key = violation.path[0]
            message = violation.message
            if not violation.rule.explainable:
                message = _("%(message)s Må rettes.") % {"message": message}
            else:
                message = _("%(message)s Rett svaret eller forklar avviket.") % {
                    "message": message
                }
            yield Problem(answer, by_key.get(key), message, f"regelbrudd-{key}")


CHECKS: list[Callable[[list[SectionAnswer]], Iterable[Problem]]] = [
    unanswered_required,
    unexplained_changes,
    broken_rules,
]


def answers_with_questions(report: Report) -> list[SectionAnswer]:
    """The report's section answers with sections and questions, in order."""
    return list(
        report.answers.select_related("report__circular", "section")
        .prefetch_related(
            Prefetch("section__questions", queryset=Question.objects.order_by("order")),
            "section__rules",
        )
        .order_by("section__order", "section__pk")
    )


def submission_problems(
    report: Report, answers: list[SectionAnswer] | None = None
) -> list[Problem]:
    """Everything that blocks submitting the report, in the circular's order."""
    answers = answers_with_questions(report) if answers is None else answers
    position = {answer.pk: index for index, answer in enumerate(answers)}
    problems = [problem for check in CHECKS for problem in check(answers)]
    return sorted(
        problems,
        key=lambda p: (
            position.get(p.answer.pk, len(position)),
            p.question.order if p.question else -1,
        ),
    )


@dataclass(frozen=True)
class Receipt:
    """The proof of one submission: reference, when, who and on whose authority."""

    report: Report
    event: ReportEvent

    @property
    def reference(self) -> str:
        year = self.report.circular.reporting_year or self.report.circular.year
        return f"OXLO-{year}-{self.event.pk:06d}"

    @property
    def submitted_at(self):
        return self.event.created_at

    @property
    def submitted_by(self):
        return self.event.actor

    @property
    def next_steps(self) -> str:
        """What happens now, as the report's current status says."""
        status = self.report.status
        if status == Report.Status.SUBMITTED:
            return _(
                "Rapporten er låst for endringer. En rådgiver i byrådsavdelingen "
                "leser den og godkjenner den eller returnerer den for retting. "
                "Enhetens kontaktpersoner får e-post når det skjer."
            )
        if status == Report.Status.RETURNED:
            return _(
                "Rapporten er senere returnert for retting. Rett den og send den "
                "inn på nytt; du får en ny kvittering."
            )
        if status == Report.Status.APPROVED:
            return _("Rapporten er godkjent. Du trenger ikke gjøre mer.")
        return _("Rundskrivet er trukket tilbake; rapporten er bevart som historikk.")


def latest_receipt(report: Report) -> Receipt | None:
    """The receipt of the report's latest submission, or None if never submitted."""
    event = (
        report.events.filter(
            action__in=[ReportEvent.Action.SUBMITTED, ReportEvent.Action.SIGNED]
        )
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    return Receipt(report, event) if event else None


@dataclass(frozen=True)
class SummaryItem:
    question: Question
    value: object
    problems: list[Problem]


def submission_summary(
    answers: list[SectionAnswer], problems: list[Problem]
) -> list[tuple[SectionAnswer, list[SummaryItem]]]:
    """Every chapter with each question's stored answer and what is wrong with it."""
    by_question: dict[tuple[int, int], list[Problem]] = {}
    for problem in problems:
        if problem.question is not None:
            key = (problem.answer.pk, problem.question.pk)
            by_question.setdefault(key, []).append(problem)
    return [
        (
            answer,
            [
                SummaryItem(
                    question,
                    answer.data.get(question.key),
                    by_question.get((answer.pk, question.pk), []),
                )
                for question in answer.section.questions.all()
            ],
        )
        for answer in answers
    ]
