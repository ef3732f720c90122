"""Export jobs: request one (the task is queued with it) and run it in a worker."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ExportJob, Report
from ..permissions import can_export_report
from .consolidated import Selection, build_consolidated
from .report_pdf import build_report_pdf
from .xlsx import build_xlsx

logger = logging.getLogger("reporting.exports")


class ExportDenied(Exception):
    """The person may not make this export."""


@transaction.atomic
def request_export(
    *, kind: str, by, report: Report | None = None, params: dict | None = None
) -> ExportJob:
    """Create the job and queue its task in the same transaction."""
    from ..tasks import run_export

    if kind == ExportJob.Kind.REPORT_PDF:
        if report is None or not can_export_report(by, report):
            raise ExportDenied(_("Du kan bare eksportere din egen enhets rapport."))
    elif not by.has_perm("reporting.export_report"):
        raise ExportDenied(_("Bare rådgivere kan eksportere sammenstillinger."))
    job = ExportJob.objects.create(
        kind=kind, requested_by=by, report=report, params=params or {}
    )
    run_export.enqueue(job_id=job.pk)
    return job


def _progress(job_id: int):
    def update(done: int, total: int):
        ExportJob.objects.filter(pk=job_id).update(
            progress=min(95, 5 + int(90 * done / total))
        )

    return update


def _selection(params: dict) -> Selection:
    selection = Selection(year=int(params["year"]))
    if params.get("kinds"):
        selection.kinds = tuple(params["kinds"])
    if params.get("statuses"):
        selection.statuses = tuple(params["statuses"])
    return selection


def _produce(job: ExportJob) -> tuple[str, bytes]:
    progress = _progress(job.pk)
    if job.kind == ExportJob.Kind.REPORT_PDF:
        path, _peak = build_report_pdf(job.report, progress=progress)
        return f"{job.report.unit.slug}-{job.report.circular.reporting_year}.pdf", (
            path.read_bytes()
        )
    selection = _selection(job.params)
    if job.kind == ExportJob.Kind.XLSX:
        return f"oxlo-{selection.year}.xlsx", build_xlsx(selection)
    path, _peak = build_consolidated(selection, progress=progress)
    return f"oxlo-sammenstilling-{selection.year}.pdf", path.read_bytes()


def _notify(job: ExportJob):
    link = settings.PORTAL_BASE_URL.rstrip("/") + job.get_absolute_url()
    if job.status == ExportJob.Status.DONE:
        subject = _("Eksporten din er klar")
        body = _("%(kind)s er klar til nedlasting: %(link)s")
    else:
        subject = _("Eksporten din feilet")
        body = _("%(kind)s kunne ikke lages. Se %(link)s")
    if job.requested_by.email:
        send_mail(
            subject,
            body % {"kind": job.get_kind_display(), "link": link},
            None,
            [job.requested_by.email],
        )


def perform_export(*, job_id: int) -> ExportJob | None:
    """Run a queued job once: produce the file, store it, tell the requester."""
    claimed = ExportJob.objects.filter(
        pk=job_id, status=ExportJob.Status.QUEUED
    ).update(status=ExportJob.Status.RUNNING, started_at=timezone.now(), progress=5)
    if not claimed:
        return None
    job = ExportJob.objects.select_related("report__unit", "report__circular").get(
        pk=job_id
    )
    try:
        name, content = _produce(job)
    except Exception as error:
        logger.exception("Export job %s failed", job_id)
        job.status = ExportJob.Status.FAILED
        job.error = _("Eksporten kunne ikke lages (%(error)s). Prøv igjen senere.") % {
            "error": type(error).__name__
        }
    else:
        job.file.save(name, ContentFile(content), save=False)
        job.status = ExportJob.Status.DONE
        job.progress = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "file", "progress", "finished_at"])
    _notify(job)
    return job
