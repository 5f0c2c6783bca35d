"""The loader fuzzer: mutated inputs through every loader, then the whole pipeline.

Each campaign feeds one loader (JSON, YAML, figures CSV, XLSX, ODS, monthly CSV) a number of
inputs mutated from small valid seeds. Input number ``k`` of a loader is made by a random
generator seeded with the loader's name and ``k``, so the same inputs come every run, however
many processes share the work. Every input must load or be refused with the library's own
error, whose problems say where (a JSON Pointer, or a row and column); every input that loads
goes through the pipeline after a load: check, render (HTML and Markdown), diff against its
seed, dumps/loads in JSON and YAML, and the figures round trip through CSV, XLSX and ODS. JSON
inputs are also read by the quick and the careful reader, which must agree.

Each input has a budget of CPU time (:data:`BUDGET`, enforced with ``SIGPROF`` in the process
that runs it: CPU time, so that a machine busy with other work does not fail a run); a worker
process that does not answer at all (stuck in C code, or waiting) is killed by the parent
after :data:`WATCHDOG` seconds on the clock, and each worker may use at most :data:`MEMORY`
bytes more than it started with. A hang or an escape fails the campaign.

The inputs that ever failed are kept in ``tests/fuzz_corpus/<loader>/`` and run first. A
failure saves its input and names the file: add it to the corpus with the fix. The file's name
starts with the seed it was mutated from (``s2-...``), which the figures loaders need.

Run from the command line for a report of counts and times::

    python tests/fuzzing.py --inputs 20000 --jobs 2            # every loader
    python tests/fuzzing.py --inputs 2000 --jobs 2 xlsx ods    # some loaders
"""

from __future__ import annotations

import argparse
import copy
import csv
import hashlib
import io
import json
import multiprocessing
import queue
import random
import re
import resource
import signal
import sys
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import attrs

