import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from reporting.models import (
    DigestItem,
    ExportJob,
    NotificationKind,
    NotificationPreference,
    Report,
)
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill

START = reverse("reporting:export_start")


@pytest.fixture
def report(unit):
    every_kind_circular(audience=("bydel",))
    return fill(Report.objects.get(unit=unit), answers(1), by=None)


def order_consolidated(client, **extra):
    return client.post(
        START,
        {
            "kind": ExportJob.Kind.CONSOLIDATED_PDF,
            "year": 2026,
            "kinds": ["bydel"],
            "statuses": ["draft"],
            **extra,
        },
    )


def test_anonymous_visitors_are_sent_to_login(client, report):
    response = client.get(START)
    assert response.status_code == 302 and "/logg-inn/" in response.url
    response = client.post(reverse("reporting:report_export", args=[report.pk]))
    assert "/logg-inn/" in response.url


def test_a_contact_may_not_order_the_consolidated_pdf(client, contact):
    client.force_login(contact)
    assert client.get(START).status_code == 403
    assert order_consolidated(client).status_code == 403
    assert not ExportJob.objects.exists()


def test_a_contact_of_another_unit_gets_404_for_a_foreign_report(
    client, report, other_contact
):
    client.force_login(other_contact)
    response = client.post(reverse("reporting:report_export", args=[report.pk]))
    assert response.status_code == 404


def test_a_contact_exports_their_own_units_pdf_and_downloads_it(
    client, report, contact
):
    client.force_login(contact)
    response = client.post(reverse("reporting:report_export", args=[report.pk]))
    job = ExportJob.objects.get()
    assert response.url == job.get_absolute_url()
    page = client.get(job.get_absolute_url())
    assert "Ferdig" in page.content.decode() and "Last ned" in page.content.decode()
    download = client.get(reverse("reporting:export_download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert mail.outbox[0].to == [contact.email]
    assert job.get_absolute_url() in mail.outbox[0].body


def test_export_files_are_stored_under_random_names_and_downloaded_by_theirs(
    client, report, contact, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(contact)
    for _ in range(2):
        client.post(reverse("reporting:report_export", args=[report.pk]))
    first, second = ExportJob.objects.order_by("pk")
    folders = set()
    for job in (first, second):
        folder, name = job.file.name.removeprefix("exports/").split("/")
        assert re.fullmatch(r"[0-9a-f]{32}", folder)
        assert str(contact.pk) not in job.file.name.split("/")
        folders.add(folder)
        download = client.get(reverse("reporting:export_download", args=[job.pk]))
        assert name in download["Content-Disposition"]
    assert len(folders) == 2


def test_someone_else_cannot_see_or_download_an_export(
    client, report, contact, adviser
):
    client.force_login(contact)
    client.post(reverse("reporting:report_export", args=[report.pk]))
    job = ExportJob.objects.get()
    client.force_login(adviser)
    assert client.get(job.get_absolute_url()).status_code == 404
    download = client.get(reverse("reporting:export_download", args=[job.pk]))
    assert download.status_code == 404


def test_an_adviser_orders_the_consolidated_pdf_and_sees_it_done(
    client, report, adviser
):
    client.force_login(adviser)
    page = client.get(START)
    assert "Bestill eksport" in page.content.decode()
    response = order_consolidated(client)
    job = ExportJob.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.status == ExportJob.Status.DONE and job.progress == 100
    status = client.get(reverse("reporting:export_status", args=[job.pk])).json()
    assert status == {
        "status": "done",
        "status_label": "Ferdig",
        "progress": 100,
        "finished": True,
    }


def test_an_order_without_a_unit_kind_is_refused_with_a_message(
    client, report, adviser
):
    client.force_login(adviser)
    response = client.post(
        START, {"kind": ExportJob.Kind.XLSX, "year": 2026, "statuses": ["approved"]}
    )
    assert response.status_code == 200
    assert "Feltet er påkrevet." in response.content.decode()
    assert not ExportJob.objects.exists()


def test_a_failing_export_says_why(client, report, adviser, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("reporting.services.exports.build_consolidated", broken)
    client.force_login(adviser)
    order_consolidated(client)
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.FAILED
    page = client.get(job.get_absolute_url()).content.decode()
    assert "kunne ikke lages" in page


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_the_database_backend_the_job_waits_in_the_queue_for_a_worker(
    client, report, adviser
):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    client.force_login(adviser)
    order_consolidated(client)
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.QUEUED
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE


def test_the_export_page_lists_only_the_persons_own_exports(client, report, adviser):
    other = factories.adviser()
    client.force_login(other)
    order_consolidated(client)
    client.force_login(adviser)
    assert "Dine siste eksporter" not in client.get(START).content.decode()


@pytest.mark.parametrize("jobs", [1, 8])
def test_the_export_page_needs_the_same_queries_for_few_and_many_exports(
    client, adviser, report, jobs, django_assert_max_num_queries
):
    for _ in range(jobs):
        ExportJob.objects.create(
            kind=ExportJob.Kind.REPORT_PDF, report=report, requested_by=adviser
        )
    client.force_login(adviser)
    with django_assert_max_num_queries(12):
        assert client.get(START).status_code == 200


def test_the_ready_mail_follows_the_persons_notification_choice(
    client, report, contact
):
    NotificationPreference.objects.create(
        user=contact,
        kind=NotificationKind.EXPORT_READY,
        delivery=NotificationPreference.Delivery.DIGEST,
    )
    client.force_login(contact)
    client.post(reverse("reporting:report_export", args=[report.pk]))
    assert mail.outbox == []
    [item] = DigestItem.objects.filter(user=contact)
    assert item.subject == "Eksporten din er klar"
    assert ExportJob.objects.get().get_absolute_url() in item.body


def test_polling_a_running_export_costs_a_fixed_few_queries(
    client, report, contact, django_assert_max_num_queries
):
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.REPORT_PDF,
        status=ExportJob.Status.RUNNING,
        requested_by=contact,
        report=report,
    )
    client.force_login(contact)
    url = reverse("reporting:export_status", args=[job.pk])
    client.get(url)
    with django_assert_max_num_queries(4):
        assert client.get(url).json()["status"] == ExportJob.Status.RUNNING
