"""Advisers' comments on reports and sections, with the units' replies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from circulars.models import Section

from .reports import Report


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
