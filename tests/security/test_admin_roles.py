"""The Administrator role in the admin: it manages people and their portal roles,
but superuser status, permissions of a person's own, other groups, login attempts,
task results and deleting people are a superuser's alone."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from reporting.permissions import ADVISER_GROUP, CONTACT_GROUP
from tests import factories
from tests.forms import read_form
from tests.security.admin_pages import superuser_only_pages
from tests.security.test_access_matrix import ROUTES, fill

FORBIDDEN = sorted(superuser_only_pages())


def test_the_forbidden_pages_are_the_ones_the_role_lacks():
    assert {
        "admin:axes_accessattempt_changelist",
        "admin:axes_accesslog_change",
        "admin:auth_group_changelist",
        "admin:auth_group_add",
        "admin:auth_user_delete",
        "admin:django_tasks_database_dbtaskresult_changelist",
    } <= set(FORBIDDEN)
    assert "admin:auth_user_change" not in FORBIDDEN
    assert "admin:circulars_circular_change" not in FORBIDDEN


@pytest.mark.parametrize("name", FORBIDDEN)
def test_the_administrator_is_refused_a_page_of_a_superuser(world, name):
    route = next(r for r in ROUTES if r.name == name)
    kwargs = {
        kwarg: str(fill(name, route.namespace, kwarg, world, route.pattern.callback))
        for kwarg in route.pattern.pattern.regex.groupindex
    }
    path = route.path(kwargs)
    administrator = Client()
    administrator.force_login(world.users["administrator"])
    assert administrator.get(path).status_code == 403
    assert administrator.post(path).status_code == 403


def change_user(client, user, **changes):
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = read_form(client.get(url).content.decode(), "user_form").data
    data.update(changes)
    return client.post(url, data)


@pytest.fixture
def administrator(world):
    client = Client()
    client.force_login(world.users["administrator"])
    return client, world.users["administrator"]


def test_an_administrator_cannot_make_themselves_superuser(administrator):
    client, me = administrator
    url = reverse("admin:auth_user_change", args=[me.pk])
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page
    everything = Permission.objects.values_list("pk", flat=True)
    response = change_user(
        client,
        me,
        is_superuser="on",
        user_permissions=[str(pk) for pk in everything],
        first_name="Ny",
    )
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.first_name == "Ny"
    assert not me.is_superuser
    assert not me.user_permissions.exists()


def test_an_administrator_gives_portal_roles_but_no_other_group(administrator, world):
    client, _me = administrator
    person = world.users["other_contact"]
    staff = Group.objects.create(name="Driftsteam")
    staff.permissions.set(Permission.objects.all())
    kept = Group.objects.create(name="Gitt av superbruker")
    person.groups.add(kept)
    adviser = Group.objects.get(name=ADVISER_GROUP)
    contact = Group.objects.get(name=CONTACT_GROUP)
    refused = change_user(client, person, groups=[str(staff.pk)])
    assert refused.status_code == 200
    assert "errorlist" in refused.content.decode()
    assert not person.groups.filter(pk=staff.pk).exists()
    response = change_user(client, person, groups=[str(adviser.pk), str(contact.pk)])
    assert response.status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {
        ADVISER_GROUP,
        CONTACT_GROUP,
        kept.name,
    }


def test_an_administrator_cannot_change_a_superuser_or_their_password(administrator):
    client, _me = administrator
    root = factories.UserFactory(is_staff=True, is_superuser=True, username="rot")
    change = reverse("admin:auth_user_change", args=[root.pk])
    password = reverse("admin:auth_user_password_change", args=[root.pk])
    assert client.get(change).status_code == 200  # read-only
    assert client.post(change, {"username": "kapret"}).status_code == 403
    assert (
        client.post(
            password, {"password1": "Nytt-passord-42", "password2": "Nytt-passord-42"}
        ).status_code
        == 403
    )
    root.refresh_from_db()
    assert root.username == "rot"
    assert root.check_password("passord-for-test-123")


def test_a_superuser_still_grants_everything(world):
    client = Client()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    person = world.users["other_contact"]
    response = change_user(client, person, is_superuser="on")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_superuser
