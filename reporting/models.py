"""Who reports and what they report: units, their people, reports and answers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular, Section, UnitKind


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_user(self, user):
        """Units the user may see: every unit for staff roles, else their own."""
        from .permissions import sees_all_units

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
    oxlo_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("OXLO-kontakt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="oxlo_contact_for",
        help_text=_("Rundskriv 8/2017 ber hver virksomhet utpeke en OXLO-kontakt."),
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


class Membership(models.Model):
    """A person's place in a unit; a contact reports for the units they belong to."""

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


class ReportQuerySet(models.QuerySet):
    def for_user(self, user):
        """Reports the user may read; a foreign id is then a 404, never a leak."""
        from .permissions import sees_all_units

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
    contact_confirmed_at = models.DateTimeField(
        _("OXLO-kontakt bekreftet"), null=True, blank=True
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


class SectionAnswer(models.Model):
    """A report's answers to one section, keyed by question key (see `Question`).

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
        return self.is_started and self.required_missing == 0


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


class ReviewComment(models.Model):
    """An adviser's comment on a report or one of its sections; contacts reply."""

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("kapittel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("svar på"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet av"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("kommentar"), max_length=5000)
    created_at = models.DateTimeField(_("skrevet"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("løst"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("løst av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")

    def __str__(self):
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.parent_id is None and self.resolved_at is None


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


class NotificationKind(models.TextChoices):
    """What an e-mail is about; each person chooses how to get each kind."""

    SUBMITTED = "submitted", _("En rapport er sendt inn")
    RETURNED = "returned", _("En rapport er returnert for retting")
    APPROVED = "approved", _("En rapport er godkjent")
    COMMENTED = "commented", _("Ny kommentar på en rapport")
    REMINDER = "reminder", _("Påminnelse om frist")


class NotificationPreference(models.Model):
    """How one person wants e-mails of one kind: off, at once, or in a daily digest."""

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("Straks")
        DIGEST = "digest", _("Daglig samle-e-post")
        OFF = "off", _("Av")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("varsel"), max_length=20, choices=NotificationKind)
    delivery = models.CharField(
        _("levering"),
        max_length=20,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATE,
    )

    class Meta:
        ordering = ["user", "kind"]
        verbose_name = _("varselinnstilling")
        verbose_name_plural = _("varselinnstillinger")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="notificationpreference_unique_kind"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"


class DigestItem(models.Model):
    """A notification waiting for the person's daily digest e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="digest_items",
    )
    kind = models.CharField(_("varsel"), max_length=20, choices=NotificationKind)
    subject = models.CharField(_("emne"), max_length=300)
    body = models.TextField(_("tekst"))
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        ordering = ["user", "created_at", "pk"]
        verbose_name = _("varsel til samle-e-post")
        verbose_name_plural = _("varsler til samle-e-post")

    def __str__(self):
        return self.subject


class SentReminder(models.Model):
    """A deadline reminder given to one person for one report at one stage.

    The unique constraint is what makes `send_reminders` safe to run again: a
    reminder already recorded is never sent twice.
    """

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="sent_reminders",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mottaker"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    stage = models.CharField(
        _("trinn"),
        max_length=20,
        help_text=_("«before-14», «before-3», «deadline» eller «overdue»."),
    )
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("sendt påminnelse")
        verbose_name_plural = _("sendte påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "recipient", "stage"],
                name="sentreminder_unique_stage_per_recipient",
            )
        ]

    def __str__(self):
        return f"{self.report} – {self.stage} – {self.recipient}"


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


def export_path(instance, filename):
    return f"exports/{instance.requested_by_id}/{filename}"


class ExportJob(models.Model):
    """A requested export (PDF or XLSX), run as a background task with progress."""

    class Kind(models.TextChoices):
        REPORT_PDF = "report_pdf", _("Rapport som PDF")
        CONSOLIDATED_PDF = "consolidated_pdf", _("Sammenstilling som PDF")
        XLSX = "xlsx", _("Alle svar som regneark (XLSX)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("Lages")
        DONE = "done", _("Ferdig")
        FAILED = "failed", _("Feilet")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("fremdrift (%)"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestilt av"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="export_jobs",
    )
    params = models.JSONField(_("valg"), default=dict, blank=True)
    file = models.FileField(_("fil"), upload_to=export_path, blank=True)
    error = models.TextField(_("feilmelding"), blank=True)
    requested_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    started_at = models.DateTimeField(_("startet"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        _("sist tegn til liv"),
        null=True,
        blank=True,
        help_text=_("Oppdateres av arbeidsprosessen mens eksporten lages."),
    )
    finished_at = models.DateTimeField(_("ferdig"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("eksport")
        verbose_name_plural = _("eksporter")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="exportjob_progress_max_100"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="report_pdf") | models.Q(report__isnull=False),
                name="exportjob_report_pdf_has_report",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("reporting:export_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
