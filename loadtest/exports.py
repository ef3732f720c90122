"""After the load: wait for the consolidated exports ordered during it to finish,
and say how long each took. Exits 1 if one failed or is still unfinished at the end.

Run as: python manage.py shell -c "from loadtest.exports import main; main(SECONDS)"
"""

import sys
import time

from reporting.models import ExportJob

FINISHED = [ExportJob.Status.DONE, ExportJob.Status.FAILED]


def main(wait_seconds: int) -> None:
    jobs = ExportJob.objects.filter(kind=ExportJob.Kind.CONSOLIDATED_PDF)
    give_up = time.monotonic() + wait_seconds
    while jobs.exclude(status__in=FINISHED).exists() and time.monotonic() < give_up:
        time.sleep(5)
    problems = 0 if jobs.exists() else 1
    print(f"{'export':10} {'status':8} {'queued':>8} {'running':>8} {'size':>10}")
    for job in jobs.order_by("pk"):
        done = job.status == ExportJob.Status.DONE
        problems += not done
        print(
            f"{job.pk:<10} {job.status:8} {seconds(job.requested_at, job.started_at)}"
            f" {seconds(job.started_at, job.finished_at)}"
            f" {job.file.size if done else 0:>10,}"
        )
    print(
        "Every export finished."
        if not problems
        else "TARGET MISSED: an export failed, did not finish or was never ordered."
    )
    sys.exit(1 if problems else 0)


def seconds(start, end) -> str:
    return f"{(end - start).total_seconds():7.1f}s" if start and end else "       -"
