"""The byråd's consolidated report of a year: who publishes it, and the words the
advisers write for it (a summary, and an assessment per topic)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from circulars.models import UnitKind

from .units import Unit

MAX_COMMENTARY_LENGTH = 20_000


class Publication(models.Model):
    """A reporting year's consolidated report: its publisher and case number."""

    year = models.PositiveIntegerField(_("rapporteringsår"), unique=True)
    publisher = models.ForeignKey(
        Unit,
        verbose_name=_("utgitt av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": UnitKind.BYRADSAVDELING},
        related_name="+",
        help_text=_("Byrådsavdelingen som er ansvarlig for sammenstillingen."),
    )
    case_number = models.CharField(
        _("saksnummer"), max_length=40, blank=True, help_text=_("F.eks. 202700123-4")
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
        ordering = ["-year"]
        verbose_name = _("sammenstilling")
        verbose_name_plural = _("sammenstillinger")

    def __str__(self):
        return str(_("Sammenstilling %(year)s") % {"year": self.year})


class Commentary(models.Model):
    """The byråd's words in the report: the summary (no topic) or the assessment of
    one topic. A draft is kept out of the report until it is marked ready."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        READY = "ready", _("Klar til publisering")

    publication = models.ForeignKey(
        Publication,
        verbose_name=_("sammenstilling"),
        on_delete=models.CASCADE,
        related_name="commentaries",
    )
    topic = models.SlugField(
        _("tema"), max_length=60, blank=True, help_text=_("Tomt for sammendraget.")
    )
    text = models.TextField(_("tekst"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(_("sist endret"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sist endret av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["publication", "topic"]
        verbose_name = _("tekst i sammenstillingen")
        verbose_name_plural = _("tekster i sammenstillingen")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "topic"], name="one_commentary_per_topic"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "ready"]),
                name="commentary_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.publication.year} {self.topic or _('sammendrag')}"


class CommentaryRevision(models.Model):
    """One saved version of a text: who wrote what, and when."""

    commentary = models.ForeignKey(
        Commentary,
        verbose_name=_("tekst"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    text = models.TextField(_("tekst"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Commentary.Status.choices
    )
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("versjon av tekst")
        verbose_name_plural = _("versjoner av tekster")

    def __str__(self):
        return f"{self.commentary} {self.at:%d.%m.%Y %H:%M}"
