"""Finish a rendered part's structure for the archive, before it is cached.

WeasyPrint tags running headers as structure that hangs outside the tag tree,
numbers table-header ids from 0 in every part, tags the contents as a plain list and
names every part's font subsets alike. Here headers and footers become pagination
artifacts, header ids get the part's own prefix (and an /IDTree), the contents
become TOC/TOCI, and each font subset gets a tag of its own.
"""

import hashlib
import io
import re

import pikepdf
from pikepdf import Array, Dictionary, Name, String

MARKED = re.compile(rb"/(\w+)\n<</MCID (\d+)>>\nBDC")
PAGINATION = b"/Artifact\n<</Type /Pagination>>\nBDC"
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _elements(document):
    """Every structure element under `document`, depth first."""
    stack = [document]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(
            kid
            for kid in reversed(_kids(element))
            if isinstance(kid, Dictionary) and "/S" in kid
        )


def _document(tree):
    top = tree.K
    return top[0] if isinstance(top, Array) else top


def _as_artifacts(content: bytes, mcids: set[int]) -> bytes:
    return MARKED.sub(lambda m: PAGINATION if int(m[2]) in mcids else m[0], content)


def _page_marks(pdf: pikepdf.Pdf, tree) -> dict:
    """{page: the array of structure elements its marked-content ids point at}."""
    nums = tree.ParentTree.Nums
    marks = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    found = {}
    for page in pdf.pages:
        if "/StructParents" in page.obj:
            marked = marks.get(int(page.obj.StructParents))
            if isinstance(marked, Array):
                found[page.obj.objgen] = marked
    return found


def _single_mcid(element) -> int | None:
    kids = element.get("/K")
    if isinstance(kids, Array) and len(kids) == 1:
        kids = kids[0]
    return int(kids) if isinstance(kids, int) else None


def _fold_spans(element, marks: dict) -> None:
    """Put the text of plain one-piece /Span kids (one per line of text) straight
    into `element`: the same reading, a fraction of the structure elements."""
    kids = element.get("/K")
    if not isinstance(kids, Array) or "/Pg" not in element:
        return
    page = element.Pg.objgen
    folded = Array()
    for kid in kids:
        if (
            isinstance(kid, Dictionary)
            and kid.get("/S") == Name.Span
            and _single_mcid(kid) is not None
            and "/A" not in kid
            and "/Pg" in kid
            and kid.Pg.objgen == page
            and page in marks
        ):
            mcid = _single_mcid(kid)
            marks[page][mcid] = element
            folded.append(mcid)
        else:
            folded.append(kid)
    element.K = folded


def margins_to_artifacts(pdf: pikepdf.Pdf, tree) -> None:
    """Text drawn in page margins (running header, page number) is marked as a
    pagination artifact instead of structure that is reachable from nowhere."""
    document = _document(tree)
    top = {kid.objgen for kid in _kids(document) if isinstance(kid, Dictionary)}
    known: dict[tuple, bool] = {}

    def in_tree(element) -> bool:
        chain, result = [], False
        while True:
            key = element.objgen
            if key in known:
                result = known[key]
                break
            chain.append(key)
            parent = element.get("/P")
            if parent is None:
                break
            if parent.objgen == document.objgen:
                result = key in top
                break
            element = parent
        for key in chain:
            known[key] = result
        return result

    for page in pdf.pages:
        marked = _page_marks(pdf, tree).get(page.obj.objgen)
        if marked is None:
            continue
        outside = set()
        for mcid, element in enumerate(marked):
            if isinstance(element, Dictionary) and not in_tree(element):
                outside.add(mcid)
                marked[mcid] = None
        if not outside:
            continue
        page.contents_coalesce()
        content = page.obj.Contents.read_bytes()
        page.obj.Contents.write(_as_artifacts(content, outside))


