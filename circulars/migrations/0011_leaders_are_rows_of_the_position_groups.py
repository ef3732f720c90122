"""«Ledere med minoritetsbakgrunn i % av alle ledere» is a share of the leader rows of
the position-group table, not of the whole table: the disclosure rule hides it where
those rows count 1–4 leaders or the share counts 1–4 of them, and no longer wherever
any position group's count is hidden."""

from django.db import migrations, models

LEADER_GROUPS = ["mellomleder", "avdelingssjef", "direktor"]


def name_the_leader_rows(apps, schema_editor):
    Question = apps.get_model("circulars", "Question")
    Question.objects.filter(
        section__topic="arbeidsgiver",
        key="ledere-minoritet",
        people_group="stillingsgrupper",
    ).update(people_rows=LEADER_GROUPS)


class Migration(migrations.Migration):
    dependencies = [
        ("circulars", "0010_position_groups_part_of_employees"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="people_rows",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text=(
                    "Bare for et tall om en del av gruppen i en tabell: nøklene til "
                    'radene som er delen, f.eks. ["mellomleder", "avdelingssjef", '
                    '"direktor"] for alle ledere. Tallet skjules da der delens antall '
                    "er 1–4, eller der andelen viser 1–4 personer."
                ),
                verbose_name="rader i gruppen",
            ),
        ),
        migrations.RunPython(name_the_leader_rows, migrations.RunPython.noop),
    ]
