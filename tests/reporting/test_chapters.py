"""Contributors per chapter: the contact assigns, a contributor edits only their
chapters, and the others see who is editing now; who may not."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from circulars.services import publish_circular
from reporting.models import Attachment, ChapterAssignment, ChapterPresence, Report
from tests import factories
from tests.pdfs import plain_pdf


@pytest.fixture
def unit(db):
    return factories.UnitFactory(name="Bydel Frogner", slug="bydel-frogner")


@pytest.fixture
def report(unit):
    circular = factories.CircularFactory(audience=[unit.kind])
    for order, (number, topic) in enumerate([("4.3", "plan"), ("4.7", "likestilling")]):
        section = factories.SectionFactory(
            circular=circular, number=number, topic=topic, order=order
        )
        factories.QuestionFactory(section=section, key=f"svar-{order}")
    publish_circular(circular=circular, by=None)
    return Report.objects.get(circular=circular, unit=unit)


@pytest.fixture
def people(unit):
    return {
        "contact": factories.contact_of(unit, user__first_name="Kari"),
        "hr": factories.contributor_of(
            unit, user__first_name="Hanne", user__last_name="Rud"
        ),
        "leader": factories.leader_of(unit),
    }


def as_(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sections(report):
    return [a.section for a in report.answers.order_by("section__order")]


def autosave(client, report, section, **data):
    answer = report.answers.get(section=section)
    return client.post(
        f"/rapporter/{report.pk}/kapitler/{section.pk}/autolagre/",
        {"based_on": answer.version, **data},
    )


def assign(client, report, section, *users):
    return client.post(
        f"/rapporter/{report.pk}/kapitler/{section.pk}/tildel/",
        {"contributor": [u.pk for u in users]},
    )


def test_a_contributor_edits_only_the_chapter_the_contact_gave_them(report, people):
    plan, hr_chapter = sections(report)
    assert autosave(as_(people["hr"]), report, hr_chapter).status_code == 403
    assign(as_(people["contact"]), report, hr_chapter, people["hr"])
    assert ChapterAssignment.objects.get().contributor == people["hr"]
    hr = as_(people["hr"])
    assert (
        autosave(hr, report, hr_chapter, **{"svar-1": "HR skriver"}).status_code == 200
    )
    assert autosave(hr, report, plan).status_code == 403
    page = hr.get(f"/rapporter/{report.pk}/kapitler/{plan.pk}/").content.decode()
    assert "Kontaktpersonen har ikke gitt deg dette kapittelet" in page
    assert f'href="/rapporter/{report.pk}/kapitler/{hr_chapter.pk}/"' in page
    detail = as_(people["contact"]).get(f"/rapporter/{report.pk}/").content.decode()
    assert "Bidragsyter: Hanne Rud" in detail


def test_a_contributor_is_told_why_a_save_or_submit_is_refused(report, people):
    plan, _hr = sections(report)
    hr = as_(people["hr"])
    page = hr.get(f"/rapporter/{report.pk}/kapitler/{plan.pk}/").content.decode()
    assert "Du har ikke fått noe kapittel i denne rapporten ennå." in page
    refused = hr.post(
        f"/rapporter/{report.pk}/kapitler/{plan.pk}/",
        {"based_on": 0, "svar-0": "Skrevet av HR"},
    )
    assert refused.status_code == 403
    assert "Kontaktpersonen har ikke gitt deg dette kapittelet" in (
        refused.content.decode()
    )
    assert not report.answers.get(section=plan).data
    submit = hr.get(f"/rapporter/{report.pk}/send-inn/")
    assert submit.status_code == 403
    assert "Bare enhetens kontaktperson sender inn rapporten." in (
        submit.content.decode()
    )


def test_unassigning_takes_the_chapter_back(report, people):
    _plan, hr_chapter = sections(report)
    contact = as_(people["contact"])
    assign(contact, report, hr_chapter, people["hr"])
    assign(contact, report, hr_chapter)
    assert not ChapterAssignment.objects.exists()
    assert autosave(as_(people["hr"]), report, hr_chapter).status_code == 403


def test_the_leader_reads_but_does_not_edit(report, people):
    plan, _hr = sections(report)
    leader = as_(people["leader"])
    assert leader.get(f"/rapporter/{report.pk}/kapitler/{plan.pk}/").status_code == 200
    assert autosave(leader, report, plan).status_code == 403


def test_only_the_contact_assigns(report, people, unit):
    _plan, hr_chapter = sections(report)
    for who in ("hr", "leader"):
        response = assign(as_(people[who]), report, hr_chapter, people["hr"])
        assert response.status_code == 403
    adviser = factories.adviser()
    assert assign(as_(adviser), report, hr_chapter, people["hr"]).status_code == 403
    stranger = factories.contact_of(factories.UnitFactory())
    assert assign(as_(stranger), report, hr_chapter, people["hr"]).status_code == 404
    assert not ChapterAssignment.objects.exists()


@pytest.mark.parametrize("value", ["x", "-1", "99999999999999999999", "\x00"])
def test_hostile_contributor_ids_assign_nothing(report, people, value):
    _plan, hr_chapter = sections(report)
    response = as_(people["contact"]).post(
        f"/rapporter/{report.pk}/kapitler/{hr_chapter.pk}/tildel/",
        {"contributor": value},
    )
    assert response.status_code == 302
    assert not ChapterAssignment.objects.exists()


def test_a_person_of_another_unit_cannot_be_assigned(report, people):
    _plan, hr_chapter = sections(report)
    outsider = factories.contributor_of(factories.UnitFactory())
    assign(as_(people["contact"]), report, hr_chapter, outsider)
    assert not ChapterAssignment.objects.exists()


def test_the_others_see_who_is_editing_now_and_it_fades(report, people):
    _plan, hr_chapter = sections(report)
    assign(as_(people["contact"]), report, hr_chapter, people["hr"])
    hr = as_(people["hr"])
    hr.get(f"/rapporter/{report.pk}/kapitler/{hr_chapter.pk}/")
    contact = as_(people["contact"])
    detail = contact.get(f"/rapporter/{report.pk}/").content.decode()
    assert "Hanne Rud redigerer dette kapittelet" in detail
    page = contact.get(f"/rapporter/{report.pk}/kapitler/{hr_chapter.pk}/")
    assert "Hanne Rud redigerer dette kapittelet" in page.content.decode()
    saved = autosave(contact, report, hr_chapter, **{"svar-1": "Kontakten"})
    assert saved.json()["editing"] == "Hanne Rud redigerer dette kapittelet"
    own = hr.get(f"/rapporter/{report.pk}/").content.decode()
    assert "Hanne Rud redigerer" not in own  # never told about oneself
    ChapterPresence.objects.update(
        seen_at=timezone.now() - datetime.timedelta(minutes=3)
    )
    detail = contact.get(f"/rapporter/{report.pk}/").content.decode()
    assert "redigerer dette kapittelet" not in detail


def test_a_contributor_adds_and_removes_attachments_only_in_their_chapter(
    report, people, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    plan, hr_chapter = sections(report)
    assign(as_(people["contact"]), report, hr_chapter, people["hr"])
    hr = as_(people["hr"])

    def upload(section):
        return hr.post(
            f"/rapporter/{report.pk}/kapitler/{section.pk}/vedlegg/",
            {"file": SimpleUploadedFile("plan.pdf", plain_pdf())},
        )

    assert upload(plan).status_code == 403
    assert not Attachment.objects.filter(section=plan).exists()
    assert upload(hr_chapter).status_code == 302
    assert Attachment.objects.get().section == hr_chapter
    as_(people["contact"]).post(
        f"/rapporter/{report.pk}/kapitler/{plan.pk}/vedlegg/",
        {"file": SimpleUploadedFile("kontakt.pdf", plain_pdf())},
    )
    contacts = Attachment.objects.get(section=plan)
    response = hr.post(f"/rapporter/{report.pk}/vedlegg/{contacts.pk}/slett/")
    assert response.status_code == 403
    assert Attachment.objects.filter(pk=contacts.pk).exists()
