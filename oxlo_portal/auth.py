"""Login throttling for every login form, leaving programmatic logins alone."""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come with a request (the login
    page, the admin login). `authenticate()` without one (the test client, the
    shell) has no client address to throttle and goes straight to ModelBackend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
