"""Measure period parsing, monthly figures and spreadsheet interchange, side by side.

Run from the repository root (needs the xlsx extra):

    python benchmarks/periods_and_tables.py

Prints Markdown tables: microseconds per period read by pcc-priorities and, as a floor, by
dateutil's parser on the texts it can read at all; the time to compute the four standard
figures from a ten-year monthly series; and the time and size of exporting and importing a
statement's figures as CSV, as XLSX and, for reference, the whole statement as canonical JSON.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

import attrs
from dateutil import parser as dateutil_parser

import pcc_priorities as p
from pcc_priorities.figures import MonthlySeries, figures_from_months
from pcc_priorities.periods import parse_period
from pcc_priorities.tables import (
    figures_from_csv,
    figures_from_xlsx,
    figures_to_csv,
    figures_to_xlsx,
    located_figures,
    replace_figures,
)

TEXTS = [
    "2022/23",
    "Q1 2023 -24",
    "October–December 2022",
    "April to July 2023",
    "YTD (Apr-June 23)",
    "rolling 12 months to June 2023",
    "year ending June 2019",
    "1st October 2019 – 30th September 2022",
    "01/04/2019 to 31/03/2022",
    "05/08/2023",
    "3 July 2023",
    "June 2023",
]
#: The texts dateutil reads as one date (it has no notion of periods).
DATEUTIL_TEXTS = ["05/08/2023", "3 July 2023", "June 2023", "1st October 2019"]


def _best(run: Callable[[], object], number: int, rounds: int = 5) -> float:
    """Return the median seconds per call over ``rounds`` rounds of ``number`` calls."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            run()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def periods() -> list[str]:
    rows = ["| reader | texts | µs per text |", "|---|---|---|"]
    ours = _best(lambda: [parse_period(t) for t in TEXTS], 200) / len(TEXTS)
    rows.append(f"| pcc_priorities.periods.parse_period | {len(TEXTS)} forms | {ours * 1e6:.1f} |")
    ours_dates = _best(lambda: [parse_period(t) for t in DATEUTIL_TEXTS], 400) / len(DATEUTIL_TEXTS)
    floor = _best(
        lambda: [dateutil_parser.parse(t, dayfirst=True) for t in DATEUTIL_TEXTS], 400
    ) / len(DATEUTIL_TEXTS)
    rows.append(
        f"| pcc_priorities.periods.parse_period | 4 single dates | {ours_dates * 1e6:.1f} |"
    )
    rows.append(f"| dateutil.parser.parse (floor) | 4 single dates | {floor * 1e6:.1f} |")
    return rows


def monthly() -> list[str]:
    counts = {(2014 + (m + 3) // 12, (m + 3) % 12 + 1): 400 + m % 37 for m in range(120)}
    series = MonthlySeries.from_counts(counts, measure="Burglary")
    baseline = parse_period("year ending June 2019")
    seconds = _best(lambda: figures_from_months(series, baseline=baseline), 200)
    return [
        "| task | ms |",
        "|---|---|",
        f"| figures_from_months, 120 months, 4 figures with 2 comparisons | {seconds * 1e3:.2f} |",
    ]


def tables() -> list[str]:
    statement = p.load("examples/west-mercia-2023-09.json")
    # A bigger statement: the worked example's sections six times over. The copies keep
    # their figures (without ids, which must be unique) and name the first copy's metrics.
    copies = [
        attrs.evolve(
            section,
            metrics=section.metrics if copy == 0 else (),
        )
        for copy in range(6)
        for section in statement.sections
    ]
    big = attrs.evolve(statement, sections=tuple(copies))
    first = len(statement.sections)
    big = replace_figures(
        big,
        [
            item
            if (item.location.section or 0) <= first
            else attrs.evolve(item, figure=attrs.evolve(item.figure, id=None))
            for item in located_figures(big)
        ],
    )
    count = len(located_figures(big))
    bare = replace_figures(big, [])
    csv_text = figures_to_csv(big)
    xlsx = figures_to_xlsx(big)
    json_text = p.dumps(big)
    rows = [
        f"{count} figures ({date.today().isoformat()}):",
        "",
        "| format | export ms | import ms | size KiB |",
        "|---|---|---|---|",
    ]
    for name, export, load, size in (
        (
            "CSV (figures)",
            lambda: figures_to_csv(big),
            lambda: figures_from_csv(bare, csv_text),
            len(csv_text.encode()),
        ),
        (
            "XLSX (figures)",
            lambda: figures_to_xlsx(big),
            lambda: figures_from_xlsx(bare, xlsx),
            len(xlsx),
        ),
        (
            "canonical JSON (whole statement, reference)",
            lambda: p.dumps(big),
            lambda: p.loads(json_text),
            len(json_text.encode()),
        ),
    ):
        rows.append(
            f"| {name} | {_best(export, 3) * 1e3:.1f} | {_best(load, 3) * 1e3:.1f} "
            f"| {size / 1024:.0f} |"
        )
    return rows


def main() -> None:
    for title, section in (
        ("Reading periods", periods),
        ("Monthly figures", monthly),
        ("Figures interchange", tables),
    ):
        print(f"## {title}\n")
        print("\n".join(section()))
        print()


if __name__ == "__main__":
    main()
