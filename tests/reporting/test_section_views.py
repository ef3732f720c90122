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


def test_bad_input_is_saved_as_typed_with_the_valid_values_and_summarised(
    client, contact, rich_answer
):
    client.force_login(contact)
    response = client.post(
        url(rich_answer),
        {
            "based_on": 0,
            "q__antall": "tolv",
            "q__andel": "120",
            "q__belop": "12.5",
            "q__plan": "Min lange tekst",
        },
    )
    assert response.status_code == 302
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"belop": 12.5, "plan": "Min lange tekst"}
    assert rich_answer.raw == {"q__antall": "tolv", "q__andel": "120"}
    assert rich_answer.invalid == 2
    page = client.get(response.url).content.decode()
    assert "2 svar er lagret slik du skrev dem" in page
    assert "Rett disse svarene før rapporten sendes inn" in page
    assert 'href="#id_q__antall"' in page
    assert 'href="#id_q__andel"' in page
    assert 'value="tolv"' in page
    assert 'value="120"' in page
    assert "Min lange tekst" in page


def test_correcting_the_typed_values_clears_them(client, contact, rich_answer):
    client.force_login(contact)
    client.post(url(rich_answer), {"based_on": 0, "q__antall": "tolv"})
    client.post(url(rich_answer), {"based_on": 1, "q__antall": "12"})
    rich_answer.refresh_from_db()
    assert (rich_answer.data, rich_answer.raw, rich_answer.invalid) == (
        {"antall": 12},
        {},
        0,
    )
    page = client.get(url(rich_answer)).content.decode()
    assert "Rett disse svarene" in page  # the summary is there for autosave,
    assert 'id="feiloppsummering" data-saved-note' in page
    assert "hidden>" in page.split('id="feiloppsummering"')[1].split("\n")[0]


def test_a_list_row_without_its_required_cell_is_kept_as_a_draft_row(
    client, contact, rich_answer
):
    client.force_login(contact)
    response = client.post(
        url(rich_answer),
        {
            "based_on": 0,
            "q__tiltak__0__status": "Planlagt",
            "q__plan": "Resten lagres",
        },
    )
    assert response.status_code == 302
    rich_answer.refresh_from_db()
    assert rich_answer.data["tiltak"] == [{"tittel": None, "status": "Planlagt"}]
    assert rich_answer.data["plan"] == "Resten lagres"
    assert rich_answer.invalid == 1
    page = client.get(url(rich_answer)).content.decode()
    assert "Fyll ut «Tiltak» eller fjern raden" in page
    assert 'href="#id_q__tiltak__0__tittel"' in page


def test_a_typed_cell_of_a_list_row_keeps_its_row_and_place(
    client, contact, rich_answer
):
    client.force_login(contact)
    client.post(
        url(rich_answer),
        {
            "based_on": 0,
            "q__tiltak__0__tittel": "Fjernes",
            "q__tiltak__0__DELETE": "on",
            "q__tiltak__1__tittel": "x" * 600,
        },
    )
    rich_answer.refresh_from_db()
    assert rich_answer.data["tiltak"] == [{"tittel": None, "status": None}]
    assert rich_answer.raw == {"q__tiltak__0__tittel": "x" * 600}
    page = client.get(url(rich_answer)).content.decode()
    assert "x" * 600 in page


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


def test_autosave_saves_invalid_input_and_answers_its_messages(
    client, contact, rich_answer
):
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 0, "q__andel": "150", "q__plan": "Gyldig"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert list(body["errors"]) == ["q__andel"]
    assert body["summary"][0]["id"] == "id_q__andel"
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"plan": "Gyldig"}
    assert rich_answer.raw == {"q__andel": "150"}


def test_autosave_refuses_a_request_without_its_version(client, contact, rich_answer):
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_autosave"), {"q__plan": "Tekst"}
    )
    assert response.status_code == 400
    rich_answer.refresh_from_db()
    assert rich_answer.version == 0


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


