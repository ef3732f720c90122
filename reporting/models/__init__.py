"""Who reports and what they report; one module per part of the domain."""

from .audit import AuditEvent
from .exports import ExportJob, export_path
from .notifications import (
    DigestItem,
    NotificationKind,
    NotificationPreference,
    SentReminder,
)
from .people import (
    ChapterAssignment,
    ChapterPresence,
    GroupMapping,
    Invitation,
    PortalRole,
    SingleSignOnIdentity,
    token_digest,
)
from .publication import Commentary, CommentaryRevision, Publication
from .reports import (
    Attachment,
    MentorNomination,
    Report,
    ReportEvent,
    SectionAnswer,
    SectionAnswerRevision,
    attachment_path,
)
from .review import ReviewComment
from .units import AdviserAssignment, Membership, Unit, UnitAlias

__all__ = [
    "AdviserAssignment",
    "Attachment",
    "AuditEvent",
    "ChapterAssignment",
    "ChapterPresence",
    "Commentary",
    "CommentaryRevision",
    "DigestItem",
    "ExportJob",
    "GroupMapping",
    "Invitation",
    "MentorNomination",
    "Membership",
    "NotificationKind",
    "NotificationPreference",
    "PortalRole",
    "Publication",
    "Report",
    "ReportEvent",
    "ReviewComment",
    "SectionAnswer",
    "SectionAnswerRevision",
    "SentReminder",
    "SingleSignOnIdentity",
    "Unit",
    "UnitAlias",
    "attachment_path",
    "export_path",
    "token_digest",
]
