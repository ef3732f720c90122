"""Project-wide views: the health check and friendly error pages."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache

TOO_MUCH = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


@login_not_required
@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise (for the load balancer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


def answers_in_json(view):
    """Mark a view whose caller reads JSON, also when the request is refused before
    the view runs (see `bad_request`)."""
    view.answers_in_json = True
    return view


@login_not_required
def favicon(request):
    """Oslo kommune's icon, for clients that ask the site's root for it."""
    return redirect(static("vendor/punkt/logos/favicon.ico"), permanent=True)


@login_not_required
def bad_request(request, exception):
    """A request over the upload limits (settings.py) to a view that answers in
    JSON, like the autosave, gets a JSON 413 its script can show; anything else gets
    the error page. The limit is hit wherever the body is first read (the CSRF
    check), so the view itself never runs."""
    view = getattr(request.resolver_match, "func", None)
    if isinstance(exception, TOO_MUCH) and getattr(view, "answers_in_json", False):
        return JsonResponse(
            {
                "error": _(
                    "Kapittelet er for stort til å lagres. "
                    "Gjør de lengste svarene kortere."
                )
            },
            status=413,
        )
    return defaults.bad_request(request, exception)


@login_not_required
def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@login_not_required
def permission_denied(request, exception):
    """The portal's own refusals say why (`PermissionDenied(message)`)."""
    return render(request, "403.html", {"reason": str(exception)}, status=403)


@login_not_required
def server_error(request):
    # No context processors: the database may be what failed.
    return HttpResponse(get_template("500.html").render(), status=500)


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's, with the request passed to the form for the login throttle."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class LogoutView(auth_views.LogoutView):
    """Django's, going on to the identity provider to end its session when the
    person signed in with their municipal account."""

    def post(self, request, *args, **kwargs):
        from .oidc import provider_logout_url

        provider_url = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(provider_url) if provider_url else response


class LoginView(auth_views.LoginView):
    """Django's, offering the municipal account first when single sign-on is on."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        from .oidc import enabled

        return {**super().get_context_data(**kwargs), "sso_enabled": enabled()}
