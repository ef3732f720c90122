"""Two browsers on one section, and a session that expires while typing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from reporting.models import Report, SectionAnswer
from tests.e2e.conftest import PASSWORD, Visitor


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def section_path(demo):
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    answer = report.answers.select_related("section").first()
    return answer, reverse(
        "reporting:section_edit", args=[report.pk, answer.section_id]
    )


def plan_field(page, answer):
    """The first long text the page shows (a conditional question may be hidden)."""
    texts = answer.section.questions.filter(kind="long_text").order_by("order")
    for key in texts.values_list("key", flat=True):
        field = page.locator(f"[name=q__{key}]")
        if field.is_visible():
            return field, key
    raise AssertionError("The chapter shows no long text")


def test_two_browsers_on_one_section_keep_both_persons_input(
    section_path, visitor, browser, live_server
):
    answer, path = section_path
    other_context = browser.new_context(locale="nb-NO", bypass_csp=True)
    other = Visitor(other_context.new_page(), live_server.url)
    try:
        visitor.login("kontakt")
        other.login("kontakt")
        visitor.goto(path)
        other.goto(path)
        mine, key = plan_field(visitor.page, answer)
        theirs, _ = plan_field(other.page, answer)

        theirs.fill("Kollegaens tekst")
        theirs.press("Tab")
        other.page.wait_for_function(
            "document.getElementById('save-status').textContent.includes('Lagret')"
        )
        mine.fill("Min egen tekst")
        mine.press("Tab")
        offer = visitor.page.locator("#conflict-offer")
        offer.wait_for(state="visible")
        visitor.check()
        visitor.page.get_by_role("button", name="Vis begge versjonene").click()
        visitor.page.wait_for_load_state("domcontentloaded")
        visitor.check()
        conflict = visitor.page.locator("section.conflict")
        assert "Kollegaens tekst" in conflict.inner_text()
        assert "Min egen tekst" in conflict.inner_text()
        assert mine.input_value() == "Min egen tekst"
        assert SectionAnswer.objects.get(pk=answer.pk).data[key] == "Kollegaens tekst"
    finally:
        other_context.close()


def test_typed_values_survive_an_expired_session_and_are_restored_after_login(
    section_path, visitor
):
    answer, path = section_path
    visitor.login("kontakt")
    page = visitor.goto(path)
    field, key = plan_field(page, answer)
    page.context.clear_cookies()
    page.evaluate(
        "document.cookie = 'csrftoken=' + "
        "document.querySelector('[name=csrfmiddlewaretoken]').value + '; path=/'"
    )
    field.fill("Skrevet etter at økten gikk ut")
    field.press("Tab")
    page.locator("#session-expired").wait_for(state="visible")
    visitor.check()
    assert SectionAnswer.objects.get(pk=answer.pk).data.get(key) != (
        "Skrevet etter at økten gikk ut"
    )

    page.get_by_role("link", name="Logg inn igjen").click()
    page.get_by_label("Brukernavn").fill("kontakt")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state("domcontentloaded")
    assert path in page.url
    page.locator("#restore-offer").wait_for(state="visible")
    visitor.check()
    page.get_by_role("button", name="Hent fram og lagre").click()
    page.wait_for_function(
        "document.getElementById('save-status').textContent.includes('Lagret')"
    )
    assert field.input_value() == "Skrevet etter at økten gikk ut"
    assert (
        SectionAnswer.objects.get(pk=answer.pk).data[key]
        == "Skrevet etter at økten gikk ut"
    )


def test_the_page_warns_before_the_session_ends_and_can_renew_it(section_path, visitor):
    _, path = section_path
    visitor.login("kontakt")
    page = visitor.page
    page.clock.install()
    visitor.goto(path)
    warning = page.locator("#session-warning")
    assert warning.is_hidden()
    page.clock.fast_forward("07:56:00")
    warning.wait_for(state="visible")
    assert "utløper snart" in warning.inner_text()
    visitor.check()
    page.get_by_role("button", name="Fortsett å arbeide").click()
    warning.wait_for(state="hidden")


def test_saving_while_an_autosave_is_on_its_way_saves_without_a_conflict(
    section_path, visitor
):
    answer, path = section_path
    page = visitor.page
    visitor.login("kontakt")
    visitor.goto(path)
    autosaves, saves, autosaved = [], [], []

    def hold_save(route):
        # The form's POST waits until the autosave has been answered.
        if route.request.method == "POST" and not autosaved:
            saves.append(route)
        else:
            route.continue_()

    page.route("**/autolagre/", lambda route: autosaves.append(route))
    page.route(f"**{path}", hold_save)
    field, key = plan_field(page, answer)
    field.fill("Lagret mens autolagringen pågikk")
    with page.expect_request("**/autolagre/"):
        field.press("Tab")  # leaving the field starts an autosave
    while not autosaves:
        page.wait_for_timeout(20)  # let Playwright hand the request to the route
    page.get_by_role("button", name="Lagre utkast").click(no_wait_after=True)
    with page.expect_response("**/autolagre/"):
        autosaves[0].continue_()
    autosaved.append(True)
    with page.expect_navigation():
        for route in saves:
            route.continue_()
    page.wait_for_load_state("domcontentloaded")
    visitor.check()
    assert "Utkastet er lagret" in page.content()
    answer.refresh_from_db()
    assert answer.data[key] == "Lagret mens autolagringen pågikk"
