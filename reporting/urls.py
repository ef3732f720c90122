from django.urls import path

from .views import audit, start

app_name = "reporting"

urlpatterns = [
    path("", start.home, name="home"),
    path("revisjonslogg/", audit.audit_log, name="audit_log"),
]
