"""The question blocks the section template lays out."""

from ...answers import changed_beyond_threshold
from ..derived import DerivedBlock
from ..names import field_name
from .fields import K, carried_name, explanation_name


class QuestionBlock(DerivedBlock):
    """A question with its bound fields, grouped for the template."""

    def __init__(self, form, question, previous):
        self.form = form
        self.question = question
        self.previous = previous
        self.has_previous = previous is not None
        self.name = field_name(question.key)

    def _bound(self, name):
        return self.form[name]

    @property
    def field(self):
        return self._bound(self.name)

    @property
    def cells(self):
        """Table rows: (row, [(column, bound field)], row total of the counts)."""
        table = self.form.current_value(self.question) or {}
        return [
            (
                row,
                [
                    (column, self._bound(field_name(self.question.key, row["key"], c)))
                    for column in self.question.columns
                    for c in [column["key"]]
                ],
                self._sum(
                    table.get(row["key"], {}).get(c["key"]) for c in self.summed_columns
                ),
            )
            for row in self.question.rows
        ]

    @property
    def column_totals(self):
        """Per column: the sum of its counts, or None for a column that is no count."""
        table = self.form.current_value(self.question) or {}
        return [
            self._sum((cells or {}).get(column["key"]) for cells in table.values())
            if column in self.summed_columns
            else None
            for column in self.question.columns
        ]

    @staticmethod
    def _sum(values) -> int:
        return sum(v for v in values if isinstance(v, int) and not isinstance(v, bool))

    @property
    def summed_columns(self):
        """Count columns typed in, whose totals the table shows where the
        question says totals make sense."""
        return [
            c
            for c in self.question.columns
            if c.get("kind") == K.INTEGER and not c.get("formula")
        ]

    @property
    def row_totals(self) -> bool:
        totals = self.question.totals
        return bool(self.summed_columns) and totals in ("both", "rows")

    @property
    def has_column_totals(self) -> bool:
        totals = self.question.totals
        return bool(self.summed_columns) and totals in ("both", "columns")

    @property
    def list_rows(self):
        """List rows: (index, [bound field], delete field)."""
        count = self.form.list_counts[self.question.key]
        return [
            (
                index,
                [
                    self._bound(field_name(self.question.key, index, column["key"]))
                    for column in self.question.columns
                ],
                self._bound(field_name(self.question.key, index, "DELETE")),
            )
            for index in range(count)
        ]

    @property
    def explanation(self):
        name = explanation_name(self.question.key)
        return self._bound(name) if name in self.form.fields else None

    @property
    def carried(self):
        """«Tall fra i fjor» for a question reported at least every other year."""
        name = carried_name(self.question.key)
        return self._bound(name) if name in self.form.fields else None

    @property
    def needs_explanation(self) -> bool:
        value = self.form.current_value(self.question)
        return changed_beyond_threshold(self.question, value, self.previous)

    @property
    def errors(self):
        return [
            error
            for name, errors in self.form.errors.items()
            if name == self.name or name.startswith(self.name + "__")
            for error in errors
        ]
