"""Background work: each task only calls a service."""

from django_tasks import task


@task()
def run_export(job_id: int):
    """Produce the file of an export job (see `services.exports.perform_export`)."""
    from .services.exports import perform_export

    perform_export(job_id=job_id)
