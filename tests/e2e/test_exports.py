import pytest
from django.core.management import call_command
from pypdf import PdfReader

from reporting.models import ExportJob
from tests.e2e.conftest import EXPORT_TIMEOUT_MS, PASSWORD


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


def test_adviser_orders_the_consolidated_pdf_watches_progress_and_downloads_it(
    demo, visitor, tmp_path
):
    visitor.login("radgiver")
    page = visitor.page
    page.get_by_role("link", name="Eksporter sammenstilling").click()
    visitor.check()
    page.get_by_label("Rapporteringsår").select_option(index=1)
    visitor.order_export("Bestill eksport")
    assert page.get_by_role("status").inner_text() == "Ferdig"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned").click()
    path = tmp_path / "sammenstilling.pdf"
    download_info.value.save_as(path)
    reader = PdfReader(path)
    assert "Bydel Frogner" in "".join(p.extract_text() for p in reader.pages)
    assert reader.outline


def test_contact_makes_a_pdf_of_their_own_report(demo, visitor):
    visitor.login("kontakt")
    page = visitor.order_export("Lag PDF av rapporten")
    assert page.get_by_role("link", name="Last ned").is_visible()


def test_an_export_the_browser_leaves_is_finished_before_the_test_ends(
    demo, visitor, served_connections
):
    visitor.login("kontakt")
    page = visitor.page
    with page.expect_request("**/eksport/"):
        button = page.get_by_role("button", name="Lag PDF av rapporten").first
        button.click(no_wait_after=True)
    page.context.close()
    # What the teardown of every browser test waits for before the data goes.
    assert served_connections.wait_until_none(EXPORT_TIMEOUT_MS / 1000)
    assert ExportJob.objects.get().status == ExportJob.Status.DONE


def test_the_progress_page_updates_itself_when_the_worker_finishes(demo, visitor):
    from django.contrib.auth import get_user_model

    from reporting.services.exports import perform_export

    adviser = get_user_model().objects.get(username="radgiver")
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.XLSX, requested_by=adviser, params={"year": 2025}
    )
    visitor.login("radgiver")
    page = visitor.goto(job.get_absolute_url())
    assert page.get_by_role("status").inner_text() == "I kø"
    perform_export(job_id=job.pk)
    page.get_by_role("link", name="Last ned").wait_for()
    visitor.check()
    assert page.get_by_role("status").inner_text() == "Ferdig"
