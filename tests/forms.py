"""Read a rendered HTML form back into POST data, as a browser would submit it."""

from dataclasses import dataclass
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form=None):
        super().__init__(convert_charrefs=True)
        self.form = form
        self.action = None
        self.done = False
        self.in_form = False
        self.data: dict[str, list[str]] = {}
        self.text_fields: list[str] = []
        self.invalid: set[str] = set()
        self._textarea = None
        self._select = None
        self._first_option = None
        self._selected = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            wanted = self.form is None or self.form in (a.get("id"), a.get("action"))
            post = a.get("method", "get").lower() == "post"
            if wanted and post and not self.done:
                self.in_form = True
                self.action = a.get("action") or None
            return
        if not self.in_form or "disabled" in a:
            return
        name = a.get("name")
        if name and a.get("aria-invalid") == "true":
            self.invalid.add(name)
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value", "on"))
                return
            self.data.setdefault(name, []).append(a.get("value", ""))
            if kind in {"text", "search", "url", "email", "tel", "password"} and (
                "__prefix__" not in name
            ):
                self.text_fields.append(name)
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
            if "__prefix__" not in name:
                self.text_fields.append(name)
        elif tag == "select" and name:
            self._select = name
            self._first_option = None
            self._selected = False
            self._multiple = "multiple" in a
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self.data.setdefault(self._select, []).append(value)
                self._selected = True

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
            self.done = True
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._selected and not self._multiple:
                self.data.setdefault(self._select, []).append(self._first_option or "")
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data.removeprefix("\n")


@dataclass
class Form:
    data: dict[str, list[str]]  # what submitting it unchanged would send
    text_fields: list[str]  # where a person can type freely
    invalid: set[str]  # fields marked aria-invalid (shown with an error)
    action: str | None  # where it posts; None for the page itself


def read_form(html: str, form: str | None = None) -> Form:
    """The page's first POST form, or the one whose id or action is `form`, as a
    browser sees it."""
    reader = _FormReader(form)
    reader.feed(html)
    return Form(reader.data, reader.text_fields, reader.invalid, reader.action)
