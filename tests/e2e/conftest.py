"""Browser tests: Debian's Chromium driven by Playwright, axe on every page visited."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("OXLO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "passord-for-test-123"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("OXLO_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required here but {CHROMIUM} does not exist.")
        pytest.skip(f"No Chromium at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Visitor:
    """A page that runs axe after every navigation the test asks it to check."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.checked = []
        self.html_pages = None  # an html_checker.HtmlPages to keep every page's HTML

    def goto(self, path):
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self):
        """Fail on any WCAG 2.0/2.1 A or AA violation of the page as it is now."""
        self.page.wait_for_load_state("domcontentloaded")
        results = self.axe.run(
            self.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
        )
        self.checked.append(self.page.url)
        if self.html_pages is not None:
            self.html_pages.collect(self.page)
        assert results.violations_count == 0, (
            f"axe found violations on {self.page.url}:\n" + results.generate_report()
        )

    def login(self, username, password=PASSWORD):
        self.goto("/logg-inn/")
        self.page.get_by_label("Brukernavn").fill(username)
        self.page.get_by_label("Passord").fill(password)
        self.page.get_by_role("button", name="Logg inn").click()
        self.page.wait_for_load_state("domcontentloaded")
        self.check()

    def logout(self):
        self.page.get_by_role("button", name="Logg ut").click()
        self.page.wait_for_load_state("domcontentloaded")
        self.check()


@pytest.fixture
def visitor(browser, live_server):
    context = browser.new_context(locale="nb-NO", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Visitor(page, live_server.url)
    context.close()
