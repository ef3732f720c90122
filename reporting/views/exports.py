"""Exports: order one, watch its progress, download it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import ExportDenied
from ..exports.forms import ExportForm
from ..models import ExportJob, Report
from ..selectors import publication_gaps, reporting_years
from ..services.exports import fail_stale_exports, request_export, retry_export


def _require_export_permission(user):
    if not user.has_perm("reporting.export_report"):
        raise PermissionDenied


def export_start(request):
    """Order a consolidated PDF or a workbook; the person's recent exports."""
    _require_export_permission(request.user)
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = request_export(
            kind=data["kind"],
            by=request.user,
            params={
                "year": data["year"],
                "kinds": data["kinds"],
                "statuses": data["statuses"],
            },
        )
        return redirect(job)
    jobs = ExportJob.objects.filter(requested_by=request.user).select_related(
        "report__unit"
    )[:10]
    years = reporting_years()
    return render(
        request,
        "reporting/exports/start.html",
        {
            "form": form,
            "jobs": jobs,
            "years": years,
            "gaps": publication_gaps(years[0]) if years else [],
        },
    )


@require_POST
def report_export(request, pk):
    """Order one report's PDF: the unit's own people and advisers."""
    report = get_object_or_404(Report.objects.for_user(request.user), pk=pk)
    try:
        job = request_export(
            kind=ExportJob.Kind.REPORT_PDF, by=request.user, report=report
        )
    except ExportDenied as error:
        raise PermissionDenied(str(error)) from error
    messages.info(request, _("Eksporten er bestilt."))
    return redirect(job)


def _own_job(request, pk) -> ExportJob:
    """One of the person's own jobs; a job whose worker died is marked failed."""
    jobs = ExportJob.objects.filter(requested_by=request.user).select_related(
        "report__unit", "report__circular"
    )
    job = get_object_or_404(jobs, pk=pk)
    if job.is_stale:
        fail_stale_exports()
        job = jobs.get(pk=pk)
    return job


def export_detail(request, pk):
    """Progress of one export, with the download link when it is done."""
    return render(
        request, "reporting/exports/detail.html", {"job": _own_job(request, pk)}
    )


@require_POST
def export_retry(request, pk):
    """Order a failed export again; the new job's page follows."""
    job = _own_job(request, pk)
    if job.report is None:
        _require_export_permission(request.user)
    try:
        again = retry_export(job=job, by=request.user)
    except ExportDenied as error:
        messages.error(request, str(error))
        return redirect(job)
    messages.info(request, _("Eksporten er bestilt på nytt."))
    return redirect(again)


def export_status(request, pk):
    """Progress as JSON for the polling script on the detail page."""
    job = _own_job(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "progress": job.progress,
            "finished": job.is_finished,
        }
    )


def export_download(request, pk):
    """The finished file, to the person who ordered it while they still may."""
    job = _own_job(request, pk)
    if job.status != ExportJob.Status.DONE or not job.file:
        raise Http404
    if job.report is None:
        _require_export_permission(request.user)
    elif not Report.objects.for_user(request.user).filter(pk=job.report_id).exists():
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.file.name.rsplit("/", 1)[-1],
    )
