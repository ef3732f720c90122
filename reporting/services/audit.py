"""Record every login, failed login, logout and administrator's change as an
AuditEvent, in the same transaction as the change where there is one.

The portal's own services call `record` with the acting person. Two sources are
followed by receivers, each row naming its actor itself: the Django admin's
LogEntry, and the circulars app's CircularEvent (circulars never imports
reporting, so it cannot write here)."""

import ipaddress

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from circulars.models import CircularEvent

from ..models import AuditEvent

ADMIN_ACTIONS = {
    ADDITION: AuditEvent.Action.ADMIN_ADDITION,
    CHANGE: AuditEvent.Action.ADMIN_CHANGE,
    DELETION: AuditEvent.Action.ADMIN_DELETION,
}


CIRCULAR_ACTIONS = {
    CircularEvent.Action.CREATED_AS_COPY: AuditEvent.Action.CIRCULAR_COPIED,
    CircularEvent.Action.CREATED_AS_REPLACEMENT: AuditEvent.Action.CIRCULAR_REPLACED,
    CircularEvent.Action.PUBLISHED: AuditEvent.Action.CIRCULAR_PUBLISHED,
    CircularEvent.Action.WITHDRAWN: AuditEvent.Action.CIRCULAR_WITHDRAWN,
}


def client_ip(request) -> str | None:
    """The client's address, for the login throttle and the audit log: the
    connecting peer, unless that is a trusted proxy (OXLO_TRUSTED_PROXIES); then
    the right-most X-Forwarded-For entry that is not a trusted proxy, since each
    proxy appends the address it was connected from and everything to the left of
    the first proxy's entry is whatever the client chose to send."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or None
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while _is_trusted_proxy(address) and hops:
        hop = hops.pop().strip()
        if not _is_ip(hop):
            break  # nothing to the left of a malformed entry can be trusted
        address = hop
    return address


def _is_trusted_proxy(address: str | None) -> bool:
    if not address or not _is_ip(address):
        return False
    ip = ipaddress.ip_address(address)
    return any(
        ip in ipaddress.ip_network(proxy, strict=False)
        for proxy in settings.OXLO_TRUSTED_PROXIES
    )


def _record(action, request, *, user=None, username="", **fields):
    ip = client_ip(request)
    AuditEvent.objects.create(
        action=action,
        actor=user if user is not None and user.pk else None,
        # PostgreSQL text cannot hold NUL; the log keeps what else was typed.
        username=(username or getattr(user, "username", "")).replace("\x00", "")[:150],
        ip_address=ip if ip and _is_ip(ip) else None,
        **fields,
    )


def _is_ip(value: str) -> bool:
    try:
        validate_ipv46_address(value)
    except ValidationError:
        return False
    return True


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    _record(AuditEvent.Action.LOGIN, request, user=user)


@receiver(user_login_failed)
def record_failed_login(sender, credentials, request=None, **kwargs):
    _record(
        AuditEvent.Action.LOGIN_FAILED,
        request,
        username=str(credentials.get("username", "")),
    )


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        _record(AuditEvent.Action.LOGOUT, request, user=user)


@receiver(post_save, sender=LogEntry)
def record_admin_action(sender, instance, created, **kwargs):
    if not created:
        return
    AuditEvent.objects.create(
        at=instance.action_time,
        action=ADMIN_ACTIONS[instance.action_flag],
        actor=instance.user,
        username=instance.user.username,
        object_repr=(
            f"{instance.content_type.name if instance.content_type else ''}: "
            f"{instance.object_repr}"
        )[:200],
        detail=instance.get_change_message(),
    )


def record(action: str, *, by, subject, detail: str = "", at=None) -> AuditEvent:
    """Write the audit row of an action `by` a person on `subject`."""
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        action=action,
        actor=by,
        username=by.username if by else "",
        object_repr=str(subject)[:200],
        detail=detail,
    )


@receiver(post_save, sender=CircularEvent)
def record_circular_event(sender, instance, created, **kwargs):
    if created and instance.action in CIRCULAR_ACTIONS:
        related = f" ({instance.related})" if instance.related_id else ""
        record(
            CIRCULAR_ACTIONS[instance.action],
            by=instance.actor,
            subject=f"{instance.circular}{related}",
            detail=instance.reason,
            at=instance.at,
        )
