"""PDFs with active content (scripts, program launches, forms sending data away,
embedded files) are refused with a message wherever a PDF is uploaded: report
attachments, circulars and library documents. Each upload page says so."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from circulars.models import Circular, Document
from reporting.models import Attachment
from tests import factories
from tests.forms import read_form
from tests.pdfs import ACTIVE, active_pdf, plain_pdf

POLICY = "PDF-filer med aktivt innhold"
REFUSED = "har aktivt innhold"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("kind", ACTIVE)
def test_a_report_attachment_with_active_content_is_refused(world, kind):
    client = logged_in(world.users["owner_contact"])
    count = Attachment.objects.count()
    response = client.post(
        reverse(
            "reporting:attachment_upload", args=[world.report.pk, world.section.pk]
        ),
        {"file": SimpleUploadedFile("plan.pdf", active_pdf(kind))},
        follow=True,
    )
    page = response.content.decode()
    assert REFUSED in page and "Lagre som PDF" in page
    assert Attachment.objects.count() == count


def test_the_attachment_upload_says_which_pdfs_are_refused(world):
    client = logged_in(world.users["owner_contact"])
    url = reverse("reporting:section_edit", args=[world.report.pk, world.section.pk])
    assert POLICY in client.get(url).content.decode()


def admin_upload(client, url, form_id, field, content, name="fil.pdf"):
    data = read_form(client.get(url).content.decode(), form_id).data
    data[field] = SimpleUploadedFile(name, content)
    return client.post(url, data)


@pytest.fixture
def draft(db):
    return factories.SectionFactory().circular


@pytest.mark.parametrize("kind", ["javascript on opening", "embedded file"])
def test_a_circular_pdf_with_active_content_is_refused_in_the_admin(draft, kind):
    client = logged_in(factories.administrator())
    url = reverse("admin:circulars_circular_change", args=[draft.pk])
    response = admin_upload(
        client, url, "circular_form", "attachment", active_pdf(kind)
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Circular.objects.get(pk=draft.pk).attachment


def test_a_plain_circular_pdf_is_stored_and_only_a_pdf_is_taken(draft):
    client = logged_in(factories.administrator())
    url = reverse("admin:circulars_circular_change", args=[draft.pk])
    page = client.get(url).content.decode()
    assert POLICY in page
    refused = admin_upload(
        client, url, "circular_form", "attachment", b"PK\x03\x04", "r.docx"
    )
    assert "må være en PDF-fil" in refused.content.decode()
    response = admin_upload(client, url, "circular_form", "attachment", plain_pdf())
    assert response.status_code == 302
    assert Circular.objects.get(pk=draft.pk).attachment


def test_a_library_document_pdf_with_active_content_is_refused(db):
    client = logged_in(factories.administrator())
    document = factories.DocumentFactory()
    url = reverse("admin:circulars_document_change", args=[document.pk])
    assert POLICY in client.get(url).content.decode()
    response = admin_upload(
        client, url, "document_form", "file", active_pdf("link launching a program")
    )
    assert REFUSED in response.content.decode()
    assert not Document.objects.get(pk=document.pk).file
    response = admin_upload(client, url, "document_form", "file", plain_pdf())
    assert response.status_code == 302
    assert Document.objects.get(pk=document.pk).file
