"""An administrator starts next year's fellesskriv from this year's, edits a
question, previews, publishes; Bydel Frogner's contact then has the report."""

import re

import pytest
from django.core.management import call_command

from circulars.models import Circular
from tests.e2e.conftest import PASSWORD


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


def test_administrator_publishes_next_years_circular_and_the_contact_sees_it(
    demo, visitor
):
    this_year = Circular.objects.filter(kind="fellesskriv").order_by("-year").first()
    next_year = this_year.year + 1
    page = visitor.page

    visitor.login("admin")
    visitor.goto("/admin/circulars/circular/")
    page.get_by_role("link", name=this_year.designation, exact=True).click()
    visitor.check()
    assert "kan ikke endres" in page.content()

    page.get_by_role("link", name="Start neste års rundskriv …").click()
    visitor.check()
    page.get_by_role("button", name="Opprett utkast").click()
    visitor.check()
    assert "er opprettet" in page.content()
    draft = Circular.objects.get(kind="fellesskriv", year=next_year)
    assert draft.status == Circular.Status.DRAFT

    # Edit the first question of the first section through the section page.
    section = draft.sections.order_by("order").first()
    question = section.questions.order_by("order").first()
    page.locator("a.inlinechangelink").first.click()
    visitor.check()
    assert page.url.endswith(f"/admin/circulars/section/{section.pk}/change/")
    label = page.locator("#id_questions-0-label")
    label.fill("Har bydelen en egen lokal handlingsplan for perioden?")
    page.get_by_role("button", name="Lagre", exact=True).click()
    visitor.check()
    question.refresh_from_db()
    assert question.label == "Har bydelen en egen lokal handlingsplan for perioden?"

    visitor.goto(f"/admin/circulars/circular/{draft.pk}/change/")
    preview = page.get_by_role("link", name="Forhåndsvis")
    if preview.count():  # the preview page lives in the reporting app
        preview.first.click()
        visitor.check()
        visitor.goto(f"/admin/circulars/circular/{draft.pk}/change/")

    page.get_by_role("link", name="Publiser …").click()
    visitor.check()
    assert f"Endringer siden {this_year.designation}" in page.content()
    assert "Har bydelen en egen lokal handlingsplan for perioden?" in page.content()
    page.get_by_role("button", name="Publiser").click()
    visitor.check()
    assert "er publisert" in page.content()
    draft.refresh_from_db()
    assert draft.status == Circular.Status.PUBLISHED

    visitor.logout()
    visitor.login("kontakt")
    visitor.goto("/")
    open_reports = page.locator("#apne").locator("xpath=..").inner_text()
    assert re.search(rf"\b{draft.number}/{next_year}\b", open_reports)

    visitor.goto(draft.get_absolute_url())
    assert "Har bydelen en egen lokal handlingsplan for perioden?" in page.content()


def test_administrator_replaces_one_circular_and_the_library_says_so(demo, visitor):
    old = Circular.objects.get(kind="rundskriv", number=8, year=2017)
    page = visitor.page

    visitor.login("admin")
    visitor.goto(f"/admin/circulars/circular/{old.pk}/change/")
    page.get_by_role("link", name="Erstatt …").click()
    visitor.check()
    page.get_by_label("Nummer på det nye rundskrivet").fill("")
    page.get_by_role("button", name="Opprett erstatning").click()
    visitor.check()
    assert "Feltet er påkrevet" in page.content()
    page.get_by_label("Nummer på det nye rundskrivet").fill("3")
    page.get_by_role("button", name="Opprett erstatning").click()
    visitor.check()
    replacement = old.replaced_by.get()

    # A real circular is published with its own saksnummer in Oslo's archive.
    visitor.goto(f"/admin/circulars/circular/{replacement.pk}/change/")
    page.locator("input[name=case_number]").fill("201204898-36")
    page.locator("input[name=_continue]").click()
    visitor.check()
    page.get_by_role("link", name="Publiser …").click()
    visitor.check()
    assert "trekkes samtidig tilbake" in page.content()
    page.get_by_role("button", name="Publiser").click()
    visitor.check()

    visitor.goto("/admin/circulars/circular/add/")
    visitor.logout()
    visitor.goto(old.get_absolute_url())
    assert "Erstattet av" in page.content()
    page.get_by_role(
        "link", name=f"{replacement.designation}: {replacement.title}"
    ).click()
    visitor.check()
    assert "Erstatter" in page.content()


def test_administrator_withdraws_a_circular_with_a_reason(demo, visitor):
    circular = Circular.objects.filter(kind="rundskriv", reporting_year__isnull=False)
    circular = circular.order_by("year").first()
    page = visitor.page

    visitor.login("admin")
    visitor.goto(f"/admin/circulars/circular/{circular.pk}/change/")
    page.get_by_role("link", name="Trekk tilbake …").click()
    visitor.check()
    page.get_by_role("button", name="Trekk tilbake").click()
    visitor.check()
    assert "Feltet er påkrevet" in page.content()
    page.get_by_label("Begrunnelse").fill("Sendt ut med feil frist.")
    page.get_by_role("button", name="Trekk tilbake").click()
    visitor.check()
    assert "er trukket tilbake" in page.content()
    visitor.goto(circular.get_absolute_url())
    assert "Sendt ut med feil frist." in page.content()
