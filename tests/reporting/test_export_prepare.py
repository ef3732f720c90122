"""Ready when asked: an approval (or a change) has a worker render the exports
ahead, so the consolidated PDF ordered right after the last approval is served
from what was already rendered."""

from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from circulars.models import UnitKind
from reporting.exports.consolidated import Selection, build_consolidated, plan
from reporting.models import Report
from reporting.services.exports import prepare_exports
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill


def _reports():
    """Three units' filled reports (a bydel and two etater), not yet submitted."""
    every_kind_circular(audience=(UnitKind.BYDEL, UnitKind.ETAT))
    kinds = [UnitKind.BYDEL, UnitKind.ETAT, UnitKind.ETAT]
    return [
        fill(
            Report.objects.get(unit=factories.UnitFactory(kind=kind, slug=f"e-{i}")),
            answers(i),
            by=None,
        )
        for i, kind in enumerate(kinds)
    ]


def _approve(report, adviser):
    index = int(report.unit.slug.split("-")[1])
    return fill(report, answers(index), by=None, approve_by=adviser)


@override_settings(
    EXPORT_PREPARE_AHEAD=True,
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_an_approval_queues_its_exports_once_committed(
    db, django_capture_on_commit_callbacks
):
    report = _reports()[0]
    with django_capture_on_commit_callbacks(execute=True):
        _approve(report, factories.adviser())
    task = DBTaskResult.objects.get(task_path="reporting.tasks.prepare_exports")
    assert task.args_kwargs["kwargs"] == {"year": 2026, "report_id": report.pk}


def test_after_the_last_approval_the_ordered_export_renders_nothing(db):
    adviser = factories.adviser()
    first, second, last = _reports()
    for report in (first, second):
        _approve(report, adviser)
    prepare_exports(year=2026)
    _approve(last, adviser)
    parts = plan(Selection(year=2026))
    bydel_batch = next(
        batch["part"]
        for chapter in parts["chapters"]
        for batch in chapter["batches"]
        if batch["group"] == "Bydeler"
    )
    assert bydel_batch.is_cached, "another kind's units were rendered again"
    prepare_exports(year=2026, report_id=last.pk)  # what the worker does
    path, peak = build_consolidated(Selection(year=2026))
    assert peak == 0 and path.exists()
