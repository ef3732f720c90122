"""System checks of the portal's own configuration."""

import ipaddress
import os

from django.conf import settings
from django.core.checks import Error, register

MISSING_KEY = "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 locally)."


@register(deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    """A production start without DJANGO_SECRET_KEY is refused."""
    if settings.SECRET_KEY_MISSING:
        return [Error(MISSING_KEY, id="oxlo.E001")]
    return []


@register
def trusted_proxies_are_addresses(app_configs, **kwargs):
    """OXLO_TRUSTED_PROXIES lists addresses or networks; the old on/off switch is
    gone, since it trusted the header from anyone."""
    errors = []
    for proxy in settings.OXLO_TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"OXLO_TRUSTED_PROXIES: {proxy!r} is no address or network.",
                    id="oxlo.E002",
                )
            )
    if os.environ.get("OXLO_BEHIND_PROXY") and not settings.OXLO_TRUSTED_PROXIES:
        errors.append(
            Error(
                "OXLO_BEHIND_PROXY is replaced by OXLO_TRUSTED_PROXIES: list the "
                "load balancers' addresses there (docs/deploy.md).",
                id="oxlo.E003",
            )
        )
    return errors
