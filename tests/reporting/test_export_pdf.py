import subprocess

import pytest
from pypdf import PdfReader
from pypdf.generic import NullObject

from reporting.exports.consolidated import (
    Selection,
    build_consolidated,
    page_number_sheets,
)
from reporting.exports.report_pdf import build_report_pdf
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill


def pdf_text(path) -> str:
    """The text a reader sees (a no-break space reads as a space)."""
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return text.replace("\u00a0", " ")


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(item["/Title"])
    return titles


def is_pdf_a_with_metadata(path) -> bool:
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    return (
        b"pdfaid:part" in xmp
        and "/OutputIntents" in root
        and root["/Lang"] == "nb"
        and bool(reader.metadata.title)
    )


def tag_tree_is_whole(path) -> bool:
    """One /Document element, and every page's marked content reaches it."""
    reader = PdfReader(path)
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    document = tree["/K"][0].get_object()
    nums = tree["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    pages = {page.indirect_reference.idnum for page in reader.pages}
    for page in reader.pages:
        for element in parents[int(page["/StructParents"])]:
            element = element.get_object()
            if element is None or isinstance(element, NullObject):
                continue  # an artifact (running header) once marked as content
            if element.raw_get("/Pg").idnum not in pages:
                return False
            while element.get("/S") != "/Document":
                element = element["/P"].get_object()
            if element.indirect_reference != document.indirect_reference:
                return False
    return True


def qpdf_ok(path) -> bool:
    return (
        subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode
        == 0
    )


@pytest.fixture
def approved_reports(db):
    adviser = factories.adviser()
    units = [factories.UnitFactory(name=f"Etat nummer {i}") for i in range(3)]
    every_kind_circular()
    reports = []
    for index, unit in enumerate(units):
        contact = factories.contact_of(unit)
        report = Report.objects.get(unit=unit)
        reports.append(fill(report, answers(index), by=contact, approve_by=adviser))
    return reports


def test_a_draft_report_pdf_shows_every_section_answer_and_a_draft_watermark(db):
    unit = factories.UnitFactory(name="Helseetaten")
    every_kind_circular()
    report = fill(Report.objects.get(unit=unit), answers(3), by=None)
    path, _peak = build_report_pdf(report)
    text = pdf_text(path)
    for expected in [
        "UTKAST",
        "Helseetaten",
        "202600024-1",
        "4.7 Arbeidsgiverrollen",
        "Langt svar fra enhet 3.",
        "Kort svar 3",
        "13",
        "2,5",
        "40,5 %",
        "Nei",
        "Under arbeid",
        "Workshop",
        "01.03.2026",
        "Ledere",
        "Tiltak nummer 3",
    ]:
        assert expected in text, expected
    assert is_pdf_a_with_metadata(path)
    assert "4.7 Arbeidsgiverrollen" in outline_titles(PdfReader(path).outline)
    assert qpdf_ok(path)


def test_an_approved_report_pdf_has_no_watermark_and_says_who_approved(
    approved_reports,
):
    path, _peak = build_report_pdf(approved_reports[0])
    text = pdf_text(path)
    assert "UTKAST" not in text and "IKKE GODKJENT" not in text
    assert "Godkjent" in text and "Lise Leder" in text


def embedded_fonts(path) -> set[str]:
    """The base names of the fonts embedded in a PDF, without subset prefixes."""
    fonts = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object().get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"]
                if (
                    "/FontFile" in descriptor
                    or "/FontFile2" in descriptor
                    or ("/FontFile3" in descriptor)
                ):
                    fonts.add(str(descendant.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def test_a_report_pdf_is_set_in_oslo_sans_with_the_fonts_embedded(approved_reports):
    path, _peak = build_report_pdf(approved_reports[0])
    assert {"Oslo-Sans", "Oslo-Sans-Bold"} <= embedded_fonts(path)


def test_last_years_figures_stand_beside_this_years(db):
    unit = factories.UnitFactory()
    adviser = factories.adviser()
    every_kind_circular(year=2025)
    fill(
        Report.objects.get(unit=unit, circular__reporting_year=2025),
        answers(0, antall=77),
        by=None,
        approve_by=adviser,
    )
    every_kind_circular(year=2026)
    report = fill(
        Report.objects.get(unit=unit, circular__reporting_year=2026),
        answers(0),
        by=None,
    )
    text = pdf_text(build_report_pdf(report)[0])
    assert "2025: 77" in text


def test_the_consolidated_pdf_has_every_unit_true_contents_page_numbers_and_bookmarks(
    approved_reports,
):
    path, _peak = build_consolidated(Selection(year=2026))
    reader = PdfReader(path)
    pages = [page.extract_text() for page in reader.pages]
    titles = outline_titles(reader.outline)
    contents = pages[1] if "Innhold" in pages[1] else pages[0]
    for report in approved_reports:
        name = report.unit.name
        assert name in titles
        line = next(line for line in contents.splitlines() if line.startswith(name))
        page_number = int(line.rsplit(" ", 1)[1])
        assert name in pages[page_number - 1]
        assert pages[page_number - 1].strip().endswith(str(page_number))
    assert "Tiltak nummer 2" in "\n".join(pages)
    assert "Vedlegg: leveranser" in titles
    assert "<svg" not in "".join(pages) and "Statistikk på tvers" in "".join(pages)
    assert is_pdf_a_with_metadata(path)
    assert tag_tree_is_whole(path)
    assert qpdf_ok(path)


def test_the_consolidated_pdf_counts_units_by_year_without_hiding_them(
    approved_reports,
):
    path, _peak = build_consolidated(Selection(year=2026))
    statistics = next(
        page.extract_text()
        for page in PdfReader(path).pages
        if "Statistikk på tvers" in page.extract_text()
    )
    # Three units answered yes/no: 2 Ja, 1 Nei; counts of units are not hidden.
    assert "Svar 2026" in statistics
    lines = statistics.splitlines()
    assert "Ja 2" in lines and "Nei 1" in lines


def test_an_unchanged_consolidated_export_is_served_from_the_cache(approved_reports):
    first, rendering = build_consolidated(Selection(year=2026))
    again, peak = build_consolidated(Selection(year=2026))
    assert rendering > 0, "the first export found its parts already rendered"
    assert again == first and peak == 0


def test_page_numbers_come_in_runs_of_fifty_that_a_longer_document_reuses():
    sheets = page_number_sheets(120)
    assert [len(sheet.context["numbers"]) for sheet in sheets] == [50, 50, 20]
    assert sheets[0].context["numbers"][:2] == ["", "2"]  # none on the cover
    assert sheets[1].context["numbers"][0] == "51"
    assert sheets[2].context["numbers"][-1] == "120"
    assert [sheet.key for sheet in page_number_sheets(140)[:2]] == [
        sheet.key for sheet in sheets[:2]
    ]
