"""How people get in: single sign-on identities, the table that turns the
identity provider's group claims into roles, and invitations by e-mail."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .units import Membership, Unit


class PortalRole(models.TextChoices):
    """What a group claim can give: a portal-wide role, or a role in one unit."""

    ADVISER = "adviser", _("Rådgiver")
    ADMINISTRATOR = "administrator", _("Administrator")
    CONTACT = Membership.Role.CONTACT.value, Membership.Role.CONTACT.label
    CONTRIBUTOR = Membership.Role.CONTRIBUTOR.value, Membership.Role.CONTRIBUTOR.label
    LEADER = Membership.Role.LEADER.value, Membership.Role.LEADER.label


UNIT_ROLES = [role.value for role in Membership.Role]


class GroupMapping(models.Model):
    """One group of the identity provider giving its members one role (in one unit
    for the unit roles). Read at every single sign-on."""

    claim_value = models.CharField(
        _("gruppe"),
        max_length=200,
        help_text=_(
            "Verdien i gruppekravet, slik identitetsleverandøren sender den "
            "(for Entra ID: gruppens objekt-ID)."
        ),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=PortalRole.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhet"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="group_mappings",
        help_text=_("Kun for kontaktperson, bidragsyter og leder."),
    )
    note = models.CharField(_("merknad"), max_length=200, blank=True)

    class Meta:
        ordering = ["claim_value", "role"]
        verbose_name = _("gruppekobling")
        verbose_name_plural = _("gruppekoblinger")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=UNIT_ROLES, unit__isnull=False)
                    | (~models.Q(role__in=UNIT_ROLES) & models.Q(unit__isnull=True))
                ),
                name="groupmapping_unit_iff_unit_role",
                violation_error_message=_(
                    "Kontaktperson, bidragsyter og leder gjelder én enhet; "
                    "rådgiver og administrator gjelder ingen."
                ),
            ),
            models.UniqueConstraint(
                fields=["claim_value", "role", "unit"],
                name="groupmapping_unique_unit_role",
            ),
            models.UniqueConstraint(
                fields=["claim_value", "role"],
                condition=models.Q(unit__isnull=True),
                name="groupmapping_unique_role",
            ),
        ]

    def __str__(self):
        target = f" – {self.unit}" if self.unit_id else ""
        return f"{self.claim_value}: {self.get_role_display()}{target}"


class SingleSignOnIdentity(models.Model):
    """The account at the identity provider that signs a person in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="sso_identity",
    )
    issuer = models.CharField(_("utsteder"), max_length=300)
    subject = models.CharField(_("identifikator"), max_length=255)
    linked_at = models.DateTimeField(_("koblet"), default=timezone.now)

    class Meta:
        ordering = ["user"]
        verbose_name = _("kommunekonto")
        verbose_name_plural = _("kommunekontoer")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="ssoidentity_unique_subject"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.subject})"


def token_digest(token: str) -> str:
    """What is stored of an invitation's token: the link itself is only e-mailed."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """An e-mailed, single-use, expiring link into a unit with a role."""

    email = models.EmailField(_("e-post"))
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhet"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Membership.Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitert av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sendt"), default=timezone.now)
    expires_at = models.DateTimeField(_("utløper"))
    accepted_at = models.DateTimeField(_("tatt i bruk"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tatt i bruk av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")

    def __str__(self):
        return f"{self.email} – {self.unit} ({self.get_role_display()})"


class ChapterAssignment(models.Model):
    """A chapter of a report given by the contact to a contributor (e.g. HR for
    4.7): the contributor edits only the chapters assigned to them."""

    report = models.ForeignKey(
        "reporting.Report",
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    section = models.ForeignKey(
        "circulars.Section",
        verbose_name=_("kapittel"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bidragsyter"),
        on_delete=models.CASCADE,
        related_name="chapter_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tildelt av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("tildelt"), default=timezone.now)

    class Meta:
        ordering = ["report", "section__order"]
        verbose_name = _("tildelt kapittel")
        verbose_name_plural = _("tildelte kapitler")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section", "contributor"],
                name="chapterassignment_unique",
            )
        ]

    def __str__(self):
        return f"{self.report} – {self.section.number}: {self.contributor}"


class ChapterPresence(models.Model):
    """Who had a chapter open for editing, and when last (page load or autosave):
    shown to the others as «‹navn› redigerer dette kapittelet». No lock."""

    report = models.ForeignKey(
        "reporting.Report", on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        "circulars.Section", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-seen_at"]
        verbose_name = _("redigerer nå")
        verbose_name_plural = _("redigerer nå")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section", "user"], name="chapterpresence_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.section_id}"
