"""Forms of the reporting app: the dynamic answer form and the contact's small forms."""
