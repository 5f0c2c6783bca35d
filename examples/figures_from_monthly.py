"""Build the homicide and neighbourhood crime figures of a statement from monthly counts.

Run from the repository root:

    python examples/figures_from_monthly.py
    python examples/figures_from_monthly.py --output draft.json --figures draft-figures.csv

It reads examples/monthly-counts.csv (a ``Month`` column, then one column per crime), totals
the periods statements quote (the latest quarter, the financial year, the year to date and
the rolling 12 months), compares each with the same period a year earlier and the 12-month
figures with the national measures' baseline (the year ending June 2019), and puts them in the
homicide and neighbourhood crime sections of a draft statement. It prints the figures, and
writes the statement as canonical JSON and its figures as CSV where asked.

The counts are illustrative, not published data. They are made to agree with a few totals
the West Mercia statement of September 2023 publishes: 1 homicide in Q1 2023/24, 16 in the
12 months to June 2023, 19 in 2022/23, and 148 thefts from the person from April to July
2023 against 178 a year before.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

import pcc_priorities as p
from pcc_priorities.figures import MonthlySeries, figures_from_months, load_monthly_csv
from pcc_priorities.periods import parse_period
from pcc_priorities.tables import located_figures, write_figures_csv

HERE = Path(__file__).resolve().parent
COUNTS = HERE / "monthly-counts.csv"
#: The baseline of the national measures, as many forces state it.
BASELINE = parse_period("year ending June 2019")
NEIGHBOURHOOD_CRIMES = ("Burglary", "Robbery", "Vehicle offences", "Theft from the person")
SOURCE = "Police recorded crime"


def _with_ids(prefix: str, figures: Iterable[p.Figure]) -> tuple[p.Figure, ...]:
    """Give each figure an id made of ``prefix`` and its period's canonical label."""
    named = []
    for figure in figures:
        assert figure.period is not None
        slug = re.sub(r"[^a-z0-9]+", "-", figure.period.canonical_label().lower()).strip("-")
        named.append(attrs.evolve(figure, id=f"{prefix}-{slug}"))
    return tuple(named)


def build_statement(counts: Path = COUNTS) -> p.Statement:
    """Return a draft statement whose homicide and neighbourhood crime figures come from
    the monthly counts in ``counts``."""
    series = load_monthly_csv(counts)
    homicides = attrs.evolve(series["Homicides"], metric="homicides", source=SOURCE)
    neighbourhood = attrs.evolve(
        MonthlySeries.combine(
            [series[name] for name in NEIGHBOURHOOD_CRIMES],
            measure="Neighbourhood crime",
            metric="neighbourhood-crime",
        ),
        source=SOURCE,
    )
    theft = attrs.evolve(
        series["Theft from the person"], metric="theft-from-the-person", source=SOURCE
    )

    homicide_figures = figures_from_months(homicides, to=(2023, 6), baseline=BASELINE)
    neighbourhood_figures = figures_from_months(
        neighbourhood, to=(2023, 7), baseline=BASELINE, places=1
    )
    theft_to_july = theft.figure(parse_period("April to July 2023"), places=1)

    homicide = p.PrioritySection(
        priority="homicide",
        title="Reduce murder and other homicide",
        metrics=(
            p.MetricReference(
                id="homicides",
                name="Homicides",
                data_source="Police recorded data",
                national_metric="homicides",
            ),
        ),
        figures=_with_ids("homicides", homicide_figures.all()),
    )
    neighbourhood_crime = p.PrioritySection(
        priority="neighbourhood-crime",
        title="Reduce neighbourhood crime",
        metrics=(
            p.MetricReference(
                id="neighbourhood-crime",
                name="Burglary, robbery, vehicle thefts and theft from a person",
                data_source="Police recorded data",
                national_metric="neighbourhood-crime",
            ),
            p.MetricReference(
                id="theft-from-the-person",
                name="Theft from the person",
                data_source="Police recorded data",
            ),
        ),
        figures=_with_ids("neighbourhood-crime", neighbourhood_figures.all()),
        blocks=(
            p.Subsection(
                title="Theft from the person",
                figures=_with_ids("theft-from-the-person", [theft_to_july]),
            ),
        ),
    )
    return p.Statement(
        body=p.PolicingBody(kind="pcc", name="Police and Crime Commissioner for West Mercia"),
        force=p.PoliceForce(code="E23000016", name="West Mercia Police"),
        framework="ncpm-2021",
        title="Statement on the national policing priorities (draft)",
        periods=(parse_period("Q1 2023/24"),),
        sections=(homicide, neighbourhood_crime),
    )


def describe(figure: p.Figure) -> str:
    """Return one line saying what a figure is and how it compares."""
    assert figure.period is not None
    parts = [f"{figure.measure}, {figure.period.canonical_label()}: {figure.value}"]
    for comparison in figure.comparisons:
        assert comparison.period is not None
        assert comparison.change is not None
        change = comparison.change
        percent = "" if change.percent is None else f" ({change.percent:+}%)"
        moved = (
            "no change"
            if change.direction is p.Direction.STABLE
            else f"{change.direction} of {abs(change.count or 0)}{percent}"
        )
        period = comparison.period.label or comparison.period.canonical_label()
        parts.append(f"{comparison.basis.replace('_', ' ')} ({period}) {comparison.value}: {moved}")
    return "; ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=Path, default=COUNTS, help="monthly counts (CSV)")
    parser.add_argument("--output", type=Path, help="write the statement as canonical JSON")
    parser.add_argument("--figures", type=Path, help="write the statement's figures as CSV")
    args = parser.parse_args(argv)
    try:
        statement = build_statement(args.counts)
    except (p.TableError, p.SeriesError) as error:
        print(error, file=sys.stderr)
        return 2
    for item in located_figures(statement):
        print(describe(item.figure))
    if args.output:
        p.dump(statement, args.output)
    if args.figures:
        write_figures_csv(statement, args.figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
