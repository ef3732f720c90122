"""The one family of business-rule errors: each carries a message for people.

Services raise these; views catch `ReportingError` once and show its message.
"""

from django.utils.translation import gettext_lazy as _


class ReportingError(Exception):
    """A rule of the portal refused the action; `str(error)` says why."""

    default_message = _("Handlingen kunne ikke utføres.")

    def __init__(self, message=None):
        super().__init__(message or self.default_message)

    def __str__(self) -> str:
        return str(self.args[0])


class NotAllowed(ReportingError):
    """The acting person's role or unit does not allow the action."""

    default_message = _("Du har ikke tilgang til å gjøre dette.")


class ReportLocked(ReportingError):
    """The report is not open for the unit to edit (submitted or approved)."""

    default_message = _("Rapporten er sendt inn og kan ikke endres nå.")


class StaleAnswer(ReportingError):
    """The section was saved by someone else since this form was opened."""

    default_message = _("Noen andre har lagret dette kapittelet mens du skrev.")


class TransitionError(ReportingError):
    """A report cannot move this way now."""


class CommentError(ReportingError):
    """A comment cannot be written, answered or resolved."""


class ExportDenied(NotAllowed):
    """The person may not make this export."""


class NoAccess(ReportingError):
    """A single sign-on gives the person no role in the portal: no account is made."""

    default_message = _(
        "Kommunekontoen din gir ikke tilgang til OXLO-portalen, og ingen konto er "
        "opprettet."
    )


class InvitationError(ReportingError):
    """An invitation link is unknown, used, withdrawn or expired."""

    default_message = _(
        "Invitasjonslenken er allerede brukt, trukket tilbake eller utløpt. Be den "
        "som inviterte deg om en ny."
    )
