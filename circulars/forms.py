"""Forms of the authoring workflow (the editing itself is Django's admin)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Circular, UnitKind


class CircularAdminForm(forms.ModelForm):
    """The circular as administrators edit it: the audience as checkboxes."""

    audience = forms.MultipleChoiceField(
        label=_("Mottakere"),
        choices=UnitKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Enhetstypene som skal rapportere på rundskrivet."),
    )

    class Meta:
        model = Circular
        # The admin supplies the rest of the fields from its fieldsets.
        fields = ["audience", "documents"]
        # Checkboxes: the admin's two-box filter widget fails axe (aria-label on
        # a span without a role).
        widgets = {"documents": forms.CheckboxSelectMultiple}


class NumberForm(forms.Form):
    """The number the new circular gets; a free one is suggested."""

    number = forms.IntegerField(
        label=_("Nummer på det nye rundskrivet"),
        min_value=1,
        help_text=_("Forslaget er første ledige nummer for året."),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrunnelse"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vises på rundskrivets side i biblioteket."),
    )
