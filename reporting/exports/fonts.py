"""The font files fontconfig gives the PDF stylesheet, as WeasyPrint will find them."""

from pathlib import Path

from weasyprint.text.ffi import ffi, fontconfig

# The one family static/css/pdf.css asks for, in the styles the PDFs use.
FAMILY = "DejaVu Sans"
STYLES = ("Book", "Bold", "Oblique", "Bold Oblique")


def font_files() -> list[Path]:
    """The file of each style of the family, or of what fontconfig puts in its
    place when the family is missing."""
    config = fontconfig.FcInitLoadConfigAndFonts()
    files = set()
    try:
        for style in STYLES:
            pattern = fontconfig.FcPatternCreate()
            fontconfig.FcPatternAddString(pattern, b"family", FAMILY.encode())
            fontconfig.FcPatternAddString(pattern, b"style", style.encode())
            fontconfig.FcConfigSubstitute(config, pattern, fontconfig.FcMatchPattern)
            fontconfig.FcDefaultSubstitute(pattern)
            match = fontconfig.FcFontMatch(config, pattern, ffi.new("FcResult *"))
            fontconfig.FcPatternDestroy(pattern)
            if match == ffi.NULL:
                continue
            name = ffi.new("FcChar8 **")
            found = fontconfig.FcPatternGetString(match, b"file", 0, name)
            if found == fontconfig.FcResultMatch:
                files.add(Path(ffi.string(name[0]).decode()))
            fontconfig.FcPatternDestroy(match)
    finally:
        fontconfig.FcConfigDestroy(config)
    return sorted(files)
