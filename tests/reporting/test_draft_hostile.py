"""Hostile input typed into a draft is kept as typed, inert, and never a 500."""

import pytest
from django.urls import reverse

from tests import factories
from tests.hostile import HOSTILE_VALUES, shown_raw

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_hostile_values_in_numbers_texts_and_list_cells_are_kept_inert(
    client, contact, rich_answer, value
):
    client.force_login(contact)
    args = [rich_answer.report_id, rich_answer.section_id]
    response = client.post(
        reverse("reporting:section_autosave", args=args),
        {
            "based_on": 0,
            "q__antall": value,
            "q__navn": value,
            "q__dato": value,
            "q__tiltak__0__tittel": value,
        },
    )
    assert response.status_code == 200
    rich_answer.refresh_from_db()
    assert "antall" not in rich_answer.data
    page = client.get(reverse("reporting:section_edit", args=args)).content.decode()
    assert not shown_raw(value, page)
    copy = reverse("reporting:section_copy", args=args)
    for param in ("sporsmal", "fra_i_fjor"):
        assert client.get(copy, {param: value[:2000]}).status_code in (200, 302)
    restore = reverse("reporting:section_restore", args=args)
    assert client.post(restore, {"version": value[:2000]}).status_code == 302


def test_a_hidden_question_keeps_no_typed_value_and_blocks_nothing(client, unit):
    from tests.reporting.rules_world import ruled_answer

    answer = ruled_answer(unit)
    client.force_login(factories.contact_of(unit))
    args = [answer.report_id, answer.section_id]
    saved = client.post(
        reverse("reporting:section_autosave", args=args),
        {"based_on": 0, "q__samarbeid": "nei", "q__samarbeid-tekst": "x" * 20_000},
    ).json()
    assert saved["errors"] == {}
    answer.refresh_from_db()
    assert (answer.raw, answer.invalid) == ({}, 0)
    shown = client.post(
        reverse("reporting:section_autosave", args=args),
        {"based_on": 1, "q__samarbeid": "ja", "q__samarbeid-tekst": "x" * 20_000},
    ).json()
    assert list(shown["errors"]) == ["q__samarbeid-tekst"]
