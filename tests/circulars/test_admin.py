"""Authoring in the admin: only administrators reach it, the workflow pages call
the services, and frozen circulars are read-only there too."""

import pytest
from django.urls import reverse

from circulars.models import Circular, Question, Section
from circulars.services import publish_circular
from tests.factories import (
    CircularFactory,
    DocumentFactory,
    QuestionFactory,
    SectionFactory,
    UserFactory,
    contact_of,
    published_circular,
)


def admin_url(name, circular):
    return reverse(f"admin:circulars_circular_{name}", args=[circular.pk])


@pytest.fixture
def draft(db):
    circular = CircularFactory()
    QuestionFactory(section=SectionFactory(circular=circular, topic="diskriminering"))
    return circular


@pytest.mark.parametrize("name", ["change", "publish", "copy", "replace", "withdraw"])
def test_anonymous_people_and_contacts_are_sent_to_a_login_page(
    client, draft, unit, name
):
    response = client.get(admin_url(name, draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    client.force_login(contact_of(unit))
    response = client.get(admin_url(name, draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", ["publish", "copy", "replace", "withdraw"])
def test_staff_without_the_administrator_role_are_refused(client, draft, name):
    client.force_login(UserFactory(is_staff=True, role="Rådgiver"))
    changelist = reverse("admin:circulars_circular_changelist")
    assert client.get(changelist).status_code == 403
    assert client.get(admin_url(name, draft)).status_code == 403
    assert client.post(admin_url(name, draft)).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Circular.Status.DRAFT


def test_draft_change_page_offers_the_workflow(client, administrator, draft):
    client.force_login(administrator)
    page = client.get(admin_url("change", draft)).content.decode()
    assert admin_url("publish", draft) in page
    assert admin_url("copy", draft) in page
    assert admin_url("withdraw", draft) not in page
    assert 'name="title"' in page and 'name="body"' in page
    assert 'name="audience"' in page and 'type="checkbox"' in page


def test_publish_page_lists_the_problems_and_publishes_nothing(client, administrator):
    circular = CircularFactory(audience=[], deadline=None)
    client.force_login(administrator)
    page = client.get(admin_url("publish", circular)).content.decode()
    assert "Velg hvilke enhetstyper rundskrivet gjelder for." in page
    assert "Et rapporteringsrundskriv trenger minst ett kapittel." in page
    response = client.post(admin_url("publish", circular))
    assert response.status_code == 200
    assert "Et rapporteringsrundskriv trenger en frist." in response.content.decode()
    circular.refresh_from_db()
    assert circular.status == Circular.Status.DRAFT


def test_administrator_publishes_after_confirming(client, administrator, draft):
    client.force_login(administrator)
    page = client.get(admin_url("publish", draft)).content.decode()
    assert 'value="Publiser"' in page
    response = client.post(admin_url("publish", draft), follow=True)
    assert "er publisert" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Circular.Status.PUBLISHED
    assert draft.published_by == administrator


def test_publish_page_shows_the_changes_since_the_source(client, administrator):
    source = published_circular()
    client.force_login(administrator)
    response = client.post(admin_url("copy", source), {"number": 5}, follow=True)
    copy = Circular.objects.get(number=5, year=source.year + 1)
    assert response.redirect_chain[-1][0] == admin_url("change", copy)
    Question.objects.filter(section__circular=copy, key="plan").update(
        label="Ny formulering"
    )
    page = client.get(admin_url("publish", copy)).content.decode()
    assert f"Endringer siden {source.designation}" in page
    assert "Ny formulering" in page


def test_copy_page_suggests_a_free_number_and_explains_a_taken_one(
    client, administrator, draft
):
    CircularFactory(kind=draft.kind, number=1, year=draft.year + 1)
    client.force_login(administrator)
    page = client.get(admin_url("copy", draft)).content.decode()
    assert 'value="2"' in page
    response = client.post(admin_url("copy", draft), {"number": 1})
    assert response.status_code == 200
    assert "finnes allerede" in response.content.decode()
    response = client.post(admin_url("copy", draft), {"number": "x"})
    assert "Oppgi et heltall" in response.content.decode()


def test_withdraw_page_needs_a_reason(client, administrator):
    circular = published_circular()
    client.force_login(administrator)
    response = client.post(admin_url("withdraw", circular), {"reason": ""})
    assert "Feltet er påkrevet" in response.content.decode()
    client.post(admin_url("withdraw", circular), {"reason": "Feil frist."})
    circular.refresh_from_db()
    assert circular.status == Circular.Status.WITHDRAWN


def test_replace_page_starts_a_draft_that_replaces_the_circular(client, administrator):
    circular = published_circular()
    client.force_login(administrator)
    client.post(admin_url("replace", circular), {"number": 40})
    replacement = circular.replaced_by.get()
    assert replacement.status == Circular.Status.DRAFT
    assert replacement.number == 40


def test_a_published_circular_is_read_only_in_the_admin(client, administrator):
    circular = published_circular()
    client.force_login(administrator)
    page = client.get(admin_url("change", circular)).content.decode()
    assert "kan ikke endres" in page
    assert 'name="_save"' not in page
    assert admin_url("replace", circular) in page
    assert circular.title in page
    assert "Etat" in page and '["etat"]' not in page
    response = client.post(
        admin_url("change", circular),
        {"title": "Endret", "kind": circular.kind, "number": 1, "year": 2026},
    )
    assert response.status_code == 403
    delete = reverse("admin:circulars_circular_delete", args=[circular.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    circular.refresh_from_db()
    assert circular.title != "Endret"


def test_bulk_delete_in_the_admin_list_refuses_published_circulars(
    client, administrator
):
    circular = published_circular()
    client.force_login(administrator)
    response = client.post(
        reverse("admin:circulars_circular_changelist"),
        {"action": "delete_selected", "_selected_action": [circular.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Circular.objects.filter(pk=circular.pk).exists()


def test_sections_and_questions_of_a_published_circular_are_read_only_in_the_admin(
    client, administrator
):
    circular = published_circular()
    section = circular.sections.get()
    client.force_login(administrator)
    url = reverse("admin:circulars_section_change", args=[section.pk])
    page = client.get(url).content.decode()
    assert 'name="_save"' not in page
    assert 'name="questions-0-label"' not in page
    assert client.post(url, {"title": "Endret"}).status_code == 403
    delete = reverse("admin:circulars_section_delete", args=[section.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    section.refresh_from_db()
    assert section.title != "Endret"


def test_a_new_section_can_only_be_added_to_a_draft(client, administrator, draft):
    published = published_circular()
    client.force_login(administrator)
    response = client.post(
        reverse("admin:circulars_section_add"),
        {
            "circular": published.pk,
            "number": "4.9",
            "title": "Sniklagt",
            "topic": "snik",
            "order": 9,
            "questions-TOTAL_FORMS": 0,
            "questions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert not Section.objects.filter(title="Sniklagt").exists()


def test_administrator_edits_a_question_of_a_draft_through_its_section(
    client, administrator, draft
):
    section = draft.sections.get()
    question = section.questions.get()
    client.force_login(administrator)
    url = reverse("admin:circulars_section_change", args=[section.pk])
    data = {
        "circular": draft.pk,
        "number": section.number,
        "title": section.title,
        "topic": section.topic,
        "order": section.order,
        "guidance": "",
        "questions-TOTAL_FORMS": 1,
        "questions-INITIAL_FORMS": 1,
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
        "questions-0-id": question.pk,
        "questions-0-section": section.pk,
        "questions-0-key": question.key,
        "questions-0-label": "Omformulert spørsmål",
        "questions-0-kind": question.kind,
        "questions-0-order": 1,
        "questions-0-choices": "[]",
        "questions-0-rows": "[]",
        "questions-0-columns": "[]",
        "questions-0-totals": "none",
        "rules-TOTAL_FORMS": 0,
        "rules-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.label == "Omformulert spørsmål"


def test_a_question_with_malformed_rows_gets_a_message_not_an_error_page(
    client, administrator, draft
):
    section = draft.sections.get()
    question = section.questions.get()
    client.force_login(administrator)
    url = reverse("admin:circulars_section_change", args=[section.pk])
    response = client.post(
        url,
        {
            "circular": draft.pk,
            "number": section.number,
            "title": section.title,
            "topic": section.topic,
            "order": section.order,
            "questions-TOTAL_FORMS": 1,
            "questions-INITIAL_FORMS": 1,
            "questions-0-id": question.pk,
            "questions-0-section": section.pk,
            "questions-0-key": question.key,
            "questions-0-label": "Tabell",
            "questions-0-kind": "table",
            "questions-0-order": 1,
            "questions-0-choices": "[]",
            "questions-0-rows": "5",
            "questions-0-columns": '{"key": "x"}',
        },
    )
    assert response.status_code == 200
    assert "Skriv en liste" in response.content.decode()
    question.refresh_from_db()
    assert question.label != "Tabell"


def test_a_document_cited_by_a_published_circular_cannot_be_deleted_in_the_admin(
    client, administrator
):
    document = DocumentFactory()
    draft = CircularFactory()
    draft.documents.add(document)
    SectionFactory(circular=draft)
    publish_circular(circular=draft, by=administrator)
    client.force_login(administrator)
    url = reverse("admin:circulars_document_delete", args=[document.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403


@pytest.mark.parametrize("count", [2, 8])
def test_admin_circular_list_query_count_does_not_grow(
    client, administrator, count, django_assert_max_num_queries
):
    for year in range(2020, 2020 + count):
        published_circular(year=year, reporting_year=year)
    client.force_login(administrator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:circulars_circular_changelist"))
    assert response.status_code == 200


def test_the_admin_speaks_norwegian_with_the_right_genders(
    client, administrator, draft
):
    client.force_login(administrator)
    changelist = client.get(reverse("admin:circulars_circular_changelist"))
    page = changelist.content.decode()
    assert "Legg til nytt rundskriv" in page
    assert "Legg til ny rundskriv" not in page
    assert "Designation" not in page
    assert '<th scope="col" class="sortable column-name' in page
    assert ">Rundskriv</a>" in page
    assert "Show counts" not in page and "Vis antall" in page
    assert ">Administrasjon</a>" in page and ">Hjem<" not in page
    add = client.get(reverse("admin:circulars_circular_add")).content.decode()
    assert "<h1>Legg til nytt rundskriv</h1>" in add
    change = client.get(admin_url("change", draft)).content.decode()
    assert "Legg til nytt kapittel" in change
    assert "Legg til ny Kapittel" not in change


def test_a_circular_is_named_by_kind_number_and_audience(db):
    fellesskriv = CircularFactory(
        kind=Circular.Kind.FELLESSKRIV, number=12, audience=["bydel"]
    )
    rundskriv = CircularFactory(
        number=24, audience=["byradsavdeling", "foretak", "etat"], example=True
    )
    assert fellesskriv.designation == "Fellesskriv 12/2026 til bydelene"
    assert rundskriv.designation == (
        "Rundskriv 24/2026 til etatene, de kommunale foretakene og "
        "byrådsavdelingene (eksempel)"
    )
    assert CircularFactory(number=25, audience=[]).designation == "Rundskriv 25/2026"
