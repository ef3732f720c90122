"""Authoring in Django's admin: editing with inlines, and the workflow around it
(publish, start next year's circular, replace, withdraw) as confirmation pages
that call the services. Frozen circulars and their parts are read-only here too.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from oxlo_portal.admin_words import AddLabelMixin

from .diff import circular_diff
from .forms import CircularAdminForm, DocumentAdminForm, NumberForm, WithdrawForm
from .models import Circular, CircularEvent, Document, Question, Rule, Section
from .services import (
    CircularError,
    PublishError,
    copy_circular_to_next_year,
    next_free_number,
    publish_circular,
    publish_problems,
    start_replacement,
    withdraw_circular,
)


class FrozenAdminMixin:
    """Nothing of a published or withdrawn circular may be added, changed or
    deleted; `circular_of(obj)` finds the circular an object (or inline parent)
    belongs to."""

    def circular_of(self, obj) -> Circular:
        raise NotImplementedError

    def _frozen(self, obj) -> bool:
        return (
            obj is not None and obj.pk is not None and self.circular_of(obj).is_frozen
        )

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


class FrozenInlineMixin(FrozenAdminMixin):
    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)


class SectionInline(FrozenInlineMixin, admin.StackedInline):
    add_label = gettext_lazy("nytt kapittel")
    model = Section
    extra = 0
    show_change_link = True
    fields = ["number", "title", "topic", "order", "guidance"]

    def circular_of(self, obj):
        return obj


class QuestionInline(FrozenInlineMixin, admin.StackedInline):
    add_label = gettext_lazy("nytt spørsmål")
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
        "every_other_year",
        ("counts_people", "people_group", "people_rows", "totals"),
        "formula",
        ("shown_when_key", "shown_when_value"),
    ]

    def circular_of(self, obj):
        return obj.circular


class RuleFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = gettext_lazy(
                "Slett regelen"
            )


class RuleInline(FrozenInlineMixin, admin.TabularInline):
    """Rules between the section's answers, edited beside its questions."""

    add_label = gettext_lazy("ny regel")

    model = Rule
    formset = RuleFormSet
    extra = 0
    fields = ["key", "left", "operator", "right", "message", "explainable", "order"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A table row's fields are named by the column heads only: give each its
        # name, so a screen reader says what it is.
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.widget.attrs.setdefault("aria-label", str(db_field.verbose_name))
        return field

    def circular_of(self, obj):
        return obj.circular


class CircularEventInline(admin.TabularInline):
    """The circular's history, read-only: written by the services alone."""

    model = CircularEvent
    fk_name = "circular"
    extra = 0
    fields = ["at", "action", "actor", "reason", "related"]
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("Historikk")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("circulars.view_circular")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Circular)
class CircularAdmin(AddLabelMixin, FrozenAdminMixin, admin.ModelAdmin):
    add_label = gettext_lazy("nytt rundskriv")
    form = CircularAdminForm
    list_display = ["name", "title", "reporting_year", "deadline", "status"]
    list_filter = ["kind", "status", "reporting_year"]
    search_fields = ["title", "case_number", "body"]
    inlines = [SectionInline, CircularEventInline]
    readonly_fields = [
        "audience_display",
        "status",
        "copied_from",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawn_reason",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("kind", "number", "year"),
                    "title",
                    ("case_number", "archive_code"),
                    "issued_by",
                    ("sent_on", "effective_from"),
                    "contact",
                    "signatures",
                ]
            },
        ),
        (
            gettext_lazy("Mottakere og rapportering"),
            {"fields": ["audience", "reporting_year", "deadline"]},
        ),
        (
            gettext_lazy("Tekst og henvisninger"),
            {"fields": ["body", "attachment", "documents"]},
        ),
        (gettext_lazy("Erstatter"), {"fields": ["replaces", "replaces_note"]}),
        (
            gettext_lazy("Status"),
            {
                "fields": [
                    "status",
                    "copied_from",
                    ("published_at", "published_by"),
                    ("withdrawn_at", "withdrawn_reason"),
                ]
            },
        ),
    ]
    change_form_template = "admin/circulars/circular/change_form.html"

    def circular_of(self, obj):
        return obj

    def view_on_site(self, obj):
        """Only published and withdrawn circulars have a page in the library."""
        return obj.get_absolute_url() if obj.is_frozen else None

    @admin.display(description=gettext_lazy("Rundskriv"), ordering="year")
    def name(self, obj):
        return obj.designation

    @admin.display(description=gettext_lazy("Mottakere"))
    def audience_display(self, obj):
        return ", ".join(obj.audience_labels())

    def get_fieldsets(self, request, obj=None):
        """A frozen circular shows its audience as names, not as stored JSON."""
        fieldsets = super().get_fieldsets(request, obj)
        if not self._frozen(obj):
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "audience_display" if field == "audience" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "replaces":
            kwargs["queryset"] = Circular.objects.public()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        workflow = [
            ("publiser/", self.publish_view, "publish"),
            ("neste-ar/", self.copy_view, "copy"),
            ("erstatt/", self.replace_view, "replace"),
            ("trekk-tilbake/", self.withdraw_view, "withdraw"),
        ]
        return [
            path(
                f"<id:pk>/{route}",
                self.admin_site.admin_view(view),
                name=f"circulars_circular_{name}",
            )
            for route, view, name in workflow
        ] + super().get_urls()

    # The workflow pages. Each checks the permission, shows what will happen,
    # and on POST calls one service.

    def _circular(self, request, pk, permission: str) -> Circular:
        if not request.user.has_perm(permission):
            raise PermissionDenied
        return get_object_or_404(Circular, pk=pk)

    def _render(self, request, circular, template, *, title, **context):
        return TemplateResponse(
            request,
            f"admin/circulars/circular/{template}.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": circular,
                "title": title,
                **context,
            },
        )

    def _change_url(self, circular):
        return reverse("admin:circulars_circular_change", args=[circular.pk])

    def publish_view(self, request, pk):
        circular = self._circular(request, pk, "circulars.publish_circular")
        if request.method == "POST":
            try:
                publish_circular(circular=circular, by=request.user)
            except PublishError:
                pass  # the page below lists the problems
            else:
                messages.success(
                    request,
                    _("%(designation)s er publisert og kan ikke lenger endres.")
                    % {"designation": circular.designation},
                )
                return redirect(self._change_url(circular))
        return self._render(
            request,
            circular,
            "publish",
            title=_("Publiser %(designation)s") % {"designation": circular.designation},
            problems=publish_problems(circular),
            diff=circular_diff(circular),
        )

    def _number_view(self, request, pk, *, permission, template, title, year, start):
        circular = self._circular(request, pk, permission)
        year = year(circular)
        form = NumberForm(
            request.POST or None,
            initial={"number": next_free_number(kind=circular.kind, year=year)},
        )
        if request.method == "POST" and form.is_valid():
            try:
                draft = start(
                    circular=circular,
                    number=form.cleaned_data["number"],
                    by=request.user,
                )
            except CircularError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Utkastet %(designation)s er opprettet. Rediger det og publiser.")
                    % {"designation": draft.designation},
                )
                return redirect(self._change_url(draft))
        return self._render(
            request,
            circular,
            template,
            title=title % {"d": circular.designation},
            form=form,
            year=year,
        )

    def copy_view(self, request, pk):
        return self._number_view(
            request,
            pk,
            permission="circulars.add_circular",
            template="copy",
            title=_("Start neste års rundskriv fra %(d)s"),
            year=lambda circular: circular.year + 1,
            start=copy_circular_to_next_year,
        )

    def replace_view(self, request, pk):
        return self._number_view(
            request,
            pk,
            permission="circulars.publish_circular",
            template="replace",
            title=_("Erstatt %(d)s"),
            year=lambda circular: timezone.localdate().year,
            start=start_replacement,
        )

    def withdraw_view(self, request, pk):
        circular = self._circular(request, pk, "circulars.publish_circular")
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                withdraw_circular(
                    circular=circular,
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except CircularError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("%(designation)s er trukket tilbake.")
                    % {"designation": circular.designation},
                )
                return redirect(self._change_url(circular))
        return self._render(
            request,
            circular,
            "withdraw",
            title=_("Trekk tilbake %(designation)s")
            % {"designation": circular.designation},
            form=form,
        )


@admin.register(Section)
class SectionAdmin(AddLabelMixin, FrozenAdminMixin, admin.ModelAdmin):
    add_label = gettext_lazy("nytt kapittel")
    list_display = ["number", "title", "topic", "circular"]
    list_filter = ["topic", "circular__status"]
    inlines = [QuestionInline, RuleInline]

    def circular_of(self, obj):
        return obj.circular

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # New sections only go into drafts.
        if db_field.name == "circular":
            kwargs["queryset"] = Circular.objects.filter(status=Circular.Status.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Document)
class DocumentAdmin(AddLabelMixin, admin.ModelAdmin):
    add_label = gettext_lazy("nytt dokument")
    form = DocumentAdminForm
    fields = [
        "kind",
        "slug",
        "title",
        "reference",
        "summary",
        "file",
        "file_size_label",
        "adopted_on",
        "order",
    ]
    list_display = ["title", "kind", "reference"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["title"]}

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_cited_by_frozen_circular:
            return False
        return super().has_delete_permission(request, obj)
