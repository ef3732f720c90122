"""Write every answer of a reporting year as an XLSX workbook."""

from pathlib import Path

from django.core.management.base import BaseCommand

from circulars.models import UnitKind
from reporting.exports.consolidated import Selection
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx


class Command(BaseCommand):
    help = (
        "Lager regneark med alle svar for et rapporteringsår: ett ark per tema, "
        "statuser og statistikk. Samme kode som eksporten i portalen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--kinds", nargs="+", choices=UnitKind.values, default=list(UnitKind.values)
        )
        parser.add_argument("--output", required=True)

    def handle(self, *args, **options):
        selection = Selection(
            year=options["year"], kinds=tuple(options["kinds"]), statuses=ALL_STATUSES
        )
        Path(options["output"]).write_bytes(build_xlsx(selection))
        if options["verbosity"] >= 1:
            self.stdout.write(f"Skrev {options['output']}")
