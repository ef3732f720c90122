"""Background work: each task only calls a service."""

from django_tasks import task


@task()
def run_export(job_id: int):
    """Produce the file of an export job (see `services.exports.perform_export`)."""
    from .services.exports import perform_export

    perform_export(job_id=job_id)


@task()
def prepare_exports(year: int, report_id: int | None = None):
    """Render ahead what exports will need once a report is approved or changed
    (see `services.exports.prepare_exports`)."""
    from .services.exports import prepare_exports as prepare

    prepare(year=year, report_id=report_id)
