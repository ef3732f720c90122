"""The audit log: logins, failed logins, logouts and administrators' changes."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from ..models import AuditEvent
from ..permissions import is_administrator
from ..selectors import audit_events


def audit_log(request):
    """Administrators read the log newest first, optionally one kind of event."""
    if not is_administrator(request.user):
        raise PermissionDenied
    action = request.GET.get("hendelse", "")
    if action not in AuditEvent.Action.values:
        action = ""
    page = Paginator(audit_events(action=action), 50).get_page(request.GET.get("side"))
    return render(
        request,
        "reporting/audit_log.html",
        {"page": page, "actions": AuditEvent.Action.choices, "action": action},
    )
