"""Project-wide views: the health check and friendly error pages."""

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.views.decorators.cache import never_cache


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


@login_not_required
def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@login_not_required
def permission_denied(request, exception):
    return render(request, "403.html", status=403)


@login_not_required
def server_error(request):
    # No context processors: the database may be what failed.
    return HttpResponse(get_template("500.html").render(), status=500)


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
