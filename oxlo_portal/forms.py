from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Long enough for any real passphrase, short enough that hashing it costs nothing.
PASSWORD_MAX_LENGTH = 1024


class LoginForm(AuthenticationForm):
    """Django's login form with messages in bokmål (Django ships none for these)."""

    error_messages = {
        "invalid_login": _(
            "Skriv inn riktig brukernavn og passord. Det skilles mellom store og små "
            "bokstaver."
        ),
        "inactive": _("Denne brukerkontoen er deaktivert."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm sets max_length after the field is built, so the limit
        # is only an HTML attribute; without a validator an over-long name reaches
        # authentication and the throttling log, which cannot store it.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        self.fields["password"].validators.append(
            MaxLengthValidator(PASSWORD_MAX_LENGTH)
        )
