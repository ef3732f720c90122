"""HTML from the PDF templates to PDF/A bytes through WeasyPrint, safely."""

import functools
import hashlib
import resource
from pathlib import Path

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BASE_URL, PortalStaticFetcher, static_url_prefix

PDF_VARIANT = "pdf/a-3b"
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "reporting" / "pdf"
STYLESHEET = "css/pdf.css"


@functools.cache
def template_version() -> str:
    """Changes whenever a PDF template, the stylesheet or WeasyPrint changes."""
    sha = hashlib.sha256(weasyprint.__version__.encode())
    files = sorted(TEMPLATE_DIR.rglob("*.html"))
    files.append(Path(settings.BASE_DIR) / "static" / STYLESHEET)
    for path in files:
        sha.update(path.read_bytes())
    return sha.hexdigest()


def render_html(template: str, context: dict) -> str:
    """A PDF template rendered to HTML (auto-escaping on), with the PDF stylesheet."""
    return render_to_string(
        f"reporting/pdf/{template}",
        {"css_url": static_url_prefix() + STYLESHEET, **context},
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
