"""Delete personal data past its retention period (the nightly systemd timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from reporting.services.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Sletter mentorforslag og fjerner kontaktopplysninger fra rapporter eldre "
        "enn OXLO_RETENTION_YEARS år etter rapporteringsåret. Trygg å kjøre ofte."
    )

    def handle(self, *args, verbosity=1, **options):
        result = apply_retention()
        if verbosity:
            self.stdout.write(
                f"Lagringstid {settings.OXLO_RETENTION_YEARS} år: "
                f"{result['mentors']} mentorforslag slettet, kontaktopplysninger "
                f"fjernet fra {result['contacts']} rapporter (år før "
                f"{result['before_year']})."
            )
