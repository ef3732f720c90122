"""Once created the portal's roles; they are now kept by one mechanism only.

`reporting.roles.sync_roles_after_migrate` runs after every `migrate` (and every
`flush`, which tests do often) and creates each role's group with its
permissions, so this migration no longer does anything. It stays because later
migrations depend on it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("circulars", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, elidable=True)]
