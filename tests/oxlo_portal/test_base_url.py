"""Links in e-mails lead to the portal at its configured address (OXLO_BASE_URL),
which `make run` takes from the port it serves on."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from reporting.models import ExportJob
from tests.reporting.review_helpers import submitted_report

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "https://oxlo.example.test:8443"


@pytest.fixture
def portal_address(settings):
    settings.PORTAL_BASE_URL = ADDRESS + "/"


def test_the_unit_is_told_of_a_returned_report_with_a_link_to_the_configured_address(
    client, unit, contact, adviser, portal_address, django_capture_on_commit_callbacks
):
    report = submitted_report(unit, contact)
    client.force_login(adviser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reporting:return_report", args=[report.pk]),
            {"retur-reason": "Tallene i 4.3 mangler"},
        )
    link = ADDRESS + reverse("reporting:report_comments", args=[report.pk])
    assert [message.to for message in mail.outbox] == [[contact.email]]
    assert link in mail.outbox[0].body


def test_the_export_ready_e_mail_links_to_the_configured_address(
    client, unit, contact, adviser, portal_address
):
    report = submitted_report(unit, contact)
    client.force_login(adviser)
    client.post(
        reverse("reporting:export_start"),
        {
            "kind": ExportJob.Kind.XLSX,
            "year": report.circular.reporting_year,
            "kinds": [unit.kind],
            "statuses": [report.status],
        },
    )
    job = ExportJob.objects.get(requested_by=adviser)
    assert job.status == ExportJob.Status.DONE
    assert mail.outbox[-1].to == [adviser.email]
    assert ADDRESS + job.get_absolute_url() in mail.outbox[-1].body


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_run_gives_e_mails_the_address_it_serves_on():
    env = {k: v for k, v in os.environ.items() if k != "OXLO_BASE_URL"}
    commands = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8123"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    started = [
        line
        for line in commands.splitlines()
        if "manage.py runserver" in line or "manage.py db_worker" in line
    ]
    assert len(started) == 2, commands
    for line in started:
        assert "OXLO_BASE_URL=http://127.0.0.1:8123 " in line
