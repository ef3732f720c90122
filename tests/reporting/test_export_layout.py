"""The PDFs read back as a reader and an archive would: running headers, linked
contents, units grouped by kind in Norwegian order, and a structure an archive
accepts (unique header ids, TOC, metadata, one font per subset tag, same bytes)."""

import re
import shutil
import subprocess
from collections import Counter

import pikepdf
import pytest
from pikepdf import Name

from circulars.models import UnitKind
from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.parts import cache_dir
from reporting.exports.report_pdf import build_report_pdf
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill

TITLE = "Særskilt rapportering om mangfold og inkludering 2026"
UNITS = [
    (UnitKind.ETAT, "Åsetaten"),
    (UnitKind.BYDEL, "Bydel Østensjø"),
    (UnitKind.ETAT, "Ørsetaten"),
    (UnitKind.FORETAK, "Havn KF"),
    (UnitKind.BYDEL, "Bydel Alna"),
    (UnitKind.ETAT, "Bymiljøetaten"),
]


def page_texts(path) -> list[str]:
    """Each page as pdftotext lays it out."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    return text.split("\f")[:-1]


@pytest.fixture
def kinds_of_units(db):
    adviser = factories.adviser()
    every_kind_circular(audience=(UnitKind.BYDEL, UnitKind.ETAT, UnitKind.FORETAK))
    for index, (kind, name) in enumerate(UNITS):
        unit = factories.UnitFactory(kind=kind, name=name, slug=f"enhet-{index}")
        report = Report.objects.get(unit=unit)
        fill(report, answers(index), by=None, approve_by=adviser)


@pytest.fixture
def consolidated(kinds_of_units):
    return build_consolidated(Selection(year=2026))[0]


def contents_lines(pages) -> list[tuple[str, int]]:
    """(title, page) of every contents entry, in order."""
    lines = []
    for page in pages[1:]:
        if "Innhold" not in "".join(page.splitlines()[:2]):
            if lines:
                break
            continue
        found = re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", page, re.M)
        if not found:
            break
        lines += [(title, int(number)) for title, number in found]
    return lines


def test_units_are_grouped_by_kind_and_in_norwegian_order_in_the_contents(
    consolidated,
):
    titles = [title for title, _page in contents_lines(page_texts(consolidated))]
    start = titles.index("Bydeler")
    assert titles[start : start + 10] == [
        "Bydeler",
        "Bydel Alna",
        "Bydel Østensjø",
        "Etater",
        "Bymiljøetaten",
        "Ørsetaten",
        "Åsetaten",
        "Kommunale foretak",
        "Havn KF",
        "Vedlegg: leveranser",
    ]


def test_every_contents_entry_links_to_the_page_it_prints(consolidated):
    pages = page_texts(consolidated)
    entries = contents_lines(pages)
    with pikepdf.open(consolidated) as pdf:
        numbers = {page.obj.objgen: index + 1 for index, page in enumerate(pdf.pages)}
        # An entry's link is drawn in pieces (its box, title, leader, page number):
        # pieces that overlap on the page with one target are one entry.
        targets, last = [], None
        for index, page in enumerate(pdf.pages[:3]):
            for annotation in page.get("/Annots", []):
                if "/Dest" not in annotation:
                    continue
                y = sorted(float(annotation.Rect[i]) for i in (1, 3))
                target = numbers[annotation.Dest[0].objgen]
                if not (
                    last
                    and last[0] == (index, target)
                    and y[0] <= last[1][1]
                    and last[1][0] <= y[1]
                ):
                    targets.append(target)
                    last = ((index, target), y)
    assert targets == [number for _title, number in entries]
    for title, number in entries:
        body = pages[number - 1]
        assert title in body, (title, number)
        assert body.rstrip().endswith(str(number))  # the page says its number


def test_every_page_after_the_cover_has_a_running_header(consolidated):
    pages = page_texts(consolidated)
    assert TITLE not in pages[0].splitlines()[0]
    for page in pages[1:]:
        assert page.lstrip().startswith(TITLE), page[:200]
    unit_page = next(p for p in pages[1:] if "Ørsetaten\n" in p.split(TITLE)[1])
    header = unit_page.lstrip().splitlines()[1]
    assert "4.7 Arbeidsgiverrollen" in header and "Ørsetaten" in header


def test_answer_tables_have_no_rad_column_and_list_rows_stay_whole(db):
    unit = factories.UnitFactory(name="Utdanningsetaten")
    every_kind_circular()
    rows = [
        {
            "tittel": f"Tiltak nummer {n} " + "med en lang tittel " * 5,
            "status": "Planlagt",
        }
        for n in range(1, 41)
    ]
    report = fill(Report.objects.get(unit=unit), answers(0, tiltak=rows), by=None)
    pages = page_texts(build_report_pdf(report)[0])
    text = "\n".join(pages)
    assert "Ansatte per gruppe" in text and not re.search(
        r"^\s*Rad\s+Kvinner", text, re.M
    )
    for page in pages:
        captions = re.findall(r"^\s*Rad (\d+)\s*$", page, re.M)
        statuses = re.findall(r"^\s*Status\s+Planlagt\s*$", page, re.M)
        assert len(captions) == len(statuses), page
    assert all(page.lstrip().startswith("Særskilt rapportering") for page in pages[1:])


def _structure(pdf):
    """Every structure element of the document."""
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        element = stack.pop()
        kids = element.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids else []
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                yield kid
                stack.append(kid)


def _id_tree(node) -> dict:
    names = {}
    for kid in node.get("/Kids", []):
        names.update(_id_tree(kid))
    flat = node.get("/Names", [])
    names.update({str(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)})
    return names


def embedded_fonts(pdf) -> dict[str, set]:
    """The font programs embedded for each font, by its name without subset tag."""
    fonts = {}
    for obj in pdf.objects:
        if (
            isinstance(obj, pikepdf.Dictionary)
            and obj.get("/Type") == Name.FontDescriptor
        ):
            program = obj.get("/FontFile2") or obj.get("/FontFile3")
            name = re.sub(r"^[A-Z]{6}\+", "", str(obj.FontName)[1:])
            fonts.setdefault(name, set()).add(program.objgen)
    return fonts


def test_each_font_is_embedded_once_for_the_whole_document(consolidated):
    with pikepdf.open(consolidated) as pdf:
        fonts = embedded_fonts(pdf)
        assert "Oslo-Sans" in fonts and "Oslo-Sans-Bold" in fonts
        assert all(len(programs) == 1 for programs in fonts.values()), fonts
    # Every part's text still reads as written.
    text = "".join(page_texts(consolidated))
    assert all(name in text for _kind, name in UNITS)


def test_the_consolidated_pdf_is_tagged_and_described_for_the_archive(consolidated):
    assert subprocess.run(["qpdf", "--check", str(consolidated)]).returncode == 0
    with pikepdf.open(consolidated) as pdf:
        elements = list(_structure(pdf))
        tags = Counter(str(element.S) for element in elements)
        assert tags["/TOC"] == 1 and tags["/TOCI"] >= 10 and tags["/Table"] > 0
        ids = [str(e.ID) for e in elements if e.S == Name.TH and "/ID" in e]
        assert ids and len(ids) == len(set(ids)), "table-header ids repeat"
        registered = _id_tree(pdf.Root.StructTreeRoot.IDTree)
        assert set(registered) == set(ids)
        for element in elements:
            headers = element.get("/A", {}).get("/Headers")
            if element.S == Name.TD and headers is not None:
                for header in headers:
                    assert registered[str(header)].S == Name.TH
        meta = pdf.open_metadata()
        assert set(meta["dc:language"]) == {"nb"}
        assert meta["xmp:CreateDate"].startswith("20") and meta["xmp:ModifyDate"]
        assert meta["dc:title"] == TITLE
        with pdf.open_outline() as outline:
            chapter = next(
                item for item in outline.root if "Arbeidsgiverrollen" in item.title
            )
            assert [group.title for group in chapter.children] == [
                "Bydeler",
                "Etater",
                "Kommunale foretak",
            ]


def test_the_same_reports_give_the_same_bytes(kinds_of_units):
    first = build_consolidated(Selection(year=2026))[0].read_bytes()
    shutil.rmtree(cache_dir())
    again = build_consolidated(Selection(year=2026))[0].read_bytes()
    assert again == first
