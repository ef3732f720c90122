"""Seed the real units of Oslo kommune, the library and rundskriv 8/2017."""

from django.core.management.base import BaseCommand

from circulars.seed import seed_library
from reporting.models import Unit
from reporting.seed import seed_units


class Command(BaseCommand):
    help = (
        "Oppretter Oslo kommunes enheter, dokumentbiblioteket og rundskriv 8/2017. "
        "Kan kjøres flere ganger. Eksempelrundskriv for demo lages av seed_demo."
    )

    def handle(self, *args, **options):
        created = seed_units()
        circulars = seed_library()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Enheter: {Unit.objects.count()} ({created} nye). "
                f"Rundskriv: {', '.join(c.designation for c in circulars)}."
            )
