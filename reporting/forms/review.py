"""Forms an adviser uses on the review page and the matrix, and the e-mail settings."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from circulars.models import UnitKind
from oxlo_portal.converters import is_id

from ..models import NotificationKind, NotificationPreference, Report


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrunnelse for retur"),
        help_text=_("Enheten ser begrunnelsen på rapporten og i e-posten."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Skriv en begrunnelse for å returnere.")},
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrunnelse for å gjenåpne"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Skriv en begrunnelse for å gjenåpne.")},
    )


class ApproveForm(forms.Form):
    case_number = forms.CharField(
        label=_("Arkivert under saksnummer"),
        help_text=_("Valgfritt, f.eks. 202600123-4."),
        max_length=40,
        required=False,
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Ny kommentar"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Skriv en kommentar.")},
    )
    section = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Svar"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        error_messages={"required": _("Skriv et svar.")},
    )


class ReportsField(forms.ModelMultipleChoiceField):
    """Reports chosen by id; an id no database can hold is no valid choice."""

    def _check_values(self, value):
        for pk in value:
            if not is_id(str(pk)):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:40]},
                )
        return super()._check_values(value)


class BulkActionForm(forms.Form):
    ACTIONS = [
        ("approve", _("Godkjenn valgte")),
        ("remind", _("Send påminnelse til valgte")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    reports = ReportsField(
        queryset=Report.objects.none(),
        error_messages={"required": _("Velg minst én rapport.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = Report.objects.for_user(user).select_related(
            "unit", "circular"
        )


class MatrixFilterForm(forms.Form):
    """The matrix's query string: year, kinds, statuses, whose units, sort order."""

    year = forms.TypedChoiceField(label=_("Rapporteringsår"), coerce=int)
    kind = forms.MultipleChoiceField(
        label=_("Type enhet"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.MultipleChoiceField(
        label=_("Status"),
        choices=Report.Status.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    units = forms.ChoiceField(
        label=_("Enheter"),
        choices=[("mine", _("Mine enheter")), ("alle", _("Alle enheter"))],
        required=False,
    )
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]


class NotificationPreferencesForm(forms.Form):
    """One choice per kind of e-mail: at once, daily digest, or off."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = dict(user.notification_preferences.values_list("kind", "delivery"))
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=NotificationPreference.Delivery.choices,
                initial=chosen.get(kind, NotificationPreference.Delivery.IMMEDIATE),
                widget=forms.RadioSelect,
            )
