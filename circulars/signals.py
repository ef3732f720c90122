"""Signals the circulars app sends; the reporting app listens (never the reverse)."""

from django.dispatch import Signal

# Sent inside the publishing transaction with `circular` and `by`, who published.
circular_published = Signal()

# Sent inside the withdrawing transaction with `circular` and `by`, who withdrew it
# (also when a replacement is published): its reports should no longer be filled in.
circular_withdrawn = Signal()
