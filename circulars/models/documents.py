"""The library documents circulars refer to."""

from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .circulars import Circular
from .frozen import FrozenCircular


class Document(models.Model):
    """A library item from the seed page: handlingsplan, rapport, veileder, ..."""

    class Kind(models.TextChoices):
        HANDLINGSPLAN = "handlingsplan", _("Handlingsplan")
        RAPPORT = "rapport", _("Mangfoldsrapport")
        VEILEDER = "veileder", _("Veileder")
        RETNINGSLINJER = "retningslinjer", _("Retningslinjer")
        BYSTYRESAK = "bystyresak", _("Bystyresak")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(_("kortnavn"), max_length=120, unique=True)
    title = models.CharField(_("tittel"), max_length=300)
    reference = models.CharField(
        _("referanse"),
        max_length=120,
        blank=True,
        help_text=_("F.eks. Bystyresak 129/2013"),
    )
    summary = models.TextField(_("sammendrag"), blank=True)
    file = models.FileField(_("fil"), upload_to="documents/", blank=True)
    file_size_label = models.CharField(
        _("filstørrelse"), max_length=20, blank=True, help_text=_("F.eks. PDF 0,4MB")
    )
    adopted_on = models.DateField(_("vedtatt"), null=True, blank=True)
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["kind", "order", "title"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

    def __str__(self):
        return (
            f"{self.reference} {self.title}".strip() if self.reference else self.title
        )

    def get_absolute_url(self):
        return reverse("circulars:document_detail", args=[self.slug])

    @property
    def is_cited_by_frozen_circular(self) -> bool:
        return self.circulars.filter(status__in=Circular.FROZEN_STATUSES).exists()

    def delete(self, *args, **kwargs):
        if self.pk and self.is_cited_by_frozen_circular:
            raise FrozenCircular(
                _("Dokumentet er en henvisning i et publisert rundskriv.")
            )
        return super().delete(*args, **kwargs)


@receiver(m2m_changed, sender=Circular.documents.through)
def refuse_reference_changes_of_frozen_circulars(
    sender, instance, action, reverse, pk_set, **kwargs
):
    """A frozen circular's references are part of its text."""
    if not action.startswith("pre_"):
        return
    if reverse:  # document.circulars.add(...) / .clear()
        circulars = (
            Circular.objects.filter(pk__in=pk_set)
            if pk_set
            else instance.circulars.all()
        )
    else:
        circulars = Circular.objects.filter(pk=instance.pk)
    if circulars.filter(status__in=Circular.FROZEN_STATUSES).exists():
        raise FrozenCircular(_("Et publisert rundskriv kan ikke endres."))