import pcc_priorities as p
from pcc_priorities.figures import figures_from_months, monthly_series_from_csv
from pcc_priorities.figures.sheets import csv_text
from pcc_priorities.formats.json import read_json_carefully, read_json_text
from pcc_priorities.tables import (
    figures_from_csv,
    figures_from_ods,
    figures_from_xlsx,
    figures_table,
    figures_to_csv,
    figures_to_ods,
    figures_to_xlsx,
    ods,
    replace_figures,
    xlsx,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
AS_OF = date(2024, 6, 1)
#: The most CPU seconds one input (its load and its pipeline) may take.
BUDGET = 10.0
#: The most seconds on the clock a worker may go without answering (a busy machine gives a
#: worker a fraction of a core: this is for a worker stuck where no signal reaches).
WATCHDOG = 60.0
#: How much more memory (address space, bytes) a worker process may use than it started with.
MEMORY = 1 << 30
#: A JSON Pointer (RFC 6901).
POINTER = re.compile(r"(/([^~/]|~[01])*)*", re.DOTALL)


class Hang(BaseException):
    """An input took longer than its time budget (not an Exception: no handler may catch it)."""


class Escape(AssertionError):
    """An input escaped the library's own errors, broke the pipeline or took too long."""


# --------------------------------------------------------------------------- seeds


def _seed_statements() -> list[p.Statement]:
    """Valid statements to mutate: three cut down from the worked example, and itself."""
    worked = p.load(ROOT / "examples" / "west-mercia-2023-09.json")
    tiny = tuple(
        attrs.evolve(section, figures=section.figures[:2], blocks=section.blocks[:1])
        for section in worked.sections[:1]
    )
    small = tuple(
        attrs.evolve(section, figures=section.figures[:3], blocks=section.blocks[:2])
        for section in worked.sections[:3]
    )
    return [
        attrs.evolve(worked, sections=(), preamble=(), introduction=(), applicability=None),
        attrs.evolve(worked, sections=tiny, preamble=(), introduction=worked.introduction[:1]),
        attrs.evolve(
            worked,
            sections=small,
            introduction=worked.introduction[:2],
            preamble=worked.preamble[:1],
        ),
        worked,
    ]


SEEDS = _seed_statements()
#: How often each seed is mutated: mostly the small ones, which cost least to check.
WEIGHTS = (30, 40, 28, 2)
MONTHLY_SEED = "\n".join(
    (ROOT / "examples" / "monthly-counts.csv").read_text(encoding="utf-8").splitlines()[:30]
)


# --------------------------------------------------------------------------- mutations

JSON_PIECES = [
    *("{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "\\U0010ffff", " ", "\n"),
    *("1e99999999999999999999", "-0", "1" * 5000, "1.5E-400", "null", "true", "NaN"),
    *('"schema_version": "1.' + "1" * 5000 + '"', '"\\u0000"', '"x\\n\\u001b[2J"', "\ufeff"),
]
YAML_PIECES = [
    *(":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "'", '"', "\t"),
    *("\n", "  ", "%YAML 1.2\n", "---\n", "...\n", "|", ">", "#", "? ", "<<: ", "0x1", "~"),
    *("1e99999999999999999999", ".nan", '"\\U00110000"', '"\\x84"', "\x00", "\u2028", "\r"),
    *("title", "null", "  double  spaces  ", "[0, 0, 0, 0, 0, 0, 0, 0]", "1.5", "\\u", "é"),
]
CELL_PIECES = [
    *("", "'", "=1+1", "count", "percent", "2023-02-30", "Q5 2023", "-7", "1e400", "7%"),
    *("1" * 5000, "1" * 16, "0", "Comparison 0: basis", "Comparison 100000000: basis"),
    *("Oct-26", "1,209", "x" * 140_000, "\x00\r\n", "section", "1.1.1", "not stated"),
    *("-0", "0.0000001", "9" * 20, "2023-24", "FY 2023/24", "Apr 2023 - Mar 2024", "1/0"),
]
XML_PIECES = [
    *('<c r="XFD1048576" t="s"><v>99</v></c>', ' s="9999"', ' t="d"', ' t="b"', "<v>1e400</v>"),
    *("&#0;", "<!DOCTYPE x>", '<row r="0">', ' r="A0"', ' table:number-columns-repeated="999999"'),
    *(' table:number-rows-repeated="99999999"', ' office:value-type="percentage"', "</"),
    *(' office:value="-7E-2"', ' office:date-value="2026-10-01"', '<text:s text:c="9"/>'),
    *('<dimension ref="A1:XFD20000"/>', ' t="inlineStr"', "<is><t>x</t></is>", "<v>-1</v>"),
    *(' numFmtId="14"', ' formatCode="0%"', "<v>45000.5</v>", ' office:value-type="date"'),
]
MONTHLY_PIECES = [
    *(",", "\n", '"', "0001-01", "9999-12", "0000-01", "-1", "1e400", "n/a", "\x00", "Month"),
    *("Oct-26", "1,209", "\r", "\ufeff", "1" * 400, "2023-13", "Feb 2023", "\x85", ";"),
]


def mutate_text(rng: random.Random, text: str, pieces: list[str]) -> str:
    """Insert, delete, replace, repeat or cut pieces of ``text``."""
    for _ in range(rng.randint(1, 3)):
        start = rng.randint(0, len(text))
        end = min(len(text), start + rng.randint(0, 16))
        action = rng.random()
        if action < 0.45:
            text = text[:start] + rng.choice(pieces) + text[end:]
        elif action < 0.65:
            text = text[:start] + text[end:]
        elif action < 0.8:
            text = text[:start] + text[start:end] * rng.randint(2, 5) + text[end:]
        elif action < 0.9:
            text = text[:start]
        else:
            odd = rng.choice([0, 7, 10, 13, 27, 0x85, 0x202E, 0xD800, 0xFEFF])
            text = text[:start] + chr(odd) + text[end:]
    return text


def value_paths(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into JSON-like ``value`` (dict keys and list indexes), its own first."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(value_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(value_paths(item, (*path, index)))
    return found


def _text(rng: random.Random) -> str:
    """Up to seven characters, half of them printable ASCII, half any code point."""
    return "".join(
        chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x110000)]))
        for _ in range(rng.randrange(8))
    )


