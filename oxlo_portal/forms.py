from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with messages in bokmål (Django ships none for these)."""

    error_messages = {
        "invalid_login": _(
            "Skriv inn riktig brukernavn og passord. Det skilles mellom store og små "
            "bokstaver."
        ),
        "inactive": _("Denne brukerkontoen er deaktivert."),
    }
