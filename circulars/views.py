"""The public library: published circulars and documents, readable without login."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, TemplateView

from .diff import circular_diff
from .models import Circular, Document
from .selectors import library_circulars_by_audience, public_circulars


@method_decorator(login_not_required, name="dispatch")
class LibraryView(TemplateView):
    template_name = "circulars/library.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            groups=library_circulars_by_audience(),
            documents=Document.objects.all(),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class CircularDetailView(DetailView):
    template_name = "circulars/circular_detail.html"
    context_object_name = "circular"

    def get_queryset(self):
        return public_circulars().prefetch_related(
            "sections__questions", "sections__rules", "documents"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(diff=circular_diff(self.object), **kwargs)


@login_not_required
def document_detail(request, slug):
    document = get_object_or_404(Document, slug=slug)
    return render(request, "circulars/document_detail.html", {"document": document})


@login_not_required
def privacy(request):
    return render(
        request,
        "circulars/privacy.html",
        {"retention_years": settings.OXLO_RETENTION_YEARS},
    )


@login_not_required
def accessibility(request):
    return render(request, "circulars/accessibility.html")


def _download(field_file) -> FileResponse:
    try:
        opened = field_file.open("rb")
    except OSError as error:  # listed, but gone from the media directory
        raise Http404 from error
    return FileResponse(
        opened, as_attachment=True, filename=field_file.name.rsplit("/", 1)[-1]
    )


@login_not_required
def circular_attachment(request, name):
    """A circular's PDF: a public circular's to anyone, a draft's to those who
    write circulars; any other name is a 404."""
    circulars = (
        Circular.objects.all()
        if request.user.has_perm("circulars.view_circular")
        else Circular.objects.public()
    )
    return _download(get_object_or_404(circulars, attachment=name).attachment)


@login_not_required
def document_file(request, name):
    """A library document's file: the library is public."""
    return _download(get_object_or_404(Document, file=name).file)
