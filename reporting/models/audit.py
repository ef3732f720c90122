"""The audit log: logins and administrators' changes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """A login, failed login, logout or administrator's change (in the Django admin,
    or by the portal's own services: circulars published, copied, replaced or
    withdrawn, approved reports reopened), for the audit log."""

    class Action(models.TextChoices):
        LOGIN = "login", _("Innlogging")
        LOGIN_FAILED = "login_failed", _("Mislykket innlogging")
        LOGOUT = "logout", _("Utlogging")
        ADMIN_ADDITION = "admin_addition", _("Opprettet i administrasjonen")
        ADMIN_CHANGE = "admin_change", _("Endret i administrasjonen")
        ADMIN_DELETION = "admin_deletion", _("Slettet i administrasjonen")
        CIRCULAR_COPIED = "circular_copied", _("Rundskriv startet som kopi")
        CIRCULAR_REPLACED = "circular_replaced", _("Erstatning for rundskriv startet")
        CIRCULAR_PUBLISHED = "circular_published", _("Rundskriv publisert")
        CIRCULAR_WITHDRAWN = "circular_withdrawn", _("Rundskriv trukket tilbake")
        REPORT_REOPENED = "report_reopened", _("Rapport gjenåpnet")
        UNIT_CONTACT = "unit_contact", _("OXLO-kontakt registrert")
        ROLES_FROM_CLAIMS = "roles_from_claims", _("Roller fra kommunekonto")
        SSO_LINKED = "sso_linked", _("Kommunekonto koblet")
        INVITED = "invited", _("Invitert")
        INVITATION_ACCEPTED = "invitation_accepted", _("Invitasjon tatt i bruk")
        INVITATION_REVOKED = "invitation_revoked", _("Invitasjon trukket tilbake")
        PERSON_DEACTIVATED = "person_deactivated", _("Person deaktivert")
        REPORT_SIGNED = "report_signed", _("Rapport signert av leder")
        RETENTION = "retention", _("Personopplysninger slettet etter lagringstid")

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    action = models.CharField(_("hendelse"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # What was typed at a failed login; kept short so junk cannot flood the log.
    username = models.CharField(_("brukernavn"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)
    object_repr = models.CharField(_("objekt"), max_length=200, blank=True)
    detail = models.TextField(_("detaljer"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("revisjonshendelse")
        verbose_name_plural = _("revisjonslogg")

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.get_action_display()} {self.username}"
