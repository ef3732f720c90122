"""Uploaded PDFs with active content are refused, wherever a PDF is uploaded
(report attachments, circulars and library documents): readers download them from
the portal, and a PDF that runs scripts, starts programs, submits data or carries
other files is not a document the portal passes on. Refusing, not cleaning: a
cleaned file could look different from what its author sent, and saying so lets
the author make a plain PDF (print to PDF) themselves."""

import pikepdf
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Dictionary keys and action types that make a PDF act instead of show.
ACTIVE_KEYS = {
    "/JS",
    "/JavaScript",
    "/EmbeddedFiles",
    "/EF",
    "/RichMedia",
    "/XFA",
    "/Launch",
}
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
    "/Rendition",
    "/RichMediaExecute",
}
CONTAINERS = (pikepdf.Dictionary, pikepdf.Array)
# Far above a real report; past it the file is refused rather than read.
MAX_OBJECTS = 50_000

POLICY = _(
    "PDF-filer med aktivt innhold (JavaScript, innebygde filer eller handlinger "
    "som starter programmer eller sender data) avvises."
)
ACTIVE = _(
    "PDF-filen har aktivt innhold (JavaScript, innebygde filer eller handlinger "
    "som starter programmer eller sender data) og er avvist. Skriv den ut som en "
    "ny PDF («Skriv ut» → «Lagre som PDF») og last opp den."
)
UNREADABLE = _("Filen er ikke en gyldig PDF-fil, eller den er passordbeskyttet.")
TOO_COMPLEX = _(
    "PDF-filen er for sammensatt til å kontrolleres. Skriv den ut som en ny PDF "
    "(«Skriv ut» → «Lagre som PDF») og last opp den."
)


def _is_active(obj, depth=0) -> bool:
    """True if this object, or a direct object inside it, is active; indirect
    objects inside are visited on their own (`pdf.objects`)."""
    if depth > 50:
        return True  # nested deeper than any real document: not worth reading
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        keys = obj.keys()
        if not ACTIVE_KEYS.isdisjoint(keys):
            return True
        if "/S" in keys and str(obj.S) in ACTIVE_ACTIONS:
            return True
        children = obj.values()
    elif isinstance(obj, pikepdf.Array):
        children = obj
    else:
        return False
    return any(
        _is_active(child, depth + 1)
        for child in children
        if isinstance(child, CONTAINERS) and not child.is_indirect
    )


def validate_pdf(upload) -> None:
    """Refuse a PDF that cannot be read, is too large a structure to check, or has
    active content, with a message that says what to do."""
    upload.seek(0)
    try:
        with pikepdf.open(upload) as pdf:
            if len(pdf.objects) > MAX_OBJECTS:
                raise ValidationError(TOO_COMPLEX, code="complex_pdf")
            if any(_is_active(obj) for obj in pdf.objects):
                raise ValidationError(ACTIVE, code="active_pdf")
    except pikepdf.PdfError as error:
        raise ValidationError(UNREADABLE, code="unreadable_pdf") from error
    finally:
        upload.seek(0)
