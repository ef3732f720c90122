"""What the byråd sends out: circulars, their sections and questions, and the
library documents they refer to.

A published circular is frozen: `Circular.save()`, `Section.save()` and
`Question.save()` (and their deletes) refuse to change anything that belongs to
a published or withdrawn circular; the querysets below refuse bulk updates,
deletes and bulk creates that would reach one; a signal refuses changes to its
document references. The one change left is published -> withdrawn.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..validators import (
    ARCHIVE_CODE,
    CASE_NUMBER,
    JSON_LIST_VALIDATORS,
    validate_no_nul_characters,
)


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


class FrozenCircular(Exception):
    """A published circular, its sections and questions can no longer change."""


class FrozenQuerySet(models.QuerySet):
    """Refuses bulk writes that would reach rows of a frozen circular, or move
    rows into one along `parent_field`."""

    frozen_lookup = "circular__status__in"
    parent_field = "circular"
    # How the parent model reaches its circular's status.
    parent_frozen_lookup = "status__in"

    def _refuse(self):
        raise FrozenCircular(_("Et publisert rundskriv kan ikke endres."))

    def _touches_frozen(self) -> bool:
        return self.filter(**{self.frozen_lookup: Circular.FROZEN_STATUSES}).exists()

    def _parents_frozen(self, parent_ids) -> bool:
        if not self.parent_field:
            return False
        parent = self.model._meta.get_field(self.parent_field).related_model
        return parent.objects.filter(
            pk__in=[pk for pk in parent_ids if pk is not None],
            **{self.parent_frozen_lookup: Circular.FROZEN_STATUSES},
        ).exists()

    def _parent_ids(self, objs) -> set:
        if not self.parent_field:
            return set()
        return {getattr(obj, f"{self.parent_field}_id") for obj in objs}

    def update(self, **kwargs):
        moved_to = {
            getattr(value, "pk", value)
            for name, value in kwargs.items()
            if self.parent_field
            and name in (self.parent_field, f"{self.parent_field}_id")
        }
        if self._touches_frozen() or self._parents_frozen(moved_to):
            self._refuse()
        return super().update(**kwargs)

    def delete(self):
        if self._touches_frozen():
            self._refuse()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if self._parents_frozen(self._parent_ids(objs)):
            self._refuse()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        existing = self.filter(pk__in=[obj.pk for obj in objs])
        if existing._touches_frozen() or self._parents_frozen(self._parent_ids(objs)):
            self._refuse()
        return super().bulk_update(objs, fields, *args, **kwargs)


class QuestionQuerySet(FrozenQuerySet):
    frozen_lookup = "section__circular__status__in"
    parent_field = "section"
    parent_frozen_lookup = "circular__status__in"


class CircularQuerySet(FrozenQuerySet):
    frozen_lookup = "status__in"
    parent_field = None

    def published(self):
        return self.filter(status=Circular.Status.PUBLISHED)

    def public(self):
        """Circulars anyone may read: published ones and the withdrawn archive."""
        return self.filter(status__in=Circular.FROZEN_STATUSES)


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
        Document, verbose_name=_("henvisninger"), blank=True, related_name="circulars"
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


class FrozenChild(models.Model):
    """A part of a circular that is frozen with it."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_not_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_not_frozen()
        return super().delete(*args, **kwargs)

    def owning_circular_id(self) -> int | None:
        raise NotImplementedError

    def _check_not_frozen(self):
        ids = {self.owning_circular_id()}
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).first()
            if stored:
                ids.add(stored.owning_circular_id())
        if Circular.objects.filter(
            pk__in=ids, status__in=Circular.FROZEN_STATUSES
        ).exists():
            raise FrozenCircular(_("Et publisert rundskriv kan ikke endres."))


