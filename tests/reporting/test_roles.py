"""The roles are kept in one place: reporting.roles.ROLES, synced after migrate."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from reporting.permissions import ADMIN_GROUP
from reporting.roles import ROLES

pytestmark = pytest.mark.django_db


def codes(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_each_role_holds_exactly_the_permissions_listed_for_it():
    for name, listed in ROLES.items():
        assert codes(Group.objects.get(name=name)) == set(listed)


def test_a_permission_given_to_a_role_by_hand_is_taken_back_at_the_next_migrate():
    administrators = Group.objects.get(name=ADMIN_GROUP)
    administrators.permissions.add(Permission.objects.get(codename="delete_user"))
    call_command("migrate", verbosity=0)
    assert "auth.delete_user" not in codes(administrators)
