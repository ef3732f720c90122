"""The leader's page: the report's summary, then sign it or return it with a note."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..errors import ReportingError
from ..models import Membership
from ..permissions import can_sign_report, has_unit_role
from ..selectors import report_overview
from ..services.signing import leader_return, sign_report, signature_text
from .reports import readable_report


class SignForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Jeg bekrefter teksten over"),
        error_messages={"required": gettext_lazy("Kryss av for å signere.")},
    )


class LeaderReturnForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Hva skal kontaktpersonen rette?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def report_sign(request, pk):
    """The unit's leader reads the summary and signs or returns the report."""
    report = readable_report(request, pk)
    if not has_unit_role(request.user, report.unit, Membership.Role.LEADER):
        raise PermissionDenied
    sign_form = SignForm(request.POST if "sign" in request.POST else None)
    return_form = LeaderReturnForm(request.POST if "return" in request.POST else None)
    if request.method == "POST":
        try:
            if sign_form.is_bound and sign_form.is_valid():
                sign_report(report=report, by=request.user)
                messages.success(
                    request, _("Rapporten er signert og sendt til rådgiverne.")
                )
                return redirect("reporting:report_receipt", report.pk)
            if return_form.is_bound and return_form.is_valid():
                leader_return(
                    report=report,
                    note=return_form.cleaned_data["note"],
                    by=request.user,
                )
                messages.success(
                    request, _("Rapporten er sendt tilbake til kontaktpersonen.")
                )
                return redirect(report)
        except ReportingError as error:
            messages.error(request, str(error))
        report.refresh_from_db()
    return render(
        request,
        "reporting/report_sign.html",
        {
            "report": report,
            "answers": report_overview(report),
            "can_sign": can_sign_report(request.user, report),
            "text": signature_text(report),
            "sign_form": sign_form,
            "return_form": return_form,
        },
    )
