"""What units report: reports, their section answers, history and files."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular, Section

from .units import Unit


class ReportQuerySet(models.QuerySet):
    def for_user(self, user):
        """Reports the user may read; a foreign id is then a 404, never a leak."""
        from ..permissions import sees_all_units

        if not user.is_authenticated:
            return self.none()
        if sees_all_units(user):
            return self
        return self.filter(unit__memberships__user=user)

    def open(self):
        """Reports still to be filled in or reviewed (not approved, not withdrawn)."""
        return self.exclude(status__in=Report.CLOSED_STATUSES)


class Report(models.Model):
    """One unit's answer to one reporting circular."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Under arbeid")
        SIGNING = "signing", _("Hos leder for signering")
        SUBMITTED = "submitted", _("Sendt inn")
        RETURNED = "returned", _("Returnert for retting")
        APPROVED = "approved", _("Godkjent")
        WITHDRAWN = "withdrawn", _("Trukket tilbake")

    # Reports that are history: kept readable, never filled in or reminded of again.
    CLOSED_STATUSES = (Status.APPROVED, Status.WITHDRAWN)
    # The unit may edit its answers only in these states.
    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)

    circular = models.ForeignKey(
        Circular,
        verbose_name=_("rundskriv"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("enhet"), on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("sendt inn"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sendt inn av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_off_name = models.CharField(
        _("godkjent i enheten av"), max_length=200, blank=True
    )
    signed_off_title = models.CharField(
        _("stilling"),
        max_length=200,
        blank=True,
        help_text=_("Virksomhetsleder eller bydelsdirektør."),
    )
    # The leader's signature in the portal: who, when and the text they confirmed.
    # Without it, signed_off_name/title are what the contact typed (units with no
    # leader in the portal), and the report says so.
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signert av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signert"), null=True, blank=True)
    signed_text = models.TextField(_("bekreftet tekst"), blank=True)
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkjent av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_reason = models.TextField(_("begrunnelse for retur"), blank=True)
    case_number = models.CharField(
        _("arkivert under saksnummer"), max_length=40, blank=True
    )
    contact_name = models.CharField(_("OXLO-kontakt"), max_length=200, blank=True)
    contact_title = models.CharField(_("stilling"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post (jobb)"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    contact_in_leadership = models.BooleanField(
        _("i virksomhetsleders stab eller lederteam"), null=True, blank=True
    )
    contact_confirmed_at = models.DateTimeField(
        _("OXLO-kontakt bekreftet"), null=True, blank=True
    )
    no_contact_reason = models.TextField(
        _("hvorfor ingen OXLO-kontakt er utpekt"), blank=True
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-circular__reporting_year", "unit__kind", "unit__name"]
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporter")
        constraints = [
            models.UniqueConstraint(
                fields=["circular", "unit"], name="report_unique_circular_unit"
            ),
        ]
        permissions = [
            ("review_report", _("Kan vurdere, returnere og godkjenne rapporter")),
            ("export_report", _("Kan eksportere rapporter")),
            ("reopen_report", _("Kan gjenåpne godkjente rapporter")),
        ]

    def __str__(self):
        return f"{self.unit} – {self.circular.designation}"

    def get_absolute_url(self):
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def sign_off(self) -> str:
        """Who stands behind the report in the unit, and how that is known."""
        who = ", ".join(filter(None, [self.signed_off_name, self.signed_off_title]))
        if not who:
            return ""
        if self.signed_at:
            return _("%(who)s – signert i portalen %(when)s") % {
                "who": who,
                "when": formats.date_format(
                    timezone.localtime(self.signed_at), "d.m.Y H:i"
                ),
            }
        return _("%(who)s – oppgitt av kontaktpersonen, ikke signert i portalen") % {
            "who": who
        }


class SectionAnswer(models.Model):
    """A report's answers to one section, keyed by question key (see `Question`).

    `data` holds valid values only, so every reader can trust it. What a person
    typed that is not valid yet is kept in `raw` as typed, keyed by form field
    name, until it is corrected; `invalid` counts the fields to correct (also
    empty required cells of a draft list row), and only submitting waits for it.
    `version` grows by one on every save; a save based on an older version is a
    conflict (optimistic locking, see `services.save_section_answer`).
    """

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("kapittel"),
        on_delete=models.PROTECT,
        related_name="answers",
    )
    data = models.JSONField(_("svar"), default=dict, blank=True)
    raw = models.JSONField(
        _("ugyldige svar slik de ble skrevet"), default=dict, blank=True
    )
    invalid = models.PositiveIntegerField(_("felt som må rettes"), default=0)
    version = models.PositiveIntegerField(_("versjon"), default=0)
    answered = models.PositiveIntegerField(_("besvarte spørsmål"), default=0)
    required_missing = models.PositiveIntegerField(
        _("manglende obligatoriske"), default=0
    )
    updated_at = models.DateTimeField(_("sist endret"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sist endret av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["report", "section__order"]
        verbose_name = _("kapittelsvar")
        verbose_name_plural = _("kapittelsvar")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section"], name="sectionanswer_unique_report_section"
            ),
        ]

    def __str__(self):
        return f"{self.report} – {self.section.number}"

    @property
    def is_started(self) -> bool:
        return self.version > 0

    @property
    def is_complete(self) -> bool:
        return self.is_started and self.required_missing == 0 and self.invalid == 0


class SectionAnswerRevision(models.Model):
    """One saved state of a section's answers: who saved which version, and when."""

    answer = models.ForeignKey(
        SectionAnswer,
        verbose_name=_("kapittelsvar"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    version = models.PositiveIntegerField(_("versjon"))
    data = models.JSONField(_("svar"), default=dict)
    raw = models.JSONField(_("ugyldige svar slik de ble skrevet"), default=dict)
    invalid = models.PositiveIntegerField(_("felt som må rettes"), default=0)
    saved_at = models.DateTimeField(_("lagret"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lagret av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["answer", "-version"]
        verbose_name = _("lagret versjon")
        verbose_name_plural = _("lagrede versjoner")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "version"], name="revision_unique_answer_version"
            ),
        ]

    def __str__(self):
        return f"{self.answer} v{self.version}"


class ReportEvent(models.Model):
    """The report's history: every transition and notable action, with who and why."""

    class Action(models.TextChoices):
        CREATED = "created", _("Opprettet")
        SAVED = "saved", _("Lagret")
        SUBMITTED = "submitted", _("Sendt inn")
        RETURNED = "returned", _("Returnert for retting")
        APPROVED = "approved", _("Godkjent")
        REOPENED = "reopened", _("Gjenåpnet")
        COMMENTED = "commented", _("Kommentert")
        RESOLVED = "resolved", _("Kommentar løst")
        REMINDED = "reminded", _("Påminnelse sendt")
        ATTACHED = "attached", _("Vedlegg lagt til")
        DETACHED = "detached", _("Vedlegg fjernet")
        MENTOR = "mentor", _("Mentor endret")
        CONTACT = "contact", _("OXLO-kontakt bekreftet")
        WITHDRAWN = "withdrawn", _("Rundskrivet trukket tilbake")
        CARRIED_OVER = "carried_over", _("Svar overført fra erstattet rundskriv")
        SENT_TO_LEADER = "sent_to_leader", _("Sendt til leder for signering")
        LEADER_RETURNED = "leader_returned", _("Returnert av leder")
        SIGNED = "signed", _("Signert av leder og sendt inn")
        ASSIGNED = "assigned", _("Kapittel tildelt")
        RESTORED = "restored", _("Tidligere versjon gjenopprettet")

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("kapittel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("hendelse"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utført av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    from_status = models.CharField(_("fra status"), max_length=20, blank=True)
    to_status = models.CharField(_("til status"), max_length=20, blank=True)
    reason = models.TextField(_("begrunnelse"), blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hendelse")
        verbose_name_plural = _("historikk")

    def __str__(self):
        return f"{self.report}: {self.get_action_display()}"


class MentorNomination(models.Model):
    """A unit's proposal of a mentor for the OXLO mentor programme (personal data)."""

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="mentors",
    )
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("stilling"), max_length=200)
    email = models.EmailField(_("e-post (jobb)"))
    field = models.CharField(_("fagfelt"), max_length=200)
    reason = models.TextField(
        _("hvorfor vi foreslår personen"),
        blank=True,
        help_text=_("Står i e-posten til den som er foreslått."),
    )
    declined_at = models.DateTimeField(_("takket nei"), null=True, blank=True)
    informed = models.BooleanField(
        _("personen vet at hen er foreslått"),
        default=False,
    )
    created_at = models.DateTimeField(_("registrert"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrert av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["report", "name"]
        verbose_name = _("mentorforslag")
        verbose_name_plural = _("mentorforslag")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(informed=True), name="mentor_must_be_informed"
            ),
        ]

    def __str__(self):
        return self.name


def attachment_path(instance, filename):
    return f"attachments/{instance.report_id}/{instance.stored_name}"


class Attachment(models.Model):
    """A file a unit attaches to a section; served only to those who may read it."""

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("kapittel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    file = models.FileField(_("fil"), upload_to=attachment_path)
    stored_name = models.CharField(max_length=80, editable=False)
    original_name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=120)
    size = models.PositiveIntegerField(_("størrelse"))
    uploaded_at = models.DateTimeField(_("lastet opp"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lastet opp av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["report", "section", "uploaded_at"]
        verbose_name = _("vedlegg")
        verbose_name_plural = _("vedlegg")

    def __str__(self):
        return self.original_name
