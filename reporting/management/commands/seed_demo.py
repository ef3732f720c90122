"""Create the demo people, optional synthetic units and realistic answers."""

import os

from django.core.management.base import BaseCommand
from django.utils import timezone

from circulars.seed import current_reporting_year, seed_example_circulars
from reporting.demo import (
    DEMO_UNIT_SLUG,
    add_synthetic_units,
    create_demo_people,
    fill_reports,
)


class Command(BaseCommand):
    help = (
        "Oppretter eksempelrundskriv for i år og i fjor (merket «Eksempel») og "
        "demobrukerne admin, radgiver og kontakt (Bydel Frogner) med passord "
        "fra DEMO_PASSWORD (standard «demo»). --units N legger til syntetiske enheter "
        "opp til N, --fill gir alle enheter realistiske, godkjente svar for --year og "
        "året før."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--units", type=int, default=0, help="Totalt antall enheter."
        )
        parser.add_argument(
            "--fill", action="store_true", help="Fyll ut alle rapporter."
        )
        parser.add_argument(
            "--year", type=int, help="Rapporteringsår (standard: inneværende)."
        )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "demo")
        seed_example_circulars()
        people = create_demo_people(password=password)
        added = add_synthetic_units(options["units"]) if options["units"] else 0
        current = current_reporting_year(timezone.localdate())
        year = options["year"] or current
        # Last year's approved report gives Bydel Frogner answers to compare with.
        fill_reports(
            year=current - 1,
            contact=people["kontakt"],
            adviser=people["radgiver"],
            approve=True,
            unit_slug=DEMO_UNIT_SLUG,
        )
        filled = before = 0
        if options["fill"]:
            # Every unit's report the year before too, as in a real second year,
            # so that comparisons with last year are over many units.
            before = fill_reports(
                year=year - 1,
                contact=people["kontakt"],
                adviser=people["radgiver"],
                approve=True,
            )
            filled = fill_reports(
                year=year,
                contact=people["kontakt"],
                adviser=people["radgiver"],
                approve=True,
            )
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Demobrukere: admin, radgiver, kontakt (passord: "
                f"{'fra DEMO_PASSWORD' if 'DEMO_PASSWORD' in os.environ else 'demo'}). "
                f"Syntetiske enheter lagt til: {added}. "
                f"Rapporter fylt ut for {year}: {filled}, for {year - 1}: {before}."
            )
