"""The only URL fetcher a PDF gets: the portal's own static files, nothing else.

Text a unit typed is auto-escaped by the templates, but a stylesheet or image URL
that reached WeasyPrint anyway must never read a local file or call a server.
"""

import logging
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("reporting.exports")

# A host that can never resolve: URLs are mapped to static files, never fetched.
BASE_URL = "https://oxlo-portal.invalid/"
MAX_RESOURCE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024
CONTENT_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
}


class RefusedURL(ValueError):
    """A PDF asked for something other than one of the portal's static files."""


def static_url_prefix() -> str:
    return BASE_URL + settings.STATIC_URL.lstrip("/")


class PortalStaticFetcher(URLFetcher):
    """Serve `BASE_URL/static/<path>` from the static files; refuse and log the rest.

    Counts the bytes it hands out, so one rendering job stays within its size bound.
    """

    def __init__(self):
        super().__init__(allowed_protocols=())
        self.served_bytes = 0

    def fetch(self, url, headers=None):
        path = self._static_path(url)
        size = path.stat().st_size
        if (
            size > MAX_RESOURCE_BYTES
            or self.served_bytes + size > MAX_TOTAL_BYTES
            or path.suffix not in CONTENT_TYPES
        ):
            self._refuse(url, "too large or of a kind a PDF does not need")
        self.served_bytes += size
        return URLFetcherResponse(
            url,
            path.read_bytes(),
            headers={"Content-Type": CONTENT_TYPES[path.suffix]},
        )

    def _static_path(self, url: str) -> Path:
        prefix = static_url_prefix()
        if not url.startswith(prefix):
            self._refuse(url, "not one of the portal's static files")
        parts = urlsplit(url)
        relative = unquote(parts.path)[len(urlsplit(prefix).path) :]
        normalized = posixpath.normpath(relative)
        if (
            parts.query
            or normalized.startswith(("/", ".."))
            or ".." in relative.split("/")
            or "\\" in relative
        ):
            self._refuse(url, "path leaves the static files")
        found = finders.find(normalized)
        if not found:
            self._refuse(url, "no such static file")
        resolved = Path(found).resolve()
        roots = [Path(root).resolve() for root in settings.STATICFILES_DIRS]
        if not any(resolved.is_relative_to(root) for root in roots):
            self._refuse(url, "resolves outside the static files")
        return resolved

    def _refuse(self, url: str, why: str):
        logger.warning("PDF export refused to fetch %r: %s", url[:200], why)
        raise RefusedURL(f"Refused {url[:200]!r}: {why}")
