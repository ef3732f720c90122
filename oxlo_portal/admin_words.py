"""The admin's add links and titles in Norwegian with the right gender («Legg til
nytt rundskriv», «Legg til ny enhet»): Django's own catalogue says «ny» for all."""

import functools
import json

from django.utils.translation import gettext as _


def add_text(label) -> str:
    return _("Legg til %(thing)s") % {"thing": label}


class AddLabelMixin:
    """For a ModelAdmin: `add_label` («nytt rundskriv») titles the add page and the
    change list's add button (templates/admin/change_list_object_tools.html); an
    inline's own `add_label` names its «Legg til …» link."""

    add_label = None

    def add_view(self, request, form_url="", extra_context=None):
        if self.add_label:
            extra_context = {"title": add_text(self.add_label), **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if self.add_label:
            extra_context = {
                "add_text": add_text(self.add_label),
                **(extra_context or {}),
            }
        return super().changelist_view(request, extra_context)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(
            request, formsets, inline_instances, obj
        )
        for inline_formset in inline_formsets:
            label = getattr(inline_formset.opts, "add_label", None)
            if label:
                data = json.loads(inline_formset.inline_formset_data())
                data["options"]["addText"] = add_text(label)
                inline_formset.inline_formset_data = functools.partial(json.dumps, data)
        return inline_formsets
