from django.urls import path

from .views import exports, start

app_name = "reporting"

urlpatterns = [
    path("", start.home, name="home"),
    path("eksport/", exports.export_start, name="export_start"),
    path("eksport/<int:pk>/", exports.export_detail, name="export_detail"),
    path("eksport/<int:pk>/status/", exports.export_status, name="export_status"),
    path("eksport/<int:pk>/fil/", exports.export_download, name="export_download"),
    path("rapporter/<int:pk>/eksport/", exports.report_export, name="report_export"),
]
