"""What changed in a circular since the one it was started from (or last year's).

Sections are matched by their stable `topic`, questions by their stable `key`
within the matched section, so renumbering alone is not a new section.
"""

from dataclasses import dataclass, field

from .models import Circular, Question, Section

# Question fields whose change an answering unit would notice.
COMPARED_FIELDS = (
    "label",
    "help_text",
    "kind",
    "required",
    "choices",
    "rows",
    "columns",
    "min_value",
    "max_value",
    "max_length",
    "counts_people",
    "people_group",
    "people_rows",
    "totals",
    "every_other_year",
    "formula",
    "shown_when_key",
    "shown_when_value",
)


@dataclass
class QuestionChange:
    old: Question
    new: Question
    fields: list[str]

    @property
    def reworded(self) -> bool:
        return self.old.label != self.new.label


@dataclass
class SectionDiff:
    old: Section | None
    new: Section | None
    added: list[Question] = field(default_factory=list)
    removed: list[Question] = field(default_factory=list)
    changed: list[QuestionChange] = field(default_factory=list)

    @property
    def is_added(self) -> bool:
        return self.old is None

    @property
    def is_removed(self) -> bool:
        return self.new is None

    @property
    def renamed(self) -> bool:
        return bool(
            self.old
            and self.new
            and (self.old.title, self.old.number) != (self.new.title, self.new.number)
        )

    @property
    def has_changes(self) -> bool:
        return bool(
            self.is_added
            or self.is_removed
            or self.renamed
            or self.added
            or self.removed
            or self.changed
        )


@dataclass
class CircularDiff:
    baseline: Circular
    sections: list[SectionDiff]

    @property
    def has_changes(self) -> bool:
        return bool(self.sections)


def diff_baseline(circular: Circular) -> Circular | None:
    """The circular this one is compared with: its source, else last year's of
    the same kind to an overlapping audience."""
    if circular.copied_from_id:
        return circular.copied_from
    if circular.reporting_year is None:
        return None
    candidates = (
        Circular.objects.public()
        .filter(kind=circular.kind, reporting_year=circular.reporting_year - 1)
        .exclude(pk=circular.pk)
        .order_by("-published_at")
    )
    audience = set(circular.audience)
    return next((c for c in candidates if audience & set(c.audience)), None)


def _sections(circular: Circular) -> dict[str, Section]:
    sections = circular.sections.prefetch_related("questions")
    return {section.topic: section for section in sections}


def _compare_questions(old: Section, new: Section) -> SectionDiff:
    diff = SectionDiff(old=old, new=new)
    old_questions = {q.key: q for q in old.questions.all()}
    new_questions = {q.key: q for q in new.questions.all()}
    for key, question in new_questions.items():
        before = old_questions.get(key)
        if before is None:
            diff.added.append(question)
            continue
        fields = [
            str(Question._meta.get_field(name).verbose_name)
            for name in COMPARED_FIELDS
            if getattr(before, name) != getattr(question, name)
        ]
        if fields:
            diff.changed.append(QuestionChange(old=before, new=question, fields=fields))
    diff.removed = [q for key, q in old_questions.items() if key not in new_questions]
    return diff


def circular_diff(circular: Circular) -> CircularDiff | None:
    """Sections and questions added, removed or changed since the baseline."""
    baseline = diff_baseline(circular)
    if baseline is None:
        return None
    old_sections, new_sections = _sections(baseline), _sections(circular)
    sections = []
    for topic, section in new_sections.items():
        old = old_sections.get(topic)
        if old is None:
            sections.append(
                SectionDiff(old=None, new=section, added=list(section.questions.all()))
            )
        else:
            sections.append(_compare_questions(old, section))
    sections += [
        SectionDiff(old=old, new=None, removed=list(old.questions.all()))
        for topic, old in old_sections.items()
        if topic not in new_sections
    ]
    return CircularDiff(
        baseline=baseline, sections=[s for s in sections if s.has_changes]
    )
