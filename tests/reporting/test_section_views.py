import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from reporting.models import Report, SectionAnswerRevision
from reporting.services import save_section_answer

pytestmark = pytest.mark.django_db


def url(answer, name="reporting:section_edit"):
    return reverse(name, args=[answer.report_id, answer.section_id])


def test_a_draft_is_saved_with_required_answers_still_missing(
    client, contact, rich_answer
):
    client.force_login(contact)
    response = client.post(url(rich_answer), {"based_on": 0, "q__antall": "5"})
    assert response.status_code == 302
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"antall": 5}
    assert rich_answer.version == 1
    assert rich_answer.required_missing == 1
    page = client.get(response.url).content.decode()
    assert "Utkastet er lagret" in page


def test_bad_input_keeps_everything_typed_and_links_the_error_from_a_summary(
    client, contact, rich_answer
):
    client.force_login(contact)
    response = client.post(
        url(rich_answer),
        {"based_on": 0, "q__antall": "tolv", "q__plan": "Min lange tekst"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Skjemaet har feil" in page
    assert 'href="#id_q__antall"' in page
    assert "Min lange tekst" in page
    assert 'value="tolv"' in page
    rich_answer.refresh_from_db()
    assert rich_answer.version == 0


def test_autosave_returns_the_new_version_and_a_saved_status(
    client, contact, rich_answer
):
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 0, "q__plan": "Utkast"},
    )
    body = response.json()
    assert response.status_code == 200
    assert body["version"] == 1
    assert body["status"].startswith("Lagret ")
    assert body["required_missing"] == 0


def test_autosave_refuses_invalid_input_with_field_errors(client, contact, rich_answer):
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 0, "q__andel": "150"},
    )
    assert response.status_code == 400
    assert "q__andel" in response.json()["errors"]


def test_autosave_from_an_old_version_is_a_conflict_with_the_others_values(
    client, contact, rich_answer
):
    save_section_answer(
        answer=rich_answer, data={"plan": "Kollegaens tekst"}, based_on=0, by=contact
    )
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 0, "q__plan": "Min tekst"},
    )
    assert response.status_code == 409
    assert response.json()["saved"] == {"plan": "Kollegaens tekst"}
    assert response.json()["version"] == 1


def test_the_conflict_page_shows_both_versions_and_saving_again_replaces(
    client, contact, rich_answer
):
    save_section_answer(
        answer=rich_answer, data={"plan": "Kollegaens tekst"}, based_on=0, by=contact
    )
    client.force_login(contact)
    response = client.post(url(rich_answer), {"based_on": 0, "q__plan": "Min tekst"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "Kollegaens tekst" in page
    assert "Min tekst" in page
    assert 'name="based_on" value="1"' in page
    client.post(url(rich_answer), {"based_on": 1, "q__plan": "Min tekst"})
    rich_answer.refresh_from_db()
    assert rich_answer.data["plan"] == "Min tekst"


def test_a_submitted_report_cannot_be_saved(client, contact, rich_answer):
    report = rich_answer.report
    report.status = report.Status.SUBMITTED
    report.save()
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_autosave"), {"based_on": 0}
    )
    assert response.status_code == 423
    assert "sendt inn" in response.json()["error"]
    page = client.get(url(rich_answer)).content.decode()
    assert "Du kan lese svarene, men ikke endre dem" in page
    assert "Lagre utkast" not in page


def test_last_years_approved_answer_is_shown_and_can_be_copied(
    client, contact, unit, rich_answer
):
    from tests.reporting.conftest import approved_previous_report

    approved_previous_report(unit, rich_answer, {"plan": "Fjorårets plan", "antall": 7})
    client.force_login(contact)
    page = client.get(url(rich_answer)).content.decode()
    assert "Svar i 2025" in page
    assert "Fjorårets plan" in page
    client.post(url(rich_answer), {"based_on": 0, "q__navn": "Kari", "copy": "plan"})
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"navn": "Kari", "plan": "Fjorårets plan"}
    client.post(url(rich_answer), {"based_on": 1, "copy": "*"})
    rich_answer.refresh_from_db()
    assert rich_answer.data["antall"] == 7


