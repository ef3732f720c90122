from django.urls import path

from .views import (
    attachments,
    audit,
    chapters,
    earlier,
    exports,
    oxlo,
    people,
    personal_data,
    preview,
    publication,
    reports,
    review,
    signing,
    start,
    units,
)

app_name = "reporting"

report = "rapporter/<id:pk>/"
section = report + "kapitler/<id:section_pk>/"

urlpatterns = [
    path("", start.home, name="home"),
    path(report, reports.report_detail, name="report_detail"),
    path(report + "send-inn/", reports.report_submit, name="report_submit"),
    path(report + "kvittering/", reports.report_receipt, name="report_receipt"),
    path(report + "oxlo/", oxlo.report_oxlo, name="report_oxlo"),
    path(report + "signer/", signing.report_sign, name="report_sign"),
    path(
        report + "mentorer/<id:mentor_pk>/slett/",
        oxlo.mentor_delete,
        name="mentor_delete",
    ),
    path(section, reports.section_edit, name="section_edit"),
    path(section + "tildel/", chapters.chapter_assign, name="chapter_assign"),
    path(section + "autolagre/", reports.section_autosave, name="section_autosave"),
    path(section + "historikk/", earlier.section_history_view, name="section_history"),
    path(
        section + "historikk/gjenopprett/",
        earlier.section_restore,
        name="section_restore",
    ),
    path(section + "fjoraret/", earlier.section_copy, name="section_copy"),
    path(section + "vedlegg/", attachments.attachment_upload, name="attachment_upload"),
    path(
        report + "vedlegg/<id:attachment_pk>/",
        attachments.attachment_download,
        name="attachment_download",
    ),
    path(
        report + "vedlegg/<id:attachment_pk>/slett/",
        attachments.attachment_delete,
        name="attachment_delete",
    ),
    path(
        "mentor/takk-nei/<str:token>/",
        oxlo.mentor_decline,
        name="mentor_decline",
    ),
    path("enheter/<slug:slug>/", units.unit_detail, name="unit_detail"),
    path("vurdering/oxlo-nettverket/", units.network, name="network"),
    path("vurdering/oxlo-nettverket.xlsx", units.network_xlsx, name="network_xlsx"),
    path("okt/forleng/", reports.session_keepalive, name="session_keepalive"),
    path(
        "rundskriv/<id:pk>/forhandsvisning/",
        preview.circular_preview,
        name="circular_preview",
    ),
    path("revisjonslogg/", audit.audit_log, name="audit_log"),
    path("vurdering/", review.matrix, name="matrix"),
    path("vurdering/matrise.csv", review.matrix_csv, name="matrix_csv"),
    path("vurdering/handling/", review.matrix_bulk, name="matrix_bulk"),
    path("rapporter/<id:pk>/vurdering/", review.review_report, name="review_report"),
    path("rapporter/<id:pk>/returner/", review.return_report, name="return_report"),
    path("rapporter/<id:pk>/godkjenn/", review.approve_report, name="approve_report"),
    path("rapporter/<id:pk>/gjenapne/", review.reopen_report, name="reopen_report"),
    path(
        "rapporter/<id:pk>/kommentarer/",
        review.report_comments,
        name="report_comments",
    ),
    path("rapporter/<id:pk>/kommentarer/ny/", review.add_comment, name="add_comment"),
    path("kommentarer/<id:pk>/svar/", review.reply_comment, name="reply_comment"),
    path("kommentarer/<id:pk>/lost/", review.resolve_comment, name="resolve_comment"),
    path("varsler/", review.notification_settings, name="notification_settings"),
    path("enheter/<slug:slug>/personer/", people.team, name="unit_team"),
    path("mine-opplysninger/", personal_data.my_data, name="my_data"),
    path(
        "enheter/<slug:slug>/personer/<id:user_pk>/deaktiver/",
        people.deactivate,
        name="deactivate_member",
    ),
    path(
        "enheter/<slug:slug>/invitasjoner/<id:invitation_pk>/trekk-tilbake/",
        people.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "invitasjon/<str:token>/",
        people.invitation_accept,
        name="invitation_accept",
    ),
    path("eksport/", exports.export_start, name="export_start"),
    path("eksport/<id:pk>/", exports.export_detail, name="export_detail"),
    path("eksport/<id:pk>/status/", exports.export_status, name="export_status"),
    path("eksport/<id:pk>/fil/", exports.export_download, name="export_download"),
    path("eksport/<id:pk>/prov-igjen/", exports.export_retry, name="export_retry"),
    path("rapporter/<id:pk>/eksport/", exports.report_export, name="report_export"),
    path(
        "sammenstilling/<id:year>/",
        publication.publication_overview,
        name="publication_overview",
    ),
    path(
        "sammenstilling/<id:year>/sammendrag/",
        publication.commentary_edit,
        name="summary_edit",
    ),
    path(
        "sammenstilling/<id:year>/tema/<slug:topic>/",
        publication.commentary_edit,
        name="assessment_edit",
    ),
]
