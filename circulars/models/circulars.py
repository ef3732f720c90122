"""Circulars, the unit kinds they are sent to, and their history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..validators import ARCHIVE_CODE, CASE_NUMBER, JSON_LIST_VALIDATORS
from .frozen import CircularQuerySet, FrozenCircular


class UnitKind(models.TextChoices):
    """Kinds of reporting unit; a circular's audience is a set of these."""

    BYDEL = "bydel", _("Bydel")
    ETAT = "etat", _("Etat")
    FORETAK = "foretak", _("Kommunalt foretak")
    BYRADSAVDELING = "byradsavdeling", _("Byrådsavdeling")


# Each kind of unit as a circular's «Til:» line names it (rundskriv 8/2017: «Til:
# Byrådsavdelingene, etatene, bydelene og kommunale foretak»).
AUDIENCE_NAMES = {
    UnitKind.BYDEL: _("bydelene"),
    UnitKind.ETAT: _("etatene"),
    UnitKind.FORETAK: _("de kommunale foretakene"),
    UnitKind.BYRADSAVDELING: _("byrådsavdelingene"),
}


def audience_phrase(audience) -> str:
    """«bydelene», «etatene, de kommunale foretakene og byrådsavdelingene»."""
    kinds = (
        {kind for kind in audience if isinstance(kind, str)}
        if isinstance(audience, list)
        else set()
    )
    names = [str(name) for kind, name in AUDIENCE_NAMES.items() if kind in kinds]
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s og %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }


