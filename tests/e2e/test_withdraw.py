import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from circulars.services import publish_circular, start_replacement
from reporting.models import Report
from reporting.services import save_section_answer
from tests.e2e.conftest import PASSWORD


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


def test_contact_sees_the_replacement_to_fill_in_and_the_old_report_as_history(
    demo, visitor
):
    old = Report.objects.get(
        unit__slug="bydel-frogner",
        circular__reporting_year=2026,
        circular__status="published",
    )
    answer = old.answers.order_by("section__order").first()
    # A question asked whatever the other answers (not a hidden follow-up).
    question = answer.section.questions.filter(
        kind="long_text", shown_when_key=""
    ).first()
    save_section_answer(
        answer=answer,
        data={question.key: "Planen ble vedtatt i bydelsutvalget."},
        based_on=answer.version,
        by=get_user_model().objects.get(username="kontakt"),
    )
    admin = get_user_model().objects.get(username="admin")
    replacement = start_replacement(circular=old.circular, by=admin)
    publish_circular(circular=replacement, by=admin)

    visitor.login("kontakt")
    page = visitor.page
    to_do = page.locator(
        "section", has=page.get_by_role("heading", name="Rapporter å fylle ut")
    )
    assert f"Rundskrivet erstatter {old.circular.cited}." in to_do.inner_text()
    assert "1 svar er overført fra" in to_do.inner_text()
    history = page.locator(
        "section",
        has=page.get_by_role("heading", name="Tidligere og avsluttede rapporter"),
    )
    assert f"{old.circular.designation} er trukket tilbake." in history.inner_text()
