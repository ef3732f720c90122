"""Signals the circulars app sends; the reporting app listens (never the reverse)."""

from django.dispatch import Signal

# Sent inside the publishing transaction with `circular`.
circular_published = Signal()
