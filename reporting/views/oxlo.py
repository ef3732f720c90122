"""Rundskriv 8/2017 on a report: the confirmed OXLO contact and mentor nominations."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import ReportingError
from ..forms.report import ContactForm, MentorForm
from ..permissions import can_edit_report, is_member
from ..services import confirm_contact, nominate_mentor, remove_mentor
from .reports import editable_report, readable_report


def _contact_initial(report, user):
    if report.contact_confirmed_at:
        return {
            "name": report.contact_name,
            "title": report.contact_title,
            "email": report.contact_email,
            "phone": report.contact_phone,
        }
    membership = report.unit.memberships.filter(user=user).first()
    return {
        "name": user.get_full_name(),
        "email": user.email,
        "title": membership.title if membership else "",
        "phone": membership.phone if membership else "",
    }


def report_oxlo(request, pk):
    """The OXLO contact form and the unit's mentor nominations (unit and advisers)."""
    report = readable_report(request, pk)
    if request.method == "POST" and not is_member(request.user, report.unit):
        raise PermissionDenied
    contact_form = ContactForm(
        request.POST if "contact" in request.POST else None,
        initial=_contact_initial(report, request.user),
    )
    mentor_form = MentorForm(request.POST if "mentor" in request.POST else None)
    if request.method == "POST":
        try:
            if contact_form.is_bound and contact_form.is_valid():
                confirm_contact(
                    report=report, by=request.user, **contact_form.cleaned_data
                )
                messages.success(request, _("OXLO-kontakten er bekreftet."))
                return redirect("reporting:report_oxlo", report.pk)
            if mentor_form.is_bound and mentor_form.is_valid():
                nominate_mentor(
                    report=report, by=request.user, **mentor_form.cleaned_data
                )
                messages.success(request, _("Mentorforslaget er registrert."))
                return redirect("reporting:report_oxlo", report.pk)
        except ReportingError as error:
            messages.error(request, str(error))
    return render(
        request,
        "reporting/report_oxlo.html",
        {
            "report": report,
            "contact_form": contact_form,
            "mentor_form": mentor_form,
            "mentors": report.mentors.all(),
            "can_edit": can_edit_report(request.user, report),
            "is_member": is_member(request.user, report.unit),
        },
    )


@require_POST
def mentor_delete(request, pk, mentor_pk):
    """Delete a mentor nomination; the unit may always remove personal data."""
    report = editable_report(request, pk)
    mentor = get_object_or_404(report.mentors, pk=mentor_pk)
    remove_mentor(mentor=mentor, by=request.user)
    messages.success(request, _("Mentorforslaget er slettet."))
    return redirect("reporting:report_oxlo", report.pk)
