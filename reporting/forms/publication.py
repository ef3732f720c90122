"""The advisers' forms for the consolidated report: its facts and its texts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from circulars.models import UnitKind

from ..models import Unit
from ..models.publication import MAX_COMMENTARY_LENGTH


class PublicationForm(forms.Form):
    publisher = forms.ModelChoiceField(
        label=_("Utgitt av"),
        queryset=Unit.objects.filter(kind=UnitKind.BYRADSAVDELING, active=True),
        required=False,
        empty_label=_("Velg byrådsavdeling …"),
        help_text=_("Byrådsavdelingen som er ansvarlig for sammenstillingen."),
    )
    case_number = forms.CharField(
        label=_("Saksnummer"),
        max_length=40,
        required=False,
        help_text=_(
            "Saksnummeret sammenstillingen arkiveres under, f.eks. 202700123-4."
        ),
    )


class CommentaryForm(forms.Form):
    text = forms.CharField(
        label=_("Tekst"),
        required=False,
        max_length=MAX_COMMENTARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Tomme linjer skiller avsnitt."),
    )
