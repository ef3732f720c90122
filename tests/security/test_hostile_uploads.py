"""Hostile uploads: wrong content behind a right extension, oversize files, zip bombs
and path characters in names. Refused with a message and nothing left on disk, or
stored under a random name and offered back under a harmless one. Never a 500."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reporting import attachments
from reporting.models import Attachment
from tests.pdfs import ACTIVE, active_pdf, plain_pdf

PDF = plain_pdf()


def office(*members, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(*extra) -> bytes:
    return office(
        ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "x"), *extra
    )


REFUSED = {
    **{
        f"pdf with {kind}": ("rapport.pdf", active_pdf(kind, compressed=True))
        for kind in ACTIVE
    },
    "html behind .pdf": ("rapport.pdf", b"<html><script>alert(1)</script></html>"),
    "pdf header over junk": ("rapport.pdf", b"%PDF-1.7\n<script>alert(1)</script>"),
    "executable behind .docx": ("rapport.docx", b"MZ\x90\x00\x03" + b"\x00" * 64),
    "plain zip behind .xlsx": ("tall.xlsx", office(("notes.txt", "x"))),
    "truncated zip behind .docx": ("rapport.docx", docx()[:40]),
    "oversize pdf": ("stor.pdf", PDF + b"0" * (10 * 1024 * 1024)),
    "docx expanding hugely": (
        "bombe.docx",
        docx(("word/media/zeros.bin", b"\0" * (40 * 1024 * 1024))),
    ),
    "xlsx with thousands of members": (
        "bombe.xlsx",
        office(
            ("[Content_Types].xml", "<Types/>"),
            ("xl/workbook.xml", "x"),
            *((f"xl/m/{n}.xml", "") for n in range(attachments.MAX_MEMBERS + 1)),
        ),
    ),
}

NAMES = {
    "parent folders": "../../../etc/passwd.pdf",
    "windows folders": "..\\..\\windows\\system32\\rapport.pdf",
    "nul byte": "rapport\x00.exe.pdf",
    "very long": "r" * 1000 + ".pdf",
    "right-to-left override": "rapport\u202efdp.exe",
    "only dots": "...",
}


def files_under(root) -> set[Path]:
    return {path for path in Path(root).rglob("*") if path.is_file()}


def upload(world, name, content):
    client = Client()
    client.force_login(world.users["owner_contact"])
    response = client.post(
        reverse(
            "reporting:attachment_upload",
            args=[world.report.pk, world.section.pk],
        ),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert response.status_code == 200
    return client, response.content.decode()


@pytest.mark.parametrize("case", REFUSED)
def test_a_hostile_upload_is_refused_with_a_message_and_nothing_is_left_on_disk(
    world, settings, case
):
    name, content = REFUSED[case]
    before = files_under(settings.MEDIA_ROOT)
    count = Attachment.objects.count()
    _client, html = upload(world, name, content)
    assert "pkt-alert--error" in html
    assert re.search(r"10 MB|gyldig|pakker seg ut|aktivt innhold", html)
    assert Attachment.objects.count() == count
    assert files_under(settings.MEDIA_ROOT) == before


@pytest.mark.parametrize("case", NAMES)
def test_path_characters_in_a_name_are_stored_under_a_random_name_and_shown_harmless(
    world, settings, case
):
    before = files_under(settings.MEDIA_ROOT)
    client, _html = upload(world, NAMES[case], PDF)
    attachment = Attachment.objects.latest("pk")
    added = files_under(settings.MEDIA_ROOT) - before
    assert len(added) == 1
    stored = added.pop()
    assert stored.is_relative_to(settings.MEDIA_ROOT)
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stored.name)
    shown = attachment.original_name
    assert shown and len(shown) <= 255
    assert not set(shown) & {"/", "\\", "\x00", "\u202e"}
    response = client.get(
        reverse("reporting:attachment_download", args=[world.report.pk, attachment.pk])
    )
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "/" not in disposition.split("filename", 1)[1].replace("utf-8''", "")
    assert "\u202e" not in disposition and "%E2%80%AE" not in disposition
