"""Ids no database can hold: a 30-digit number in every id of every URL, and in the
report choices of the matrix's bulk actions. Nothing is there, so a 404 or a form
error on every database; never a 500 (SQLite cannot even hold the number)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.urls.converters import IntConverter

from reporting.models import Report
from tests.security.test_access_matrix import ROUTES, fill

HUGE = "1" * 30
# Nobody, the unit's own contact, and the widest role in the admin.
ROLES = ["anonymous", "owner_contact", "administrator"]
ADMIN_IDS = ("object_id", "id")  # the admin's own, matched as any text


def id_params(route) -> list[str]:
    converters = route.pattern.pattern.converters
    return [
        name
        for name in route.pattern.pattern.regex.groupindex
        if isinstance(converters.get(name), IntConverter) or name in ADMIN_IDS
    ]


CASES = [(route, param) for route in ROUTES for param in id_params(route)]


@pytest.mark.parametrize(
    ("route", "param"), CASES, ids=[f"{r.name}:{p}" for r, p in CASES]
)
def test_a_huge_id_in_a_url_finds_nothing_for_anyone(world, route, param):
    kwargs = {
        kwarg: str(
            fill(route.name, route.namespace, kwarg, world, route.pattern.callback)
        )
        for kwarg in route.pattern.pattern.regex.groupindex
    }
    kwargs[param] = HUGE
    path = route.path(kwargs) if param in ADMIN_IDS else None
    if path is None:
        # reverse() refuses what the URL does not match: put the id in by hand.
        real = route.path({**kwargs, param: "987654321"})
        path = real.replace("987654321", HUGE)
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if world.users[role] is not None:
            client.force_login(world.users[role])
        for method in ("GET", "POST"):
            response = client.generic(method, path)
            assert response.status_code < 500, f"{method} {path} as {role}"
            # The admin's catch-all takes what no admin URL matches and answers
            # as it does for any missing object (a redirect with a message).
            if route.namespace != "admin":
                assert response.status_code == 404, f"{method} {path} as {role}"


@pytest.mark.parametrize("chosen", [[HUGE], ["1" * 5000], ["-1"], ["x"]])
def test_a_huge_id_among_the_chosen_reports_is_a_form_error(world, chosen):
    client = Client()
    client.force_login(world.users["adviser"])
    response = client.post(
        reverse("reporting:matrix_bulk"),
        {"action": "approve", "reports": [str(world.report.pk), *chosen]},
        follow=True,
    )
    assert response.status_code == 200
    assert "er ikke en gyldig verdi" in response.content.decode()
    world.report.refresh_from_db()
    assert world.report.status == Report.Status.DRAFT
