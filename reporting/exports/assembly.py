"""Merge rendered parts into one PDF/A with pikepdf (qpdf): the front matter's
catalog (XMP metadata, output intent, language), every part's pages, one tag
tree, one outline, page numbers stamped as artifacts, and one subset per font."""

from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from .font_merge import merge_font_subsets
from .tagging import describe_language, save_for_archive

IDS_PER_LEAF = 1000


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
        self.ids = []
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
        if "/IDTree" in tree:
            names = tree.IDTree.Names
            self.ids += [
                (str(names[i]), copy(names[i + 1])) for i in range(0, len(names), 2)
            ]
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

    def _id_tree(self):
        """Every table-header id in one name tree, in leaves of IDS_PER_LEAF."""
        self.ids.sort(key=lambda pair: pair[0])
        leaves = Array()
        for start in range(0, len(self.ids), IDS_PER_LEAF):
            chunk = self.ids[start : start + IDS_PER_LEAF]
            leaves.append(
                self.pdf.make_indirect(
                    Dictionary(
                        Limits=Array([String(chunk[0][0]), String(chunk[-1][0])]),
                        Names=Array(
                            [item for name, el in chunk for item in (String(name), el)]
                        ),
                    )
                )
            )
        return self.pdf.make_indirect(Dictionary(Kids=leaves))

    def add(self, source: pikepdf.Pdf, first_page: int):
        tree = source.Root.get("/StructTreeRoot")
        if tree is not None:
            self._adopt(tree, source=source, first_page=first_page)

    def finish(self):
        self.document.K = self.kids
        self.root.K = Array([self.document])
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=self.nums))
        self.root.ParentTreeNextKey = self.next_key
        if self.ids:
            self.root.IDTree = self._id_tree()
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)


def stamp_page_numbers(pdf: pikepdf.Pdf, numbers: list[pikepdf.Pdf]):
    """Draw page k of the `numbers` (one after the other) on page k, as an artifact
    outside the tag tree."""
    sheets = [page for sheet in numbers for page in sheet.pages]
    for number, (page, source) in enumerate(zip(pdf.pages, sheets, strict=True)):
        form = pdf.copy_foreign(source.as_form_xobject())
        # A part's pages share their resources: one name per page, the same in
        # every export, so the bytes are too.
        name = page.add_resource(form, Name.XObject, Name(f"/OxloPageNo{number}"))
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        page.contents_add(
            pdf.make_stream(b"Q\n/Artifact BMC q " + bytes(name) + b" Do Q EMC\n")
        )


def _outline_items(entries: list[dict]) -> list[OutlineItem]:
    items = []
    for entry in entries:
        item = OutlineItem(entry["title"], entry["page"])
        item.children.extend(_outline_items(entry.get("children", [])))
        items.append(item)
    return items


def link_contents(pdf: pikepdf.Pdf, prefix: str):
    """Turn the contents' links to `prefix<page>` into jumps to those pages."""
    for page in pdf.pages:
        for annotation in page.get("/Annots", Array()):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(prefix):
                continue
            target = pdf.pages[int(uri[len(prefix) :]) - 1].obj
            del annotation["/A"]
            annotation.Dest = Array([target, Name.XYZ, None, None, None])


def assemble(
    *,
    front: Path,
    parts: list[Path],
    numbers: list[Path],
    outline: list[dict],
    output: Path,
    page_link: str,
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
        merge_font_subsets(pdf)
        link_contents(pdf, page_link)
        with pdf.open_outline() as tree:
            tree.root.extend(_outline_items(outline))
        pdf.Root.PageMode = Name.UseOutlines
        describe_language(pdf)
        partial = output.with_suffix(".tmp")
        save_for_archive(pdf, partial)
    for source in sources:
        source.close()
    partial.replace(output)
