"""Merge rendered parts into one PDF/A with pikepdf (qpdf): the front matter's
catalog (XMP metadata, output intent, language), every part's pages, one tag
tree, one outline, and page numbers stamped as artifacts."""

from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem


def _number_tree(node) -> list:
    """(key, value) pairs of a PDF number tree."""
    nums = node.get("/Nums", Array())
    pairs = [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    for kid in node.get("/Kids", Array()):
        pairs += _number_tree(kid)
    return pairs


def _top_elements(tree) -> list:
    """The structure elements under a tree's /Document element."""
    top = tree.K
    elements = []
    for element in top if isinstance(top, Array) else [top]:
        if element.get("/S") == Name.Document:
            kids = element.K
            elements += list(kids) if isinstance(kids, Array) else [kids]
        else:
            elements.append(element)
    return elements


class StructureMerger:
    """One tag tree for the merged document: every part's elements under one
    /Document element, the parent trees renumbered, pages pointed at them."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root)
        )
        self.kids, self.nums, self.next_key = Array(), Array(), 0
        old = pdf.Root.get("/StructTreeRoot")
        if old is not None:
            # The front matter's own tree, already pointing at its pages.
            if "/RoleMap" in old:
                self.root.RoleMap = old.RoleMap
            self._adopt(old, source=None, first_page=0)

    def _adopt(self, tree, *, source, first_page: int):
        copy = (lambda obj: obj) if source is None else self._copy
        for element in _top_elements(tree):
            if "/P" in element:
                del element["/P"]  # it points at the part's own /Document
            element = copy(element)
            element.P = self.document
            self.kids.append(element)
        offset = self.next_key
        pairs = _number_tree(tree.ParentTree)
        for key, value in pairs:
            self.nums.append(key + offset)
            self.nums.append(copy(value))
        if source is not None:
            for index in range(len(source.pages)):
                page = self.pdf.pages[first_page + index].obj
                if "/StructParents" in page:
                    page.StructParents = int(page.StructParents) + offset
                for annotation in page.get("/Annots", Array()):
                    if "/StructParent" in annotation:
                        annotation.StructParent = int(annotation.StructParent) + offset
        self.next_key = offset + max((key for key, _v in pairs), default=-1) + 1

    def _copy(self, obj):
        """A foreign object (or direct array of them) in this document."""
        if isinstance(obj, Array) and not obj.is_indirect:
            return Array([self._copy(item) for item in obj])
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            return self.pdf.copy_foreign(obj)
        return obj

    def add(self, source: pikepdf.Pdf, first_page: int):
        tree = source.Root.get("/StructTreeRoot")
        if tree is not None:
            self._adopt(tree, source=source, first_page=first_page)

    def finish(self):
        self.document.K = self.kids
        self.root.K = Array([self.document])
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=self.nums))
        self.root.ParentTreeNextKey = self.next_key
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)


def stamp_page_numbers(pdf: pikepdf.Pdf, numbers: list[pikepdf.Pdf]):
    """Draw page k of the `numbers` (one after the other) on page k, as an artifact
    outside the tag tree."""
    sheets = [page for sheet in numbers for page in sheet.pages]
    for page, source in zip(pdf.pages, sheets, strict=True):
        form = pdf.copy_foreign(source.as_form_xobject())
        name = page.add_resource(form, Name.XObject, prefix="OxloPageNo")
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        page.contents_add(
            pdf.make_stream(b"Q\n/Artifact BMC q " + bytes(name) + b" Do Q EMC\n")
        )


def assemble(
    *,
    front: Path,
    parts: list[Path],
    numbers: list[Path],
    outline: list[dict],
    output: Path,
):
    """Write front + parts to `output` with `outline` [{title, page, children}]."""
    sources = []
    with pikepdf.open(front) as pdf:
        if "/Outlines" in pdf.Root:
            del pdf.Root["/Outlines"]
        structure = StructureMerger(pdf)
        for path in parts:
            source = pikepdf.open(path)
            sources.append(source)
            first_page = len(pdf.pages)
            pdf.pages.extend(source.pages)
            structure.add(source, first_page)
        structure.finish()
        number_pdfs = [pikepdf.open(path) for path in numbers]
        sources += number_pdfs
        stamp_page_numbers(pdf, number_pdfs)
        with pdf.open_outline() as tree:
            for entry in outline:
                item = OutlineItem(entry["title"], entry["page"])
                item.children.extend(
                    OutlineItem(child["title"], child["page"])
                    for child in entry.get("children", [])
                )
                tree.root.append(item)
        pdf.Root.PageMode = Name.UseOutlines
        partial = output.with_suffix(".tmp")
        pdf.save(partial)
    for source in sources:
        source.close()
    partial.replace(output)