class Circular(models.Model):
    """A rundskriv or fellesskriv; a reporting circular *is* the reporting form."""

    class Kind(models.TextChoices):
        RUNDSKRIV = "rundskriv", _("Rundskriv")
        FELLESSKRIV = "fellesskriv", _("Fellesskriv")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publisert")
        WITHDRAWN = "withdrawn", _("Trukket tilbake")

    FROZEN_STATUSES = (Status.PUBLISHED, Status.WITHDRAWN)
    # Fields that may still change on a frozen circular (through the services).
    MUTABLE_WHEN_FROZEN = frozenset({"status", "withdrawn_at", "withdrawn_reason"})

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    number = models.PositiveIntegerField(_("nummer"))
    year = models.PositiveIntegerField(_("år"))
    title = models.CharField(_("tittel"), max_length=300)
    case_number = models.CharField(
        _("saksnummer"),
        max_length=40,
        blank=True,
        validators=[CASE_NUMBER],
        help_text=_("F.eks. 201204898-35"),
    )
    archive_code = models.CharField(
        _("arkivkode"),
        max_length=20,
        blank=True,
        validators=[ARCHIVE_CODE],
        help_text=_("F.eks. 911"),
    )
    example = models.BooleanField(
        _("eksempel"),
        default=False,
        help_text=_(
            "Et eksempel til demo og opplæring, ikke et rundskriv byrådet har sendt "
            "ut. Vises merket «Eksempel» overalt og trenger ikke arkivdata."
        ),
    )
    issued_by = models.CharField(_("fra"), max_length=200, default="Byrådet")
    sent_on = models.DateField(_("utsendt dato"), null=True, blank=True)
    effective_from = models.DateField(_("gjelder fra"), null=True, blank=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("erstatter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("kopiert fra"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies",
        help_text=_("Rundskrivet denne ble startet fra; endringene vises mot det."),
    )
    replaces_note = models.CharField(
        _("erstatter (tekst)"),
        max_length=200,
        blank=True,
        help_text=_(
            "For eldre rundskriv som ikke er i portalen, f.eks. «Rundskriv 26/2013»."
        ),
    )
    audience = models.JSONField(
        _("mottakere"),
        default=list,
        blank=True,
        validators=JSON_LIST_VALIDATORS,
        help_text=_("Enhetstypene rundskrivet gjelder for."),
    )
    body = models.TextField(_("tekst"), blank=True)
    attachment = models.FileField(_("PDF-vedlegg"), upload_to="circulars/", blank=True)
    contact = models.CharField(_("saksbehandler/kontakt"), max_length=200, blank=True)
    signatures = models.CharField(_("underskrevet av"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    reporting_year = models.PositiveIntegerField(
        _("rapporteringsår"),
        null=True,
        blank=True,
        help_text=_("Tomt for rundskriv som ikke ber om rapport (som 8/2017)."),
    )
    deadline = models.DateField(_("frist"), null=True, blank=True)
    documents = models.ManyToManyField(
        "Document", verbose_name=_("henvisninger"), blank=True, related_name="circulars"
    )
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publisert av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True)
    withdrawn_reason = models.TextField(
        _("begrunnelse for tilbaketrekking"), blank=True
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)

    objects = CircularQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "kind", "-number"]
        verbose_name = _("rundskriv")
        verbose_name_plural = _("rundskriv")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number", "year"],
                name="circular_unique_kind_number_year",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="circular_number_positive"
            ),
        ]
        permissions = [
            ("publish_circular", _("Kan publisere og trekke tilbake rundskriv"))
        ]

    def __str__(self):
        return f"{self.designation}: {self.title}"

    def save(self, *args, **kwargs):
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).first()
            if stored and stored.is_frozen:
                changed = {
                    f.attname
                    for f in self._meta.concrete_fields
                    if getattr(stored, f.attname) != getattr(self, f.attname)
                }
                # A frozen circular only moves on: published -> withdrawn.
                if changed - self.MUTABLE_WHEN_FROZEN or self.status not in (
                    stored.status,
                    self.Status.WITHDRAWN,
                ):
                    raise FrozenCircular(_("Et publisert rundskriv kan ikke endres."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("circulars:circular_detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        if (
            self.pk
            and type(self)
            .objects.filter(pk=self.pk)
            .exclude(status=self.Status.DRAFT)
            .exists()
        ):
            raise FrozenCircular(_("Et publisert rundskriv kan ikke slettes."))
        return super().delete(*args, **kwargs)

    @property
    def citation(self) -> str:
        """Kind and number, as a reference in running text: «Rundskriv 8/2017»."""
        return f"{self.get_kind_display()} {self.number}/{self.year}"

    @property
    def designation(self) -> str:
        """The circular's one name on pages, in e-mails, the admin, PDF and XLSX:
        kind, number and audience, «Fellesskriv 12/2026 til bydelene»; an example
        says so wherever it is named."""
        audience = audience_phrase(self.audience)
        name = (
            _("%(citation)s til %(audience)s")
            % {"citation": self.citation, "audience": audience}
            if audience
            else self.citation
        )
        return f"{name} ({_('eksempel')})" if self.example else name

    @property
    def cited(self) -> str:
        """The name mid-sentence, in lower case as the sources write it:
        «etter rundskriv 24/2025», «erstattet av fellesskriv 12/2026»."""
        name = self.designation
        return name[:1].lower() + name[1:]

    @property
    def is_frozen(self) -> bool:
        return self.status in self.FROZEN_STATUSES

    @property
    def asks_for_report(self) -> bool:
        return self.reporting_year is not None

    def audience_items(self) -> list[tuple[str, str]]:
        """(unit kind, its name) for each kind in the audience."""
        labels = dict(UnitKind.choices)
        return [(kind, str(labels.get(kind, kind))) for kind in self.audience]

    def audience_labels(self) -> list[str]:
        return [label for _kind, label in self.audience_items()]

    def clean(self):
        if not isinstance(self.audience, list):
            return  # the field's own validator has said what is wrong
        unknown = set(self.audience) - set(UnitKind.values)
        if unknown:
            raise ValidationError({"audience": _("Ukjent enhetstype.")})


class CircularEvent(models.Model):
    """History of a circular: who copied, published, withdrew or replaced it."""

    class Action(models.TextChoices):
        CREATED_AS_COPY = "copied", _("Startet som kopi")
        CREATED_AS_REPLACEMENT = "replacement", _("Startet som erstatning")
        PUBLISHED = "published", _("Publisert")
        WITHDRAWN = "withdrawn", _("Trukket tilbake")

    circular = models.ForeignKey(
        Circular,
        verbose_name=_("rundskriv"),
        on_delete=models.CASCADE,
        related_name="events",
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
    reason = models.TextField(_("begrunnelse"), blank=True)
    related = models.ForeignKey(
        Circular,
        verbose_name=_("gjelder også"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kilden til en kopi, eller rundskrivet som erstattet dette."),
    )
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["circular", "at", "pk"]
        verbose_name = _("hendelse for rundskriv")
        verbose_name_plural = _("hendelser for rundskriv")

    def __str__(self):
        return f"{self.circular.designation}: {self.get_action_display()}"
