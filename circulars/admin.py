from django.contrib import admin

from .models import Circular, Document, Question, Section


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    show_change_link = True
    fields = ["number", "title", "topic", "order", "guidance"]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = [
        "key",
        "label",
        "kind",
        "required",
        "order",
        "help_text",
        "choices",
        "rows",
        "columns",
        ("min_value", "max_value", "max_length", "change_threshold"),
    ]


class FrozenAdminMixin:
    """Published circulars and their parts are read-only in the admin too."""

    def circular_of(self, obj):
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.circular_of(obj).is_frozen:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.circular_of(obj).is_frozen:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Circular)
class CircularAdmin(FrozenAdminMixin, admin.ModelAdmin):
    list_display = ["designation", "title", "reporting_year", "deadline", "status"]
    list_filter = ["kind", "status", "reporting_year"]
    search_fields = ["title", "case_number", "body"]
    inlines = [SectionInline]
    filter_horizontal = ["documents"]
    readonly_fields = ["status", "published_at", "published_by", "withdrawn_at"]

    def circular_of(self, obj):
        return obj


@admin.register(Section)
class SectionAdmin(FrozenAdminMixin, admin.ModelAdmin):
    list_display = ["number", "title", "topic", "circular"]
    list_filter = ["topic", "circular"]
    inlines = [QuestionInline]

    def circular_of(self, obj):
        return obj.circular


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "reference"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["title"]}
