"""Read Locust's CSV summary and say whether deadline day's targets were met."""

import csv
import sys

AUTOSAVE_P95_MS = 250
PAGE_P95_MS = 500


def number(text: str) -> float:
    """Locust writes "N/A" for a percentile of a request it never timed."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def main(stats_csv: str) -> int:
    with open(stats_csv, newline="") as stats:
        rows = list(csv.DictReader(stats))
    problems = []
    print(f"{'request':40} {'count':>7} {'fail':>5} {'p50':>6} {'p95':>6} {'max':>7}")
    for row in rows:
        name = row["Name"]
        p95 = number(row["95%"])
        print(
            f"{name:40} {row['Request Count']:>7} {row['Failure Count']:>5} "
            f"{row['50%']:>6} {row['95%']:>6} {number(row['Max Response Time']):>7.0f}"
        )
        if name == "Aggregated":
            if int(row["Failure Count"]):
                problems.append(f"{row['Failure Count']} failed requests")
            continue
        if row["Type"] == "EXPORT":
            continue  # how long an export took to make: loadtest/exports.py checks it
        limit = AUTOSAVE_P95_MS if name == "autosave" else PAGE_P95_MS
        if p95 > limit:
            problems.append(f"{name}: p95 {p95:.0f} ms > {limit} ms")
    for problem in problems:
        print("TARGET MISSED:", problem)
    if not problems:
        print("All targets met: no failures, autosave p95 <= 250 ms, pages <= 500 ms.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
