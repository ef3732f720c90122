"""The report's chapters in the circular's order, each with its state: what the
stepper on the report page and on every chapter page shows, and where
«Forrige kapittel» and «Neste kapittel» lead."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import SectionAnswer

STATE_LABELS = {
    "complete": _("Ferdig utfylt"),
    "started": _("Påbegynt"),
    "not_started": _("Ikke påbegynt"),
}


@dataclass(frozen=True)
class Chapter:
    position: int  # 1-based
    answer: SectionAnswer
    current: bool = False

    @property
    def section(self):
        return self.answer.section

    @property
    def state(self) -> str:
        if self.answer.is_complete:
            return "complete"
        return "started" if self.answer.is_started else "not_started"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def url(self) -> str:
        return reverse(
            "reporting:section_edit",
            args=[self.answer.report_id, self.answer.section_id],
        )


@dataclass(frozen=True)
class Chapters:
    steps: list[Chapter]
    current: Chapter | None = None

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def previous(self) -> Chapter | None:
        if self.current is None or self.current.position == 1:
            return None
        return self.steps[self.current.position - 2]

    @property
    def next(self) -> Chapter | None:
        if self.current is None or self.current.position == self.total:
            return None
        return self.steps[self.current.position]

    @property
    def complete(self) -> int:
        return sum(step.state == "complete" for step in self.steps)


def chapters(answers: list[SectionAnswer], *, current_section_id=None) -> Chapters:
    """The chapters of the report whose ordered section answers are `answers`."""
    steps = [
        Chapter(index, answer, current=answer.section_id == current_section_id)
        for index, answer in enumerate(answers, start=1)
    ]
    current = next((step for step in steps if step.current), None)
    return Chapters(steps, current)


def correction_start(report, answers: list[SectionAnswer], comments: list) -> str:
    """Where «Rett og send inn på nytt» leads: the first chapter with an open
    comment, at the comment; else the submit page's summary."""
    for answer in answers:
        for comment in comments:
            if comment.section_id == answer.section_id:
                url = reverse(
                    "reporting:section_edit", args=[report.pk, answer.section_id]
                )
                return f"{url}#kommentar-{comment.pk}"
    return reverse("reporting:report_submit", args=[report.pk])
