"""The documented backup and restore, run once on a copy of the test database."""

import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from reporting.models import Report
from tests import factories

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL"
    ),
]


def url_for(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"


def run(script, database_url, *args):
    return subprocess.run(
        [str(ROOT / "deploy" / script), *args],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


@pytest.fixture
def copy_database(transactional_db):
    name = connection.settings_dict["NAME"] + "_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_an_empty_database_with_every_report(
    copy_database, tmp_path
):
    for unit in factories.UnitFactory.create_batch(2):
        factories.report_for(unit)
    dump = tmp_path / "oxlo.dump"

    run("backup.sh", url_for(connection.settings_dict["NAME"]), str(dump))
    run("restore.sh", url_for(copy_database), str(dump))

    restored = psycopg2.connect(url_for(copy_database))
    try:
        cursor = restored.cursor()
        cursor.execute("SELECT count(*) FROM reporting_report")
        assert cursor.fetchone()[0] == Report.objects.count() > 0
        cursor.execute("SELECT count(*) FROM django_migrations")
        assert cursor.fetchone()[0] > 0
    finally:
        restored.close()
    assert not dump.with_name("oxlo.dump.partial").exists()
