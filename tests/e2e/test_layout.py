"""Every page each role reaches fits the window of a laptop and of a phone: nothing
is wider than the window, nothing asks the server for a file it does not have (the
favicon), and axe and the Nu HTML Checker find nothing on any of them."""

import re
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command

from tests.e2e.conftest import PASSWORD
from tests.e2e.html_checker import HtmlPages, require_vnu

WIDTHS = (1280, 390)
# Links a crawl must not follow: leaving, downloads, language switching.
NOT_PAGES = re.compile(
    r"logg-ut|/i18n/|\.(pdf|xlsx|csv|zip)(\?|$)|last-ned|/media/|/csv/|/vedlegg/\d+/$"
)
PAGES_PER_ROLE = 30


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", fill=True, verbosity=0)


def too_wide(page) -> int:
    """How many pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def crawl(visitor, start: str):
    """The pages reachable by links from `start`, each once (query strings aside)."""
    page, host = visitor.page, urlsplit(visitor.base_url).netloc
    queue, seen = [visitor.base_url + start], set()
    while queue and len(seen) < PAGES_PER_ROLE:
        url = urldefrag(queue.pop(0))[0]
        key = urlsplit(url).path
        if key in seen or urlsplit(url).netloc != host or NOT_PAGES.search(url):
            continue
        seen.add(key)
        response = page.goto(url)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        yield url
        queue += page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


@pytest.mark.parametrize("role", ["anonym", "kontakt", "radgiver", "admin"])
def test_every_page_of_each_role_fits_the_window_at_1280_and_390_px(
    demo, visitor, tmp_path, role
):
    require_vnu()
    visitor.html_pages = HtmlPages(tmp_path)
    page = visitor.page
    missing = []
    page.on(
        "response",
        lambda response: (
            missing.append(response.url) if response.status == 404 else None
        ),
    )
    if role != "anonym":
        visitor.login(role)
    wide = []
    start = "/" if role != "anonym" else "/bibliotek/"
    urls = list(crawl(visitor, start))
    assert len(urls) > 3
    for url in urls:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            if width == WIDTHS[0]:
                visitor.check()
            if excess := too_wide(page):
                wide.append(f"{url} is {excess} px wider than {width} px")
    assert not wide, "\n".join(wide)
    assert not missing, f"Not found: {missing}"
    assert not visitor.html_pages.errors()
