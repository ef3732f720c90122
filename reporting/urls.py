from django.urls import path

from .views import start

app_name = "reporting"

urlpatterns = [
    path("", start.home, name="home"),
]
