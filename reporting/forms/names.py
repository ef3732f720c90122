"""Names of the answer form's fields (see `reporting.forms.answers`)."""


def field_name(*parts) -> str:
    return "__".join(["q", *map(str, parts)])
