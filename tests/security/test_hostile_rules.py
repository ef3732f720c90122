"""Hostile values in the fields the circular adds to a section: computed cells,
the «Annet» text, conditional questions and explanations of broken rules."""

import pytest
from django.test import Client
from django.urls import reverse

from reporting.services import save_section_answer
from tests.hostile import HOSTILE_VALUES, shown_raw
from tests.reporting.rules_world import ruled_answer
from tests.security.test_hostile_fields import ERROR_MARKS, field_names, html_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(unit, contact):
    answer = ruled_answer(unit)
    # A broken explainable rule, so its explanation field is on the page.
    save_section_answer(
        answer=answer,
        data={"lonn": 180, "samarbeid": True, "hvordan": ["Annet"]},
        based_on=answer.version,
        by=contact,
    )
    client = Client()
    client.force_login(contact)
    url = reverse("reporting:section_edit", args=[answer.report_id, answer.section_id])
    return answer, client, url


@pytest.mark.parametrize("value_name", HOSTILE_VALUES)
def test_a_hostile_value_in_every_derived_field_is_refused_or_saved_inert(
    section, value_name
):
    answer, client, url = section
    value = HOSTILE_VALUES[value_name]
    names = field_names(html_of(client.get(url)), "section-form")
    assert {"annet__hvordan", "regelforklaring__lonn-over"} <= names
    assert "q__samarbeid-tekst" in names
    answer.refresh_from_db()
    response = client.post(
        url, {"based_on": answer.version, **dict.fromkeys(names, value)}
    )
    html = html_of(response)
    assert not shown_raw(value, html)
    if response.status_code != 302:
        assert any(mark in html for mark in ERROR_MARKS)
    answer.refresh_from_db()
    assert "midlertidige-andel" not in answer.data  # never typed, only computed
    for shown in (
        url,
        reverse("reporting:report_submit", args=[answer.report_id]),
        reverse("reporting:report_detail", args=[answer.report_id]),
    ):
        assert not shown_raw(value, html_of(client.get(shown)))


@pytest.mark.parametrize("value_name", HOSTILE_VALUES)
def test_a_hostile_annet_text_or_explanation_is_stored_inert_or_refused(
    section, value_name
):
    answer, client, url = section
    value = HOSTILE_VALUES[value_name]
    answer.refresh_from_db()
    response = client.post(
        url,
        {
            "based_on": answer.version,
            "q__lonn": "180",
            "q__samarbeid": "ja",
            "q__hvordan": ["Annet"],
            "annet__hvordan": value,
            "regelforklaring__lonn-over": value,
            "q__samarbeid-tekst": value,
        },
    )
    html = html_of(response)
    assert not shown_raw(value, html)
    answer.refresh_from_db()
    fits = value.strip() and "\x00" not in value and len(value) <= 500
    if response.status_code == 302 and fits:
        assert answer.data["_annet"]["hvordan"].strip() == value.strip()
    elif response.status_code == 302 and value.strip():
        assert answer.invalid  # kept as typed, with its message, in the draft
    elif response.status_code != 302:
        assert any(mark in html for mark in ERROR_MARKS)
    for shown in (url, reverse("reporting:report_submit", args=[answer.report_id])):
        assert not shown_raw(value, html_of(client.get(shown)))
