"""One home for the rules of each answer kind (one class per `Question.Kind`).

`kind_of(question_or_column)` gives the kind bound to what the circular says;
it parses what a person typed, checks and stores it, formats it for reading in
the active language, compares it with last year's, carries it over to a new
circular, says whether it counts as answered, and gives its spreadsheet cell.
"""

from . import composite, numeric, scalar  # noqa: F401  (registers the kinds)
from .base import Kind, kind_of

__all__ = ["Kind", "kind_of"]
