"""Actions that change state: each takes the acting user (`by=`), runs in one
transaction and raises a `reporting.errors.ReportingError` when a rule refuses it.

One module per part of the domain; the actions views call are listed here.
"""

from .circulars import (
    carry_over_answers,
    ensure_reports_for_circular,
    ensure_reports_for_unit,
    withdraw_reports,
)
from .exports import request_export, retry_export
from .notifications import set_notification_preferences
from .reports import (
    add_attachment,
    missing_explanations,
    remove_attachment,
    restore_section_version,
    save_section_answer,
    submit_report,
)
from .review import (
    add_comment,
    approve_report,
    bulk_approve,
    bulk_remind,
    reopen_report,
    reply_to_comment,
    resolve_comment,
    return_report,
)
from .units import (
    decline_mentor,
    explain_no_contact,
    nominate_mentor,
    remove_mentor,
    set_unit_contact,
)

__all__ = [
    "add_attachment",
    "add_comment",
    "approve_report",
    "bulk_approve",
    "bulk_remind",
    "carry_over_answers",
    "decline_mentor",
    "ensure_reports_for_circular",
    "ensure_reports_for_unit",
    "explain_no_contact",
    "missing_explanations",
    "nominate_mentor",
    "remove_attachment",
    "remove_mentor",
    "reopen_report",
    "reply_to_comment",
    "restore_section_version",
    "request_export",
    "resolve_comment",
    "retry_export",
    "return_report",
    "save_section_answer",
    "set_notification_preferences",
    "set_unit_contact",
    "submit_report",
    "withdraw_reports",
]
