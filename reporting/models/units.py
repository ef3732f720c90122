"""Who reports: units, their people and the advisers who follow them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from circulars.models import UnitKind

# Who leads each kind of unit, as Oslo kommune titles them.
LEADER_TITLES = {
    UnitKind.BYDEL: "Bydelsdirektør",
    UnitKind.ETAT: "Etatsdirektør",
    UnitKind.FORETAK: "Administrerende direktør",
    UnitKind.BYRADSAVDELING: "Kommunaldirektør",
}


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def reporting(self):
        """Active units that the byråd's circulars bind."""
        return self.filter(active=True, reports_to_byradet=True)

    def for_user(self, user):
        """Units the user may see: every unit for staff roles, else their own."""
        from ..permissions import sees_all_units

        if not user.is_authenticated:
            return self.none()
        if sees_all_units(user):
            return self
        return self.filter(memberships__user=user)


class Unit(models.Model):
    """A bydel, etat, foretak or byrådsavdeling. Deactivated, never deleted."""

    Kind = UnitKind

    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnavn"), max_length=120, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=UnitKind.choices)
    number = models.PositiveIntegerField(
        _("bydelsnummer"), null=True, blank=True, help_text=_("Kun for bydeler (1–15).")
    )
    org_number = models.CharField(
        _("organisasjonsnummer"),
        max_length=9,
        blank=True,
        help_text=_("Valgfritt; ikke verifisert."),
    )
    active = models.BooleanField(_("aktiv"), default=True)
    reports_to_byradet = models.BooleanField(
        _("rapporterer til byrådet"),
        default=True,
        help_text=_(
            "Av for enheter som svarer til bystyret (Bystyrets sekretariat, "
            "Kommunerevisjonen): byrådets rundskriv binder dem ikke, og de får "
            "ingen rapport."
        ),
    )
    # The unit's OXLO contact (rundskriv 8/2017): one record, snapshotted on
    # each report when it is submitted.
    contact_name = models.CharField(_("OXLO-kontakt"), max_length=200, blank=True)
    contact_title = models.CharField(_("stilling"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post (jobb)"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    contact_in_leadership = models.BooleanField(
        _("i virksomhetsleders stab eller lederteam"),
        null=True,
        blank=True,
        help_text=_(
            "Rundskriv 8/2017: «OXLO-kontakten bør være i virksomhetsleders "
            "stab eller lederteam.»"
        ),
    )
    synthetic = models.BooleanField(
        _("syntetisk"), default=False, help_text=_("Laget av seed_demo for lasttester.")
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "number", "name"]
        verbose_name = _("enhet")
        verbose_name_plural = _("enheter")
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                condition=models.Q(kind="bydel", number__isnull=False),
                name="unit_unique_bydel_number",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reporting:unit_detail", args=[self.slug])

    def leader_titles(self) -> list[str]:
        """The titles of who signs off this kind of unit's report."""
        return [LEADER_TITLES[self.kind], "Virksomhetsleder"]

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name and self.contact_email)


class UnitAlias(models.Model):
    """A slug a unit had before, so that old addresses still lead to it."""

    slug = models.SlugField(_("tidligere kortnavn"), max_length=120, unique=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("enhet")
    )

    class Meta:
        verbose_name = _("tidligere kortnavn")
        verbose_name_plural = _("tidligere kortnavn")

    def __str__(self):
        return self.slug


class Membership(models.Model):
    """A person's place and role in a unit: the contact fills in and sends the
    report, a contributor edits the chapters assigned to them, the leader signs."""

    class Role(models.TextChoices):
        CONTACT = "contact", _("Kontaktperson")
        CONTRIBUTOR = "contributor", _("Bidragsyter")
        LEADER = "leader", _("Leder")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhet"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("rolle"), max_length=20, choices=Role.choices, default=Role.CONTACT
    )
    # Given by a group claim at single sign-on (and taken away when the claim
    # goes), rather than by an invitation or an administrator.
    from_claims = models.BooleanField(_("fra gruppekrav"), default=False)
    title = models.CharField(_("stilling"), max_length=200, blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)

    class Meta:
        ordering = ["unit", "user__last_name", "user__first_name"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit"], name="membership_unique_user_unit"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.unit}"


class AdviserAssignment(models.Model):
    """A unit in an adviser's portfolio: the matrix shows these units by default."""

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rådgiver"),
        on_delete=models.CASCADE,
        related_name="portfolio",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhet"),
        on_delete=models.CASCADE,
        related_name="adviser_assignments",
    )

    class Meta:
        ordering = ["adviser", "unit__name"]
        verbose_name = _("rådgivers enhet")
        verbose_name_plural = _("rådgiveres enheter")
        constraints = [
            models.UniqueConstraint(
                fields=["adviser", "unit"], name="adviserassignment_unique_unit"
            )
        ]

    def __str__(self):
        return f"{self.adviser} – {self.unit}"
