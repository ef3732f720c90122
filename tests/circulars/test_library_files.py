"""Circular PDFs and library documents are downloaded from the links the pages
show, through views that check who may read them: a public circular's and every
document's file to anyone, a draft's only to those who write circulars."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from circulars.services import publish_circular
from tests import factories

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def circular_with_pdf(*, publish: bool):
    circular = factories.CircularFactory(title="Rundskriv med vedlegg")
    circular.attachment.save("rundskriv.pdf", ContentFile(PDF), save=True)
    factories.QuestionFactory(section=factories.SectionFactory(circular=circular))
    return publish_circular(circular=circular, by=None) if publish else circular


def link(page: str, label: str) -> str:
    return re.search(rf'<a href="([^"]+)"[^>]*>{label}', page)[1]


def download(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, body


def test_anyone_downloads_a_public_circulars_pdf_from_the_library(client, db):
    circular = circular_with_pdf(publish=True)
    page = client.get(circular.get_absolute_url()).content.decode()
    url = link(page, "Last ned rundskrivet")
    status, body = download(client, url)
    assert (status, body) == (200, PDF)
    library = client.get(reverse("circulars:library")).content.decode()
    assert url in library


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 404), ("contact", 404), ("adviser", 404), ("administrator", 200)],
)
def test_a_drafts_pdf_is_for_administrators_only(db, unit, who, status):
    circular = circular_with_pdf(publish=False)
    people = {
        "contact": lambda: factories.contact_of(unit),
        "adviser": factories.adviser,
        "administrator": factories.administrator,
    }
    client = Client()
    if who in people:
        client.force_login(people[who]())
    assert download(client, circular.attachment.url)[0] == status


def test_anyone_downloads_a_library_document(client, db):
    document = factories.DocumentFactory(title="Handlingsplan")
    document.file.save("plan.pdf", ContentFile(PDF), save=True)
    page = client.get(reverse("circulars:library")).content.decode()
    assert download(client, link(page, "Last ned"))[1] == PDF


def test_nothing_else_in_the_media_directory_is_served(client, db, settings):
    document = factories.DocumentFactory()
    document.file.save("plan.pdf", ContentFile(PDF), save=True)
    (settings.MEDIA_ROOT / "exports").mkdir()
    (settings.MEDIA_ROOT / "exports" / "rapport.pdf").write_bytes(PDF)
    for url in (
        "/media/exports/rapport.pdf",
        "/media/documents/../exports/rapport.pdf",
        "/media/documents/annet.pdf",
    ):
        assert client.get(url).status_code == 404


def test_a_file_gone_from_disk_is_not_found(client, db, settings):
    document = factories.DocumentFactory()
    document.file.save("plan.pdf", ContentFile(PDF), save=True)
    (settings.MEDIA_ROOT / document.file.name).unlink()
    assert client.get(document.file.url).status_code == 404
