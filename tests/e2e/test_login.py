import pytest
from django.core.management import call_command

from tests.e2e.conftest import PASSWORD


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.mark.parametrize(
    ("username", "role", "sees"),
    [
        ("kontakt", "Kontaktperson", "Rapporter å fylle ut"),
        ("radgiver", "Rådgiver", "Innrapportering per rundskriv"),
        ("admin", "Administrator", "Innrapportering per rundskriv"),
    ],
)
def test_each_demo_role_logs_in_sees_the_start_page_and_logs_out(
    demo, visitor, username, role, sees
):
    visitor.login(username)
    page = visitor.page
    assert page.get_by_role("heading", level=1).inner_text().startswith("Velkommen")
    visitor.open_user_menu()
    assert role in page.locator("header").inner_text()
    assert sees in page.content()
    visitor.logout()
    assert "/logg-inn/" in page.url


def test_wrong_password_gives_a_clear_message(demo, visitor):
    visitor.login("kontakt", "feil-passord")
    assert "riktig brukernavn og passord" in visitor.page.content()


def test_public_library_is_readable_without_login(demo, visitor):
    page = visitor.goto("/bibliotek/")
    assert "Rundskriv 8/2017" in page.content()
    page.get_by_role(
        "link",
        name="Rundskriv 8/2017 til bydelene, etatene, de kommunale foretakene og "
        "byrådsavdelingene: OXLO-guiden for likeverdige tjenester",
    ).click()
    visitor.check()
    assert "201204898-35" in page.content()
