"""Rundskriv 8/2017 on a report: the unit's OXLO contact and mentor nominations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import ReportingError
from ..forms.report import ContactForm, MentorForm, NoContactForm
from ..permissions import can_edit_report, is_member, manages_oxlo_page
from ..services import (
    decline_mentor,
    explain_no_contact,
    nominate_mentor,
    remove_mentor,
    set_unit_contact,
)
from ..services.units import NOT_OXLO_MANAGER
from .reports import readable_report


def _handle_post(request, report, forms) -> bool:
    """Carry out the one form that was sent; True when it succeeded."""
    contact_form, no_contact_form, mentor_form = forms
    if contact_form.is_bound and contact_form.is_valid():
        set_unit_contact(unit=report.unit, by=request.user, **contact_form.cleaned_data)
        messages.success(
            request,
            _(
                "OXLO-kontakten er lagret for enheten. Rapporten får en kopi når "
                "den sendes inn."
            ),
        )
        return True
    if no_contact_form.is_bound and no_contact_form.is_valid():
        explain_no_contact(
            report=report,
            by=request.user,
            reason=no_contact_form.cleaned_data["no_contact_reason"],
        )
        messages.success(request, _("Begrunnelsen er lagret."))
        return True
    if mentor_form.is_bound and mentor_form.is_valid():
        mentor = nominate_mentor(
            report=report, by=request.user, **mentor_form.cleaned_data
        )
        messages.success(
            request,
            _("Mentorforslaget er registrert, og %(email)s har fått e-post om det.")
            % {"email": mentor.email},
        )
        return True
    return False


def report_oxlo(request, pk):
    """The unit's OXLO contact and its mentor nominations (unit and advisers)."""
    report = readable_report(request, pk)
    member = is_member(request.user, report.unit)
    manages = manages_oxlo_page(request.user, report.unit)
    if request.method == "POST" and not manages:
        raise PermissionDenied(NOT_OXLO_MANAGER if member else "")
    data = request.POST if request.method == "POST" else None
    forms = (
        ContactForm(
            data if data and "contact" in data else None,
            initial=ContactForm.initial_for(report.unit),
        ),
        NoContactForm(
            data if data and "no_contact" in data else None,
            initial={"no_contact_reason": report.no_contact_reason},
        ),
        MentorForm(data if data and "mentor" in data else None),
    )
    if data is not None:
        try:
            if _handle_post(request, report, forms):
                return redirect("reporting:report_oxlo", report.pk)
        except ReportingError as error:
            messages.error(request, str(error))
    contact_form, no_contact_form, mentor_form = forms
    return render(
        request,
        "reporting/report_oxlo.html",
        {
            "report": report,
            "unit": report.unit,
            "contact_form": contact_form,
            "no_contact_form": no_contact_form,
            "mentor_form": mentor_form,
            "mentors": report.mentors.all(),
            "can_edit": manages and can_edit_report(request.user, report),
            "manages": manages,
            "not_manager": NOT_OXLO_MANAGER,
            "is_member": member,
        },
    )


@login_not_required
def mentor_decline(request, token):
    """The nominee's page from the e-mail link: decline with one button."""
    if request.method == "POST":
        try:
            mentor = decline_mentor(token=token)
        except ReportingError as error:
            return render(
                request, "reporting/mentor_decline.html", {"error": str(error)}
            )
        return render(
            request, "reporting/mentor_decline.html", {"mentor": mentor, "done": True}
        )
    return render(request, "reporting/mentor_decline.html", {"token": token})


@require_POST
def mentor_delete(request, pk, mentor_pk):
    """Delete a mentor nomination; the unit may always remove personal data."""
    report = readable_report(request, pk)
    if not manages_oxlo_page(request.user, report.unit):
        member = is_member(request.user, report.unit)
        raise PermissionDenied(NOT_OXLO_MANAGER if member else "")
    mentor = get_object_or_404(report.mentors, pk=mentor_pk)
    remove_mentor(mentor=mentor, by=request.user)
    messages.success(request, _("Mentorforslaget er slettet."))
    return redirect("reporting:report_oxlo", report.pk)
