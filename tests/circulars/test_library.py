import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from circulars.models import Circular
from circulars.services import (
    copy_circular_to_next_year,
    publish_circular,
    start_replacement,
)
from tests.factories import (
    CircularFactory,
    DocumentFactory,
    QuestionFactory,
    SectionFactory,
    published_circular,
    with_case_number,
)

LIBRARY = reverse("circulars:library")


def test_anonymous_visitor_sees_published_circulars_but_never_drafts(client, db):
    published = published_circular(title="Publisert rundskriv")
    draft = CircularFactory(title="Hemmelig utkast")
    page = client.get(LIBRARY).content.decode()
    assert "Publisert rundskriv" in page
    assert "Hemmelig utkast" not in page
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_library_groups_circulars_by_audience(client, db):
    published_circular(title="Til etatene", audience=("etat", "foretak"))
    published_circular(title="Til bydelene", audience=("bydel",), kind="fellesskriv")
    page = client.get(LIBRARY).content.decode()
    assert "Til bydelene" in page
    assert "Til etatene og de kommunale foretakene" in page
    assert page.index("Til bydelene</h2>") < page.index(
        "Til etatene og de kommunale foretakene</h2>"
    )


def test_seeded_library_shows_rundskriv_8_2017_with_its_archive_metadata(
    client, seeded
):
    page = client.get(LIBRARY).content.decode()
    assert (
        "Rundskriv 8/2017 til bydelene, etatene, de kommunale foretakene og "
        "byrådsavdelingene: OXLO-guiden for likeverdige tjenester"
    ) in page
    assert "201204898-35" in page
    assert "Arkivkode" in page and "911" in page
    year = Circular.objects.order_by("-reporting_year").first().reporting_year
    for circular in Circular.objects.filter(reporting_year=year):
        assert circular.designation in page
    assert "4.3.1 Handlingsplan for mennesker med funksjonsnedsettelse" in page
    assert "4.7 Rapportering innen HR-området" in page


def test_a_document_offers_a_download_only_when_a_file_exists(client, db):
    DocumentFactory(title="Uten fil", file_size_label="PDF 1MB")
    with_file = DocumentFactory(title="Med fil")
    with_file.file.save("plan.pdf", ContentFile(b"%PDF-1.4"), save=True)
    page = client.get(LIBRARY).content.decode()
    assert page.count("Last ned") == 1
    assert with_file.file.url in page
    detail = client.get(with_file.get_absolute_url()).content.decode()
    assert with_file.file.url in detail


def test_circular_page_shows_sections_questions_deadline_and_changes(
    client, administrator
):
    source = published_circular()
    copy = copy_circular_to_next_year(circular=source, by=administrator)
    copy.sections.get().questions.get(key="antall").delete()
    publish_circular(circular=with_case_number(copy), by=administrator)
    page = client.get(copy.get_absolute_url()).content.decode()
    assert "4.3" in page
    assert "20.02.2028" in page or "20. februar 2028" in page
    assert f"Endringer siden {source.designation}" in page
    assert "Fjernet spørsmål:" in page


def test_replaced_circular_shows_what_replaced_it_but_not_a_draft_replacement(
    client, administrator
):
    old = published_circular()
    replacement = start_replacement(circular=old, by=administrator)
    assert "Erstattet av" not in client.get(old.get_absolute_url()).content.decode()
    publish_circular(circular=with_case_number(replacement), by=administrator)
    page = client.get(old.get_absolute_url()).content.decode()
    assert "Erstattet av" in page
    assert replacement.get_absolute_url() in page
    new_page = client.get(replacement.get_absolute_url()).content.decode()
    assert old.designation in new_page


@pytest.mark.parametrize("count", [2, 8])
def test_library_query_count_does_not_grow_with_circulars(
    client, db, count, django_assert_max_num_queries
):
    for year in range(2020, 2020 + count):
        old = published_circular(year=year, reporting_year=year)
        DocumentFactory()
    start_replacement(circular=old, by=None)
    with django_assert_max_num_queries(6):
        assert client.get(LIBRARY).status_code == 200


@pytest.mark.parametrize("count", [2, 8])
def test_circular_page_query_count_does_not_grow_with_sections(
    client, administrator, count, django_assert_max_num_queries
):
    draft = CircularFactory(year=2025, reporting_year=2025)
    for n in range(count):
        QuestionFactory(section=SectionFactory(circular=draft, topic=f"t{n}"))
    publish_circular(circular=draft, by=administrator)
    copy = copy_circular_to_next_year(circular=draft, by=administrator)
    publish_circular(circular=with_case_number(copy), by=administrator)
    with django_assert_max_num_queries(14):
        assert client.get(copy.get_absolute_url()).status_code == 200


def test_circular_page_names_the_rows_and_columns_of_tables_and_lists(client, db):
    draft = CircularFactory()
    section = SectionFactory(circular=draft)
    QuestionFactory(section=section, table=True)
    QuestionFactory(section=section, measures=True)
    publish_circular(circular=draft, by=None)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Rader: Ledere, Andre" in page
    assert "Kolonner: Kvinner, Menn" in page
    assert "Felter per rad: Tiltak, Status" in page
