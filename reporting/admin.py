from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy

from oxlo_portal.admin_words import AddLabelMixin

from .models import (
    AdviserAssignment,
    GroupMapping,
    Invitation,
    Membership,
    Report,
    ReportEvent,
    SentReminder,
    Unit,
)
from .roles import ROLES

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(AddLabelMixin, UserAdmin):
    """People and their portal roles. Superuser status, permissions of a person's
    own and groups other than the roles are a superuser's to give: anyone else sees
    the first two read-only, keeps the other groups as they are, and cannot change
    a superuser at all (not even the password)."""

    add_label = gettext_lazy("ny bruker")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return [*fields, "is_superuser", "user_permissions"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        """Groups beyond the roles, which the form did not offer, stay as they were."""
        kept = []
        if change and not request.user.is_superuser:
            kept = list(form.instance.groups.exclude(name__in=ROLES))
        super().save_related(request, form, formsets, change)
        form.instance.groups.add(*kept)


class MembershipInline(admin.TabularInline):
    add_label = gettext_lazy("nytt medlemskap")
    model = Membership
    extra = 0
    fields = ["user", "role", "title", "phone", "from_claims"]
    readonly_fields = ["from_claims"]
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(AddLabelMixin, admin.ModelAdmin):
    add_label = gettext_lazy("ny enhet")
    list_display = ["name", "kind", "number", "active", "reports_to_byradet"]
    list_filter = ["kind", "active", "reports_to_byradet"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def has_delete_permission(self, request, obj=None):
        # Units are deactivated, never deleted, so old reports keep their owner.
        return False


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "actor", "from_status", "to_status", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Reports change only through the portal's own pages and services."""

    list_display = ["unit", "circular", "status", "submitted_at", "approved_at"]
    list_filter = ["status", "circular__reporting_year", "unit__kind"]
    search_fields = ["unit__name"]
    inlines = [ReportEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AdviserAssignment)
class AdviserAssignmentAdmin(admin.ModelAdmin):
    """Which units each adviser follows (their portfolio in the matrix)."""

    list_display = ["adviser", "unit"]
    list_filter = ["unit__kind"]
    search_fields = ["adviser__username", "adviser__last_name", "unit__name"]
    autocomplete_fields = ["adviser", "unit"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "report", "stage", "recipient"]
    list_filter = ["stage"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GroupMapping)
class GroupMappingAdmin(AddLabelMixin, admin.ModelAdmin):
    """Which of the identity provider's groups give which role (read at every
    single sign-on; docs/deploy.md)."""

    add_label = gettext_lazy("ny gruppekobling")

    list_display = ["claim_value", "role", "unit", "note"]
    list_filter = ["role"]
    search_fields = ["claim_value", "note", "unit__name"]
    autocomplete_fields = ["unit"]


@admin.register(Invitation)
class InvitationAdmin(AddLabelMixin, admin.ModelAdmin):
    """Invitations are sent from a unit's team page; here they can be read."""

    add_label = gettext_lazy("ny invitasjon")

    list_display = ["email", "unit", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "unit__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
