"""The OXLO network as a workbook: each unit's contact and nominated mentors."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .formulas import starts_formula


def _yes_no(value) -> str:
    return {True: _("Ja"), False: _("Nei")}.get(value, "")


def _row(sheet, values) -> None:
    """Text stays text: a value that would start a formula is a text cell."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if starts_formula(cell.value):
            cell.data_type = "s"


def network_workbook(rows, *, year: int) -> bytes:
    book = Workbook()
    contacts = book.active
    contacts.title = _("OXLO-kontakter")
    _row(
        contacts,
        [
            _("Enhet"),
            _("Type"),
            _("OXLO-kontakt"),
            _("Stilling"),
            _("E-post"),
            _("Telefon"),
            _("I leders stab eller lederteam"),
            _("Hvorfor ingen kontakt"),
        ],
    )
    mentors = book.create_sheet(_("Mentorer %(year)s") % {"year": year})
    _row(
        mentors,
        [
            _("Enhet"),
            _("Navn"),
            _("Stilling"),
            _("E-post"),
            _("Fagfelt"),
            _("Takket nei"),
        ],
    )
    for row in rows:
        contact = row.contact
        _row(
            contacts,
            [
                row.unit.name,
                row.unit.get_kind_display(),
                contact["name"],
                contact["title"],
                contact["email"],
                contact["phone"],
                _yes_no(contact["in_leadership"]),
                contact["no_contact_reason"],
            ],
        )
        for mentor in row.mentors:
            _row(
                mentors,
                [
                    row.unit.name,
                    mentor.name,
                    mentor.title,
                    mentor.email,
                    mentor.field,
                    mentor.declined_at.date() if mentor.declined_at else None,
                ],
            )
    for sheet in (contacts, mentors):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 60)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
