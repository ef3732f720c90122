"""The advisers' pages for the consolidated report: its facts, the summary and an
assessment per topic (drafts, preview, who wrote and when)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..errors import ReportingError
from ..forms.publication import CommentaryForm, PublicationForm
from ..permissions import sees_all_units
from ..selectors import publication_texts, year_topics
from ..services.publication import save_commentary, save_publication


def _year_topics(request, year: int) -> dict[str, str]:
    if not sees_all_units(request.user):
        raise PermissionDenied
    found = year_topics(year)
    if not found:
        raise Http404(
            _("Ingen rundskriv ber om rapport for %(year)s.") % {"year": year}
        )
    return found


def publication_overview(request, year):
    """The year's report: publisher and case number, and every text's state."""
    topics = _year_topics(request, year)
    current = publication_texts(year)
    publication = current["publication"]
    form = PublicationForm(
        request.POST or None,
        initial={
            "publisher": publication.publisher if publication else None,
            "case_number": publication.case_number if publication else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_publication(year=year, by=request.user, **form.cleaned_data)
        except ReportingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Opplysningene om sammenstillingen er lagret."))
            return redirect("reporting:publication_overview", year)
    texts = current["texts"]
    rows = [("", _("Sammendrag"), texts.get(""))] + [
        (topic, title, texts.get(topic)) for topic, title in topics.items()
    ]
    return render(
        request,
        "reporting/publication/overview.html",
        {"year": year, "form": form, "publication": publication, "rows": rows},
    )


def commentary_edit(request, year, topic=""):
    """Write the summary or a topic's assessment: save as draft, preview, or mark
    ready for the report."""
    topics = _year_topics(request, year)
    if topic and topic not in topics:
        raise Http404
    commentary = publication_texts(year)["texts"].get(topic)
    form = CommentaryForm(
        request.POST or None, initial={"text": commentary.text if commentary else ""}
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "draft")
        if action == "preview":
            preview = form.cleaned_data["text"]
        else:
            try:
                save_commentary(
                    year=year,
                    topic=topic,
                    text=form.cleaned_data["text"],
                    ready=action == "ready",
                    by=request.user,
                )
            except ReportingError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Teksten er lagret og tas med i sammenstillingen.")
                    if action == "ready"
                    else _(
                        "Teksten er lagret som utkast. Den tas ikke med før den "
                        "er merket klar."
                    ),
                )
                return redirect("reporting:publication_overview", year)
    return render(
        request,
        "reporting/publication/commentary_form.html",
        {
            "year": year,
            "title": topics.get(topic) or _("Sammendrag"),
            "is_summary": not topic,
            "form": form,
            "commentary": commentary,
            "preview": preview,
            "revisions": list(commentary.revisions.all()[:10]) if commentary else [],
        },
    )
