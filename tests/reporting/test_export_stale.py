"""A worker killed mid-export: its job ends failed and can be ordered again; a
half-written file is never served as done."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting.models import ExportJob, Report
from reporting.services.exports import fail_stale_exports, partial_path, perform_export
from tests.reporting.export_data import answers, every_kind_circular, fill


@pytest.fixture
def report(unit, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    every_kind_circular(audience=("bydel",))
    return fill(Report.objects.get(unit=unit), answers(1), by=None)


def killed_job(report, contact, *, minutes_ago):
    """A job its worker claimed, started writing and then died on."""
    since = timezone.now() - timedelta(minutes=minutes_ago)
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.REPORT_PDF,
        status=ExportJob.Status.RUNNING,
        progress=40,
        requested_by=contact,
        report=report,
        started_at=since,
        heartbeat_at=since,
    )
    partial = partial_path(job)
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(b"%PDF-1.7\n half of it")
    return job


def test_a_job_whose_worker_died_is_failed_with_a_reason_and_its_partial_file_removed(
    client, report, contact
):
    job = killed_job(report, contact, minutes_ago=60)
    client.force_login(contact)
    page = client.get(job.get_absolute_url()).content.decode()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert "arbeidsprosessen ble avbrutt" in page
    assert "Prøv igjen" in page
    assert not partial_path(job).exists()
    download = client.get(reverse("reporting:export_download", args=[job.pk]))
    assert download.status_code == 404


def test_a_job_that_still_shows_signs_of_life_keeps_running(client, report, contact):
    job = killed_job(report, contact, minutes_ago=1)
    assert fail_stale_exports() == 0
    client.force_login(contact)
    status = client.get(reverse("reporting:export_status", args=[job.pk])).json()
    assert status["status"] == ExportJob.Status.RUNNING
    assert partial_path(job).exists()


def test_the_requester_retries_a_failed_export_and_gets_a_whole_file(
    client, report, contact
):
    job = killed_job(report, contact, minutes_ago=60)
    client.force_login(contact)
    client.get(job.get_absolute_url())
    response = client.post(reverse("reporting:export_retry", args=[job.pk]))
    again = ExportJob.objects.exclude(pk=job.pk).get()
    assert response.url == again.get_absolute_url()
    assert again.status == ExportJob.Status.DONE
    download = client.get(reverse("reporting:export_download", args=[again.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert not list(partial_path(again).parent.glob("*.part"))


def test_nobody_else_may_retry_someones_export(client, report, contact, adviser):
    job = killed_job(report, contact, minutes_ago=60)
    fail_stale_exports()
    client.force_login(adviser)
    response = client.post(reverse("reporting:export_retry", args=[job.pk]))
    assert response.status_code == 404
    client.logout()
    response = client.post(reverse("reporting:export_retry", args=[job.pk]))
    assert "/logg-inn/" in response.url
    assert ExportJob.objects.count() == 1


def test_a_done_export_cannot_be_retried(client, report, contact):
    client.force_login(contact)
    client.post(reverse("reporting:report_export", args=[report.pk]))
    job = ExportJob.objects.get()
    response = client.post(
        reverse("reporting:export_retry", args=[job.pk]), follow=True
    )
    assert "Bare en feilet eksport" in response.content.decode()
    assert ExportJob.objects.count() == 1


def test_the_finished_file_appears_only_under_its_real_name_when_whole(
    report, contact, settings
):
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.REPORT_PDF, requested_by=contact, report=report
    )
    perform_export(job_id=job.pk)
    job.refresh_from_db()
    stored = Path(settings.MEDIA_ROOT) / job.file.name
    assert job.status == ExportJob.Status.DONE
    assert stored.read_bytes().startswith(b"%PDF") and b"%%EOF" in stored.read_bytes()
    assert not partial_path(job).exists()
