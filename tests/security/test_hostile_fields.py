"""Hostile values in every field, not only the free-text ones: each question kind of a
section (saved by the form and by autosave) and the export order. And what is stored
comes out inert in the report's PDF and in the workbook."""

import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from reporting.exports.consolidated import Selection
from reporting.exports.formulas import starts_formula
from reporting.exports.report_pdf import build_report_pdf
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx
from reporting.services import save_section_answer
from tests.hostile import HOSTILE_VALUES, shown_raw
from tests.reporting.export_data import answers

ERROR_MARKS = ("errorlist", "field-error", "pkt-alert--error", "errornote")
NOT_TYPED = {"csrfmiddlewaretoken", "based_on", "copy"}


def field_names(html: str, form_id: str) -> set[str]:
    start = html.index(f'id="{form_id}"')
    form = html[start : html.index("</form>", start)]
    return set(re.findall(r'name="([^"]+)"', form)) - NOT_TYPED


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def html_of(response) -> str:
    assert response.status_code < 500
    return response.content.decode(errors="replace")


@pytest.fixture
def section(submitted_world):
    world = submitted_world
    client = logged_in(world.users["owner_contact"])
    url = reverse(
        "reporting:section_edit",
        args=[world.every_kind.report_id, world.every_kind.section_id],
    )
    return world, client, url


@pytest.mark.parametrize("value_name", HOSTILE_VALUES)
def test_a_hostile_value_in_every_question_kind_is_refused_or_saved_inert(
    section, value_name
):
    world, client, url = section
    value = HOSTILE_VALUES[value_name]
    page = html_of(client.get(url))
    data = {"based_on": world.every_kind.version}
    data |= dict.fromkeys(field_names(page, "section-form"), value)
    response = client.post(url, data)
    html = html_of(response)
    assert not shown_raw(value, html)
    if response.status_code != 302:
        assert any(mark in html for mark in ERROR_MARKS)
    for shown in (
        url,
        reverse("reporting:report_detail", args=[world.every_kind.report_id]),
    ):
        assert not shown_raw(value, html_of(client.get(shown)))


@pytest.mark.parametrize("value_name", HOSTILE_VALUES)
def test_a_hostile_value_autosaved_into_every_question_kind_is_refused_or_saved_inert(
    section, value_name
):
    world, client, url = section
    value = HOSTILE_VALUES[value_name]
    names = field_names(html_of(client.get(url)), "section-form")
    response = client.post(
        reverse(
            "reporting:section_autosave",
            args=[world.every_kind.report_id, world.every_kind.section_id],
        ),
        {"based_on": world.every_kind.version, **dict.fromkeys(names, value)},
    )
    assert response.status_code in (200, 400, 413)
    assert response["Content-Type"] == "application/json"
    if response.status_code != 200:
        assert response.json()["error"]
    assert not shown_raw(value, html_of(client.get(url)))


@pytest.mark.parametrize("value_name", HOSTILE_VALUES)
def test_a_hostile_value_in_the_export_order_is_refused_with_a_message(
    submitted_world, value_name
):
    client = logged_in(submitted_world.users["adviser"])
    url = reverse("reporting:export_start")
    value = HOSTILE_VALUES[value_name]
    names = field_names(html_of(client.get(url)), "export-form")
    response = client.post(url, dict.fromkeys(names, value))
    html = html_of(response)
    assert response.status_code == 200
    assert any(mark in html for mark in ERROR_MARKS)
    assert not shown_raw(value, html)


PDF_VALUES = ("script tag", "attribute breakout", "file url", "loopback url")
XLSX_VALUES = ("formula hyperlink", "formula plus", "formula at", "formula minus")


def store(world, **values):
    answer = world.every_kind
    save_section_answer(
        answer=answer,
        data=answers(0, **values),
        based_on=answer.version,
        by=world.users["owner_contact"],
    )


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_hostile_text_in_a_report_pdf_is_printed_as_text_and_nothing_is_fetched(
    submitted_world,
):
    world = submitted_world
    store(
        world,
        tekst=" ".join(HOSTILE_VALUES[name] for name in PDF_VALUES),
        kort='<img src="file:///etc/passwd"><iframe src="http://127.0.0.1/">',
        tiltak=[{"tittel": HOSTILE_VALUES["script tag"], "status": "Planlagt"}],
    )
    path, _peak = build_report_pdf(world.every_kind.report)
    text = squeezed("\n".join(p.extract_text() for p in PdfReader(path).pages))
    for name in PDF_VALUES:
        assert squeezed(HOSTILE_VALUES[name]) in text
    assert squeezed('<img src="file:///etc/passwd">') in text
    assert "root:x:0:0" not in text


def test_formulas_typed_into_answers_are_plain_text_in_the_workbook(submitted_world):
    world = submitted_world
    store(
        world,
        tekst=HOSTILE_VALUES["formula hyperlink"],
        kort=HOSTILE_VALUES["formula plus"],
        tiltak=[{"tittel": HOSTILE_VALUES["formula at"], "status": "Planlagt"}],
    )
    world.unit.name = HOSTILE_VALUES["formula minus"]
    world.unit.save()
    workbook = load_workbook(
        io.BytesIO(build_xlsx(Selection(year=2027, statuses=ALL_STATUSES)))
    )
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    for name in ("formula hyperlink", "formula plus", "formula minus"):
        assert HOSTILE_VALUES[name] in texts  # as typed, no apostrophe shown
    formulas = [cell for cell in cells if starts_formula(cell.value)]
    assert formulas
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in formulas)
