"""Unit teams: who is in a unit, invitations by e-mail, deactivation."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from oxlo_portal import oidc

from ..errors import InvitationError, ReportingError
from ..forms.people import AcceptInvitationForm, InviteForm
from ..models import Invitation, Unit
from ..permissions import can_manage_team
from ..selectors import person_history, unit_team
from ..services.invitations import (
    accept_invitation,
    accept_invitation_with_password,
    deactivate_person,
    invite,
    open_invitation,
    revoke_invitation,
)

User = get_user_model()


def visible_unit(request, slug) -> Unit:
    """The unit if the user may see it (its own people, advisers, administrators)."""
    return get_object_or_404(Unit.objects.for_user(request.user), slug=slug)


def team(request, slug):
    """The unit's people with their roles; advisers and administrators invite and
    deactivate here."""
    unit = visible_unit(request, slug)
    manages = can_manage_team(request.user, unit)
    form = InviteForm(request.POST or None)
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if form.is_valid():
            try:
                invitation = invite(unit=unit, by=request.user, **form.cleaned_data)
            except ReportingError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Invitasjonen er sendt til %(email)s.")
                    % {"email": invitation.email},
                )
                return redirect("reporting:unit_team", unit.slug)
    return render(
        request,
        "reporting/unit_team.html",
        {"unit": unit, "form": form, "manages": manages, **unit_team(unit)},
    )


def deactivate(request, slug, user_pk):
    """Ask first what deactivating the person means; deactivate only on the
    confirming button (a page of its own, so it works without JavaScript)."""
    unit = visible_unit(request, slug)
    if not can_manage_team(request.user, unit):
        raise PermissionDenied
    person = get_object_or_404(User, pk=user_pk, memberships__unit=unit)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        try:
            deactivate_person(person=person, unit=unit, by=request.user)
        except ReportingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s er deaktivert; det de har gjort, er tatt vare på.")
                % {"name": person.get_full_name() or person.username},
            )
        return redirect("reporting:unit_team", unit.slug)
    return render(
        request,
        "reporting/person_deactivate.html",
        {"unit": unit, "person": person, "history": person_history(person)},
    )


@require_POST
def invitation_revoke(request, slug, invitation_pk):
    unit = visible_unit(request, slug)
    if not can_manage_team(request.user, unit):
        raise PermissionDenied
    invitation = get_object_or_404(unit.invitations, pk=invitation_pk)
    try:
        revoke_invitation(invitation=invitation, by=request.user)
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Invitasjonen til %(email)s er trukket tilbake; lenken virker ikke.")
            % {"email": invitation.email},
        )
    return redirect("reporting:unit_team", unit.slug)


@login_not_required
def invitation_accept(request, token):
    """The e-mailed link: join as the signed-in person, or make a local account
    with a password, or go on to sign in with the municipal account."""
    try:
        invitation = open_invitation(token)
    except InvitationError as error:
        return render(
            request,
            "reporting/invitation_invalid.html",
            {"message": str(error)},
            status=410,
        )
    form = AcceptInvitationForm(
        request.POST if "password" in request.POST else None, email=invitation.email
    )
    if request.method == "POST":
        try:
            accepted = _accept(request, invitation, token, form)
        except InvitationError as error:
            messages.error(request, str(error))
        else:
            if accepted:
                return accepted
    return render(
        request,
        "reporting/invitation_accept.html",
        {"invitation": invitation, "form": form, "sso_enabled": oidc.enabled()},
    )


def _accept(request, invitation: Invitation, token: str, form):
    """The accepting step the person chose; None when the form has errors."""
    if "join" in request.POST and request.user.is_authenticated:
        accept_invitation(invitation=invitation, user=request.user)
        messages.success(
            request, _("Du er nå med i %(unit)s.") % {"unit": invitation.unit}
        )
        return redirect("reporting:home")
    if "sso" in request.POST and oidc.enabled():
        request.session[oidc.INVITATION_SESSION_KEY] = token
        return redirect("oidc_authentication_init")
    if form.is_bound and form.is_valid():
        user = accept_invitation_with_password(
            invitation=invitation,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Velkommen! Brukernavnet ditt er %(username)s.")
            % {"username": user.username},
        )
        return redirect("reporting:home")
    return None
