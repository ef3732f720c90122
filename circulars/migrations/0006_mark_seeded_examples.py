"""The yearly circulars seeded by round one carried invented archive data
(saksnummer «<year>0<number>-1», arkivkode «210»): mark them as examples and
drop the invented data, so nothing fake stays public in the library."""

from django.db import migrations


def mark_examples(apps, schema_editor):
    Circular = apps.get_model("circulars", "Circular")
    for circular in Circular.objects.filter(archive_code="210"):
        if circular.case_number == f"{circular.year}0{circular.number:04d}-1":
            circular.example = True
            circular.case_number = ""
            circular.archive_code = ""
            circular.save(update_fields=["example", "case_number", "archive_code"])


class Migration(migrations.Migration):
    dependencies = [("circulars", "0005_example_and_archive_formats")]

    operations = [migrations.RunPython(mark_examples, migrations.RunPython.noop)]
