"""Settings for the OXLO portal: one file, every deploy-specific value from the
environment with a safe default (see README.md, "Konfigurasjon")."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OXLO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = env_bool("DJANGO_DEBUG")
# Without a key only offline commands (makemigrations, makemessages) may run: the
# deploy check in oxlo_portal/checks.py fails `check --deploy`, and wsgi.py/asgi.py
# refuses to serve.
SECRET_KEY_MISSING = not os.environ.get("DJANGO_SECRET_KEY") and not DEBUG
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "insecure-local-development-key-never-used-in-production-0123456789",
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "circulars",
    "reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oxlo_portal.urls"
WSGI_APPLICATION = "oxlo_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reporting.context_processors.portal_user",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    # The embedded default: a newcomer's first `make run` needs nothing installed.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'oxlo.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out person is refused before the password is checked.
    "oxlo_portal.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
    "oxlo_portal.oidc.PortalOIDCBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reporting:home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on with OpenID Connect (docs/deploy.md): on when an issuer is set.
# Endpoints and keys come from the issuer's discovery document; the authorization
# code flow always uses PKCE (S256), state and nonce; ID tokens are checked for
# signature (the provider's JWKS), issuer, audience and expiry.
OIDC_ISSUER = os.environ.get("OXLO_OIDC_ISSUER", "").rstrip("/")
OIDC_ORIGIN = (
    "{0.scheme}://{0.netloc}".format(urlsplit(OIDC_ISSUER)) if OIDC_ISSUER else ""
)
OIDC_RP_CLIENT_ID = os.environ.get("OXLO_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OXLO_OIDC_CLIENT_SECRET", "")
OIDC_RP_SCOPES = os.environ.get("OXLO_OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OXLO_OIDC_SIGN_ALGO", "RS256")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True  # the hint that ends the provider's session at logout
OIDC_TIMEOUT = int(os.environ.get("OXLO_OIDC_TIMEOUT", "10"))
OIDC_LEEWAY_SECONDS = int(os.environ.get("OXLO_OIDC_LEEWAY", "60"))
OIDC_CLAIMS = {
    name: os.environ.get(f"OXLO_OIDC_CLAIM_{name.upper()}", default)
    for name, default in (
        ("subject", "sub"),
        ("username", "preferred_username"),
        ("email", "email"),
        ("given_name", "given_name"),
        ("family_name", "family_name"),
        ("groups", "groups"),
    )
}
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
LOGIN_REDIRECT_URL_FAILURE = "login"
# How long an e-mailed invitation into a unit can be used (once).
OXLO_INVITATION_DAYS = int(os.environ.get("OXLO_INVITATION_DAYS", "14"))
# Mentor nominations and the contact details stored with reports are deleted this
# many years after the report year (manage.py apply_retention, nightly timer).
OXLO_RETENTION_YEARS = int(os.environ.get("OXLO_RETENTION_YEARS", "3"))
# Whom a person without access is told to ask (the refusal page).
OXLO_ACCESS_CONTACT = os.environ.get(
    "OXLO_ACCESS_CONTACT", "oxlo-portalen@oslo.kommune.no"
)

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "staticfiles"))
MEDIA_URL = "media/"
# Uploaded files live outside the static root and are served only through views
# that check who may read them.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("OXLO_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# What one request may carry, checked before a view runs (an autosave over these
# gets a JSON 413: oxlo_portal/views.py). The largest real chapter (4.7 and 4.3.6 of
# the demo circulars) has 78 fields, 12 more per list row, and about 113 000
# characters with every field at its limit plus 32 000 per extra list row: with 30
# list rows that is 1 200 fields and 2 MB even if every character takes two bytes.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # form fields, not uploaded files
# One file per upload form; files (attachments up to 10 MB, reporting/attachments.py)
# go to a temporary file past 2.5 MB instead of staying in a worker's memory.
DATA_UPLOAD_MAX_NUMBER_FILES = 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Crispy forms render through the Punkt template pack in templates/punkt/.
CRISPY_ALLOWED_TEMPLATE_PACKS = ("punkt",)
CRISPY_TEMPLATE_PACK = "punkt"

# A running export with no sign of life for this long had its worker killed.
EXPORT_STALE_MINUTES = int(os.environ.get("EXPORT_STALE_MINUTES", "15"))
# Rendered PDF parts and documents, keyed by what they show and how it is rendered.
EXPORT_CACHE_DIR = Path(
    os.environ.get("OXLO_EXPORT_CACHE_DIR", VAR_DIR / "export-cache")
)
# Processes rendering PDF parts, and the time one export's rendering may take.
EXPORT_WORKERS = int(os.environ.get("OXLO_EXPORT_WORKERS", os.cpu_count() or 1))
EXPORT_TIMEOUT_SECONDS = int(os.environ.get("OXLO_EXPORT_TIMEOUT", "900"))
# Render exports ahead in the background when a report is approved or changed.
EXPORT_PREPARE_AHEAD = env_bool("OXLO_PREPARE_EXPORTS", default=True)

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "OXLO_TASK_BACKEND", "django_tasks_db.DatabaseBackend"
        )
    }
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "OXLO-portalen <oxlo-portalen@oslo.kommune.no>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PORTAL_BASE_URL = os.environ.get("OXLO_BASE_URL", "http://127.0.0.1:8000")
# Deadline reminders (send_reminders): days before the deadline, e.g. "14,3", and
# how many days after it late units are escalated to their advisers.
OXLO_REMINDER_DAYS = [
    int(days) for days in os.environ.get("OXLO_REMINDER_DAYS", "14,3").split(",")
]
OXLO_REMINDER_OVERDUE_DAYS = int(os.environ.get("OXLO_REMINDER_OVERDUE_DAYS", "30"))

FORMAT_MODULE_PATH = ["oxlo_portal.formats"]
# Grouping is asked for where a figure is shown ({{ n|intcomma }},
# {{ x|floatformat:"1g" }} -> 1 234,5), never globally: a global separator would
# print years as "2 026" and put "1 234" into ids in forms and links.
USE_THOUSAND_SEPARATOR = False

SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "oxlo_portal.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# No 'unsafe-inline' anywhere: scripts and styles come from static files only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Logging out goes on to the identity provider to end its session too.
        "form-action": ["'self'", *([OIDC_ORIGIN] if OIDC_ORIGIN else [])],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Login throttling: five wrong passwords for one username from one address lock
# that pair out for 15 minutes (a shared office address does not lock everyone).
AXES_FAILURE_LIMIT = int(os.environ.get("OXLO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# The load balancers' addresses or networks (e.g. "10.0.0.10,10.0.1.0/24"): only a
# request they pass on has its client address read from X-Forwarded-For (the
# right-most entry that is not one of them; docs/deploy.md). Empty: the peer.
OXLO_TRUSTED_PROXIES = env_list("OXLO_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "reporting.services.audit.client_ip"
if not DEBUG:
    # Off only for `make loadtest`, which drives production settings over plain
    # HTTP on 127.0.0.1 (a browser would not send Secure cookies back there).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool(
        "OXLO_SECURE_COOKIES", default=True
    )
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}
