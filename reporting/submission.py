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
from .rules import blocking, displayed, hidden_keys, section_violations


@dataclass(frozen=True)
class Problem:
    """One thing that must be put right before the report can be submitted:
    a question of a chapter (`answer`, `question`) or the report as a whole."""

    message: str
    # Where to put it right: the field on the chapter page, or another page.
    url: str
    answer: SectionAnswer | None = None
    question: Question | None = None
    title: str = ""  # what the problem is about when it is no question

    @property
    def label(self) -> str:
        return self.question.label if self.question else str(self.title)

    @property
    def heading(self) -> str:
        """The chapter it belongs to, or the report as a whole."""
        if self.answer is None:
            return str(_("Rapporten"))
        return f"{self.answer.section.number} {self.answer.section.title}"


def field_url(answer: SectionAnswer, anchor: str) -> str:
    """The chapter page, landing on the element with id `anchor`."""
    edit = reverse("reporting:section_edit", args=[answer.report_id, answer.section_id])
    return f"{edit}#{anchor}"


def question_anchor(key: str) -> str:
    """The id of a question's block on the chapter page (answer_fields.html)."""
    return f"sporsmal-{key}"


def unanswered_required(report, answers: list[SectionAnswer]) -> Iterable[Problem]:
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
                    _("er ikke besvart"),
                    field_url(answer, question_anchor(question.key)),
                    answer,
                    question,
                )


def unexplained_changes(report, answers: list[SectionAnswer]) -> Iterable[Problem]:
    """Numbers that moved beyond their threshold from last year, unexplained."""
    from .services.reports import missing_explanations

    by_pk = {answer.pk: answer for answer in answers}
    for answer, questions in missing_explanations(report):
        for question in questions:
            yield Problem(
                _("endringen fra i fjor må forklares"),
                field_url(answer, f"id_forklaring__{question.key}"),
                by_pk.get(answer.pk, answer),
                question,
            )


def invalid_values(report, answers: list[SectionAnswer]) -> Iterable[Problem]:
    """Values kept as typed in a draft that are not valid yet (and empty required
    cells of a draft list row), each linked to its field."""
    from .forms.answers import SectionAnswerForm
    from .selectors import previous_answers

    typed = [answer for answer in answers if answer.invalid]
    previous = previous_answers(report) if typed else {}
    for answer in typed:
        questions = list(answer.section.questions.all())
        hidden = hidden_keys(questions, answer.data)
        form = SectionAnswerForm(
            questions=questions,
            stored=answer.data,
            raw=answer.raw,
            previous=previous.get(answer.section.topic, {}),
            rules=answer.section.rules.all(),
        )
        by_key = {question.key: question for question in questions}
        for anchor, label, message in form.error_links():
            key = anchor.split("__")[1]
            if key in hidden:
                continue
            question = by_key.get(key)
            shown = question.label if question else ""
            yield Problem(
                message if str(label).startswith(shown) else f"{label}: {message}",
                field_url(answer, anchor),
                answer,
                question,
            )


def missing_oxlo_contact(report, answers: list[SectionAnswer]) -> Iterable[Problem]:
    """The unit names an OXLO contact, or says why it has none (rundskriv 8/2017)."""
    if not report.unit.has_contact and not report.no_contact_reason:
        yield Problem(
            _("oppgi enhetens OXLO-kontakt, eller skriv hvorfor ingen er utpekt"),
            reverse("reporting:report_oxlo", args=[report.pk]),
            title=_("OXLO-kontakt"),
        )


def broken_rules(report, answers: list[SectionAnswer]) -> Iterable[Problem]:
    """Rules of the circular the answers break, unless explained where allowed."""
    for answer in answers:
        by_key = {q.key: q for q in answer.section.questions.all()}
        for violation in blocking(section_violations(answer), answer.data):
            key = violation.path[0]
            if violation.rule.explainable:
                text = _("%(message)s Rett svaret eller forklar avviket.")
            else:
                text = _("%(message)s Må rettes.")
            yield Problem(
                text % {"message": violation.message},
                field_url(answer, f"regelbrudd-{key}"),
                answer,
                by_key.get(key),
            )


CHECKS: list[Callable[[Report, list[SectionAnswer]], Iterable[Problem]]] = [
    missing_oxlo_contact,
    unanswered_required,
    invalid_values,
    unexplained_changes,
    broken_rules,
]


def answers_with_questions(report: Report) -> list[SectionAnswer]:
    """The report's section answers with sections and questions, in order."""
    return list(
        report.answers.select_related("report__circular", "section")
        .prefetch_related(
            Prefetch("section__questions", queryset=Question.objects.order_by("order"))
        )
        .order_by("section__order", "section__pk")
    )


def submission_problems(
    report: Report, answers: list[SectionAnswer] | None = None
) -> list[Problem]:
    """Everything that blocks submitting the report, in the circular's order."""
    answers = answers_with_questions(report) if answers is None else answers
    position = {answer.pk: index for index, answer in enumerate(answers)}
    problems = [problem for check in CHECKS for problem in check(report, answers)]
    return sorted(
        problems,
        key=lambda p: (
            position.get(p.answer.pk, len(position)) if p.answer else -1,
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
        if problem.answer is not None and problem.question is not None:
            key = (problem.answer.pk, problem.question.pk)
            by_question.setdefault(key, []).append(problem)
    summary = []
    for answer in answers:
        questions = list(answer.section.questions.all())
        # A question hidden by its condition is not asked, nor submitted.
        hidden = hidden_keys(questions, answer.data)
        items = [
            SummaryItem(
                question,
                displayed(question, answer.data),
                by_question.get((answer.pk, question.pk), []),
            )
            for question in questions
            if question.key not in hidden
        ]
        summary.append((answer, items))
    return summary
