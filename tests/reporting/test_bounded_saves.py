"""A save's work is bounded before it starts: who may save and whether the report
is open are checked before the posted data is read or a form is built; a list
grows by a few rows per save; and a request over the size limits gets the JSON
answer the page's script shows."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from reporting.forms.answers import NEW_LIST_ROWS
from reporting.services import save_section_answer, submit_report

pytestmark = pytest.mark.django_db


def url(answer, name="reporting:section_autosave"):
    return reverse(name, args=[answer.report_id, answer.section_id])


@pytest.fixture
def submitted(rich_answer, contact):
    save_section_answer(
        answer=rich_answer, data={"plan": "Plan."}, based_on=0, by=contact
    )
    submit_report(
        report=rich_answer.report,
        signed_off_name="Direktør",
        signed_off_title="",
        by=contact,
    )
    rich_answer.refresh_from_db()
    return rich_answer


def test_autosave_to_a_submitted_report_is_refused_before_the_form_is_read(
    client, contact, submitted
):
    client.force_login(contact)
    # Invalid data: a form built first would answer 400 with field errors.
    response = client.post(url(submitted), {"based_on": 1, "q__antall": "tolv"})
    assert response.status_code == 423
    assert "sendt inn" in response.json()["error"]
    assert "errors" not in response.json()


def test_a_huge_row_index_on_a_submitted_report_is_refused_at_once(
    client, contact, submitted
):
    client.force_login(contact)
    response = client.post(
        url(submitted), {"based_on": 999999, "q__tiltak__100000__tittel": "x"}
    )
    assert response.status_code == 423


def test_saving_a_submitted_report_says_it_is_locked_and_keeps_the_answers(
    client, contact, submitted
):
    client.force_login(contact)
    response = client.post(
        url(submitted, "reporting:section_edit"),
        {"based_on": 1, "q__antall": "tolv"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == submitted.report.get_absolute_url()
    assert "sendt inn og kan ikke endres" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.data == {"plan": "Plan."}


def test_an_adviser_cannot_save_the_units_answers(client, adviser, rich_answer):
    client.force_login(adviser)
    response = client.post(url(rich_answer), {"based_on": 0, "q__plan": "Nei"})
    assert response.status_code == 403


@pytest.mark.parametrize("index", [str(NEW_LIST_ROWS), "20000", "9" * 5000])
def test_list_rows_beyond_the_stored_ones_and_a_few_new_are_refused_clearly(
    client, contact, rich_answer, index
):
    client.force_login(contact)
    response = client.post(
        url(rich_answer),
        # Form-encoded: multipart refuses a 5 000-digit field name on its own.
        urlencode({"based_on": 0, f"q__tiltak__{index}__tittel": "Kurs"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    body = response.json()
    assert any("nye rader" in message for message in sum(body["errors"].values(), []))
    rich_answer.refresh_from_db()
    assert rich_answer.version == 0


def test_new_rows_within_the_limit_are_saved(client, contact, rich_answer):
    client.force_login(contact)
    last = NEW_LIST_ROWS - 1
    response = client.post(
        url(rich_answer),
        {
            "based_on": 0,
            "q__tiltak__0__tittel": "Kurs",
            f"q__tiltak__{last}__tittel": "Mentor",
        },
    )
    assert response.status_code == 200
    rich_answer.refresh_from_db()
    assert [row["tittel"] for row in rich_answer.data["tiltak"]] == ["Kurs", "Mentor"]


def test_the_limit_grows_with_the_rows_already_stored(client, contact, rich_answer):
    stored = [{"tittel": f"Tiltak {n}"} for n in range(30)]
    save_section_answer(
        answer=rich_answer, data={"tiltak": stored}, based_on=0, by=contact
    )
    client.force_login(contact)
    posted = {f"q__tiltak__{n}__tittel": f"Tiltak {n}" for n in range(30)}
    posted[f"q__tiltak__{30 + NEW_LIST_ROWS - 1}__tittel"] = "Nytt"
    response = client.post(url(rich_answer), {"based_on": 1, **posted})
    assert response.status_code == 200


def csrf_client(user, answer) -> tuple[Client, dict]:
    """A browser's client: the CSRF check runs, and reads the body first."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(url(answer, "reporting:section_edit"))
    return client, {
        "HTTP_X_CSRFTOKEN": client.cookies[settings.CSRF_COOKIE_NAME].value,
        "HTTP_ACCEPT": "application/json",
    }


def test_a_13_mb_autosave_gets_the_json_413_the_page_shows(contact, rich_answer):
    client, headers = csrf_client(contact, rich_answer)
    response = client.post(
        url(rich_answer),
        {"based_on": 0, "q__plan": "x" * (13 * 1024 * 1024)},
        **headers,
    )
    assert response.status_code == 413
    assert "for stort" in response.json()["error"]


def test_too_many_fields_get_the_json_413_too(contact, rich_answer):
    client, headers = csrf_client(contact, rich_answer)
    fields = {f"felt{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)}
    response = client.post(url(rich_answer), {"based_on": 0, **fields}, **headers)
    assert response.status_code == 413
    assert response.json()["error"]


def test_a_too_big_page_form_still_gets_the_error_page(contact, rich_answer):
    client, headers = csrf_client(contact, rich_answer)
    del headers["HTTP_ACCEPT"]
    response = client.post(
        url(rich_answer, "reporting:section_edit"),
        {"q__plan": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)},
        **headers,
    )
    assert response.status_code == 400
    assert "mer data enn portalen tar imot" in response.content.decode()
