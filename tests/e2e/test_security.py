import pytest
from django.conf import settings
from django.core.management import call_command

from tests.e2e.conftest import PASSWORD, STEP_TIMEOUT_MS


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def strict_page(browser, live_server):
    """A page that enforces the Content-Security-Policy and keeps its violations."""
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    page.violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and page.violations.append(message.text)
        ),
    )
    yield page
    context.close()


def test_a_locked_out_login_shows_an_accessible_message_in_norwegian(demo, visitor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        visitor.login("kontakt", "feil-passord")
    assert "Innloggingen er midlertidig sperret" in visitor.page.content()


def test_administrator_reads_the_audit_log(demo, visitor):
    visitor.login("kontakt", "feil-passord")
    visitor.login("admin")
    visitor.page.get_by_role("link", name="Revisjonslogg").click()
    visitor.check()
    assert "Mislykket innlogging" in visitor.page.content()


@pytest.mark.parametrize(
    "path",
    [
        "/logg-inn/",
        "/",
        "/bibliotek/",
        "/admin/",
        "/admin/circulars/circular/add/",
        "/admin/circulars/document/add/",
        "/admin/reporting/unit/add/",
        "/admin/auth/user/add/",
    ],
)
def test_portal_and_admin_pages_run_under_the_strict_policy(
    demo, strict_page, live_server, path
):
    strict_page.goto(live_server.url + "/logg-inn/")
    strict_page.get_by_label("Brukernavn").fill("admin")
    strict_page.get_by_label("Passord").fill(PASSWORD)
    strict_page.get_by_role("button", name="Logg inn").click()
    strict_page.wait_for_load_state("networkidle")
    strict_page.goto(live_server.url + path)
    strict_page.wait_for_load_state("networkidle")
    assert strict_page.violations == []
