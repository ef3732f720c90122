import pytest
from pypdf import PdfReader

from reporting.exports.fetcher import PortalStaticFetcher, RefusedURL, static_url_prefix
from reporting.exports.report_pdf import build_report_pdf
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/admin/",
        "https://example.com/static/css/pdf.css",
        static_url_prefix() + "../../../etc/passwd",
        static_url_prefix() + "css/%2e%2e/%2e%2e/settings.py",
        "data:text/plain,hemmelig",
    ],
)
def test_the_pdf_fetcher_refuses_anything_but_the_portals_static_files(url, caplog):
    with pytest.raises(RefusedURL):
        PortalStaticFetcher().fetch(url)
    assert "refused" in caplog.text


def test_the_pdf_fetcher_serves_the_pdf_stylesheet():
    response = PortalStaticFetcher().fetch(static_url_prefix() + "css/pdf.css")
    assert b"@page" in response.read()


def test_urls_typed_into_answers_leave_no_trace_of_what_they_point_to(db, caplog):
    unit = factories.UnitFactory()
    every_kind_circular()
    report = Report.objects.get(unit=unit)
    typed = (
        '<img src="file:///etc/passwd"> <link rel="stylesheet" '
        'href="http://127.0.0.1:9/x.css"> url(../../../etc/passwd)'
    )
    fill(report, answers(1, tekst=typed, kort="../../settings.py"), by=None)
    path, _peak = build_report_pdf(report)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "root:x:0" not in text
    assert "file:///etc/passwd" in text  # shown as the text it is, never fetched
