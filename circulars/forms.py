"""Forms of the authoring workflow (the editing itself is Django's admin)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from oxlo_portal.pdfs import POLICY, validate_pdf

from .models import Circular, Document, UnitKind


def checked_pdf(upload, *, required: bool):
    """A newly uploaded file that is a PDF passes `validate_pdf`; `required`: it must
    be a PDF. A file already stored (no new upload) is left alone."""
    if not upload or not hasattr(upload, "content_type"):
        return upload
    upload.seek(0)
    is_pdf = upload.read(5) == b"%PDF-"
    upload.seek(0)
    if required and not is_pdf:
        raise forms.ValidationError(_("Vedlegget må være en PDF-fil."))
    if is_pdf:
        validate_pdf(upload)
    return upload


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
        help_texts = {"attachment": POLICY}

    def clean_attachment(self):
        return checked_pdf(self.cleaned_data.get("attachment"), required=True)


class DocumentAdminForm(forms.ModelForm):
    """A library document; a PDF among them is checked like every uploaded PDF."""

    class Meta:
        model = Document
        fields = ["file"]  # the admin supplies the rest
        help_texts = {"file": POLICY}

    def clean_file(self):
        return checked_pdf(self.cleaned_data.get("file"), required=False)


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
