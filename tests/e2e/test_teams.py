"""A unit's team in a real browser, with local accounts: an invitation accepted
once with a password and refused the second time, another withdrawn; a
contributor given one chapter by the contact, who writes it and nothing else; who
is editing a chapter, told to the others and kept current by the autosave, with
no lock; deactivating a person after a confirmation, keeping their history; a
password reset that does not tell whether an address has an account."""

import datetime
import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone

from circulars.services import publish_circular
from reporting.models import ChapterPresence, Membership, Report
from reporting.services import save_section_answer
from reporting.services.chapters import assign_chapter
from tests import factories
from tests.e2e.conftest import PASSWORD, click

NEW_PASSWORD = "Et-nytt-langt-passord-1"


@pytest.fixture
def frogner(transactional_db):
    """Bydel Frogner's report with two chapters, its contact Kari and its
    contributor Hanne (HR), and an administrator."""
    unit = factories.UnitFactory(name="Bydel Frogner", slug="bydel-frogner")
    circular = factories.CircularFactory(audience=[unit.kind])
    for order, (number, title, label) in enumerate(
        [
            ("4.3", "Universell utforming", "Hva har enheten gjort?"),
            ("4.7", "Likestilling", "Hva har HR gjort?"),
        ]
    ):
        section = factories.SectionFactory(
            circular=circular, number=number, title=title, order=order
        )
        factories.QuestionFactory(section=section, key=f"svar-{order}", label=label)
    publish_circular(circular=circular, by=None)
    factories.contact_of(
        unit,
        user__username="kontakt",
        user__first_name="Kari",
        user__last_name="Nordmann",
    )
    factories.contributor_of(
        unit, user__username="hanne", user__first_name="Hanne", user__last_name="Rud"
    )
    factories.administrator(username="admin", first_name="Ada", last_name="Admin")
    return Report.objects.get(circular=circular, unit=unit)


def chapter_url(report, number) -> str:
    answer = report.answers.get(section__number=number)
    return f"/rapporter/{report.pk}/kapitler/{answer.section_id}/"


def main_text(visitor) -> str:
    return visitor.page.get_by_role("main").inner_text()


def type_and_wait_for_autosave(visitor, label, text):
    status = visitor.page.locator("#save-status")
    visitor.page.get_by_label(label).fill(text)
    # The autosave answers: «Lagret HH:MM», or the offer after a conflict.
    visitor.page.wait_for_function(
        "() => /Lagret \\d|Noen andre/.test("
        "document.getElementById('save-status').textContent)"
    )
    return status.inner_text()


