import pytest
from django.urls import reverse

from circulars.models import Question, UnitKind
from circulars.services import publish_circular
from reporting.comparison import word_diff
from reporting.models import Report
from reporting.services import approve_report, save_section_answer, submit_report
from tests import factories


def test_word_diff_marks_removed_and_added_words():
    assert word_diff("Vi har en plan", "Vi har ingen plan") == [
        ("equal", "Vi har"),
        ("delete", "en"),
        ("insert", "ingen"),
        ("equal", "plan"),
    ]


def _year(year, unit, contact, adviser, answers, approve):
    circular = factories.CircularFactory(
        audience=[UnitKind.BYDEL], year=year, reporting_year=year
    )
    section = factories.SectionFactory(
        circular=circular, number="4.3.2", topic="universell-utforming"
    )
    factories.QuestionFactory(section=section, key="vurdering", required=True)
    factories.QuestionFactory(section=section, key="bygg", kind=Question.Kind.INTEGER)
    factories.QuestionFactory(section=section, key="arp", table=True)
    factories.QuestionFactory(section=section, key="tiltak", measures=True)
    publish_circular(circular=circular, by=None)
    report = Report.objects.get(circular=circular, unit=unit)
    answer = report.answers.get()
    save_section_answer(answer=answer, data=answers, based_on=0, by=contact)
    report = submit_report(
        report=report, signed_off_name="Berit", signed_off_title="", by=contact
    )
    return approve_report(report=report, by=adviser) if approve else report


@pytest.mark.django_db
def test_review_page_shows_every_kind_beside_last_years_approved_answers(
    client, unit, contact, adviser
):
    _year(
        2025,
        unit,
        contact,
        adviser,
        {
            "vurdering": "Vi har en plan for bygg",
            "bygg": 10,
            "arp": {"ledere": {"kvinner": 4, "menn": 6}},
            "tiltak": [{"tittel": "Rampe ved inngangen", "status": "Planlagt"}],
        },
        approve=True,
    )
    report = _year(
        2026,
        unit,
        contact,
        adviser,
        {
            "vurdering": "Vi har en ny plan for bygg",
            "bygg": 15,
            "arp": {"ledere": {"kvinner": 5, "menn": 6}},
            "tiltak": [{"tittel": "Heis i rådhuset", "status": "Gjennomført"}],
        },
        approve=False,
    )
    client.force_login(adviser)
    page = client.get(reverse("reporting:review_report", args=[report.pk]))
    html = page.content.decode()
    # The added word is marked up and announced in words, not by colour alone.
    assert '<ins><span class="pkt-sr-only">[lagt til: </span>ny<' in html
    assert "økt med 5 (+50,0 %)" in html
    assert '<th scope="row">Ledere</th>' in html
    assert "økt med 1 (+25,0 %)" in html
    assert "Heis i rådhuset" in html
    assert "I fjor: 1 rad" in html and "Rampe ved inngangen" in html
    assert "Historikk for 4.3.2" in html


@pytest.mark.django_db
def test_without_an_approved_report_last_year_nothing_is_compared(
    client, unit, contact, adviser
):
    report = _year(
        2026, unit, contact, adviser, {"vurdering": "Første år", "bygg": 3}, False
    )
    client.force_login(adviser)
    html = client.get(reverse("reporting:review_report", args=[report.pk])).content
    assert b"I fjor" not in html
    assert b"F\xc3\xb8rste \xc3\xa5r" in html
