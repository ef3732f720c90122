"""Write a consolidated PDF (or one unit's report) for a reporting year."""

import shutil

from django.core.management.base import BaseCommand, CommandError

from circulars.models import UnitKind
from reporting.exports.consolidated import (
    DEFAULT_STATUSES,
    Selection,
    build_consolidated,
)
from reporting.exports.report_pdf import build_report_pdf
from reporting.models import Report


class Command(BaseCommand):
    help = (
        "Lager sammenstillingen som PDF/A for et rapporteringsår, eller med --unit "
        "én enhets rapport. Samme kode som eksporten i portalen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--unit", help="Enhetens kortnavn (slug).")
        parser.add_argument(
            "--kinds", nargs="+", choices=UnitKind.values, default=list(UnitKind.values)
        )
        parser.add_argument(
            "--statuses",
            nargs="+",
            choices=Report.Status.values,
            default=list(DEFAULT_STATUSES),
        )
        parser.add_argument("--output", required=True)

    def handle(self, *args, **options):
        if options["unit"]:
            reports = Report.objects.filter(
                unit__slug=options["unit"], circular__reporting_year=options["year"]
            )
            if not reports.exists():
                raise CommandError("Fant ingen rapport for enheten det året.")
            path, _peak = build_report_pdf(reports.first())
        else:
            selection = Selection(
                year=options["year"],
                kinds=tuple(options["kinds"]),
                statuses=tuple(options["statuses"]),
            )
            path, _peak = build_consolidated(selection)
        shutil.copyfile(path, options["output"])
        if options["verbosity"] >= 1:
            self.stdout.write(f"Skrev {options['output']}")
