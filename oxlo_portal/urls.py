from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.i18n import set_language

from circulars import views as library

from . import converters, oidc, views  # noqa: F401 (registers <id:…> for the apps' URLs)
from .forms import LoginForm, ThrottledPasswordChangeForm

MEDIA = settings.MEDIA_URL.lstrip("/")  # the settings give it a leading slash

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "logg-inn/",
        views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("logg-ut/", views.LogoutView.as_view(), name="logout"),
    path(
        "kommunekonto/logg-inn/",
        oidc.AuthenticationRequestView.as_view(),
        name="oidc_authentication_init",
    ),
    path(
        "kommunekonto/svar/",
        oidc.AuthenticationCallbackView.as_view(),
        name="oidc_authentication_callback",
    ),
    path(
        "passord/",
        views.PasswordChangeView.as_view(form_class=ThrottledPasswordChangeForm),
        name="password_change",
    ),
    path(
        "passord/endret/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "passord/glemt/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            extra_email_context={"base_url": settings.PORTAL_BASE_URL.rstrip("/")},
        ),
        name="password_reset",
    ),
    path(
        "passord/glemt/sendt/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "passord/nytt/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passord/nytt/ferdig/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Public: anonymous readers of the library switch language too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("bibliotek/", include("circulars.urls")),
    # Library files at the address their FileField gives them, each through a
    # view that checks who may read it. Nothing else under MEDIA_URL is served.
    re_path(
        rf"^{MEDIA}(?P<name>circulars/[^/]+)$",
        library.circular_attachment,
        name="circular_attachment",
    ),
    re_path(
        rf"^{MEDIA}(?P<name>documents/[^/]+)$",
        library.document_file,
        name="document_file",
    ),
    path("", include("reporting.urls")),
]

handler400 = "oxlo_portal.views.bad_request"
handler404 = "oxlo_portal.views.page_not_found"
handler403 = "oxlo_portal.views.permission_denied"
handler500 = "oxlo_portal.views.server_error"
