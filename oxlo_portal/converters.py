"""Ids in URLs and forms: only numbers a database can hold (a bigint), so an id
out of range is "not found" on every database instead of an error in SQLite's or
PostgreSQL's driver."""

import re

from django.urls import register_converter
from django.urls.converters import IntConverter

MAX_ID = 2**63 - 1
ID = re.compile(r"[0-9]{1,19}")


def is_id(text: str) -> bool:
    return bool(ID.fullmatch(text)) and int(text) <= MAX_ID


class IdConverter(IntConverter):
    """`<id:pk>`: like `<int:pk>`, but a number past MAX_ID matches no URL (404)."""

    def to_python(self, value):
        if not is_id(value):
            raise ValueError(value)
        return int(value)


register_converter(IdConverter, "id")