def test_last_years_answer_is_shown_and_copied_only_after_a_confirm_page(
    client, contact, unit, rich_answer
):
    from tests.reporting.conftest import approved_previous_report

    approved_previous_report(unit, rich_answer, {"plan": "Fjorårets plan", "antall": 7})
    client.force_login(contact)
    page = client.get(url(rich_answer)).content.decode()
    assert "Svar i 2025" in page
    assert "Fjorårets plan" in page
    response = client.post(
        url(rich_answer), {"based_on": 0, "q__plan": "Min plan", "copy": "plan"}
    )
    assert response.status_code == 302
    confirm = client.get(response.url).content.decode()
    assert "Min plan" in confirm and "Fjorårets plan" in confirm
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"plan": "Min plan"}  # one's own, as typed
    filled = client.get(url(rich_answer), {"fra_i_fjor": "plan"}).content.decode()
    assert "Fjorårets plan</textarea>" in filled
    assert "Ingenting er lagret ennå" in filled
    rich_answer.refresh_from_db()
    assert rich_answer.data == {"plan": "Min plan"}
    assert "Min plan</textarea>" in client.get(url(rich_answer)).content.decode()


def test_the_confirm_page_is_only_for_the_units_people_while_open(
    client, adviser, contact, unit, rich_answer
):
    from tests.reporting.conftest import approved_previous_report

    approved_previous_report(unit, rich_answer, {"plan": "Fjorårets plan"})
    copy_url = url(rich_answer, "reporting:section_copy") + "?sporsmal=*"
    client.force_login(adviser)
    assert client.get(copy_url).status_code == 403
    client.force_login(contact)
    assert client.get(copy_url).status_code == 200
    nothing = url(rich_answer, "reporting:section_copy") + "?sporsmal=antall"
    assert client.get(nothing).status_code == 302


def test_an_older_version_is_restored_as_a_new_version(client, contact, rich_answer):
    from reporting.models import ReportEvent

    client.force_login(contact)
    client.post(url(rich_answer), {"based_on": 0, "q__plan": "Først", "q__antall": "x"})
    client.post(url(rich_answer), {"based_on": 1, "q__plan": "Siden"})
    history = client.get(url(rich_answer, "reporting:section_history"))
    assert history.content.decode().count("Gjenopprett denne versjonen") == 1
    response = client.post(
        url(rich_answer, "reporting:section_restore"), {"version": "1"}
    )
    assert response.status_code == 302
    rich_answer.refresh_from_db()
    assert rich_answer.version == 3
    assert rich_answer.data == {"plan": "Først"}
    assert rich_answer.raw == {"q__antall": "x"}
    assert rich_answer.revisions.count() == 3
    event = ReportEvent.objects.get(action=ReportEvent.Action.RESTORED)
    assert event.actor == contact and "Versjon 1" in event.reason


def test_restoring_a_version_that_does_not_exist_says_so(client, contact, rich_answer):
    client.force_login(contact)
    response = client.post(
        url(rich_answer, "reporting:section_restore"), {"version": "99"}, follow=True
    )
    assert "Den versjonen finnes ikke" in response.content.decode()
    rich_answer.refresh_from_db()
    assert rich_answer.version == 0


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
    kept = client.post(
        url(rich_answer, "reporting:section_autosave"),
        {"based_on": 1, "q__antall": "tolv"},
    ).json()
    assert kept["status"] == f"Saved {kept['saved_at']}"
    assert list(kept["errors"]) == ["q__antall"]


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


def test_a_value_not_valid_yet_blocks_only_submitting_and_is_listed(
    client, contact, rich_answer
):
    from reporting.submission import submission_problems

    def typed_problems():
        problems = submission_problems(rich_answer.report)
        return [p.url.split("#")[1] for p in problems if "#id_q__" in p.url]

    client.force_login(contact)
    client.post(
        url(rich_answer), {"based_on": 0, "q__plan": "Ferdig", "q__andel": "120"}
    )
    page = client.get(
        reverse("reporting:report_submit", args=[rich_answer.report_id])
    ).content.decode()
    assert f"{url(rich_answer)}#id_q__andel" in page
    assert typed_problems() == ["id_q__andel"]
    assert "andel" not in rich_answer.report.answers.get().data
    client.post(
        url(rich_answer), {"based_on": 1, "q__plan": "Ferdig", "q__andel": "12"}
    )
    rich_answer.refresh_from_db()
    assert rich_answer.invalid == 0 and rich_answer.data["andel"] == 12
    assert typed_problems() == []
