"""Browser tests: Debian's Chromium driven by Playwright, axe on every page visited."""

import os
import shutil
import threading
import time

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
# A step on a busy two-core machine (eight test runs at once) may take this long.
STEP_TIMEOUT_MS = 60_000
# Ordering an export renders it in the request (tasks run at once in the tests).
EXPORT_TIMEOUT_MS = 300_000


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


class ServedConnections:
    """Counts the connections the live server is serving: a browser keeps its
    connections open, and a request in progress keeps its connection served."""

    def __init__(self, server):
        self.count = 0
        self.changed = threading.Condition()
        serve = server.process_request_thread

        def counted(*args):
            self._add(1)
            try:
                serve(*args)
            finally:
                self._add(-1)

        server.process_request_thread = counted

    def _add(self, step: int):
        with self.changed:
            self.count += step
            self.changed.notify_all()

    def wait_until_none(self, seconds: float) -> bool:
        """False if connections are still served after `seconds`."""
        with self.changed:
            return self.changed.wait_for(lambda: self.count == 0, seconds)


@pytest.fixture(scope="session")
def served_connections(live_server):
    return ServedConnections(live_server.thread.httpd)


@pytest.fixture(autouse=True)
def server_finishes_before_the_data_goes(transactional_db, served_connections):
    """No request of a test (an export rendering in it) outlives the test: once
    its browser is closed, the data is flushed only when the server is done."""
    yield
    started = time.monotonic()
    if not served_connections.wait_until_none(EXPORT_TIMEOUT_MS / 1000):
        pytest.fail(
            f"The live server was still serving this test's browser "
            f"{time.monotonic() - started:.0f} s after the test ended."
        )


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
        page.set_default_timeout(STEP_TIMEOUT_MS)
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

    def order_export(self, button: str):
        """Click the button that orders an export and wait for the job's page: the
        export renders within that request."""
        self.page.get_by_role("button", name=button).first.click(
            timeout=EXPORT_TIMEOUT_MS
        )
        self.page.wait_for_url("**/eksport/*/", timeout=EXPORT_TIMEOUT_MS)
        self.check()
        return self.page

    def open_user_menu(self):
        """The header's user menu: name, unit, role, language, settings, log out.
        (The Django admin has its own header, with «Logg ut» in view.)"""
        menu = self.page.locator("details.portal-menu")
        if menu.count() and not menu.evaluate("menu => menu.open"):
            menu.locator("summary").click()

    def logout(self):
        self.open_user_menu()
        self.page.get_by_role("button", name="Logg ut").click()
        self.page.wait_for_load_state("domcontentloaded")
        self.check()


@pytest.fixture
def visitor(browser, live_server):
    context = browser.new_context(locale="nb-NO", bypass_csp=True)
    yield Visitor(context.new_page(), live_server.url)
    context.close()


@pytest.fixture
def new_visitor(browser, live_server):
    """Another person's browser (closed after the test, like `visitor`'s)."""
    contexts = []

    def make() -> Visitor:
        contexts.append(browser.new_context(locale="nb-NO", bypass_csp=True))
        return Visitor(contexts[-1].new_page(), live_server.url)

    yield make
    for context in contexts:
        context.close()


def click(visitor, role, name):
    """Click a link or button that loads a page, and check the page."""
    visitor.page.get_by_role(role, name=name).click()
    visitor.page.wait_for_load_state("domcontentloaded")
    visitor.check()
    return visitor.page
