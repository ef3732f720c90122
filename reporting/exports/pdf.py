"""HTML from the PDF templates to PDF/A bytes through WeasyPrint, safely."""

import functools
import hashlib
import resource
from pathlib import Path

import pikepdf
import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BASE_URL, PortalStaticFetcher, static_url_prefix
from .fonts import font_files

PDF_VARIANT = "pdf/a-3b"
EXPORT_CODE = Path(__file__).resolve().parent
# How each kind of answer is written into a PDF cell lives with the kind.
KINDS_CODE = EXPORT_CODE.parent / "kinds"
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "reporting" / "pdf"
STYLESHEET = "css/pdf.css"
# Contents entries link here; the assembly turns each into a jump to its page.
PAGE_LINK = BASE_URL + "side/"
STYLESHEET_FILE = Path(settings.BASE_DIR) / "static" / STYLESHEET
# Oslo kommune's logo on the cover (Punkt assets; the fonts are in fonts.py).
PUNKT_LOGO = Path(settings.BASE_DIR) / "static/vendor/punkt/logos/oslologo.svg"


def rendering_files() -> list[Path]:
    """Every file that shapes a rendered part besides its data: the export code,
    the answer kinds' formatting, the PDF templates, the stylesheet and the fonts."""
    return [
        *sorted(EXPORT_CODE.glob("*.py")),
        *sorted(KINDS_CODE.glob("*.py")),
        *sorted(TEMPLATE_DIR.rglob("*.html")),
        STYLESHEET_FILE,
        PUNKT_LOGO,
        *font_files(),
    ]


@functools.cache
def rendering_version() -> str:
    """Changes whenever a rendering file, WeasyPrint or pikepdf changes."""
    sha = hashlib.sha256(f"{weasyprint.__version__} {pikepdf.__version__}".encode())
    for path in rendering_files():
        sha.update(path.read_bytes())
    return sha.hexdigest()


def render_html(template: str, context: dict) -> str:
    """A PDF template rendered to HTML (auto-escaping on), with the PDF stylesheet."""
    return render_to_string(
        f"reporting/pdf/{template}",
        {
            "css_url": static_url_prefix() + STYLESHEET,
            "static_url": static_url_prefix(),
            "page_url": PAGE_LINK,
            **context,
        },
    )


@functools.cache
def font_config() -> FontConfiguration:
    """One font configuration per process: fontconfig is set up once, not per part."""
    return FontConfiguration()


def html_to_pdf(html: str, *, tagged: bool = True) -> tuple[bytes, dict]:
    """PDF/A-3b, tagged, fonts embedded; resources only from the static files.

    Returns the PDF and its layout: number of pages, and the page each id is on.
    """
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": tagged}
    document = weasyprint.HTML(
        string=html, base_url=BASE_URL, url_fetcher=PortalStaticFetcher()
    ).render(font_config=font_config(), **options)
    anchors = {
        name: index
        for index, page in reversed(list(enumerate(document.pages)))
        for name in page.anchors
    }
    layout = {"pages": len(document.pages), "anchors": anchors}
    return document.write_pdf(**options), layout


def peak_memory_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
