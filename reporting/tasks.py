"""Background work: each task only calls a service."""

from django_tasks import task

from .exports.jobs import perform_export


@task()
def run_export(job_id: int):
    """Produce the file of an export job (see `exports.jobs.perform_export`)."""
    perform_export(job_id=job_id)
