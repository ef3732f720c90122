"""A circular's sections and their questions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import validate_no_nul_characters
from .circulars import Circular
from .frozen import FrozenChild, FrozenQuerySet, QuestionQuerySet


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
            "beskriver: andeler, lønn og gjennomsnitt skjules der gruppens antall er "
            "skjult; antall (f.eks. per stillingsgruppe) regnes som deler av gruppens "
            "antall."
        ),
    )
    people_rows = models.JSONField(
        _("rader i gruppen"),
        default=list,
        blank=True,
        help_text=_(
            "Bare for et tall om en del av gruppen i en tabell: nøklene til radene "
            'som er delen, f.eks. ["mellomleder", "avdelingssjef", "direktor"] '
            "for alle ledere. Tallet skjules da der delens antall er 1–4, eller der "
            "andelen viser 1–4 personer."
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
        if not isinstance(self.people_rows, list) or not all(
            isinstance(row, str) and row for row in self.people_rows
        ):
            errors["people_rows"] = _(
                'Skriv radenes nøkler som en liste, f.eks. ["mellomleder"].'
            )
        elif self.people_rows and not self.people_group:
            errors["people_rows"] = _(
                "Skriv også hvilket spørsmål som teller gruppen radene hører til."
            )
        if errors:
            raise ValidationError(errors)
        if self.section_id:
            errors = question_problems(self, siblings_of(self))
            if errors:
                raise ValidationError(errors)


from .rules import question_problems, siblings_of  # noqa: E402 (rules use Question)
