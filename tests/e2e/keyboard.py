"""Moving through pages as a keyboard user: Tab to a control, assert its focus,
press Enter or Space, type."""

from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD

TAB_LIMIT = 400


def tab_to(page, locator, *, backwards=False):
    """Press Tab (Shift+Tab) until `locator` has the focus; fail if it never gets it."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(TAB_LIMIT):
        page.keyboard.press(key)
        if locator.evaluate("element => element === document.activeElement"):
            expect(locator).to_be_focused()
            return locator
    raise AssertionError(f"{locator} never got the focus with {key}.")


def follow(page, locator, *, key="Enter"):
    """Tab to a link or button and activate it; wait for the next page."""
    tab_to(page, locator)
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state("domcontentloaded")


def replace_text(page, locator, text):
    """Tab to a text field, select what is in it and type over it."""
    tab_to(page, locator)
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    expect(locator).to_have_value(text)


def login(visitor, username):
    """Log in by keyboard alone."""
    page = visitor.page
    visitor.goto("/logg-inn/")
    replace_text(page, page.get_by_label("Brukernavn"), username)
    replace_text(page, page.get_by_label("Passord"), PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visitor.check()


def logout(visitor):
    """Open the user menu in the header by keyboard, then log out from it."""
    page = visitor.page
    if page.locator(".portal-menu").count():
        tab_to(page, page.locator(".portal-menu > summary"))
        page.keyboard.press("Enter")
    follow(page, page.get_by_role("button", name="Logg ut"))
    visitor.check()
