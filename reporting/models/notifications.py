"""E-mail preferences, digests waiting to be sent, and reminders given."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .reports import Report


class NotificationKind(models.TextChoices):
    """What an e-mail is about; each person chooses how to get each kind."""

    SUBMITTED = "submitted", _("En rapport er sendt inn")
    RETURNED = "returned", _("En rapport er returnert for retting")
    APPROVED = "approved", _("En rapport er godkjent")
    COMMENTED = "commented", _("Ny kommentar på en rapport")
    REMINDER = "reminder", _("Påminnelse om frist")
    EXPORT_READY = "export", _("En eksport du bestilte er klar")


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
