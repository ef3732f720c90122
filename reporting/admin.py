from django.contrib import admin

from .models import (
    AdviserAssignment,
    Membership,
    Report,
    ReportEvent,
    SentReminder,
    Unit,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "number", "active", "oxlo_contact"]
    list_filter = ["kind", "active"]
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
