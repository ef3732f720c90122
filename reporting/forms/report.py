"""The contact's small forms around a report: sign-off, OXLO contact, mentors, files."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import MentorNomination

SIGNED_OFF_TITLES = [
    ("", _("Velg …")),
    ("Virksomhetsleder", _("Virksomhetsleder")),
    ("Bydelsdirektør", _("Bydelsdirektør")),
]


class SubmitForm(forms.Form):
    signed_off_name = forms.CharField(
        label=_("Navn på den som har godkjent rapporten i enheten"), max_length=200
    )
    signed_off_title = forms.ChoiceField(label=_("Stilling"), choices=SIGNED_OFF_TITLES)
    confirmed = forms.BooleanField(
        label=_(
            "Jeg har lest gjennom svarene og bekrefter at de er riktige, og at "
            "rapporten er godkjent i enheten."
        ),
        error_messages={"required": _("Kryss av for å bekrefte før du sender inn.")},
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    title = forms.CharField(label=_("Stilling"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-post (jobb)"))
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)


class MentorForm(forms.ModelForm):
    class Meta:
        model = MentorNomination
        fields = ["name", "title", "email", "field", "informed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informed"].required = True


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Last opp vedlegg"),
        help_text=_("PDF, DOCX, XLSX eller ODT, høyst 10 MB."),
    )