def json_value(rng: random.Random, depth: int = 0) -> object:
    """A JSON value: a hostile scalar, random text or number, or a small list or object."""
    kind = rng.randrange(10 if depth < 2 else 7)
    if kind < 3:
        return rng.choice(
            [None, True, 0, -1, 10**16, 10**400, 1.5, -0.0, 1e308, "", "x\n\x1b", "2023-02-30"]
        )
    if kind < 5:
        return _text(rng)
    if kind == 5:
        return rng.choice([rng.randrange(-(10**20), 10**20), rng.uniform(-1e6, 1e6)])
    if kind == 6:
        return rng.choice([[], {}, {"type": "paragraph"}, {"type": "list", "items": []}])
    if kind < 9:
        return [json_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {_text(rng): json_value(rng, depth + 1) for _ in range(rng.randrange(4))}


def mutate_document(rng: random.Random, document: dict[str, Any]) -> object:
    """Replace, delete, wrap or add to one to three parts of a document's data."""
    data: Any = copy.deepcopy(document)
    for _ in range(rng.randint(1, 3)):
        target = rng.choice(value_paths(data))
        if not target:
            return json_value(rng)
        parent = data
        for part in target[:-1]:
            parent = parent[part]
        action = rng.choice(["replace", "delete", "wrap", "extra"])
        if action == "replace":
            parent[target[-1]] = json_value(rng)
        elif action == "delete":
            del parent[target[-1]]
        elif action == "wrap":
            parent[target[-1]] = [parent[target[-1]]]
        elif isinstance(parent[target[-1]], dict):
            key = rng.choice(["x", "cms:x", "id", "\n", _text(rng)])
            parent[target[-1]][key] = json_value(rng)
    return data


def _seed_index(rng: random.Random, weights: tuple[int, ...] = WEIGHTS) -> int:
    return rng.choices(range(len(SEEDS)), weights=weights)[0]


_DOCUMENTS = [json.loads(p.dumps(seed)) for seed in SEEDS]
_YAML_TEXTS = [p.dumps(seed, "yaml") for seed in SEEDS[:3]]
_TABLES = [figures_table(seed) for seed in SEEDS]


def json_input(rng: random.Random) -> tuple[bytes, int]:
    """A JSON document with parts of its data changed, then its text cut or changed."""
    seed = _seed_index(rng)
    document = _DOCUMENTS[seed]
    choice = rng.random()
    data = json_value(rng) if choice < 0.04 else document
    data = mutate_document(rng, document) if 0.04 <= choice < 0.74 else data
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
    if rng.random() < 0.5:
        text = mutate_text(rng, text, JSON_PIECES)
    return text.encode("utf-8", "surrogatepass"), seed


def yaml_input(rng: random.Random) -> tuple[bytes, int]:
    """A YAML document with pieces of its text changed (small seeds: YAML is read slowly)."""
    seed = rng.choices(range(3), weights=[45, 45, 10])[0]
    return mutate_text(rng, _YAML_TEXTS[seed], YAML_PIECES).encode("utf-8", "surrogatepass"), seed


#: Columns a person edits, and what they might type there.
TYPED_COLUMNS = ("Value", "Upper value", "Comparison 1: value", "Comparison 1: change count")
TEXT_COLUMNS = ("Measure", "Wording", "Source", "Area name", "Comparison 1: wording")
PERIODS = ("2023/24", "Q1 2024/25", "April 2023 to March 2024", "Oct-26", "2023", "FY 2022-23")


def _typed(rng: random.Random, rows: list[list[str]]) -> None:
    """A plausible edit: a number, a text or a period typed where a person would type it."""
    if len(rows) < 2:
        return
    row = rows[rng.randrange(1, len(rows))]
    kind = rng.randrange(3)
    titles = (TYPED_COLUMNS, TEXT_COLUMNS, ("Period", "Comparison 1: period"))[kind]
    title = rng.choice(titles)
    if title not in rows[0] or rows[0].index(title) >= len(row):
        return
    if kind == 0:
        number = rng.choice([rng.randrange(10**6), round(rng.uniform(0, 1000), rng.randrange(4))])
        typed = rng.choice(["{}", "{:,}", "{}%"]).format(number)
    elif kind == 1:
        typed = rng.choice(["", "Knife crime", "Data to follow.", _text(rng), "x  \n y"])
    else:
        typed = rng.choice(PERIODS)
    row[rows[0].index(title)] = typed


#: How a table is changed: mostly what a person might type, then hostile cells and shapes.
ROW_ACTIONS = [*("typed", "typed", "typed", "cell", "cell"), *("drop-row", "copy-row")]
ROW_ACTIONS += ["drop-column", "ragged"]


def _mutated_rows(rng: random.Random, rows: list[list[str]]) -> list[list[str]]:
    rows = [list(row) for row in rows]
    for _ in range(rng.randint(1, 4)):
        action = rng.choice(ROW_ACTIONS)
        row = rng.randrange(len(rows))
        piece = rng.choice(CELL_PIECES) if rng.random() < 0.8 else _text(rng)
        if action == "typed":
            _typed(rng, rows)
        elif action == "cell" and rows[row]:
            rows[row][rng.randrange(len(rows[row]))] = piece
        elif action == "drop-row" and len(rows) > 1:
            del rows[row]
        elif action == "copy-row":
            rows.insert(row, list(rows[row]))
        elif action == "drop-column" and rows[0]:
            column = rng.randrange(len(rows[0]))
            for each in rows:
                del each[column : column + 1]
        else:
            rows[row].append(piece)
    return rows


def _rows_to_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def csv_input(rng: random.Random) -> tuple[bytes, int]:
    """A figures table with cells, rows and columns changed, then its text cut or changed."""
    seed = _seed_index(rng)
    text = _rows_to_csv(_mutated_rows(rng, _TABLES[seed]))
    if rng.random() < 0.3:
        text = mutate_text(rng, text, [",", ";", '"', "\r\n", "\x00", *CELL_PIECES[:8]])
    return text.encode("utf-8", "surrogatepass"), seed


@contextmanager
def _table_as(rows: list[list[str]]) -> Iterator[None]:
    """Make the workbook writers write ``rows`` as the figures table, whatever they hold."""
    table = mock.Mock(return_value=rows)
    with (
        mock.patch.object(xlsx, "figures_table", table),
        mock.patch.object(ods, "figures_table", table),
    ):
        yield


def _workbook_input(rng: random.Random, kind: str) -> tuple[bytes, int]:
    seed = _seed_index(rng, (30, 40, 30, 0))
    write = figures_to_xlsx if kind == "xlsx" else figures_to_ods
    action = rng.random()
    if action < 0.35:  # what a person could type: odd cells, rows and columns
        rows = _mutated_rows(rng, _TABLES[seed])
        width = max(len(row) for row in rows)
        rows[0] += [""] * (width - len(rows[0]))  # the writers expect a title for each column
        with _table_as(rows):
            try:
                return write(SEEDS[0]), seed
            except (p.TableError, UnicodeEncodeError):  # too long for a cell; a lone surrogate
                return b"", seed
    data = write(SEEDS[seed])
    if action < 0.8:  # a damaged or hostile part
        return _mutated_part(rng, data), seed
    start = rng.randrange(len(data))  # damaged bytes
    if rng.random() < 0.5:
        return data[:start], seed
    return data[:start] + rng.randbytes(8) + data[start + 8 :], seed


def _mutated_part(rng: random.Random, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = rng.choice([n for n in parts if n.endswith(".xml")])
    text = mutate_text(rng, parts[name].decode(), XML_PIECES)
    parts[name] = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        del parts[rng.choice(sorted(parts))]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, payload in parts.items():
            archive.writestr(part, payload)
    return buffer.getvalue()


def xlsx_input(rng: random.Random) -> tuple[bytes, int]:
    """An XLSX workbook: an odd table written by the library, a damaged part or bytes."""
    return _workbook_input(rng, "xlsx")


def ods_input(rng: random.Random) -> tuple[bytes, int]:
    """An ODS workbook: an odd table written by the library, a damaged part or bytes."""
    return _workbook_input(rng, "ods")


def monthly_input(rng: random.Random) -> tuple[bytes, int]:
    """Monthly counts with pieces of the text changed."""
    return mutate_text(rng, MONTHLY_SEED, MONTHLY_PIECES).encode("utf-8", "surrogatepass"), 0


# --------------------------------------------------------------------------- loaders


def _outcome(read: Callable[..., Any], data: bytes) -> tuple[Any, ...]:
    try:
        result = read(data, source="fuzz.json")
    except p.DocumentError as error:
        problems = [(q.path, q.message, q.line, q.column) for q in error.problems]
        return ("refused", error.source, problems)
    # Equal is not enough: Decimal("1.50") == Decimal("1.5"), and findings print values.
    statement = result.statement
    return ("read", statement, repr(statement), result.schema_version, result.upgrades)


def load_json(data: bytes, _seed: p.Statement) -> p.Statement:
    """Load JSON as :func:`pcc_priorities.loads` does; the careful reader must agree."""
    quick = _outcome(read_json_text, data)
    careful = _outcome(read_json_carefully, data)
    if quick != careful:
        raise Escape(f"the quick and careful readers disagree: {quick!r:.300} {careful!r:.300}")
    return p.loads(data)


def load_monthly(data: bytes, _seed: p.Statement) -> None:
    """Read monthly counts, then work out the figures of every series."""
    for series in monthly_series_from_csv(csv_text(data, "fuzz.csv"), source="fuzz.csv").values():
        with _allowed(p.SeriesError, p.PeriodError):
            figures_from_months(series)


LOADERS: dict[
    str, tuple[Callable[[random.Random], tuple[bytes, int]], Callable[[bytes, p.Statement], Any]]
] = {
    "json": (json_input, load_json),
    "yaml": (yaml_input, lambda data, _seed: p.loads(data, "yaml")),
    "csv": (csv_input, lambda data, seed: figures_from_csv(seed, csv_text(data, "fuzz.csv"))),
    "xlsx": (xlsx_input, lambda data, seed: figures_from_xlsx(seed, data)),
    "ods": (ods_input, lambda data, seed: figures_from_ods(seed, data)),
    "monthly": (monthly_input, load_monthly),
}
SUFFIXES = {"json": "json", "yaml": "yaml", "csv": "csv", "xlsx": "xlsx", "ods": "ods"}


def make_input(loader: str, number: int) -> tuple[bytes, int]:
    """Input ``number`` of ``loader``'s campaign (the same bytes every run) and its seed."""
    return LOADERS[loader][0](random.Random(f"pcc-priorities fuzz {loader} {number}"))


@contextmanager
def _allowed(*errors: type[p.PccPrioritiesError]) -> Iterator[None]:
    """Let the library refuse with one of ``errors`` (its own, saying why)."""
    with suppress(*errors):
        yield


# --------------------------------------------------------------------------- pipeline


class Pipeline:
    """Runs the pipeline once per distinct statement and seed (mutations often repeat one)."""

    def __init__(self) -> None:
        self.seen: set[bytes] = set()

    def __call__(self, statement: p.Statement, seed: int) -> None:
        """Run the pipeline on ``statement``, loaded from a mutation of seed ``seed``."""
        text = p.dumps(statement)
        key = hashlib.sha256(f"{seed} {text}".encode("utf-8", "surrogatepass")).digest()
        if key in self.seen:
            return
        self.seen.add(key)
        _same(p.loads(text), statement, "JSON")
        p.check(statement, as_of=AS_OF)
        p.render(statement, "html")
        p.render(statement, "md")
        p.diff(SEEDS[seed], statement)
        _same(p.loads(p.dumps(statement, "yaml"), "yaml"), statement, "YAML")
        bare = replace_figures(statement, [])
        as_csv = csv_text(figures_to_csv(statement).encode("utf-8", "surrogatepass"), None)
        _same(figures_from_csv(bare, as_csv), statement, "figures CSV")
        with _allowed(p.TableError):  # a text longer than a worksheet cell's 32,767 characters
            _same(figures_from_xlsx(bare, figures_to_xlsx(statement)), statement, "XLSX")
        _same(figures_from_ods(bare, figures_to_ods(statement)), statement, "ODS")


def _same(back: p.Statement, statement: p.Statement, route: str) -> None:
    if back != statement:
        raise Escape(f"the {route} round trip changed the statement: {p.diff(statement, back)}")


# --------------------------------------------------------------------------- one input


def _alarm(_signal: int, _frame: object) -> None:
    raise Hang


def _check_problems(error: p.PccPrioritiesError) -> None:
    """A refusal must list its problems, each saying where it is and what is wrong."""
    if isinstance(error, p.DocumentError):
        assert error.problems, "a DocumentError without problems"
        for problem in error.problems:
            assert POINTER.fullmatch(problem.path), f"not a JSON Pointer: {problem.path!r}"
            assert problem.message
            assert problem.line is None or problem.line >= 1
    elif isinstance(error, p.TableError):
        assert error.problems, "a TableError without problems"
        for item in error.problems:
            assert item.message
            assert item.row is None or item.row >= 1
    str(error)


def run_one(loader: str, data: bytes, seed: int, pipeline: Pipeline) -> str:
    """Load ``data`` and, if it loads, run the pipeline; return "loaded" or "refused".

    Raises:
        Escape: Something other than the library's own error escaped, a refusal did not say
            where, the pipeline failed, or the input took longer than :data:`BUDGET`.
    """
    load = LOADERS[loader][1]
    previous = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, BUDGET)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an older schema_version is upgraded, with a warning
            try:
                result = load(data, SEEDS[seed])
            except p.PccPrioritiesError as error:
                _check_problems(error)
                return "refused"
            if isinstance(result, p.Statement):
                pipeline(result, seed)
            return "loaded"
    except Hang:
        raise Escape(f"took more than {BUDGET} s of CPU time") from None
    except Escape:
        raise
    except Exception as error:
        raise Escape(f"{type(error).__name__}: {str(error)[:300]}") from error
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def save(loader: str, data: bytes, seed: int) -> Path:
    """Keep a failing input in a temporary folder, named as the corpus names its files."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / "pcc-fuzz" / loader
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"s{seed}-{digest}.{SUFFIXES.get(loader, 'csv')}"
    path.write_bytes(data)
    return path


def corpus(loader: str) -> list[tuple[Path, int]]:
    """The kept inputs of ``loader`` that once failed, in name order, with their seeds."""
    folder = CORPUS / loader
    if not folder.is_dir():
        return []
    found = sorted(path for path in folder.iterdir() if path.is_file())
    return [(path, int(path.name[1]) if path.name[:1] == "s" else 2) for path in found]


# --------------------------------------------------------------------------- campaigns


@attrs.frozen
class Report:
    """What a campaign did.

    Attributes:
        loader: The loader fuzzed.
        inputs: How many inputs were run (the corpus and the mutated ones).
        loaded: How many loaded (and went through the pipeline).
        refused: How many were refused with the library's own error.
        seconds: Wall-clock time of the campaign.
        slowest: The longest one input took, in seconds.
        failures: One line per failing input: what went wrong and where its input is kept.
    """

    loader: str
    inputs: int
    loaded: int
    refused: int
    seconds: float
    slowest: float
    failures: tuple[str, ...]


def _limit_memory() -> None:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize"))
    resource.setrlimit(resource.RLIMIT_AS, (size + MEMORY, size + MEMORY))


def _worker(loader: str, part: int, parts: int, count: int, answers: Any) -> None:
    """Run inputs ``part``, ``part + parts``, ... below ``count``; answer before and after each."""
    _limit_memory()
    pipeline = Pipeline()
    for number in range(part, count, parts):
        answers.put(("start", part, number))
        started = time.perf_counter()
        try:
            data, seed = make_input(loader, number)
        except Exception as error:  # the fuzzer's own fault: say so, and go on
            outcome = f"the fuzzer could not make this input: {type(error).__name__}: {error}"
        else:
            try:
                outcome = run_one(loader, data, seed, pipeline)
            except Escape as error:
                outcome = f"{error} (input in {save(loader, data, seed)})"
        answers.put(("done", part, number, outcome, time.perf_counter() - started))
    answers.put(("end", part, -1))


def _kept_input(loader: str, number: int) -> str:
    try:
        data, seed = make_input(loader, number)
    except Exception as error:
        return f"the fuzzer could not make it: {error}"
    return f"input in {save(loader, data, seed)}"


def campaign(loader: str, count: int, jobs: int = 2) -> Report:
    """Run the kept inputs, then ``count`` mutated ones across ``jobs`` processes."""
    started = time.perf_counter()
    tally = {"loaded": 0, "refused": 0}
    failures: list[str] = []
    slowest = 0.0
    pipeline = Pipeline()
    kept = corpus(loader)
    for path, seed in kept:
        begun = time.perf_counter()
        try:
            tally[run_one(loader, path.read_bytes(), seed, pipeline)] += 1
        except Escape as error:
            failures.append(f"{path.name}: {error}")
        slowest = max(slowest, time.perf_counter() - begun)
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    workers = [
        context.Process(target=_worker, args=(loader, part, jobs, count, answers), daemon=True)
        for part in range(jobs)
    ]
    for worker in workers:
        worker.start()
    # Each worker's input in hand (None between inputs) and when it last answered.
    running: dict[int, tuple[int | None, float]] = {
        part: (None, time.monotonic()) for part in range(jobs)
    }
    try:
        while running:
            try:
                answer = answers.get(timeout=1)
            except queue.Empty:
                now = time.monotonic()
                for part, (number, since) in list(running.items()):
                    alive = workers[part].is_alive()
                    if alive and now - since < WATCHDOG:
                        continue
                    what = "no answer" if alive else f"the worker died ({workers[part].exitcode})"
                    kept_input = "" if number is None else _kept_input(loader, number)
                    failures.append(
                        f"input {number}: {what} after {now - since:.0f} s; {kept_input}"
                    )
                    workers[part].kill()
                    del running[part]
                continue
            kind, part, number = answer[:3]
            if kind == "start":
                running[part] = (number, time.monotonic())
            elif kind == "done":
                running[part] = (None, time.monotonic())
                outcome, seconds = answer[3:]
                slowest = max(slowest, seconds)
                if outcome in tally:
                    tally[outcome] += 1
                else:
                    failures.append(f"input {number}: {outcome}")
            else:
                del running[part]
    finally:
        for worker in workers:
            worker.kill()
            worker.join()
    if sum(tally.values()) + len(failures) != len(kept) + count:
        failures.append(f"only {sum(tally.values()) + len(failures)} inputs were run")
    return Report(
        loader=loader,
        inputs=len(kept) + count,
        loaded=tally["loaded"],
        refused=tally["refused"],
        seconds=time.perf_counter() - started,
        slowest=slowest,
        failures=tuple(failures),
    )


def main(argv: list[str] | None = None) -> int:
    """Run campaigns from the command line and print what each did."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("loaders", nargs="*", help=f"some of {', '.join(LOADERS)} (all)")
    parser.add_argument("--inputs", type=int, default=20_000, help="mutated inputs per loader")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes per loader")
    arguments = parser.parse_args(argv)
    unknown = set(arguments.loaders) - set(LOADERS)
    if unknown:
        parser.error(f"no loader {', '.join(sorted(unknown))}; choose from {', '.join(LOADERS)}")
    failed = False
    print("loader   inputs  loaded refused  seconds  slowest  failures")
    for loader in arguments.loaders or LOADERS:
        report = campaign(loader, arguments.inputs, arguments.jobs)
        print(
            f"{loader:8} {report.inputs:6} {report.loaded:7} {report.refused:7} "
            f"{report.seconds:8.1f} {report.slowest:8.2f} {len(report.failures):9}",
            flush=True,
        )
        for failure in report.failures:
            print(f"    {failure}")
        failed = failed or bool(report.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
