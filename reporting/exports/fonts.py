"""The font files the PDF stylesheet uses, as WeasyPrint will find them: Oslo Sans
from the vendored Punkt assets (registered by @font-face in static/css/pdf.css) and
the fallback family fontconfig gives for characters Oslo Sans lacks."""

from pathlib import Path

from django.conf import settings
from weasyprint.text.ffi import ffi, fontconfig

# The Oslo Sans files static/css/pdf.css declares with @font-face.
OSLO_SANS_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "punkt" / "fonts"
OSLO_SANS = (
    "OsloSans-Regular.woff2",
    "OsloSans-RegularItalic.woff2",
    "OsloSans-Medium.woff2",
    "OsloSans-Bold.woff2",
)
# The fallback family pdf.css names after Oslo Sans, in the styles the PDFs use.
FALLBACK_FAMILY = "DejaVu Sans"
FALLBACK_STYLES = ("Book", "Bold", "Oblique", "Bold Oblique")


def font_files() -> list[Path]:
    """Oslo Sans, then the file of each style of the fallback family (or of what
    fontconfig puts in its place when that family is missing)."""
    return [OSLO_SANS_DIR / name for name in OSLO_SANS] + _fallback_files()


def _fallback_files() -> list[Path]:
    config = fontconfig.FcInitLoadConfigAndFonts()
    files = set()
    try:
        for style in FALLBACK_STYLES:
            pattern = fontconfig.FcPatternCreate()
            fontconfig.FcPatternAddString(pattern, b"family", FALLBACK_FAMILY.encode())
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
