"""One font subset per font in the assembled PDF. Each part embeds its own subset
of every font it uses (WeasyPrint keeps the glyph ids of the original font), so a
document of many parts carries dozens of copies of Oslo Sans. At assembly the
copies of one font become one: the original font file subset to every glyph the
parts use, one width table and one ToUnicode map, under one subset tag."""

import hashlib
import io
import re
from functools import cache
from pathlib import Path

import pikepdf
from fontTools import subset
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

from .fonts import font_files
from .tagging import SUBSET_TAG

IDENTITY_H = Name("/Identity-H")
FIXED_PITCH = 1
IDENTITY_H = Name("/Identity-H")
FIXED_PITCH = 1  # the font descriptor's flag bit 1
BFCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
TO_UNICODE_HEAD = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<< /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
"""
TO_UNICODE_TAIL = b"""endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _postscript_name(font: TTFont) -> str:
    return str(font["name"].getDebugName(6) or "")


@cache
def _originals() -> dict[str, Path]:
    """The font files the PDFs use, by PostScript name."""
    return {_postscript_name(TTFont(path, lazy=True)): path for path in font_files()}


def _widths(w: Array) -> dict[int, float]:
    """A CID font's /W array as {cid: width}."""
    widths, items, i = {}, list(w), 0
    while i < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], Array):
            for offset, width in enumerate(items[i + 1]):
                widths[first + offset] = float(width)
            i += 2
        else:
            for cid in range(first, int(items[i + 1]) + 1):
                widths[cid] = float(items[i + 2])
            i += 3
    return widths


def _w_array(widths: dict[int, float]) -> Array:
    array, run = Array(), None
    for cid in sorted(widths):
        if cid - 1 not in widths:
            run = Array()
            array.extend([cid, run])
        width = widths[cid]
        run.append(int(width) if width == int(width) else width)
    return array


def _to_unicode(stream) -> dict[int, bytes]:
    return {int(cid, 16): text for cid, text in BFCHAR.findall(stream.read_bytes())}


def _to_unicode_stream(pdf: pikepdf.Pdf, mapping: dict[int, bytes]):
    items = sorted(mapping.items())
    body = [TO_UNICODE_HEAD]
    for start in range(0, len(items), 100):
        batch = items[start : start + 100]
        body.append(b"%d beginbfchar\n" % len(batch))
        body += [b"<%04x> <%s>\n" % (cid, text) for cid, text in batch]
        body.append(b"endbfchar\n")
    body.append(TO_UNICODE_TAIL)
    return pdf.make_stream(b"".join(body))


def _subset(original: Path, glyphs: set[int]) -> bytes:
    """`original` cut to `glyphs`, every glyph at its original id (as WeasyPrint
    cuts it), the same bytes for the same glyphs."""
    font = TTFont(original, recalcTimestamp=False)
    font.flavor = None
    options = subset.Options(
        retain_gids=True,
        passthrough_tables=True,
        ignore_missing_glyphs=True,
        hinting=False,
        desubroutinize=True,
        notdef_outline=True,
    )
    options.drop_tables += ["GSUB", "GPOS", "SVG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(glyphs | {0}))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _group_key(font: Dictionary):
    """Which copies are one font: the same original file and the same
    descriptor values; None for a font this module leaves as it is."""
    if font.get("/Subtype") != Name.Type0 or font.get("/Encoding") != IDENTITY_H:
        return None
    descendant = font.DescendantFonts[0]
    descriptor = descendant.FontDescriptor
    program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
    if program is None or descendant.get("/CIDToGIDMap") != Name.Identity:
        return None
    name = _postscript_name(TTFont(io.BytesIO(program.read_bytes()), lazy=True))
    if name not in _originals():
        return None
    # FixedPitch says only that this part's glyphs were all of one width.
    flags = int(descriptor.Flags) & ~FIXED_PITCH
    metrics = tuple(str(descriptor[key]) for key in ("/Ascent", "/Descent"))
    return (name, str(descendant.Subtype), flags, metrics)


def _merged_font(pdf: pikepdf.Pdf, key, members: list[Dictionary]) -> Dictionary:
    widths, unicode = {}, {}
    for font in members:
        widths |= _widths(font.DescendantFonts[0].W)
        unicode |= _to_unicode(font.ToUnicode)
    first = members[0].DescendantFonts[0]
    base = SUBSET_TAG.sub("", str(first.BaseFont)[1:])
    digest = hashlib.sha256(f"{base}:{sorted(widths)}".encode()).digest()
    name = Name("/" + "".join(chr(65 + b % 26) for b in digest[:6]) + "+" + base)
    program = pdf.make_stream(_subset(_originals()[key[0]], set(widths)))
    descriptor = Dictionary(first.FontDescriptor)
    for old in ("/FontFile2", "/FontFile3", "/CIDSet"):
        if old in descriptor:
            del descriptor[old]
    if first.Subtype == Name.CIDFontType0:
        program.Subtype = Name.OpenType
        descriptor.FontFile3 = program
    else:
        program.Length1 = len(program.read_bytes())
        descriptor.FontFile2 = program
    descriptor.FontName = name
    descriptor.Flags = key[2] | (FIXED_PITCH if len(set(widths.values())) == 1 else 0)
    boxes = [
        [float(v) for v in font.DescendantFonts[0].FontDescriptor.FontBBox]
        for font in members
    ]
    descriptor.FontBBox = Array(
        [min(b[0] for b in boxes), min(b[1] for b in boxes)]
        + [max(b[2] for b in boxes), max(b[3] for b in boxes)]
    )
    descendant = Dictionary(first)
    descendant.BaseFont = name
    descendant.W = _w_array(widths)
    descendant.FontDescriptor = pdf.make_indirect(descriptor)
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=name,
            Encoding=IDENTITY_H,
            DescendantFonts=Array([pdf.make_indirect(descendant)]),
            ToUnicode=pdf.make_indirect(_to_unicode_stream(pdf, unicode)),
        )
    )


def _font_resources(pdf: pikepdf.Pdf) -> list[Dictionary]:
    """Every /Font resource dictionary of the pages and their forms."""
    found, seen = [], set()

    def walk(resources):
        if not isinstance(resources, Dictionary) or resources.objgen in seen:
            return
        if resources.objgen != (0, 0):
            seen.add(resources.objgen)
        if "/Font" in resources:
            found.append(resources.Font)
        for xobject in resources.get("/XObject", Dictionary()).values():
            walk(xobject.get("/Resources"))

    for page in pdf.pages:
        walk(page.obj.get("/Resources"))
    return found


def merge_font_subsets(pdf: pikepdf.Pdf) -> None:
    """Point every use of a font at one merged subset of it."""
    resources = _font_resources(pdf)
    groups: dict = {}
    for fonts in resources:
        for font in fonts.values():
            key = _group_key(font)
            if key is not None and font.is_indirect:
                members = groups.setdefault(key, {})
                members.setdefault(font.objgen, font)
    merged = {}
    for key, members in groups.items():
        if len(members) < 2:
            continue
        font = _merged_font(pdf, key, list(members.values()))
        merged |= dict.fromkeys(members, font)
    for fonts in resources:
        for resource_name, font in list(fonts.items()):
            if font.objgen in merged:
                fonts[resource_name] = merged[font.objgen]
