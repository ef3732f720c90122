"""Numbers typed the Norwegian way are stored as meant, whatever the UI language."""

import pytest
from django.urls import reverse

from circulars.models import Question, UnitKind
from circulars.services import publish_circular
from reporting.models import Report
from tests import factories
from tests.e2e.conftest import PASSWORD, Visitor

K = Question.Kind


@pytest.fixture
def report(transactional_db):
    unit = factories.UnitFactory(name="Bydel Frogner", kind=UnitKind.BYDEL)
    factories.MembershipFactory(unit=unit, user__username="kontakt")
    circular = factories.CircularFactory(audience=[UnitKind.BYDEL])
    section = factories.SectionFactory(circular=circular, number="4.7", order=1)
    factories.QuestionFactory(
        section=section,
        key="lonn",
        label="Kvinners lønn i % av menns",
        kind=K.DECIMAL,
        min_value=0,
        max_value=200,
    )
    factories.QuestionFactory(
        section=section, key="ansatte", label="Antall ansatte", kind=K.INTEGER
    )
    publish_circular(circular=circular, by=None)
    return Report.objects.get(unit=unit)


def log_in(visitor: Visitor):
    """Log in by the form's fields, whatever language the page is in."""
    page = visitor.goto("/logg-inn/")
    page.locator("#id_username").fill("kontakt")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    visitor.check()


def saved_both(response, *typed: str) -> bool:
    """Whether ``response`` answers an autosave whose form held everything typed."""
    request = response.request
    body = request.post_data or ""
    return "autolagre" in request.url and all(value in body for value in typed)


@pytest.mark.parametrize(
    ("locale", "shown", "language"),
    [("nb-NO", "95,5", "nb"), ("en-GB", "95.5", "en")],
)
def test_95_comma_5_is_stored_as_95_point_5_in_english_and_in_bokmal(
    report, browser, live_server, locale, shown, language
):
    context = browser.new_context(locale=locale, bypass_csp=True)
    visitor = Visitor(context.new_page(), live_server.url)
    try:
        log_in(visitor)
        answer = report.answers.get()
        path = reverse("reporting:section_edit", args=[report.pk, answer.section_id])
        page = visitor.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        salary = page.locator("[name=q__lonn]")
        count = page.locator("[name=q__ansatte]")
        assert salary.get_attribute("type") == "text"
        assert salary.get_attribute("inputmode") == "decimal"
        assert count.get_attribute("inputmode") == "numeric"
        salary.fill("95,5")
        # The live server shares its in-memory SQLite connection with this thread, so
        # the database is read only once the autosave that carries both values has
        # answered, never while the server may be writing.
        with page.expect_response(lambda r: saved_both(r, "95,5", "1 234")) as saved:
            count.fill("1 234")
            count.press("Tab")
        assert saved.value.ok
        saved.value.finished()
        answer.refresh_from_db()
        assert answer.data == {"lonn": 95.5, "ansatte": 1234}
        page = visitor.goto(path)
        assert page.locator("[name=q__lonn]").input_value() == shown
        assert page.locator("[name=q__ansatte]").input_value() == "1234"
    finally:
        context.close()
