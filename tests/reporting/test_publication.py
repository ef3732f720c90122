"""The byråd's words in the consolidated report: advisers write a summary and an
assessment per topic (drafts, preview, who wrote and when); the report opens with
the ready ones, then a method chapter made from the data."""

import pytest
from django.urls import reverse
from pypdf import PdfReader

from circulars.models import UnitKind
from reporting.errors import NotAllowed, ReportingError
from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.opening import opening_content
from reporting.models import Commentary, Report
from reporting.services.publication import save_commentary, save_publication
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill


@pytest.fixture
def year(db):
    every_kind_circular()
    return 2026


def test_a_draft_stays_out_of_the_report_until_it_is_marked_ready(year):
    adviser = factories.adviser(first_name="Rita", last_name="Rådgiver")
    save_commentary(
        year=year, topic="arbeidsgiver", text="Første tanke.", ready=False, by=adviser
    )
    assert (
        opening_content(year, UnitKind.values, {"arbeidsgiver": "4.7 A"})["assessments"]
        == []
    )
    commentary = save_commentary(
        year=year, topic="arbeidsgiver", text="Flere kvinner.", ready=True, by=adviser
    )
    opening = opening_content(year, UnitKind.values, {"arbeidsgiver": "4.7 A"})
    assert opening["assessments"] == [{"title": "4.7 A", "text": "Flere kvinner."}]
    assert [(r.text, r.by) for r in commentary.revisions.all()] == [
        ("Flere kvinner.", adviser),
        ("Første tanke.", adviser),
    ]


@pytest.mark.parametrize(
    ("topic", "text", "ready"),
    [("finnes-ikke", "Tekst", False), ("", "   ", True)],
    ids=["unknown topic", "empty text marked ready"],
)
def test_a_text_the_report_cannot_hold_is_refused(year, topic, text, ready):
    with pytest.raises(ReportingError):
        save_commentary(
            year=year, topic=topic, text=text, ready=ready, by=factories.adviser()
        )
    assert not Commentary.objects.exists()


def test_a_contact_may_not_write_the_byrads_words(year):
    unit = factories.UnitFactory()
    with pytest.raises(NotAllowed):
        save_commentary(
            year=year,
            topic="",
            text="Alt vel.",
            ready=True,
            by=factories.contact_of(unit),
        )
    with pytest.raises(NotAllowed):
        save_publication(
            year=year, publisher=None, case_number="1", by=factories.contact_of(unit)
        )