def _toc(element) -> None:
    """A list whose every item holds a link (the contents) becomes TOC/TOCI."""
    items = [kid for kid in _kids(element) if isinstance(kid, Dictionary)]
    bodies = [
        body for item in items for body in _kids(item) if isinstance(body, Dictionary)
    ]
    linked = [
        body
        for body in bodies
        if any(
            isinstance(kid, Dictionary) and kid.get("/S") == Name.Link
            for kid in _kids(body)
        )
    ]
    if not items or len(linked) != len(items):
        return
    element.S = Name.TOC
    for item in items:
        item.S = Name.TOCI
    for body in bodies:
        if body.get("/S") == Name.LBody:
            body.S = Name.Reference


def finish_structure(pdf: pikepdf.Pdf, tree, prefix: str) -> None:
    """Table-header ids unique in the whole document, tied to their cells and
    listed in the tree's /IDTree; the contents tagged as TOC; text spans folded."""
    names = []
    marks = _page_marks(pdf, tree)
    for element in _elements(_document(tree)):
        _fold_spans(element, marks)
        tag = element.S
        if tag == Name.TH and "/ID" in element:
            element.ID = String(f"{prefix}-{element.ID}")
            names.append((str(element.ID), element))
        elif tag == Name.TD:
            attributes = element.get("/A")
            if isinstance(attributes, Dictionary) and "/Headers" in attributes:
                attributes.Headers = Array(
                    [String(f"{prefix}-{header}") for header in attributes.Headers]
                )
        elif tag == Name.L:
            _toc(element)
    if names:
        names.sort(key=lambda pair: pair[0])
        tree.IDTree = Dictionary(
            Names=Array([item for name, el in names for item in (String(name), el)])
        )


def _fonts(resources, seen: set):
    """The font dictionaries (and their descendants and descriptors) reachable
    from `resources`, through form XObjects too."""
    if not isinstance(resources, Dictionary) or resources.objgen in seen:
        return
    seen.add(resources.objgen)
    for font in resources.get("/Font", Dictionary()).values():
        yield font
        for descendant in font.get("/DescendantFonts", Array()):
            yield descendant
            if "/FontDescriptor" in descendant:
                yield descendant.FontDescriptor
        if "/FontDescriptor" in font:
            yield font.FontDescriptor
    for xobject in resources.get("/XObject", Dictionary()).values():
        yield from _fonts(xobject.get("/Resources"), seen)


def retag_fonts(pdf: pikepdf.Pdf, prefix: str) -> None:
    """Give each font subset of this part a subset tag no other part uses."""
    renamed, seen, done = {}, set(), set()
    for page in pdf.pages:
        for obj in _fonts(page.obj.get("/Resources"), seen):
            if obj.objgen in done:
                continue
            done.add(obj.objgen)
            for key in ("/BaseFont", "/FontName"):
                name = str(obj.get(key, ""))[1:]
                if not SUBSET_TAG.match(name):
                    continue
                if name not in renamed:
                    digest = hashlib.sha256(f"{prefix}:{name}".encode()).digest()
                    tag = "".join(chr(65 + byte % 26) for byte in digest[:6])
                    renamed[name] = f"{tag}+{name[7:]}"
                obj[key] = Name("/" + renamed[name])


def describe_language(pdf: pikepdf.Pdf) -> None:
    """The document's language in its XMP (dc:language) as in its catalog."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:language"] = [str(pdf.Root.get("/Lang", "nb"))]


def save_for_archive(pdf: pikepdf.Pdf, path, *, recompress: bool = False) -> None:
    """Compact (object streams) and reproducible: the same document gives the
    same bytes, its /ID computed from its content. `recompress` deflates every
    stream again at the highest level (a part, in its worker: the assembly then
    copies the smaller streams as they are)."""
    pikepdf.settings.set_flate_compression_level(9)
    pdf.save(
        path,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        recompress_flate=recompress,
        deterministic_id=True,
        fix_metadata_version=False,
    )


def finish_part(data: bytes, *, prefix: str) -> bytes:
    """The rendered part `data` with its structure finished; `prefix` is unique to
    the part (its cache key), so ids and subset tags never meet another part's."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is not None:
            margins_to_artifacts(pdf, tree)
            finish_structure(pdf, tree, prefix)
            describe_language(pdf)
        retag_fonts(pdf, prefix)
        out = io.BytesIO()
        save_for_archive(pdf, out, recompress=True)
        return out.getvalue()
