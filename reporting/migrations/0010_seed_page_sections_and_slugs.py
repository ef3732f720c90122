"""Bring stored data in line with Oslo kommune's documents (issue 15).

- The etater's «4.5 Diskriminering» becomes part of 4.6, as rundskriv 8/2017
  places table 4.5 under the equality measures for the city's residents: its
  questions, answers, comments, attachments and events move to 4.6.
- The discrimination table's third column counts cases brought before
  Diskrimineringsnemnda (key `nemnd`), not cases «sent to the ombud».
- Slugs transliterate Norwegian letters; the old slug stays as an alias.
- Bystyrets sekretariat and Kommunerevisjonen answer to bystyret.
"""

from django.db import migrations
from django.db.models import Max
from django.utils.text import slugify

TARGET_TOPIC = "likestilling-innbyggere"
LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})
BYSTYRET_UNITS = ("Bystyrets sekretariat", "Kommunerevisjonen")


def _merge_answers(apps, old, target):
    """Fold each report's answer to the old section into its answer to 4.6."""
    SectionAnswer = apps.get_model("reporting", "SectionAnswer")
    for answer in SectionAnswer.objects.filter(section=old):
        merged, _ = SectionAnswer.objects.get_or_create(
            report_id=answer.report_id, section=target
        )
        merged.data = {**merged.data, **answer.data}
        merged.version += 1
        merged.answered += answer.answered
        merged.required_missing += answer.required_missing
        stamps = [t for t in (merged.updated_at, answer.updated_at) if t]
        merged.updated_at = max(stamps, default=None)
        merged.save()
        if merged.updated_at:
            merged.revisions.create(
                version=merged.version,
                data=merged.data,
                saved_at=merged.updated_at,
                saved_by_id=answer.updated_by_id,
            )
        answer.revisions.all().delete()
        answer.delete()


def move_discrimination(apps, schema_editor):
    Section = apps.get_model("circulars", "Section")
    for old in Section.objects.filter(topic="diskriminering"):
        target = Section.objects.filter(
            circular_id=old.circular_id, topic=TARGET_TOPIC
        ).first()
        if target is None:
            continue
        start = target.questions.aggregate(top=Max("order"))["top"] or 0
        for offset, question in enumerate(old.questions.order_by("order"), start=1):
            question.section = target
            question.order = start + offset
            question.save(update_fields=["section", "order"])
        _merge_answers(apps, old, target)
        for model in ("ReportEvent", "Attachment", "ReviewComment"):
            apps.get_model("reporting", model).objects.filter(section=old).update(
                section=target
            )
        old.delete()


def rename_ombud_column(apps, schema_editor):
    Question = apps.get_model("circulars", "Question")
    SectionAnswer = apps.get_model("reporting", "SectionAnswer")
    for question in Question.objects.filter(key="diskriminering-tabell"):
        if not any(c.get("key") == "videresendt" for c in question.columns):
            continue
        question.columns = [
            {**c, "key": "nemnd", "label": "Brakt inn for Diskrimineringsnemnda"}
            if c.get("key") == "videresendt"
            else c
            for c in question.columns
        ]
        question.save(update_fields=["columns"])
        for answer in SectionAnswer.objects.filter(section_id=question.section_id):
            table = answer.data.get(question.key)
            if not isinstance(table, dict):
                continue
            for row in table.values():
                if isinstance(row, dict) and "videresendt" in row:
                    row["nemnd"] = row.pop("videresendt")
            answer.save(update_fields=["data"])


def fix_units(apps, schema_editor):
    Unit = apps.get_model("reporting", "Unit")
    UnitAlias = apps.get_model("reporting", "UnitAlias")
    for unit in Unit.objects.all():
        slug = slugify(unit.name.translate(LETTERS))
        if slug and slug != unit.slug and not Unit.objects.filter(slug=slug).exists():
            UnitAlias.objects.get_or_create(slug=unit.slug, defaults={"unit": unit})
            unit.slug = slug
            unit.save(update_fields=["slug"])
    Unit.objects.filter(name__in=BYSTYRET_UNITS).update(reports_to_byradet=False)


class Migration(migrations.Migration):
    dependencies = [
        ("circulars", "0006_mark_seeded_examples"),
        ("reporting", "0009_units_report_to_byradet"),
    ]

    operations = [
        migrations.RunPython(move_discrimination, migrations.RunPython.noop),
        migrations.RunPython(rename_ombud_column, migrations.RunPython.noop),
        migrations.RunPython(fix_units, migrations.RunPython.noop),
    ]
