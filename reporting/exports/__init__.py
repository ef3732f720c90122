"""Exports of reports: per-unit and consolidated PDF/A, XLSX, and what they share.

Modules: `fetcher` (the only way a PDF may load a resource), `values` (answers as
text), `suppression` (small-number rule), `content` (plain data a PDF shows),
`statistics` and `charts` (per topic across units), `pdf` (WeasyPrint with
bounds), `parts` (cache and process pool), `consolidated` (assembly), `xlsx`.
"""
