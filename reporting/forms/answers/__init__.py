"""The one form builder for section answers, made from the section's `Question` rows.

Field names: a question's own field is ``q__<key>``; a table cell is
``q__<key>__<row>__<column>``; a list row field is ``q__<key>__<index>__<field>``
with ``q__<key>__<index>__DELETE`` to remove the row. The explanation asked for
when a number moves more than the question's `change_threshold` from last year is
``forklaring__<key>`` and is stored in the section data under the reserved key
``EXPLANATIONS_KEY`` as ``{question_key: text}``.

A draft keeps everything typed: a field whose content is not valid yet does not
stop the save. Its typed text is kept apart from the valid values (`raw_values`,
stored as `SectionAnswer.raw`) and shown again with its message; only the request
itself (its version, its number of rows) can refuse a save (`is_savable`).
"""

from ..names import field_name
from .fields import NEW_LIST_ROWS
from .form import SectionAnswerForm

__all__ = ["NEW_LIST_ROWS", "SectionAnswerForm", "field_name"]
