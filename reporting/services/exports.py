"""Export jobs: order one (its task is queued with it) and run it in a worker."""

import logging
import os
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import ExportDenied
from ..exports.consolidated import Selection, build_consolidated
from ..exports.report_pdf import build_report_pdf
from ..exports.xlsx import build_xlsx
from ..models import ExportJob, NotificationKind, Report, export_path
from ..permissions import can_export_report
from ..tasks import prepare_exports as prepare_exports_task
from ..tasks import run_export
from .notifications import notify

logger = logging.getLogger("reporting.exports")


def partial_path(job: ExportJob) -> Path:
    """Where the worker writes the file before it is complete."""
    return Path(settings.MEDIA_ROOT) / "exports" / "underveis" / f"{job.pk}.part"


def _store(job: ExportJob, name: str, content: bytes) -> None:
    """Write to a temporary name, then rename: the file under its real name is
    always whole, whatever happens to the worker."""
    partial = partial_path(job)
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(content)
    final = job.file.storage.get_available_name(export_path(job, name))
    target = Path(job.file.storage.path(final))
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(partial, target)
    job.file.name = final


def fail_stale_exports() -> int:
    """Mark running exports whose worker has shown no sign of life for
    EXPORT_STALE_MINUTES as failed (they can be ordered again) and remove what they
    left half-written. Returns how many."""
    cutoff = timezone.now() - timedelta(minutes=settings.EXPORT_STALE_MINUTES)
    stale = list(
        ExportJob.objects.filter(
            status=ExportJob.Status.RUNNING, heartbeat_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    failed = 0
    for pk in stale:
        failed += ExportJob.objects.filter(
            pk=pk, status=ExportJob.Status.RUNNING, heartbeat_at__lt=cutoff
        ).update(
            status=ExportJob.Status.FAILED,
            finished_at=timezone.now(),
            error=_(
                "Eksporten stoppet før den ble ferdig fordi arbeidsprosessen ble "
                "avbrutt. Bestill den på nytt."
            ),
        )
        partial_path(ExportJob(pk=pk)).unlink(missing_ok=True)
    if failed:
        logger.warning("Marked %s stale export job(s) as failed", failed)
    return failed


@transaction.atomic
def retry_export(*, job: ExportJob, by) -> ExportJob:
    """Order a failed export again, with the same choices, as a new job."""
    if job.status != ExportJob.Status.FAILED or job.requested_by_id != by.pk:
        raise ExportDenied(
            _("Bare en feilet eksport du bestilte selv kan prøves igjen.")
        )
    return request_export(kind=job.kind, by=by, report=job.report, params=job.params)


@transaction.atomic
def request_export(
    *, kind: str, by, report: Report | None = None, params: dict | None = None
) -> ExportJob:
    """Create the job and queue its task in the same transaction."""
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


def prepare_on_commit(*, year: int, report: Report | None = None) -> None:
    """Once the change is committed, have a worker render the exports ahead."""
    if not settings.EXPORT_PREPARE_AHEAD:
        return
    report_id = report.pk if report is not None else None
    transaction.on_commit(
        lambda: prepare_exports_task.enqueue(year=year, report_id=report_id)
    )


def prepare_exports(*, year: int, report_id: int | None = None) -> None:
    """Render the report's own PDF and the year's consolidated PDF into the cache,
    so the export ordered right after the last approval is served from it. Only
    the parts whose content changed are rendered again."""
    report = Report.objects.filter(pk=report_id).first() if report_id else None
    if report is not None:
        build_report_pdf(report)
    build_consolidated(Selection(year=year))


def _progress(job_id: int):
    def update(done: int, total: int):
        ExportJob.objects.filter(pk=job_id).update(
            progress=min(95, 5 + int(90 * done / total)), heartbeat_at=timezone.now()
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
    """Tell the person who ordered the export that it is ready, or failed."""
    notify(
        users=[job.requested_by] if job.requested_by.email else [],
        kind=NotificationKind.EXPORT_READY,
        template="reporting/email/export",
        context={
            "job": job,
            "url": settings.PORTAL_BASE_URL.rstrip("/") + job.get_absolute_url(),
        },
    )


def perform_export(*, job_id: int) -> ExportJob | None:
    """Run a queued job once: produce the file, store it, tell the requester."""
    fail_stale_exports()
    now = timezone.now()
    claimed = ExportJob.objects.filter(
        pk=job_id, status=ExportJob.Status.QUEUED
    ).update(
        status=ExportJob.Status.RUNNING, started_at=now, heartbeat_at=now, progress=5
    )
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
        _store(job, name, content)
        job.status = ExportJob.Status.DONE
        job.progress = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "file", "progress", "finished_at"])
    _notify(job)
    return job
