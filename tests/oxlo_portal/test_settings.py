import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 30 + "production-like-secret-with-enough-entropy-9f8e7d",
    "DJANGO_ALLOWED_HOSTS": "oxlo.oslo.kommune.no",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DATABASE_URL": "sqlite:////tmp/oxlo-check-deploy.sqlite3",
}


def run_manage(*args, env):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "OXLO_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_production_variables():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_portal_speaks_norwegian_in_oslo_time(settings):
    assert settings.LANGUAGE_CODE == "nb"
    assert settings.TIME_ZONE == "Europe/Oslo"


def test_the_web_server_refuses_to_serve_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "OXLO_"))
    }
    result = subprocess.run(
        [sys.executable, "-c", "import oxlo_portal.wsgi"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_offline_commands_run_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("makemigrations", "--check", "--dry-run", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
