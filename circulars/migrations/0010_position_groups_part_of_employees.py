"""The seeded position-group table counts a breakdown of all employees: its rows
add up to «Antall ansatte», so the disclosure rule protects each against the other."""

from django.db import migrations


def mark_breakdown(apps, schema_editor):
    Question = apps.get_model("circulars", "Question")
    Question.objects.filter(
        section__topic="arbeidsgiver", key="stillingsgrupper", people_group=""
    ).update(people_group="ansatte")


class Migration(migrations.Migration):
    dependencies = [
        ("circulars", "0009_every_other_year"),
    ]

    operations = [
        migrations.RunPython(mark_breakdown, migrations.RunPython.noop),
    ]
