from django.urls import path

from .views import audit, review, start

app_name = "reporting"

urlpatterns = [
    path("", start.home, name="home"),
    path("revisjonslogg/", audit.audit_log, name="audit_log"),
    path("vurdering/", review.matrix, name="matrix"),
    path("vurdering/matrise.csv", review.matrix_csv, name="matrix_csv"),
    path("vurdering/handling/", review.matrix_bulk, name="matrix_bulk"),
    path("rapporter/<int:pk>/vurdering/", review.review_report, name="review_report"),
    path("rapporter/<int:pk>/returner/", review.return_report, name="return_report"),
    path("rapporter/<int:pk>/godkjenn/", review.approve_report, name="approve_report"),
    path("rapporter/<int:pk>/gjenapne/", review.reopen_report, name="reopen_report"),
    path(
        "rapporter/<int:pk>/kommentarer/",
        review.report_comments,
        name="report_comments",
    ),
    path("rapporter/<int:pk>/kommentarer/ny/", review.add_comment, name="add_comment"),
    path("kommentarer/<int:pk>/svar/", review.reply_comment, name="reply_comment"),
    path("kommentarer/<int:pk>/lost/", review.resolve_comment, name="resolve_comment"),
    path("varsler/", review.notification_settings, name="notification_settings"),
]
