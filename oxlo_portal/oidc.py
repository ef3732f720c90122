"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured only from
the environment (settings.OIDC_*): endpoints and keys from the issuer's discovery
document; authorization code flow with PKCE, state and nonce; ID tokens checked
for signature, issuer, audience and expiry; roles from the group claim."""

import time
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from reporting.errors import InvitationError, NoAccess
from reporting.models import AuditEvent
from reporting.services.audit import client_ip
from reporting.services.invitations import open_invitation
from reporting.services.people import sign_in_with_claims

INVITATION_SESSION_KEY = "oxlo_invitation"
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
METADATA_SECONDS = 3600
_metadata: dict[str, tuple[float, dict]] = {}

# Why a sign-in was refused, as the refusal page says it.
REFUSALS = {
    "issuer": _("Svaret kom ikke fra Oslo kommunes identitetsleverandør."),
    "audience": _("Svaret var ment for en annen tjeneste enn OXLO-portalen."),
    "expired": _("Svaret fra identitetsleverandøren var utløpt."),
    "signature": _("Svaret fra identitetsleverandøren hadde ikke en gyldig signatur."),
    "nonce": _("Svaret hørte ikke til denne innloggingen."),
    "token": _("Svaret fra identitetsleverandøren kunne ikke bekreftes."),
    "state": _(
        "Innloggingen var allerede brukt eller hørte til en annen nettleserøkt."
    ),
    "failed": _(
        "Innloggingen ble avbrutt eller godtatt ikke av identitetsleverandøren."
    ),
    "unavailable": _("Identitetsleverandøren svarer ikke akkurat nå."),
}


class ProviderUnavailable(Exception):
    """The issuer's discovery document could not be read or does not match."""


class LoginRefused(Exception):
    """A sign-in that must not go through; `reason` is a key of REFUSALS."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def enabled() -> bool:
    return bool(settings.OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def provider_metadata() -> dict:
    """The issuer's discovery document, cached for an hour."""
    issuer = settings.OIDC_ISSUER
    cached = _metadata.get(issuer)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    try:
        response = requests.get(
            f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
        )
        response.raise_for_status()
        metadata = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(str(error)) from error
    if metadata.get("issuer", "").rstrip("/") != issuer:
        raise ProviderUnavailable("the discovery document names another issuer")
    _metadata[issuer] = (time.monotonic() + METADATA_SECONDS, metadata)
    return metadata


def oidc_setting(attr, *args):
    """mozilla-django-oidc's settings, with the endpoints from discovery."""
    if attr in ENDPOINTS:
        return provider_metadata()[ENDPOINTS[attr]]
    return import_from_settings(attr, *args)


class PortalOIDCBackend(OIDCAuthenticationBackend):
    """Signs in the person a verified ID token names (see sign_in_with_claims)."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # No network here: Django makes a backend for every request's user.
        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):  # noqa: N802 (the library's name)
        return oidc_setting("OIDC_OP_TOKEN_ENDPOINT")

    @property
    def OIDC_OP_USER_ENDPOINT(self):  # noqa: N802
        return provider_metadata().get("userinfo_endpoint")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):  # noqa: N802
        return oidc_setting("OIDC_OP_JWKS_ENDPOINT")

    def authenticate(self, request, **kwargs):
        if request is None or not enabled() or "code_verifier" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def get_payload_data(self, token, key):
        """The ID token's claims once its signature, issuer, audience and times
        are checked; anything else is refused."""
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_ISSUER,
                leeway=settings.OIDC_LEEWAY_SECONDS,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidIssuerError as error:
            raise LoginRefused("issuer") from error
        except jwt.InvalidAudienceError as error:
            raise LoginRefused("audience") from error
        except jwt.ExpiredSignatureError as error:
            raise LoginRefused("expired") from error
        except jwt.InvalidSignatureError as error:
            raise LoginRefused("signature") from error
        except jwt.InvalidTokenError as error:
            raise LoginRefused("token") from error

    def verify_token(self, token, **kwargs):
        if not token:
            raise LoginRefused("token")
        try:
            return super().verify_token(token, **kwargs)
        except SuspiciousOperation as error:  # nonce, unknown key, wrong algorithm
            reason = "nonce" if "Nonce" in str(error) else "signature"
            raise LoginRefused(reason) from error

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims (Entra ID sends the groups there), completed by
        the userinfo endpoint when it speaks of the same person."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT and access_token:
            extra = super().get_userinfo(access_token, id_token, payload)
            if isinstance(extra, dict) and extra.get("sub") == payload.get("sub"):
                claims = {**extra, **claims}
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        token = self.request.session.get(INVITATION_SESSION_KEY)
        invitation = None
        if token:
            try:
                invitation = open_invitation(token)
            except InvitationError:
                invitation = None
        user = sign_in_with_claims(
            issuer=settings.OIDC_ISSUER, claims=claims, invitation=invitation
        )
        self.request.session.pop(INVITATION_SESSION_KEY, None)
        return user


def refused(request, reason: str, message=None, status: int = 403):
    """The page that says why a sign-in did not go through and whom to ask; nobody
    stays signed in in this browser (an answer replayed after a sign-in, too)."""
    if request.user.is_authenticated:
        auth.logout(request)
    AuditEvent.objects.create(
        action=AuditEvent.Action.LOGIN_FAILED,
        ip_address=client_ip(request),
        detail=f"SSO: {reason}",
    )
    return render(
        request,
        "registration/login_refused.html",
        {
            "reason": reason,
            "message": message or REFUSALS.get(reason, REFUSALS["token"]),
            "contact": settings.OXLO_ACCESS_CONTACT,
        },
        status=status,
    )


@method_decorator(login_not_required, name="dispatch")
class AuthenticationRequestView(OIDCAuthenticationRequestView):
    """Send the browser to the provider, with state, nonce and a PKCE challenge."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)

    def get(self, request):
        if not enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except ProviderUnavailable:
            return refused(request, "unavailable", status=503)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class AuthenticationCallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer: a verified person is signed in, anything else gets
    a page that says why (and no account is made)."""

    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        if not enabled():
            raise Http404
        try:
            return super().get(request)
        except LoginRefused as refusal:
            return refused(request, refusal.reason)
        except NoAccess as refusal:
            return refused(request, "no_access", message=str(refusal))
        except SuspiciousOperation:  # a state this session did not start
            return refused(request, "state")
        except requests.HTTPError:  # the token endpoint refused the code
            return refused(request, "failed")
        except (requests.RequestException, ProviderUnavailable):
            return refused(request, "unavailable", status=503)

    def login_failure(self):
        return refused(self.request, "failed")


def provider_logout_url(request) -> str | None:
    """Where logging out continues, to end the provider's session too."""
    id_token = request.session.get("oidc_id_token")
    if not id_token or not enabled():
        return None
    try:
        end_session = provider_metadata().get("end_session_endpoint")
    except ProviderUnavailable:
        return None
    if not end_session:
        return None
    params = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
    )
    return f"{end_session}?{params}"
