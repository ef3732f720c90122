"""Send due deadline reminders and the daily digests; safe to run many times a day."""

from django.core.management.base import BaseCommand

from reporting.services.notifications import send_digests, send_due_reminders


class Command(BaseCommand):
    help = (
        "Sender påminnelser om frist til enheter som ikke har sendt inn, og daglige "
        "samle-e-poster. Ingen får samme påminnelse to ganger."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-digest",
            action="store_true",
            help="Send bare påminnelser, ikke samle-e-poster.",
        )

    def handle(self, *args, no_digest=False, verbosity=1, **options):
        reminders = send_due_reminders()
        digests = 0 if no_digest else send_digests()
        if verbosity:
            self.stdout.write(
                f"{reminders} påminnelser og {digests} samle-e-poster sendt."
            )
