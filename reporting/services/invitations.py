"""Unit teams: invitations by e-mail (single use, expiring, revocable) and
deactivation."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import InvitationError, ReportingError
from ..models import AuditEvent, Invitation, Membership, token_digest
from ..permissions import can_manage_team
from .audit import record
from .transitions import require

User = get_user_model()


@transaction.atomic
def invite(*, unit, email: str, role: str, by) -> Invitation:
    """E-mail `email` a link that lets them join `unit` with `role` once."""
    require(
        can_manage_team(by, unit), _("Bare rådgivere og administratorer inviterer.")
    )
    if role not in Membership.Role.values:
        raise ReportingError(_("Velg en rolle."))
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        unit=unit,
        role=role,
        token_hash=token_digest(token),
        invited_by=by,
        expires_at=timezone.now()
        + datetime.timedelta(days=settings.OXLO_INVITATION_DAYS),
    )
    record(AuditEvent.Action.INVITED, by=by, subject=invitation)
    transaction.on_commit(lambda: _send(invitation, token))
    return invitation


def _send(invitation: Invitation, token: str) -> None:
    context = {
        "invitation": invitation,
        "url": settings.PORTAL_BASE_URL.rstrip("/")
        + reverse("reporting:invitation_accept", args=[token]),
        "days": settings.OXLO_INVITATION_DAYS,
    }
    send_mail(
        render_to_string("reporting/email/invitation_subject.txt", context).strip(),
        render_to_string("reporting/email/invitation.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [invitation.email],
    )


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by) -> Invitation:
    """Make an open invitation's link useless (sent to the wrong address, or no
    longer wanted)."""
    require(
        can_manage_team(by, invitation.unit),
        _("Bare rådgivere og administratorer trekker tilbake invitasjoner."),
    )
    locked = (
        Invitation.objects.select_for_update().open().filter(pk=invitation.pk).first()
    )
    if locked is None:
        raise InvitationError(
            _("Invitasjonen er allerede tatt i bruk, trukket tilbake eller utløpt.")
        )
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    record(AuditEvent.Action.INVITATION_REVOKED, by=by, subject=locked)
    return locked


def open_invitation(token: str) -> Invitation:
    """The open invitation a link's token names, or InvitationError."""
    invitation = (
        Invitation.objects.open()
        .select_related("unit")
        .filter(token_hash=token_digest(token or ""))
        .first()
    )
    if invitation is None:
        raise InvitationError
    return invitation


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user) -> Membership:
    """Put `user` into the invitation's unit with its role; the link is then used."""
    locked = (
        Invitation.objects.select_for_update().open().filter(pk=invitation.pk).first()
    )
    if locked is None:
        raise InvitationError
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    membership, _created = Membership.objects.update_or_create(
        user=user,
        unit=locked.unit,
        defaults={"role": locked.role, "from_claims": False},
    )
    record(AuditEvent.Action.INVITATION_ACCEPTED, by=user, subject=locked)
    return membership


@transaction.atomic
def accept_invitation_with_password(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
):
    """Make a local account (username: the invited address) and accept with it."""
    if User.objects.filter(username__iexact=invitation.email).exists():
        raise InvitationError(
            _(
                "Det finnes allerede en konto med brukernavnet %(email)s. Logg inn "
                "og åpne lenken igjen for å bli med i enheten."
            )
            % {"email": invitation.email}
        )
    user = User.objects.create_user(
        invitation.email,
        email=invitation.email,
        password=password,
        first_name=first_name.strip()[:150],
        last_name=last_name.strip()[:150],
    )
    accept_invitation(invitation=invitation, user=user)
    return user


@transaction.atomic
def deactivate_person(*, person, unit, by) -> None:
    """Stop `person` signing in; their reports, answers and history stay theirs."""
    require(
        can_manage_team(by, unit) and person.memberships.filter(unit=unit).exists(),
        _("Bare rådgivere og administratorer deaktiverer personer i enheten."),
    )
    if person == by:
        raise ReportingError(_("Du kan ikke deaktivere deg selv."))
    if not person.is_active:
        return
    person.is_active = False
    person.save(update_fields=["is_active"])
    record(
        AuditEvent.Action.PERSON_DEACTIVATED, by=by, subject=person, detail=str(unit)
    )
