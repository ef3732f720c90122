"""Tables (fixed rows × columns) and lists (rows the unit adds); each cell is
answered as its column's kind."""

from decimal import Decimal

from .base import K, Kind, kind_of


class CompositeKind(Kind):
    """An answer made of cells, each of its column's kind."""

    def __init__(self, spec):
        super().__init__(spec)
        self.columns = [c for c in spec.get("columns") or [] if isinstance(c, dict)]
        self.column_kinds = [kind_of(column) for column in self.columns]

    def _cells(self, cells) -> list[tuple[dict, Kind, object]]:
        cells = cells if isinstance(cells, dict) else {}
        return [
            (column, kind, cells.get(column["key"]))
            for column, kind in zip(self.columns, self.column_kinds, strict=True)
        ]

    def _row_answered(self, cells) -> bool:
        return any(kind.is_answered(value) for _c, kind, value in self._cells(cells))

    def _carried_cells(self, cells: dict, old: "CompositeKind") -> dict:
        """A row's values for the columns that still exist with the same kind."""
        keys = [column["key"] for column in old.columns]
        before = dict(zip(keys, old.column_kinds, strict=True))
        kept = {}
        for column, kind in zip(self.columns, self.column_kinds, strict=True):
            key = column["key"]
            if key in cells and key in before:
                value = kind.carried(cells[key], old=before[key])
                if value is not None:
                    kept[key] = value
        return kept

    def texts(self, cells) -> list[tuple[str, str]]:
        """(column label, text) for each column of one row."""
        return [(c["label"], kind.format(v)) for c, kind, v in self._cells(cells)]

    def row_line(self, cells) -> str:
        """One row as a line of text: «Tittel: Kurs; Status: Planlagt»."""
        texts = self.texts(cells)
        return "; ".join(f"{label}: {text}" for label, text in texts if text)

    def number(self, value) -> Decimal | None:
        numbers = [
            number
            for cells in self.rows_of(value)
            for _c, kind, v in self._cells(cells)
            if (number := kind.number(v)) is not None
        ]
        return sum(numbers, Decimal(0)) if numbers else None

    def rows_of(self, value) -> list[dict]:
        raise NotImplementedError


class TableKind(CompositeKind):
    code = K.TABLE

    def __init__(self, spec):
        super().__init__(spec)
        self.rows = [r for r in spec.get("rows") or [] if isinstance(r, dict)]

    def rows_of(self, value) -> list[dict]:
        value = value if isinstance(value, dict) else {}
        return [value.get(row["key"]) or {} for row in self.rows]

    def is_answered(self, value) -> bool:
        return any(self._row_answered(cells) for cells in self.rows_of(value))

    def table(self, value) -> list[tuple[str, list[tuple[dict, Kind, object]]]]:
        """(row label, [(column, its kind, stored cell)]) in the circular's order."""
        return [
            (row["label"], self._cells(cells))
            for row, cells in zip(self.rows, self.rows_of(value), strict=True)
        ]

    def lines(self, value) -> list[tuple[str, str]]:
        """(row label, its answered cells as a line) for each answered row."""
        return [
            (row["label"], self.row_line(cells))
            for row, cells in zip(self.rows, self.rows_of(value), strict=True)
            if self._row_answered(cells)
        ]

    def format(self, value) -> str:
        return "\n".join(f"{label}: {line}" for label, line in self.lines(value))

    def fits(self, value) -> bool:
        return self.carried(value, old=self) == value

    def carried(self, value, *, old):
        if old.code != self.code or not isinstance(value, dict):
            return None
        row_keys = {row["key"] for row in self.rows}
        table = {
            row: kept
            for row, cells in value.items()
            if row in row_keys and isinstance(cells, dict)
            if (kept := self._carried_cells(cells, old))
        }
        return table or None


class ListKind(CompositeKind):
    code = K.LIST

    def rows_of(self, value) -> list[dict]:
        return (
            [row for row in value if isinstance(row, dict)]
            if isinstance(value, list)
            else []
        )

    def is_answered(self, value) -> bool:
        return any(self._row_answered(cells) for cells in self.rows_of(value))

    def lines(self, value) -> list[str]:
        """Each answered row as a line of text."""
        return [line for cells in self.rows_of(value) if (line := self.row_line(cells))]

    def format(self, value) -> str:
        return "\n".join(self.lines(value))

    def fits(self, value) -> bool:
        return self.carried(value, old=self) == value

    def carried(self, value, *, old):
        if old.code != self.code or not isinstance(value, list):
            return None
        rows = [self._carried_cells(cells, old) for cells in self.rows_of(value)]
        return [row for row in rows if row] or None
