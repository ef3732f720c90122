"""Upload rules for attachments: the content decides the type, never the file name."""

import unicodedata
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from oxlo_portal.pdfs import validate_pdf

MAX_SIZE = 10 * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}
ALLOWED_LABEL = _("PDF, DOCX, XLSX eller ODT")
# What an office file may declare it unpacks to; real reports are far below this.
MAX_MEMBERS = 2000
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for members larger than 1 MB


def _zip_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return ODT if mimetype == ODT else None
            if "[Content_Types].xml" not in names:
                return None
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def sniff_content_type(upload) -> str | None:
    """The file's real type among the allowed ones, from its bytes; else None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
    upload.seek(0)
    return kind


def is_zip_bomb(upload) -> bool:
    """True if the zip declares too many members or unpacks to far too much; read
    from its directory only, nothing is extracted."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    return (
        len(members) > MAX_MEMBERS
        or sum(m.file_size for m in members) > MAX_UNPACKED
        or any(
            m.file_size > 1024 * 1024
            and m.file_size > MAX_RATIO * max(m.compress_size, 1)
            for m in members
        )
    )


def validate_upload(upload) -> str:
    """The upload's content type; a Norwegian ValidationError if refused."""
    if upload.size > MAX_SIZE:
        raise ValidationError(_("Filen er større enn 10 MB."))
    if is_zip_bomb(upload):
        raise ValidationError(
            _("Filen pakker seg ut til langt mer enn et vanlig dokument og er avvist.")
        )
    kind = sniff_content_type(upload)
    if kind is None:
        raise ValidationError(
            _("Filen er ikke en gyldig %(allowed)s-fil.") % {"allowed": ALLOWED_LABEL}
        )
    if kind == PDF:
        validate_pdf(upload)
    return kind


def stored_name(content_type: str) -> str:
    """A random file name that reveals nothing and cannot be guessed."""
    return f"{uuid.uuid4().hex}.{EXTENSIONS[content_type]}"


def display_name(name: str) -> str:
    """The name a person gave the file, safe to show and to offer on download: no
    folders, no control or direction-changing characters, at most 255 characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        c for c in name if unicodedata.category(c)[0] not in "CZ" or c == " "
    )
    name = name.strip(" .")[:255]
    return name or "vedlegg"
