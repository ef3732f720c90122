import pytest
from django.urls import reverse

from reporting.models import ReportEvent
from reporting.services import save_section_answer

pytestmark = pytest.mark.django_db

SIGN_OFF = {
    "signed_off_name": "Berit Bydelsdirektør",
    "signed_off_title": "Bydelsdirektør",
    "confirmed": "on",
}


def test_submit_page_lists_what_is_missing_with_links(client, contact, rich_answer):
    client.force_login(contact)
    page = client.get(
        reverse("reporting:report_submit", args=[rich_answer.report_id])
    ).content.decode()
    assert "Dette mangler" in page
    assert (
        reverse(
            "reporting:section_edit",
            args=[rich_answer.report_id, rich_answer.section_id],
        )
        in page
    )
    response = client.post(
        reverse("reporting:report_submit", args=[rich_answer.report_id]), SIGN_OFF
    )
    page = response.content.decode()
    assert "Rapporten kan ikke sendes inn: «" in page
    assert "» – er ikke besvart." in page
    rich_answer.report.refresh_from_db()
    assert rich_answer.report.status == "draft"


def test_a_complete_report_is_submitted_once_and_then_locked(
    client, contact, rich_answer
):
    save_section_answer(
        answer=rich_answer, data={"plan": "Ferdig"}, based_on=0, by=contact
    )
    client.force_login(contact)
    url = reverse("reporting:report_submit", args=[rich_answer.report_id])
    first = client.post(url, SIGN_OFF)
    second = client.post(url, SIGN_OFF)
    assert first.status_code == second.status_code == 302
    report = rich_answer.report
    report.refresh_from_db()
    assert report.status == "submitted"
    assert report.submitted_by == contact
    assert report.signed_off_name == "Berit Bydelsdirektør"
    assert report.events.filter(action=ReportEvent.Action.SUBMITTED).count() == 1
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Sendt inn" in page
    assert "låst for endringer" in page


def test_submit_asks_who_signed_off(client, contact, rich_answer):
    save_section_answer(
        answer=rich_answer, data={"plan": "Ferdig"}, based_on=0, by=contact
    )
    client.force_login(contact)
    response = client.post(
        reverse("reporting:report_submit", args=[rich_answer.report_id]),
        {"signed_off_name": "", "signed_off_title": "Sjef"},
    )
    page = response.content.decode()
    assert "Feltet er påkrevet" in page
    assert "gyldig valg" in page


def test_a_number_that_moved_beyond_its_threshold_needs_an_explanation_to_submit(
    client, contact, unit, rich_answer
):
    from tests.reporting.conftest import approved_previous_report

    approved_previous_report(unit, rich_answer, {"plan": "Plan", "antall": 100})
    save_section_answer(
        answer=rich_answer,
        data={"plan": "Ferdig", "antall": 200},
        based_on=0,
        by=contact,
    )
    client.force_login(contact)
    url = reverse("reporting:report_submit", args=[rich_answer.report_id])
    page = client.get(url).content.decode()
    assert "Dette mangler" in page
    assert "endringen fra i fjor må forklares" in page
    edit = reverse(
        "reporting:section_edit", args=[rich_answer.report_id, rich_answer.section_id]
    )
    assert f"{edit}#id_forklaring__antall" in page
    response = client.post(url, SIGN_OFF)
    assert "endringen fra i fjor må forklares." in response.content.decode()
    rich_answer.report.refresh_from_db()
    assert rich_answer.report.status == "draft"

    save_section_answer(
        answer=rich_answer,
        data={
            "plan": "Ferdig",
            "antall": 200,
            "_forklaringer": {"antall": "Ny avdeling."},
        },
        based_on=1,
        by=contact,
    )
    assert client.post(url, SIGN_OFF).status_code == 302
    rich_answer.report.refresh_from_db()
    assert rich_answer.report.status == "submitted"


def test_a_small_change_or_a_table_total_within_threshold_needs_no_explanation(
    contact, unit, rich_answer
):
    from reporting.services import missing_explanations
    from tests.reporting.conftest import approved_previous_report

    approved_previous_report(unit, rich_answer, {"plan": "Plan", "antall": 100})
    save_section_answer(
        answer=rich_answer,
        data={"plan": "Ferdig", "antall": 140},
        based_on=0,
        by=contact,
    )
    assert missing_explanations(rich_answer.report) == []


def test_a_table_total_that_moved_beyond_its_threshold_needs_an_explanation(
    contact, unit
):
    from circulars.services import publish_circular
    from reporting.models import Report
    from reporting.services import missing_explanations
    from tests import factories
    from tests.reporting.conftest import approved_previous_report

    circular = factories.CircularFactory(audience=[unit.kind])
    section = factories.SectionFactory(circular=circular, topic="arbeidsgiver")
    factories.QuestionFactory(section=section, key="ansatte", table=True)
    question = section.questions.get()
    question.change_threshold = 10
    question.save()
    publish_circular(circular=circular, by=None)
    answer = Report.objects.get(circular=circular, unit=unit).answers.get()
    row, column = question.rows[0]["key"], question.columns[0]["key"]
    approved_previous_report(unit, answer, {"ansatte": {row: {column: 10}}})
    save_section_answer(
        answer=answer, data={"ansatte": {row: {column: 20}}}, based_on=0, by=contact
    )
    [(unexplained, questions)] = missing_explanations(answer.report)
    assert unexplained == answer
    assert [q.key for q in questions] == ["ansatte"]


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("bydel", "Bydelsdirektør"),
        ("etat", "Etatsdirektør"),
        ("foretak", "Administrerende direktør"),
        ("byradsavdeling", "Kommunaldirektør"),
    ],
)
def test_sign_off_titles_follow_the_units_kind(kind, title):
    from reporting.forms.report import SubmitForm
    from tests.factories import UnitFactory

    form = SubmitForm(unit=UnitFactory(kind=kind))
    offered = [label for _value, label in form.fields["signed_off_title"].choices]
    assert offered[1:] == [title, "Virksomhetsleder", "Annen tittel"]


def test_another_title_is_typed_and_kept(unit):
    from reporting.forms.report import SubmitForm

    data = {"signed_off_name": "Ola", "signed_off_title": "annet", "confirmed": "on"}
    assert not SubmitForm(data, unit=unit).is_valid()
    form = SubmitForm(
        {**data, "signed_off_title_other": "Konstituert direktør"}, unit=unit
    )
    assert form.is_valid()
    assert form.cleaned_data["signed_off_title"] == "Konstituert direktør"
    again = SubmitForm(unit=unit, initial={"signed_off_title": "Konstituert direktør"})
    assert again.initial["signed_off_title_other"] == "Konstituert direktør"
