"""One guard against spreadsheet formulas in exported text, for the matrix CSV and
the workbook: text a spreadsheet would read as a formula is kept as text."""

# What makes Excel or LibreOffice read a cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_field(value):
    """A CSV field no spreadsheet will run. A CSV has no cell types, so such text
    gets a leading apostrophe; the workbook instead types its cell as text
    (exports/xlsx.py), keeping the text exactly as typed."""
    return "'" + value if starts_formula(value) else value
