from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
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


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """The old password is checked as a login is: wrong ones count towards the same
    lockout (django-axes), and while locked out even the right one is refused."""

    def __init__(self, user, *args, request, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].validators.append(
            MaxLengthValidator(PASSWORD_MAX_LENGTH)
        )

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        checked = authenticate(
            self.request, username=self.user.get_username(), password=old_password
        )
        if checked is None or checked.pk != self.user.pk:
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password
