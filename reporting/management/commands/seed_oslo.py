"""Seed the real units of Oslo kommune, the library and the circulars (idempotent)."""

from django.core.management.base import BaseCommand

from circulars.seed import seed_circulars
from reporting.models import Unit
from reporting.seed import seed_units


class Command(BaseCommand):
    help = (
        "Oppretter Oslo kommunes enheter, dokumentbiblioteket, rundskriv 8/2017 og "
        "årets og fjorårets rundskriv og fellesskriv. Kan kjøres flere ganger."
    )

    def handle(self, *args, **options):
        created = seed_units()
        circulars = seed_circulars()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Enheter: {Unit.objects.count()} ({created} nye). "
                f"Rundskriv: {', '.join(c.designation for c in circulars)}."
            )
