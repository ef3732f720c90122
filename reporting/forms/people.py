"""Forms for unit teams: inviting a person and accepting an invitation."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from oxlo_portal.forms import PASSWORD_MAX_LENGTH

from ..models import Membership


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-post (jobb)"), max_length=254)
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=Membership.Role.choices,
        help_text=_(
            "Kontaktperson fyller ut og sender rapporten, bidragsyter skriver "
            "kapitlene kontaktpersonen gir dem, leder signerer rapporten."
        ),
    )


class AcceptInvitationForm(forms.Form):
    """A new local account: the name, and a password chosen twice."""

    first_name = forms.CharField(label=_("Fornavn"), max_length=150)
    last_name = forms.CharField(label=_("Etternavn"), max_length=150)
    password1 = forms.CharField(
        label=_("Passord"),
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Gjenta passordet"),
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Passordene er ikke like."))
        elif first:
            try:
                validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