def test_history_lists_who_saved_and_what_changed(client, contact, rich_answer):
    save_section_answer(
        answer=rich_answer, data={"plan": "Først"}, based_on=0, by=contact
    )
    save_section_answer(
        answer=rich_answer, data={"plan": "Siden"}, based_on=1, by=contact
    )
    assert SectionAnswerRevision.objects.filter(answer=rich_answer).count() == 2
    client.force_login(contact)
    page = client.get(url(rich_answer, "reporting:section_history")).content.decode()
    assert "Versjon 2" in page
    assert "Først" in page and "Siden" in page
    assert contact.get_full_name() in page


def stored_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_session_keepalive_renews_the_session_at_most_once_a_minute(client, contact):
    client.force_login(contact)
    keepalive = reverse("reporting:session_keepalive")
    first = client.post(keepalive)
    renewed_until = stored_expiry(client)
    second = client.post(keepalive)
    assert first.status_code == second.status_code == 200
    assert first.json()["session_seconds"] == settings.SESSION_COOKIE_AGE
    assert 0 < second.json()["session_seconds"] <= settings.SESSION_COOKIE_AGE
    # Autosave renews too, every few seconds: only the first one writes the session.
    assert stored_expiry(client) == renewed_until


def test_a_renewal_over_a_minute_old_is_renewed_again(client, contact):
    client.force_login(contact)
    client.post(reverse("reporting:session_keepalive"))
    session = client.session
    session["renewed_at"] -= 7200  # two hours of work without a renewal
    session.save()
    response = client.post(reverse("reporting:session_keepalive"))
    assert response.json()["session_seconds"] == settings.SESSION_COOKIE_AGE


def test_autosave_says_which_numbers_need_an_explanation(
    client, contact, unit, rich_answer
):
    from tests.reporting.conftest import approved_previous_report

    approved_previous_report(unit, rich_answer, {"plan": "Plan", "antall": 100})
    client.force_login(contact)
    autosave = url(rich_answer, "reporting:section_autosave")
    small = client.post(autosave, {"based_on": 0, "q__antall": "110"}).json()
    big = client.post(autosave, {"based_on": 1, "q__antall": "200"}).json()
    assert small["explain"] == []
    assert big["explain"] == ["antall"]
    client.post(
        autosave,
        {"based_on": 2, "q__antall": "200", "forklaring__antall": "Ny avdeling."},
    )
    rich_answer.refresh_from_db()
    assert rich_answer.data["_forklaringer"] == {"antall": "Ny avdeling."}
    page = client.get(url(rich_answer)).content.decode()
    assert "Tallet avviker mer enn 50 % fra i fjor" in page


def test_open_adviser_comments_show_on_the_report_and_section_pages(
    client, contact, adviser, rich_answer
):
    from reporting.models import ReviewComment

    ReviewComment.objects.create(
        report=rich_answer.report,
        section=rich_answer.section,
        author=adviser,
        text="Mangler tall for i fjor.",
    )
    client.force_login(contact)
    for page_url in (rich_answer.report.get_absolute_url(), url(rich_answer)):
        page = client.get(page_url).content.decode()
        assert "Mangler tall for i fjor." in page
        assert "Svar på kommentaren" in page


def test_the_autosave_status_follows_the_chosen_language(client, contact, rich_answer):
    client.force_login(contact)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    saved = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 0, "q__plan": "Draft"},
    ).json()
    assert saved["status"] == f"Saved {saved['saved_at']}"
    refused = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 1, "q__antall": "tolv"},
    ).json()
    assert refused["error"] == "Please correct the errors in the form."


def test_last_years_answers_come_from_the_latest_approved_report(unit, rich_answer):
    from reporting.selectors import last_years_answers, previous_answers
    from tests.reporting.conftest import approved_previous_report

    latest = approved_previous_report(unit, rich_answer, {"plan": "Siste godkjente"})
    approved_previous_report(unit, rich_answer, {"plan": "Godkjent før"})
    Report.objects.filter(pk=latest.pk).update(
        approved_at=timezone.now() + datetime.timedelta(hours=1)
    )
    report, topic = rich_answer.report, rich_answer.section.topic
    assert previous_answers(report)[topic] == {"plan": "Siste godkjente"}
    export = last_years_answers([report])
    assert export[(unit.pk, topic)] == {"plan": "Siste godkjente"}
