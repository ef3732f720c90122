"""Measure the consolidated export against a single-document rendering."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from circulars.seed import current_reporting_year
from reporting.exports.bench import run
from reporting.exports.consolidated import Selection


class Command(BaseCommand):
    help = (
        "Måler sammenstillingen (kald, uendret, etter én endring) mot WeasyPrint-"
        "gjengivelse av hele dokumentet i én prosess. Brukes av `make bench`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Rapporteringsår.")

    def handle(self, *args, **options):
        year = options["year"] or current_reporting_year(timezone.localdate())
        run(Selection(year=year), write=self.stdout.write)
