"""The form an adviser fills in to order a consolidated PDF or a workbook."""

from django import forms
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular, UnitKind

from ..models import ExportJob, Report


def reporting_years() -> list[int]:
    return sorted(
        set(
            Circular.objects.published()
            .filter(reporting_year__isnull=False)
            .values_list("reporting_year", flat=True)
        ),
        reverse=True,
    )


class ExportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hva vil du lage?"),
        choices=[
            (ExportJob.Kind.CONSOLIDATED_PDF, ExportJob.Kind.CONSOLIDATED_PDF.label),
            (ExportJob.Kind.XLSX, ExportJob.Kind.XLSX.label),
        ],
        widget=forms.RadioSelect,
        initial=ExportJob.Kind.CONSOLIDATED_PDF,
    )
    year = forms.TypedChoiceField(label=_("Rapporteringsår"), coerce=int)
    kinds = forms.MultipleChoiceField(
        label=_("Enhetstyper"),
        choices=UnitKind.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=list(UnitKind.values),
    )
    statuses = forms.MultipleChoiceField(
        label=_("Ta med rapporter med status"),
        choices=Report.Status.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Report.Status.APPROVED],
        help_text=_("Standard: bare godkjente rapporter."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = reporting_years()
        self.fields["year"].choices = [(year, year) for year in years]
        if years:
            self.fields["year"].initial = years[0]
