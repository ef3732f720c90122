"""The contact's small forms around a report: sign-off, OXLO contact, mentors, files."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import MentorNomination

OTHER_TITLE = "annet"


class SubmitForm(forms.Form):
    """Who in the unit stands behind the report, with the titles its kind has."""

    signed_off_name = forms.CharField(
        label=_("Navn på den som har godkjent rapporten i enheten"), max_length=200
    )
    signed_off_title = forms.ChoiceField(label=_("Stilling"))
    signed_off_title_other = forms.CharField(
        label=_("Annen tittel"),
        help_text=_("Fyll ut når tittelen ikke står i listen."),
        max_length=200,
        required=False,
    )

    confirmed = forms.BooleanField(
        label=_(
            "Jeg har lest gjennom svarene og bekrefter at de er riktige, og at "
            "rapporten er godkjent i enheten."
        ),
        error_messages={"required": _("Kryss av for å bekrefte før du sender inn.")},
    )

    def __init__(self, *args, unit, initial=None, **kwargs):
        titles = unit.leader_titles()
        initial = dict(initial or {})
        stored = initial.get("signed_off_title")
        if stored and stored not in titles:
            initial |= {
                "signed_off_title": OTHER_TITLE,
                "signed_off_title_other": stored,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["signed_off_title"].choices = [
            ("", _("Velg …")),
            *((title, title) for title in titles),
            (OTHER_TITLE, _("Annen tittel")),
        ]

    def clean(self):
        data = super().clean()
        if data.get("signed_off_title") == OTHER_TITLE:
            other = data.get("signed_off_title_other", "").strip()
            if not other:
                self.add_error(
                    "signed_off_title_other",
                    _("Skriv tittelen til den som godkjente rapporten."),
                )
            data["signed_off_title"] = other
        return data


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    title = forms.CharField(label=_("Stilling"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-post (jobb)"))
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    in_leadership = forms.TypedChoiceField(
        label=_("Er OXLO-kontakten i virksomhetsleders stab eller lederteam?"),
        help_text=_("Rundskriv 8/2017 anbefaler det."),
        choices=[("ja", _("Ja")), ("nei", _("Nei"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )

    @classmethod
    def initial_for(cls, unit) -> dict:
        """The form filled in from the unit's one contact record."""
        return {
            "name": unit.contact_name,
            "title": unit.contact_title,
            "email": unit.contact_email,
            "phone": unit.contact_phone,
            "in_leadership": {True: "ja", False: "nei"}.get(unit.contact_in_leadership),
        }


class NoContactForm(forms.Form):
    no_contact_reason = forms.CharField(
        label=_("Hvorfor er ingen OXLO-kontakt utpekt?"),
        help_text=_(
            "Rundskriv 8/2017 anbefaler en OXLO-kontakt, men krever det ikke. "
            "Uten kontakt må rapporten si hvorfor."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MentorForm(forms.ModelForm):
    class Meta:
        model = MentorNomination
        fields = ["name", "title", "email", "field", "reason", "informed"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informed"].required = True


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Last opp vedlegg"),
        help_text=_("PDF, DOCX, XLSX eller ODT, høyst 10 MB."),
    )
