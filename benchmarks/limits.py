"""Inputs at the limits: is each loaded or refused in under 10 s and 1 GiB?

    python -m benchmarks.limits            # print the table

Each input is the worst of its kind the attack run of issue 12 found, built as large as the
default :class:`~pcc_priorities.formats.Limits` allow (or at the size the attack used, where
that is smaller). Each is read in a fresh process, which reports the CPU time of the read
(and of the work after it, for those that load) and the process's peak resident memory, so
that one input's memory is not another's. Nothing here is asserted in the test suite; the
fuzzer (``tests/fuzzing.py``) holds every fuzzed input to a 10-second budget.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import attrs

import pcc_priorities as p
from pcc_priorities.formats import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
MINIMAL = {
    "schema_version": "1.0",
    "body": {"kind": "pcc", "name": "Police and Crime Commissioner for West Mercia"},
    "force": {"code": "E23000016", "name": "West Mercia Police"},
    "framework": "ncpm-2021",
    "title": "Statement",
}
JSON_BYTES = DEFAULT_LIMITS.max_bytes - 4096
YAML_BYTES = DEFAULT_LIMITS.max_yaml_bytes - 4096
#: Values a document may hold, less those of the minimal document around them (each key
#: counts, as does its value: a paragraph of two members is five values).
_VALUES = DEFAULT_LIMITS.max_values - 100


def _json_with(member: str, item: str, count: int | None = None) -> bytes:
    """The minimal document with ``member`` a list of ``item`` filling the size limit."""
    head = json.dumps(MINIMAL)[:-1] + f', "{member}": ['
    count = count or (JSON_BYTES - len(head)) // (len(item) + 1)
    return (head + ",".join([item] * count) + "]}").encode()


def invalid_paragraphs() -> bytes:
    """Paragraphs with a number for text, as many as the value limit lets through.

    The attack: 699,000 paragraphs took 58 s and 3.7 GB.
    """
    return _json_with("introduction", '{"type":"paragraph","text":1}', _VALUES // 5)


def unknown_keys() -> bytes:
    """As many unknown keys as the value limit lets through (the attack: 1.47 million keys wrote
    404 MB of errors)."""
    head = json.dumps(MINIMAL)[:-1] + ', "body": {"kind": "pcc", "name": "x"'
    count = min((JSON_BYTES - len(head)) // 13, _VALUES // 2)  # a key and its value
    return (head + "".join(f',"k{index:07d}":0' for index in range(count)) + "}}").encode()


def large_valid_json() -> bytes:
    """The worked example with paragraphs added until it is just under 20 MiB."""
    statement = p.load(EXAMPLE)
    paragraph = p.Paragraph(text="The force worked with partners to reduce harm. " * 20)

    def size(count: int) -> int:
        return len(p.dumps(attrs.evolve(statement, introduction=(paragraph,) * count)))

    each = size(2) - size(1)
    count = (JSON_BYTES - size(0)) // each
    return p.dumps(attrs.evolve(statement, introduction=(paragraph,) * count)).encode()


def yaml_aliases() -> bytes:
    """One long string and as many aliases of it as 4 MiB holds (the attack: 5,000 of them)."""
    text = "x" * 200_000
    body = "".join("  - type: paragraph\n    text: *t\n" for _ in range(5000))
    head = "\n".join(f"{key}: {json.dumps(value)}" for key, value in MINIMAL.items())
    return (
        f"{head}\npreamble:\n  - type: paragraph\n    text: &t {text}\nintroduction:\n{body}"
    ).encode()


def yaml_zeros() -> bytes:
    """A YAML flow list of zeros as long as 4 MiB holds (the attack: 27 s per MiB)."""
    head = "\n".join(f"{key}: {json.dumps(value)}" for key, value in MINIMAL.items())
    return (
        f"{head}\nextensions:\n  cms:x: [{', '.join(['0'] * ((YAML_BYTES - 400) // 3))}]\n".encode()
    )


def declared_range_workbook() -> bytes:
    """A small XLSX sheet declaring A1:XFD20000 with one far cell (the attack: 17 s, 3 GB)."""
    from pcc_priorities.tables import figures_to_xlsx  # noqa: PLC0415

    with zipfile.ZipFile(io.BytesIO(figures_to_xlsx(p.load(EXAMPLE)))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("<sheetViews>", '<dimension ref="A1:XFD20000"/><sheetViews>')
    sheet = sheet.replace(
        "</sheetData>",
        '<row r="20000"><c r="XFD20000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def repeated_rows_workbook() -> bytes:
    """An ODS sheet whose one row is repeated 100 million times, and a cell 999,999 times."""
    from pcc_priorities.tables import figures_to_ods  # noqa: PLC0415

    with zipfile.ZipFile(io.BytesIO(figures_to_ods(p.load(EXAMPLE)))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    content = parts["content.xml"].decode()
    last = content.rindex("<table:table-row>")
    content = (
        content[:last]
        + '<table:table-row table:number-rows-repeated="100000000"><table:table-cell '
        'table:number-columns-repeated="999999" office:value-type="float" office:value="1"/>'
        "</table:table-row>" + content[last:]
    )
    parts["content.xml"] = content.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _load(data: bytes, format: str) -> object:
    return p.loads(data, format)  # type: ignore[arg-type]


def _load_and_use(data: bytes, format: str) -> object:
    statement = p.loads(data, format)  # type: ignore[arg-type]
    p.check(statement, as_of=date(2025, 1, 1))
    p.render(statement, "html")
    with tempfile.TemporaryDirectory() as folder:
        try:
            p.dump(statement, Path(folder) / "statement.yaml")
        except p.DocumentError:
            return "the YAML dump refused: over the YAML limits"
        return "dumped to YAML"


def _figures(kind: str) -> Callable[[bytes, str], object]:
    def read(data: bytes, _format: str) -> object:
        from pcc_priorities.tables import figures_from_ods, figures_from_xlsx  # noqa: PLC0415

        read_figures = figures_from_xlsx if kind == "xlsx" else figures_from_ods
        return read_figures(p.load(EXAMPLE), data)

    return read


#: name: (build the input, its format, what to do with it)
CASES: dict[str, tuple[Callable[[], bytes], str, Callable[[bytes, str], object]]] = {
    "JSON, 199,980 paragraphs with a number for text (value limit)": (
        invalid_paragraphs,
        "json",
        _load,
    ),
    "JSON, 499,950 unknown keys (value limit)": (unknown_keys, "json", _load),
    "JSON, a valid statement of 20 MiB": (large_valid_json, "json", _load),
    "the same, loaded, checked, rendered to HTML, dumped to YAML": (
        large_valid_json,
        "json",
        _load_and_use,
    ),
    "YAML, 5,000 aliases of a 200,000-character text": (yaml_aliases, "yaml", _load),
    "YAML, 4 MiB flow list of zeros": (yaml_zeros, "yaml", _load),
    "XLSX, a sheet declaring A1:XFD20000": (declared_range_workbook, "xlsx", _figures("xlsx")),
    "ODS, a row repeated 10^8 times, a cell 999,999": (
        repeated_rows_workbook,
        "ods",
        _figures("ods"),
    ),
}


def measure(name: str) -> dict[str, object]:
    """Build and read one case in this process; return CPU seconds, peak memory, outcome."""
    build, format, read = CASES[name]
    data = build()
    start = time.process_time()
    try:
        said = read(data, format)
        outcome = "loaded" + (f"; {said}" if isinstance(said, str) else "")
    except p.PccPrioritiesError as error:
        outcome = f"refused ({type(error).__name__}: {len(str(error)):,} characters)"
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"bytes": len(data), "seconds": seconds, "peak": peak, "outcome": outcome}


def table() -> str:
    """Each case in a fresh process, as a Markdown table."""
    lines = [
        "| input | size | CPU s | peak memory | outcome |",
        "|---|---:|---:|---:|---|",
    ]
    for name in CASES:
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks.limits", "--one", name],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        row = json.loads(result.stdout)
        lines.append(
            f"| {name} | {row['bytes'] / 2**20:.2f} MiB | {row['seconds']:.2f} | "
            f"{row['peak'] / 2**20:.0f} MiB | {row['outcome']} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Print the table, or measure one case (``--one NAME``, used by the table)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(measure(arguments.one)))
        return
    print(table())


if __name__ == "__main__":
    main()
