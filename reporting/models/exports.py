"""Exports ordered by people and made in the background."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reports import Report


def export_path(instance, filename):
    """A folder of its own with a random, unguessable name; the file keeps its
    readable name for the download."""
    return f"exports/{uuid.uuid4().hex}/{filename}"


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

    @property
    def is_stale(self) -> bool:
        """Running, but its worker has shown no sign of life for too long."""
        cutoff = timezone.now() - timedelta(minutes=settings.EXPORT_STALE_MINUTES)
        return (
            self.status == self.Status.RUNNING
            and self.heartbeat_at is not None
            and self.heartbeat_at < cutoff
        )