class Section(FrozenChild):
    """A numbered part of a circular, e.g. «4.3 Handlingsplan for ...»."""

    circular = models.ForeignKey(
        Circular,
        verbose_name=_("rundskriv"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    number = models.CharField(
        _("nummer"),
        max_length=20,
        help_text=_("Slik rundskrivet skriver det, f.eks. 4.3.1"),
    )
    title = models.CharField(_("tittel"), max_length=300)
    guidance = models.TextField(_("veiledning"), blank=True)
    topic = models.SlugField(
        _("tema"),
        max_length=60,
        help_text=_(
            "Stabilt kortnavn som knytter etatenes 4.3 til bydelenes 4.3.1 og til "
            "samme kapittel neste år."
        ),
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        ordering = ["circular", "order", "pk"]
        verbose_name = _("kapittel")
        verbose_name_plural = _("kapitler")
        constraints = [
            models.UniqueConstraint(
                fields=["circular", "number"], name="section_unique_number_in_circular"
            ),
            models.UniqueConstraint(
                fields=["circular", "topic"], name="section_unique_topic_in_circular"
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def owning_circular_id(self):
        return self.circular_id


class Question(FrozenChild):
    """One question of a section; the same `key` next year keeps answers comparable.

    Answers are stored in `SectionAnswer.data[key]` in this shape per kind:
    text kinds and choice: str; integer: int; decimal and percent: number;
    yes/no: bool; multiple choice: list[str]; date: "YYYY-MM-DD";
    table: {row_key: {column_key: value}}; list: [{column_key: value}, ...].
    A missing key or None is "not answered".
    """

    class Kind(models.TextChoices):
        LONG_TEXT = "long_text", _("Lang tekst")
        SHORT_TEXT = "short_text", _("Kort tekst")
        INTEGER = "integer", _("Heltall")
        DECIMAL = "decimal", _("Desimaltall")
        PERCENT = "percent", _("Prosent")
        YES_NO = "yes_no", _("Ja/nei")
        CHOICE = "choice", _("Ett valg")
        MULTIPLE_CHOICE = "multiple_choice", _("Flere valg")
        DATE = "date", _("Dato")
        TABLE = "table", _("Tabell")
        LIST = "list", _("Liste (rader enheten legger til)")

    class Totals(models.TextChoices):
        NONE = "none", _("Ingen summer")
        ROWS = "rows", _("Sum per rad")
        COLUMNS = "columns", _("Sum per kolonne")
        BOTH = "both", _("Sum per rad og per kolonne")

    # Kinds a table column or a list field may have.
    CELL_KINDS = (
        Kind.SHORT_TEXT,
        Kind.LONG_TEXT,
        Kind.INTEGER,
        Kind.DECIMAL,
        Kind.PERCENT,
        Kind.YES_NO,
        Kind.CHOICE,
        Kind.MULTIPLE_CHOICE,
        Kind.DATE,
    )
    NUMERIC_KINDS = (Kind.INTEGER, Kind.DECIMAL, Kind.PERCENT)

    section = models.ForeignKey(
        Section,
        verbose_name=_("kapittel"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    key = models.SlugField(
        _("nøkkel"),
        max_length=60,
        help_text=_("Stabilt kortnavn; samme spørsmål neste år beholder nøkkelen."),
    )
    label = models.CharField(_("spørsmål"), max_length=500)
    help_text = models.TextField(_("hjelpetekst"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    required = models.BooleanField(_("obligatorisk"), default=False)
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    choices = models.JSONField(
        _("valg"),
        default=list,
        blank=True,
        validators=[validate_no_nul_characters],
        help_text=_("Liste av svaralternativer."),
    )
    rows = models.JSONField(
        _("tabellrader"),
        default=list,
        blank=True,
        validators=[validate_no_nul_characters],
        help_text=_('Faste rader i en tabell: [{"key": "...", "label": "..."}]'),
    )
    columns = models.JSONField(
        _("kolonner/felter"),
        default=list,
        blank=True,
        validators=[validate_no_nul_characters],
        help_text=_(
            'Tabellens kolonner eller listeradens felter: [{"key": "...", "label": '
            '"...", "kind": "integer", "required": false, "choices": []}]'
        ),
    )
    min_value = models.DecimalField(
        _("minste verdi"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("største verdi"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_length = models.PositiveIntegerField(_("maks lengde"), null=True, blank=True)
    change_threshold = models.DecimalField(
        _("terskel for endring (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Avvik fra fjorårets tall over denne prosenten krever en forklaring."
        ),
    )

    every_other_year = models.BooleanField(
        _("rapporteres minst annethvert år"),
        default=False,
        help_text=_(
            "Enheten kan svare med fjorårets tall og merke dem «tall fra» i fjor, "
            "slik aktivitets- og redegjørelsesplikten tillater for lønn og "
            "ufrivillig deltid."
        ),
    )
    counts_people = models.BooleanField(
        _("tall om personer"),
        default=False,
        help_text=_(
            "Tallene er antall personer (ansatte, klagere): i alt som publiseres vises "
            "1–4 som «<5». I en tabell gjelder det heltallskolonnene; de andre "
            "tallkolonnene (andel, lønn) beskriver gruppen på samme rad og skjules med "
            "den."
        ),
    )
    people_group = models.SlugField(
        _("beskriver gruppen i"),
        max_length=60,
        blank=True,
        help_text=_(
            "Nøkkelen til spørsmålet i samme kapittel som teller gruppen disse tallene "
            "(andel, lønn, gjennomsnitt) beskriver; de skjules der gruppens antall er "
            "skjult."
        ),
    )
    totals = models.CharField(
        _("summer i tabellen"),
        max_length=10,
        choices=Totals.choices,
        default=Totals.NONE,
        help_text=_(
            "Hvilke summer som gir mening i en tabell med tall: per rad (på tvers av "
            "kolonnene), per kolonne (over radene) eller begge."
        ),
    )
    formula = models.CharField(
        _("beregnes som"),
        max_length=300,
        blank=True,
        validators=[validate_no_nul_characters],
        help_text=_(
            "Tomt for et spørsmål enheten svarer på. Ellers en formel; svaret vises "
            "skrivebeskyttet, f.eks. 100 * {midlertidige.antall.kvinner} / "
            "{ansatte.antall.kvinner}. Tabellkolonner får formel med «formula» i "
            "kolonnen; der betyr {kvinner} samme rads kolonne."
        ),
    )
    shown_when_key = models.SlugField(
        _("vises bare når spørsmålet"),
        max_length=60,
        blank=True,
        help_text=_(
            "Nøkkelen til et ja/nei- eller valgspørsmål i samme kapittel. Tomt: "
            "spørsmålet vises alltid."
        ),
    )
    shown_when_value = models.CharField(
        _("har svaret"),
        max_length=200,
        blank=True,
        validators=[validate_no_nul_characters],
        help_text=_("F.eks. Ja, eller et av svaralternativene."),
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["section", "order", "pk"]
        verbose_name = _("spørsmål")
        verbose_name_plural = _("spørsmål")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "key"], name="question_unique_key_in_section"
            ),
            models.CheckConstraint(
                condition=models.Q(min_value__isnull=True)
                | models.Q(max_value__isnull=True)
                | models.Q(min_value__lte=models.F("max_value")),
                name="question_min_not_above_max",
            ),
        ]

    def __str__(self):
        return self.label

    def owning_circular_id(self):
        return (
            Section.objects.filter(pk=self.section_id)
            .values_list("circular_id", flat=True)
            .first()
        )

    @property
    def is_numeric(self) -> bool:
        return self.kind in self.NUMERIC_KINDS

    @property
    def is_computed(self) -> bool:
        return bool(self.formula)

    @property
    def is_conditional(self) -> bool:
        return bool(self.shown_when_key)

    @property
    def shown_when_label(self) -> str:
        """The label of the question this one depends on (its key if gone)."""
        for other in self.section.questions.all():
            if other.key == self.shown_when_key:
                return other.label
        return self.shown_when_key

    def clean(self):
        errors = {
            name: _('Skriv en liste, f.eks. [] eller ["Ja", "Nei"].')
            for name in ("choices", "rows", "columns")
            if not isinstance(getattr(self, name), list)
        }
        if errors:
            raise ValidationError(errors)
        if self.kind == self.Kind.TABLE and not (self.rows and self.columns):
            errors["rows"] = _("En tabell trenger både rader og kolonner.")
        if self.kind == self.Kind.LIST and not self.columns:
            errors["columns"] = _("En liste trenger minst ett felt per rad.")
        if (
            self.kind in (self.Kind.CHOICE, self.Kind.MULTIPLE_CHOICE)
            and not self.choices
        ):
            errors["choices"] = _("Et valgspørsmål trenger svaralternativer.")
        for column in self.columns or []:
            if (
                not isinstance(column, dict)
                or not column.get("key")
                or not column.get("label")
            ):
                errors["columns"] = _("Hver kolonne trenger «key» og «label».")
            elif column.get("kind", "short_text") not in self.CELL_KINDS:
                errors["columns"] = _("Ukjent kolonnetype: %(kind)s") % {
                    "kind": column["kind"]
                }
            elif any(
                column.get(bound) is not None
                and (
                    isinstance(column[bound], bool)
                    or not isinstance(column[bound], int | float)
                )
                for bound in ("min_value", "max_value")
            ):
                errors["columns"] = _(
                    "«min_value» og «max_value» i en kolonne må være tall, f.eks. 0."
                )
        for row in self.rows or []:
            if not isinstance(row, dict) or not row.get("key") or not row.get("label"):
                errors["rows"] = _("Hver rad trenger «key» og «label».")
        if self.shown_when_key and not self.shown_when_value.strip():
            errors["shown_when_value"] = _("Skriv svaret som skal vise spørsmålet.")
        if self.shown_when_value and not self.shown_when_key:
            errors["shown_when_key"] = _("Skriv nøkkelen til spørsmålet det gjelder.")
        if self.people_group and self.people_group == self.key:
            errors["people_group"] = _("Et spørsmål kan ikke beskrive seg selv.")
        if errors:
            raise ValidationError(errors)
        if self.section_id:
            errors = question_problems(self, siblings_of(self))
            if errors:
                raise ValidationError(errors)


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


from .rules import Rule, question_problems, siblings_of  # noqa: E402, F401