def test_the_pages_refuse_everyone_but_advisers_and_administrators(client, year):
    unit = factories.UnitFactory()
    urls = [
        reverse("reporting:publication_overview", args=[year]),
        reverse("reporting:summary_edit", args=[year]),
        reverse("reporting:assessment_edit", args=[year, "arbeidsgiver"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    client.force_login(factories.contact_of(unit))
    for url in urls:
        assert client.get(url).status_code == 403
        assert client.post(url, {"text": "x", "action": "ready"}).status_code == 403
    assert not Commentary.objects.exists()
    client.force_login(factories.administrator())
    assert client.get(urls[2]).status_code == 200
    assert (
        client.get(reverse("reporting:assessment_edit", args=[year, "x"])).status_code
        == 404
    )
    assert (
        client.get(reverse("reporting:publication_overview", args=[1999])).status_code
        == 404
    )


def test_an_adviser_previews_saves_a_draft_and_marks_it_ready(client, year):
    adviser = factories.adviser(first_name="Rita", last_name="Rådgiver")
    client.force_login(adviser)
    url = reverse("reporting:summary_edit", args=[year])
    page = client.post(
        url, {"text": "Året i korte trekk.\n\nAndre avsnitt.", "action": "preview"}
    )
    assert "<p>Året i korte trekk.</p>" in page.content.decode()
    assert "Forhåndsvisning" in page.content.decode()
    assert not Commentary.objects.exists()
    client.post(url, {"text": "Året i korte trekk.", "action": "draft"})
    assert Commentary.objects.get().status == Commentary.Status.DRAFT
    response = client.post(url, {"text": "Året i korte trekk.", "action": "ready"})
    assert response.status_code == 302
    overview = client.get(response.headers["Location"]).content.decode()
    assert "Klar til publisering" in overview and "Rita Rådgiver" in overview
    page = client.get(url).content.decode()
    assert "Tidligere versjoner" in page and page.count("Rita Rådgiver") >= 2


def test_the_overview_asks_a_fixed_number_of_queries(
    client, year, django_assert_max_num_queries
):
    adviser = factories.adviser()
    for topic in ["", "arbeidsgiver"]:
        save_commentary(year=year, topic=topic, text="Tekst", ready=True, by=adviser)
    client.force_login(adviser)
    with django_assert_max_num_queries(12):
        client.get(reverse("reporting:publication_overview", args=[year]))


def test_the_report_opens_with_the_byrads_words_and_says_how_it_was_made(db):
    adviser = factories.adviser()
    every_kind_circular(audience=(UnitKind.BYDEL, UnitKind.ETAT))
    publisher = factories.UnitFactory(
        kind=UnitKind.BYRADSAVDELING, name="Byrådsavdeling for finans", slug="finans"
    )
    for index, kind in enumerate([UnitKind.BYDEL, UnitKind.ETAT, UnitKind.ETAT]):
        unit = factories.UnitFactory(kind=kind, slug=f"enhet-{index}")
        report = Report.objects.get(unit=unit)
        fill(report, answers(index), by=None, approve_by=adviser if index else None)
    save_publication(
        year=2026, publisher=publisher, case_number="202700123-4", by=adviser
    )
    save_commentary(
        year=2026, topic="", text="Året i korte trekk.", ready=True, by=adviser
    )
    save_commentary(
        year=2026, topic="arbeidsgiver", text="Flere kvinner.", ready=True, by=adviser
    )
    path = build_consolidated(Selection(year=2026))[0]
    pages = [page.extract_text() for page in PdfReader(path).pages]
    cover = pages[0]
    assert "Byrådsavdeling for finans" in cover and "202700123-4" in cover
    summary = next(i for i, page in enumerate(pages) if "Året i korte trekk." in page)
    method = next(i for i, page in enumerate(pages) if "Hvem skulle rapportere" in page)
    chapter = next(i for i, page in enumerate(pages) if "Statistikk på tvers" in page)
    assert summary < method < chapter
    assert "Flere kvinner." in pages[summary + 1] or "Flere kvinner." in pages[summary]
    lines = pages[method].splitlines()
    # Due, delivered, response rate: the bydel never submitted, both etater did.
    assert next(x for x in lines if x.startswith("Bydeler ")).split()[1:4] == [
        "1",
        "0",
        "0",
    ]
    assert next(x for x in lines if x.startswith("Etater ")).split()[1:4] == [
        "2",
        "2",
        "100",
    ]
    assert "4.7 Arbeidsgiverrollen" in pages[method]  # what was asked
    assert "1–4" in pages[method] and "«<5»" in pages[method]  # disclosure rule


def test_the_export_page_says_what_the_report_would_go_out_without(client, year):
    adviser = factories.adviser()
    client.force_login(adviser)
    page = client.get(reverse("reporting:export_start")).content.decode()
    assert "Sammenstillingen 2026 blir til nå uten:" in page
    for gap in ["utgiver", "saksnummer", "sammendrag", "vurdering av"]:
        assert gap in page
    publisher = factories.UnitFactory(kind=UnitKind.BYRADSAVDELING, slug="finans")
    save_publication(
        year=year, publisher=publisher, case_number="202700123-4", by=adviser
    )
    for topic in ["", "arbeidsgiver"]:
        save_commentary(year=year, topic=topic, text="Tekst", ready=True, by=adviser)
    page = client.get(reverse("reporting:export_start")).content.decode()
    assert "blir til nå uten" not in page
