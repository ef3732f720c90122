"""Merge rendered parts into one PDF/A: the front matter's catalog (XMP metadata,
output intent, language), every part's pages, one outline, page numbers stamped."""

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
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


def _number_tree(node) -> list:
    """(key, value) pairs of a PDF number tree."""
    node = node.get_object()
    nums = node.get("/Nums", [])
    pairs = [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    for kid in node.get("/Kids", []):
        pairs += _number_tree(kid)
    return pairs


def _top_elements(tree) -> list:
    """The structure elements under a tree's /Document element."""
    top = tree["/K"].get_object()
    elements = []
    for element in top if isinstance(top, list) else [tree["/K"]]:
        node = element.get_object()
        if node.get("/S") == "/Document":
            kids = node["/K"]
            elements += list(kids) if isinstance(kids, list) else [kids]
        else:
            elements.append(element)
    return elements


class StructureMerger:
    """One tag tree for the merged document: every part's elements under one
    /Document element, the parent trees renumbered, pages pointed at them."""

    def __init__(self, writer: PdfWriter):
        self.writer = writer
        self.root = DictionaryObject(
            {NameObject("/Type"): NameObject("/StructTreeRoot")}
        )
        self.root_ref = writer._add_object(self.root)
        self.document = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/Document"),
                NameObject("/P"): self.root_ref,
            }
        )
        self.document_ref = writer._add_object(self.document)
        self.kids, self.nums, self.next_key = ArrayObject(), ArrayObject(), 0
        old = writer._root_object.get("/StructTreeRoot")
        if old is not None:
            # The front matter's tree, already in the writer with its pages.
            old = old.get_object()
            if "/RoleMap" in old:
                self.root[NameObject("/RoleMap")] = old["/RoleMap"]
            self._adopt(old, first_page=0, clone=False)

    def _adopt(self, tree, *, first_page: int, clone: bool, reader=None):
        for element in _top_elements(tree):
            node = element.get_object()
            if "/P" in node:
                del node[NameObject("/P")]  # points at the part's own /Document
            if clone:
                element = element.clone(self.writer)
            element.get_object()[NameObject("/P")] = self.document_ref
            self.kids.append(element)
        offset = self.next_key
        pairs = _number_tree(tree["/ParentTree"])
        for key, value in pairs:
            self.nums += [
                NumberObject(key + offset),
                value.clone(self.writer) if clone else value,
            ]
        if clone:
            for index, source in enumerate(reader.pages):
                if "/StructParents" in source:
                    page = self.writer.pages[first_page + index]
                    page[NameObject("/StructParents")] = NumberObject(
                        int(source["/StructParents"]) + offset
                    )
                for annotation in self.writer.pages[first_page + index].get(
                    "/Annots", []
                ):
                    annotation = annotation.get_object()
                    if "/StructParent" in annotation:
                        annotation[NameObject("/StructParent")] = NumberObject(
                            int(annotation["/StructParent"]) + offset
                        )
        self.next_key = offset + max((key for key, _v in pairs), default=-1) + 1

    def add(self, reader: PdfReader, first_page: int):
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is not None:
            self._adopt(
                tree.get_object(), first_page=first_page, clone=True, reader=reader
            )

    def finish(self):
        self.document[NameObject("/K")] = self.kids
        self.root[NameObject("/K")] = ArrayObject([self.document_ref])
        self.root[NameObject("/ParentTree")] = self.writer._add_object(
            DictionaryObject({NameObject("/Nums"): self.nums})
        )
        self.root[NameObject("/ParentTreeNextKey")] = NumberObject(self.next_key)
        catalog = self.writer._root_object
        catalog[NameObject("/StructTreeRoot")] = self.root_ref
        catalog[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )


def assemble(
    *, front: Path, parts: list[Path], numbers: Path, outline: list[dict], output: Path
):
    """Write front + parts to `output` with `outline` [{title, page, children}]."""
    writer = PdfWriter(clone_from=front)
    structure = StructureMerger(writer)
    for path in parts:
        reader = PdfReader(path)
        first_page = len(writer.pages)
        writer.append(reader, import_outline=False)
        structure.add(reader, first_page)
    structure.finish()
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
