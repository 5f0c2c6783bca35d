"""Figures for all 43 forces from the national open data workbook, against pandas' ODS reader.

Run from the repository root (needs the opendata and bench extras; dev has both):

    python -m benchmarks.open_data            # 3 rounds
    python -m benchmarks.open_data --rounds 5

GENERATED DATA. A workbook of the real size and shape is written once to a temporary folder
(two sheets that are not data, then twelve yearly sheets 2013_14 to 2024_25 of about 25,000
rows each, 47 bodies, as :mod:`benchmarks.open_data_workbook` makes them). Each contender
then does the same work from the file: read the whole workbook, and give every force's count
of each of the six national measures for the latest quarter and the same quarter a year
earlier. The two outputs are checked equal before anything is reported.

- pcc-priorities: ``read_crime_table`` (python-calamine, then one pass to index) and
  ``national_table`` for the quarter, each figure compared with a year earlier;
- pandas: ``pandas.read_excel(path, sheet_name=None, engine="odf")`` (odfpy), the data
  sheets concatenated, then a filter and a group-by per measure.

Times are CPU time (``time.process_time``) per round, rounds interleaved; the table gives the
median and the spread, and the ratio of medians.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.open_data_workbook import generated_workbook, ods_bytes
from pcc_priorities.figures import read_crime_table
from pcc_priorities.periods import ReportingPeriod
from pcc_priorities.reference import crime_measures, get_force
from pcc_priorities.tables import national_table

Output = dict[tuple[str, str], tuple[Decimal, Decimal]]
QUARTER = ReportingPeriod.financial_quarter(2024, 4)


def ours(path: str) -> Output:
    """Read the workbook with pcc-priorities and give every force's counts for the quarter."""
    table = read_crime_table(path)
    tidy = national_table(table, periods=[QUARTER], baseline=None)
    if tidy.problems:
        raise AssertionError(tidy.problems)
    found: Output = {}
    for row in tidy.rows:
        value, reference = row["value"], row["comparison_value"]
        assert isinstance(value, Decimal)
        assert isinstance(reference, Decimal)
        found[(str(row["force_code"]), str(row["measure"]))] = (value, reference)
    return found


def with_pandas(path: str) -> Output:
    """Read the workbook with pandas (odfpy) and give the same counts."""
    import pandas as pd  # noqa: PLC0415

    sheets = pd.read_excel(path, sheet_name=None, engine="odf")
    data = pd.concat(
        [frame for frame in sheets.values() if "Number of Offences" in frame.columns],
        ignore_index=True,
    )
    start_year = int(data["Financial Year"].str[:4].max())
    quarter_of = {1: 4, 2: 7, 3: 10, 4: 1}
    wanted = {QUARTER.start, QUARTER.year_earlier().start}
    years = data["Financial Year"].str[:4].astype(int)
    months = data["Financial Quarter"].astype(int).map(quarter_of)
    calendar_years = years + (months == 1).astype(int)
    starts = [date(y, m, 1) for y, m in zip(calendar_years, months, strict=True)]
    data = data.assign(start=starts)
    data = data[data["start"].isin(wanted)]
    assert start_year >= QUARTER.start.year - 1
    names = {name: get_force(name).code for name in data["Force Name"].unique() if _known(name)}
    data = data[data["Force Name"].isin(names)]
    found: Output = {}
    for measure in crime_measures().measures:
        subgroups = {s for part in measure.parts for c in part.classifications
                     if c.covers(QUARTER) for s in c.offence_subgroups}  # fmt: skip
        chosen = data[data["Offence Subgroup"].isin(subgroups)]
        sums = chosen.groupby(["Force Name", "start"])["Number of Offences"].sum()
        for name, code in names.items():
            found[(code, measure.title)] = (
                Decimal(int(sums[(name, QUARTER.start)])),
                Decimal(int(sums[(name, QUARTER.year_earlier().start)])),
            )
    return found


def _known(name: str) -> bool:
    try:
        get_force(name)
    except LookupError:
        return False
    return True


def _time(work: Callable[[str], Output], path: str) -> tuple[float, Output]:
    start = time.process_time()
    result = work(path)
    return time.process_time() - start, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "prc-pfa-mar2013-onwards-tables-230426.ods")
        sheets = generated_workbook(2013, 2024, filler=135)
        Path(path).write_bytes(ods_bytes(sheets))
        rows = sum(len(rows) - 1 for name, rows in sheets if name[:2] == "20")
        size = os.path.getsize(path) / 2**20
        contenders: dict[str, Callable[[str], Output]] = {
            "pcc-priorities (read_crime_table + national_table)": ours,
            'pandas.read_excel(engine="odf") + group-by': with_pandas,
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        outputs: dict[str, Any] = {}
        for _ in range(args.rounds):
            for name, work in contenders.items():
                seconds, result = _time(work, path)
                times[name].append(seconds)
                outputs[name] = result
        first, second = outputs.values()
        if first != second:
            raise AssertionError("the two contenders give different counts")
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}; GENERATED workbook of {rows:,} data rows in 12 yearly "
        f"sheets ({size:.1f} MiB ODS); {len(first)} counts (43 forces x 6 measures) for "
        f"{QUARTER.canonical_label()} and a year earlier; {args.rounds} rounds; CPU time; "
        f"run on {date.today().isoformat()}.\n"
    )
    ours_median = statistics.median(times[next(iter(contenders))])
    print("| contender | median s | spread s | × pcc-priorities |")
    print("|---|---:|---:|---:|")
    for name, spent in times.items():
        median = statistics.median(spent)
        print(
            f"| {name} | {median:.2f} | {min(spent):.2f}–{max(spent):.2f} | "
            f"{median / ours_median:.1f} |"
        )


if __name__ == "__main__":
    main()
