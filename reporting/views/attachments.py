"""Attachments per section: upload, permission-checked download, removal."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import ReportingError, ReportLocked
from ..forms.report import AttachmentForm
from ..services import add_attachment, remove_attachment
from .reports import (
    check_can_save,
    editable_report,
    readable_report,
    section_answer,
)


def _unless_writer(request, report, section):
    """None if the person may change the chapter's attachments now; else the
    answer: 403 (PermissionDenied), or back to the report once it is locked."""
    try:
        check_can_save(request, report, section)
    except ReportLocked as error:
        messages.error(request, str(error))
        return redirect(report)
    return None


@require_POST
def attachment_upload(request, pk, section_pk):
    report = editable_report(request, pk)
    answer = section_answer(report, section_pk)
    # Before the upload is read: a contributor only adds to their chapters.
    if refused := _unless_writer(request, report, answer.section):
        return refused
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            add_attachment(
                report=report,
                section=answer.section,
                upload=form.cleaned_data["file"],
                by=request.user,
            )
        except ReportingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Vedlegget er lastet opp."))
    else:
        messages.error(request, _("Velg en fil å laste opp."))
    return redirect("reporting:section_edit", report.pk, section_pk)


def attachment_download(request, pk, attachment_pk):
    """Serve the file only to people who may read the report."""
    report = readable_report(request, pk)
    attachment = get_object_or_404(report.attachments, pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@require_POST
def attachment_delete(request, pk, attachment_pk):
    report = editable_report(request, pk)
    attachment = get_object_or_404(
        report.attachments.select_related("section"), pk=attachment_pk
    )
    section_pk = attachment.section_id
    if attachment.section is not None and (
        refused := _unless_writer(request, report, attachment.section)
    ):
        return refused
    try:
        remove_attachment(attachment=attachment, by=request.user)
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Vedlegget er fjernet."))
    if section_pk:
        return redirect("reporting:section_edit", report.pk, section_pk)
    return redirect(report)