def test_an_invitation_is_accepted_once_with_a_password_and_then_refused_clearly(
    frogner, visitor, new_visitor
):
    admin = visitor
    admin.login("admin")
    admin.goto("/enheter/bydel-frogner/personer/")
    admin.page.get_by_label("E-post (jobb)").fill("Ola.Olsen@oslo.kommune.no")
    admin.page.get_by_label("Rolle").select_option(label="Bidragsyter")
    page = click(admin, "button", "Send invitasjon")
    assert "Invitasjonen er sendt til ola.olsen@oslo.kommune.no" in main_text(admin)
    assert "ola.olsen@oslo.kommune.no – Bidragsyter" in main_text(admin)
    assert mail.outbox[-1].to == ["ola.olsen@oslo.kommune.no"]
    link = re.search(r"http://\S+/invitasjon/\S+/", mail.outbox[-1].body).group(0)
    path = urlparse(link).path

    newcomer = new_visitor()
    page = newcomer.goto(path)
    assert "Du er invitert som Bidragsyter" in main_text(newcomer)
    page.get_by_label("Fornavn").fill("Ola")
    page.get_by_label("Etternavn").fill("Olsen")
    page.get_by_label("Passord", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Gjenta passordet").fill(NEW_PASSWORD)
    page = click(newcomer, "button", "Lag konto og bli med")
    assert "Velkommen! Brukernavnet ditt er ola.olsen@oslo.kommune.no." in (
        page.content()
    )
    newcomer.open_user_menu()
    assert "Ola Olsen" in page.locator("header").inner_text()
    assert "Bidragsyter" in page.locator("header").inner_text()

    for second in (newcomer, new_visitor()):
        response = second.page.goto(second.base_url + path)
        second.check()
        assert response.status == 410
        assert "Invitasjonen kan ikke brukes" in main_text(second)
        assert "allerede brukt" in main_text(second)
        assert second.page.get_by_role("link", name="Til innloggingen").is_visible()

    # A mistyped address: the invitation is withdrawn before anyone uses it.
    admin.page.get_by_label("E-post (jobb)").fill("ola.olsne@oslo.kommune.no")
    admin.page.get_by_label("Rolle").select_option(label="Leder")
    click(admin, "button", "Send invitasjon")
    typo = re.search(r"http://\S+/invitasjon/\S+/", mail.outbox[-1].body).group(0)
    click(admin, "button", "Trekk tilbake invitasjonen til ola.olsne@oslo.kommune.no")
    assert "Invitasjonen til ola.olsne@oslo.kommune.no er trukket tilbake" in (
        main_text(admin)
    )
    page = new_visitor().goto(urlparse(typo).path)
    assert "Invitasjonen kan ikke brukes" in page.get_by_role("main").inner_text()

    stranger = new_visitor()
    stranger.login("ola.olsen@oslo.kommune.no", NEW_PASSWORD)
    assert "Logg ut" in stranger.page.content()

    page = admin.goto("/enheter/bydel-frogner/personer/")
    row = page.get_by_role("row", name=re.compile("Ola Olsen"))
    assert "Bidragsyter" in row.inner_text()
    assert "Sendte invitasjoner" not in main_text(admin)


def test_a_contributor_writes_the_chapter_the_contact_gave_them_and_nothing_else(
    frogner, visitor, new_visitor
):
    report = frogner
    contact = visitor
    contact.login("kontakt")
    page = contact.goto(f"/rapporter/{report.pk}/")
    hr_chapter = report.answers.get(section__number="4.7").section_id
    step = page.locator(f"#kapittel-{hr_chapter}")
    step.get_by_text("Tildel 4.7 til bidragsytere").click()
    step.get_by_label("Hanne Rud").check()
    step.get_by_role("button", name="Lagre").click()
    page.wait_for_load_state("domcontentloaded")
    contact.check()
    assert "Bidragsyterne for 4.7 er lagret." in main_text(contact)
    assert "Bidragsyter: Hanne Rud" in main_text(contact)

    hr = new_visitor()
    hr.login("hanne")
    page = hr.goto(f"/rapporter/{report.pk}/")
    assert not page.get_by_role("link", name="Send inn rapporten").count()
    page = hr.goto(chapter_url(report, "4.7"))
    assert type_and_wait_for_autosave(
        hr, "Hva har HR gjort?", "Lønnskartlegging i 2026."
    ).startswith("Lagret")
    assert report.answers.get(section__number="4.7").data == {
        "svar-1": "Lønnskartlegging i 2026."
    }

    page = hr.goto(chapter_url(report, "4.3"))
    refusal = page.locator("#ikke-ditt-kapittel").inner_text()
    assert "Kontaktpersonen har ikke gitt deg dette kapittelet" in refusal
    assert page.get_by_label("Hva har enheten gjort?").is_disabled()
    assert not page.get_by_role("button", name="Lagre utkast").count()
    # No dead end: the page links to the chapter that is theirs.
    page.locator("#ikke-ditt-kapittel").get_by_role(
        "link", name="4.7 Likestilling"
    ).click()
    page.wait_for_load_state("domcontentloaded")
    hr.check()
    assert page.get_by_label("Hva har HR gjort?").is_editable()

    page = hr.goto(f"/rapporter/{report.pk}/send-inn/")
    assert "Bare enhetens kontaktperson sender inn rapporten." in main_text(hr)
    click(hr, "link", "Til forsiden")
    assert urlparse(page.url).path == "/"
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_the_others_see_who_is_editing_kept_current_by_the_autosave_and_no_lock(
    frogner, visitor, new_visitor
):
    report = frogner
    contact = visitor
    contact.login("kontakt")
    hr = new_visitor()
    hr.login("hanne")
    chapter = report.answers.get(section__number="4.7")
    hanne = Membership.objects.get(role=Membership.Role.CONTRIBUTOR).user
    assign_chapter(
        report=report,
        section=chapter.section,
        contributor_ids=[hanne.pk],
        by=Membership.objects.get(role=Membership.Role.CONTACT).user,
    )

    page = hr.goto(chapter_url(report, "4.7"))
    assert hr.page.locator("#presence").inner_text() == ""
    page = contact.goto(f"/rapporter/{report.pk}/")
    step = page.locator(f"#kapittel-{chapter.section_id}")
    assert "Hanne Rud redigerer dette kapittelet" in step.inner_text()
    page = contact.goto(chapter_url(report, "4.7"))
    presence = page.locator("#presence")
    assert presence.inner_text() == "Hanne Rud redigerer dette kapittelet"

    # Hanne being there locks nothing: Kari saves.
    assert type_and_wait_for_autosave(
        contact, "Hva har HR gjort?", "Kari skriver først."
    ).startswith("Lagret")
    assert presence.inner_text() == "Hanne Rud redigerer dette kapittelet"
    # Hanne closed the page a while ago: Kari's next autosave says no one is there.
    ChapterPresence.objects.filter(user__username="hanne").update(
        seen_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    type_and_wait_for_autosave(contact, "Hva har HR gjort?", "Kari skriver igjen.")
    page.wait_for_function("() => !document.getElementById('presence').textContent")

    # Hanne, who opened the chapter before Kari saved, is not stranded either:
    # she is told, sees both versions, and saves hers over Kari's.
    status = type_and_wait_for_autosave(hr, "Hva har HR gjort?", "Hannes versjon.")
    assert "Noen andre har lagret" in status
    click(hr, "button", "Vis begge versjonene")
    assert "Kari skriver igjen." in hr.page.locator("section.conflict").inner_text()
    click(hr, "button", "Lagre utkast")
    assert "Utkastet er lagret" in main_text(hr)
    chapter.refresh_from_db()
    assert chapter.data == {"svar-1": "Hannes versjon."}
    page = contact.goto(chapter_url(report, "4.7"))
    assert presence.inner_text() == "Hanne Rud redigerer dette kapittelet"


def test_deactivating_asks_first_stops_sign_in_and_keeps_the_history(
    frogner, visitor, new_visitor, browser
):
    report = frogner
    ola = factories.contact_of(
        report.unit,
        user__username="ola",
        user__first_name="Ola",
        user__last_name="Olsen",
    )
    chapter = report.answers.get(section__number="4.3")
    save_section_answer(
        answer=chapter, data={"svar-0": "Olas tekst."}, based_on=0, by=ola
    )
    olas_browser = new_visitor()
    olas_browser.login("ola")

    admin = visitor
    admin.login("admin")
    page = admin.goto("/enheter/bydel-frogner/personer/")
    click(admin, "link", "Deaktiver Ola Olsen")
    assert "Deaktivere Ola Olsen?" in main_text(admin)
    assert "1 lagret versjon av kapitler" in main_text(admin)
    click(admin, "link", "Avbryt")
    row = page.get_by_role("row", name=re.compile("Ola Olsen"))
    assert "Aktiv" in row.inner_text()
    ola.refresh_from_db()
    assert ola.is_active

    # The confirmation is a page of its own: it works with JavaScript off.
    no_script = browser.new_context(
        locale="nb-NO", bypass_csp=True, java_script_enabled=False
    )
    try:
        plain = no_script.new_page()
        plain.goto(admin.base_url + "/logg-inn/")
        plain.get_by_label("Brukernavn").fill("admin")
        plain.get_by_label("Passord").fill(PASSWORD)
        plain.get_by_role("button", name="Logg inn").click()
        plain.goto(admin.base_url + "/enheter/bydel-frogner/personer/")
        plain.get_by_role("link", name="Deaktiver Ola Olsen").click()
        plain.get_by_role("button", name="Ja, deaktiver Ola Olsen").click()
        plain.wait_for_load_state("domcontentloaded")
        assert "Ola Olsen er deaktivert" in plain.get_by_role("main").inner_text()
    finally:
        no_script.close()
    page = admin.goto("/enheter/bydel-frogner/personer/")
    assert (
        "Deaktivert"
        in page.get_by_role("row", name=re.compile("Ola Olsen")).inner_text()
    )
    assert not page.get_by_role("link", name="Deaktiver Ola Olsen").count()

    # Ola's open session has ended, and the password no longer signs in.
    olas_browser.goto("/")
    assert urlparse(olas_browser.page.url).path == "/logg-inn/"
    olas_browser.login("ola")
    assert "Skriv inn riktig brukernavn og passord" in olas_browser.page.content()
    assert urlparse(olas_browser.page.url).path == "/logg-inn/"

    # What Ola did is still there with Ola's name.
    page = admin.goto(chapter_url(report, "4.3") + "historikk/")
    assert "lagret" in main_text(admin) and "av Ola Olsen" in main_text(admin)
    page = admin.goto("/revisjonslogg/")
    assert "Ola Olsen" in main_text(admin)
    page = admin.goto(f"/rapporter/{report.pk}/")
    assert "av Ola Olsen" in main_text(admin)


def test_a_password_reset_answers_the_same_for_an_unknown_address(frogner, visitor):
    pages = []
    for address in ("ingen.her@oslo.kommune.no", "kontakt@oslo.kommune.no"):
        visitor.goto("/logg-inn/")
        page = click(visitor, "link", "Glemt passordet?")
        page.get_by_label("E-post").fill(address)
        page = click(visitor, "button", "Send lenke")
        pages.append((urlparse(page.url).path, main_text(visitor)))
    assert pages[0] == pages[1]
    assert "Sjekk e-posten din" in pages[0][1]
    assert [message.to for message in mail.outbox] == [["kontakt@oslo.kommune.no"]]
