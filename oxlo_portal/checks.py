"""System checks of the portal's own configuration."""

from django.conf import settings
from django.core.checks import Error, register

MISSING_KEY = "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 locally)."


@register(deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    """A production start without DJANGO_SECRET_KEY is refused."""
    if settings.SECRET_KEY_MISSING:
        return [Error(MISSING_KEY, id="oxlo.E001")]
    return []
