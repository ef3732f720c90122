from django.urls import path

from .views import attachments, oxlo, preview, reports, start

app_name = "reporting"

report = "rapporter/<int:pk>/"
section = report + "kapitler/<int:section_pk>/"

urlpatterns = [
    path("", start.home, name="home"),
    path(report, reports.report_detail, name="report_detail"),
    path(report + "send-inn/", reports.report_submit, name="report_submit"),
    path(report + "oxlo/", oxlo.report_oxlo, name="report_oxlo"),
    path(
        report + "mentorer/<int:mentor_pk>/slett/",
        oxlo.mentor_delete,
        name="mentor_delete",
    ),
    path(section, reports.section_edit, name="section_edit"),
    path(section + "autolagre/", reports.section_autosave, name="section_autosave"),
    path(section + "historikk/", reports.section_history_view, name="section_history"),
    path(section + "vedlegg/", attachments.attachment_upload, name="attachment_upload"),
    path(
        report + "vedlegg/<int:attachment_pk>/",
        attachments.attachment_download,
        name="attachment_download",
    ),
    path(
        report + "vedlegg/<int:attachment_pk>/slett/",
        attachments.attachment_delete,
        name="attachment_delete",
    ),
    path("okt/forleng/", reports.session_keepalive, name="session_keepalive"),
    path(
        "rundskriv/<int:pk>/forhandsvisning/",
        preview.circular_preview,
        name="circular_preview",
    ),
]
