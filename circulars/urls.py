from django.urls import path

from . import views

app_name = "circulars"

urlpatterns = [
    path("", views.LibraryView.as_view(), name="library"),
    path(
        "rundskriv/<id:pk>/",
        views.CircularDetailView.as_view(),
        name="circular_detail",
    ),
    path("dokumenter/<slug:slug>/", views.document_detail, name="document_detail"),
    path("personvern/", views.privacy, name="privacy"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
]
