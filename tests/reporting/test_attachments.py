import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reporting import attachments
from reporting.models import Attachment
from tests.pdfs import plain_pdf

pytestmark = pytest.mark.django_db


def office_file(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


def odt_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", attachments.ODT)
        archive.writestr("content.xml", "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7\n...", attachments.PDF),
        (office_file("[Content_Types].xml", "word/document.xml"), attachments.DOCX),
        (office_file("[Content_Types].xml", "xl/workbook.xml"), attachments.XLSX),
        (odt_file(), attachments.ODT),
        (office_file("something.txt"), None),
        (b"MZ\x90\x00 an executable", None),
        (b"<html>not a pdf</html>", None),
    ],
)
def test_the_content_decides_the_file_type(content, expected):
    upload = SimpleUploadedFile("rapport.pdf", content)
    assert attachments.sniff_content_type(upload) == expected


def upload(client, answer, name, content):
    return client.post(
        reverse(
            "reporting:attachment_upload", args=[answer.report_id, answer.section_id]
        ),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


def test_a_pdf_is_stored_outside_static_under_a_random_name(
    client, contact, rich_answer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(contact)
    page = upload(client, rich_answer, "plan.pdf", plain_pdf()).content.decode()
    assert "Vedlegget er lastet opp" in page
    attachment = Attachment.objects.get()
    assert attachment.original_name == "plan.pdf"
    assert "plan" not in attachment.file.name
    assert str(tmp_path) in attachment.file.path
    assert "plan.pdf" in page


def test_a_renamed_executable_is_refused(
    client, contact, rich_answer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(contact)
    page = upload(client, rich_answer, "plan.pdf", b"MZ\x90\x00").content.decode()
    assert "ikke en gyldig" in page
    assert not Attachment.objects.exists()


def test_a_file_over_10_mb_is_refused(
    client, contact, rich_answer, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(attachments, "MAX_SIZE", 10)
    client.force_login(contact)
    page = upload(client, rich_answer, "plan.pdf", b"%PDF-1.4 more than ten").content
    assert "større enn 10 MB" in page.decode()


def test_the_unit_removes_an_attachment(
    client, contact, rich_answer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(contact)
    upload(client, rich_answer, "plan.pdf", plain_pdf())
    attachment = Attachment.objects.get()
    client.post(
        reverse(
            "reporting:attachment_delete", args=[rich_answer.report_id, attachment.pk]
        )
    )
    assert not Attachment.objects.exists()
    assert not (tmp_path / attachment.file.name).exists()
