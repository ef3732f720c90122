"""Merge rendered parts into one PDF/A: the front matter's catalog (XMP metadata,
output intent, language), every part's pages, one outline, page numbers stamped."""

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

PAGE_NUMBER_FORM = NameObject("/OxloPageNumber")


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def _stream(writer: PdfWriter, data: bytes):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _page_form(writer: PdfWriter, page) -> object:
    """A page of the page-number document as a Form XObject to draw on another page."""
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = page.mediabox
    form[NameObject("/Resources")] = page["/Resources"].clone(writer)
    return writer._add_object(form)


def stamp_page_numbers(writer: PdfWriter, numbers: Path):
    """Draw page k of `numbers` on page k, as an artifact outside the tag tree."""
    before = _stream(writer, b"q\n")
    after = _stream(writer, b"Q\n/Artifact BMC q /OxloPageNumber Do Q EMC\n")
    for page, source in zip(writer.pages, PdfReader(numbers).pages, strict=True):
        resources = page.setdefault(NameObject("/Resources"), DictionaryObject())
        xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject())
        xobjects[PAGE_NUMBER_FORM] = _page_form(writer, source)
        contents = page.get("/Contents")
        existing = (
            list(contents.get_object())
            if isinstance(contents.get_object(), list)
            else [contents]
        )
        page[NameObject("/Contents")] = ArrayObject([before, *existing, after])


def assemble(
    *, front: Path, parts: list[Path], numbers: Path, outline: list[dict], output: Path
):
    """Write front + parts to `output` with `outline` [{title, page, children}]."""
    writer = PdfWriter(clone_from=front)
    for path in parts:
        writer.append(path, import_outline=False)
    stamp_page_numbers(writer, numbers)
    for entry in outline:
        parent = writer.add_outline_item(
            title=entry["title"], page_number=entry["page"]
        )
        for child in entry.get("children", []):
            writer.add_outline_item(
                title=child["title"], page_number=child["page"], parent=parent
            )
    writer.page_mode = "/UseOutlines"
    partial = output.with_suffix(".tmp")
    with partial.open("wb") as handle:
        writer.write(handle)
    partial.replace(output)
