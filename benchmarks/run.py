"""Side-by-side benchmarks of pcc-priorities against pydantic and msgspec, in fresh processes.

    python -m benchmarks.run              # print the tables
    python -m benchmarks.run --write      # and update benchmarks/README.md

Every figure is taken by ``benchmarks.measure`` in a process of its own, so that nothing but
the corpus and one contender's models is alive while it is timed; the processes for one
figure are interleaved with all the others', so that a busy machine slows every contender
alike. Times are CPU time (``time.process_time``) per statement; each process runs several
rounds over the whole corpus (344 statements), and a figure is the median of its processes'
medians, with the spread (lowest and highest process median) beside it.

Loading is measured in three regimes, because the garbage collector changes the picture:
``stream`` (each statement dropped once loaded), ``keep, collector off`` and ``keep,
collector on`` (every statement kept, as a program that loads a corpus does). The worst
regime for pcc-priorities comes first.

The contenders are ``pcc_priorities.loads``/``dumps``; our own pydantic v2 and msgspec models
(``benchmarks/alternatives.py``: strict, tagged blocks, exact decimals); and the pydantic v2
model a user without our model would make from our JSON Schema with datamodel-code-generator,
regenerated for every run with :data:`GENERATE` into ``benchmarks/.cache/``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import pickle
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "benchmarks" / "README.md"
CACHE = ROOT / "benchmarks" / ".cache"
CORPUS = CACHE / "corpus.pickle"
SCHEMA = ROOT / "src" / "pcc_priorities" / "formats" / "statement.schema.json"
START, END = "<!-- results:start -->", "<!-- results:end -->"

#: How the generated pydantic model is made (run from the repository root).
GENERATE = [
    "datamodel-codegen",
    "--input",
    "src/pcc_priorities/formats/statement.schema.json",
    "--input-file-type",
    "jsonschema",
    "--output-model-type",
    "pydantic_v2.BaseModel",
    "--target-python-version",
    "3.11",
    "--formatters",
    "builtin",
    "--disable-timestamp",
    "--output",
    "benchmarks/.cache/generated_pydantic.py",
]

REGIMES = {
    "stream": "stream (each dropped)",
    "keep-off": "keep all, collector off",
    "keep-on": "keep all, collector on",
}
NAMES = {
    "pcc": "pcc-priorities",
    "base": "pcc-priorities before (baseline)",
    "pydantic": "pydantic v2, our tuned model",
    "generated": "pydantic v2, generated from our JSON Schema",
    "msgspec": "msgspec, our model",
}


# --------------------------------------------------------------------------- running


def _prepare() -> int:
    """Write the corpus and regenerate the pydantic model; return the corpus size."""
    from benchmarks import corpus  # noqa: PLC0415

    CACHE.mkdir(exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n", encoding="utf-8")
    documents = corpus.documents()
    CORPUS.write_bytes(pickle.dumps(documents))
    command = [str(Path(sys.executable).with_name(GENERATE[0])), *GENERATE[1:]]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return sum(map(len, documents))


def _worker(
    task: str, contender: str, regime: str, rounds: int, baseline: Path | None
) -> dict[str, Any]:
    environment = dict(os.environ)
    if contender == "base":
        assert baseline is not None
        environment["PYTHONPATH"] = os.pathsep.join([str(baseline / "src"), str(ROOT)])
        contender = "pcc"
    command = [sys.executable, "-m", "benchmarks.measure", task, contender, regime]
    done = subprocess.run(
        [*command, "--rounds", str(rounds), "--corpus", str(CORPUS)],
        cwd=ROOT,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout))


def _jobs(baseline: Path | None) -> list[tuple[str, str, str]]:
    ours = ["pcc", "base"] if baseline else ["pcc"]
    jobs = [
        ("load", contender, regime)
        for regime in REGIMES
        for contender in [*ours, "pydantic", "generated", "msgspec"]
    ]
    jobs += [
        ("write", contender, style)
        for style in ("indented", "compact")
        for contender in [*ours, "pydantic", "generated", "msgspec"]
        if not (contender == "base" and style == "compact")
    ]
    jobs += [(task, contender, "-") for task in ("check", "render") for contender in ours]
    return jobs


def _measure_all(
    jobs: list[tuple[str, str, str]], processes: int, rounds: int, baseline: Path | None
) -> dict[tuple[str, str, str], list[float]]:
    """Run every job in ``processes`` interleaved passes; return each process's median."""
    medians: dict[tuple[str, str, str], list[float]] = {job: [] for job in jobs}
    for index in range(processes):
        for number, job in enumerate(jobs, 1):
            print(
                f"pass {index + 1}/{processes}, {number}/{len(jobs)}: {' '.join(job)}",
                file=sys.stderr,
            )
            result = _worker(*job, rounds, baseline)
            medians[job].append(statistics.median(result["seconds"]))
    return medians


def _startup(runs: int, baseline: Path | None) -> dict[str, tuple[float, float]]:
    """Median wall and CPU milliseconds of fresh processes: bare, import, check."""
    example = str(ROOT / "examples" / "west-mercia-2023-09.json")
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import pcc_priorities": [sys.executable, "-c", "import pcc_priorities"],
        "pcc-priorities check (worked example)": [
            sys.executable,
            "-m",
            "pcc_priorities",
            "check",
            example,
        ],
    }
    # Both trees compiled to bytecode first, so that neither start-up includes compiling.
    for tree in [ROOT, *([baseline] if baseline else [])]:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True)
    environments = {name: dict(os.environ) for name in commands}
    if baseline is not None:
        before = dict(os.environ, PYTHONPATH=str(baseline / "src"))
        for name in ("import pcc_priorities", "pcc-priorities check (worked example)"):
            commands[f"{name}, before"] = commands[name]
            environments[f"{name}, before"] = before
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                command, cwd=ROOT, env=environments[name], check=False, capture_output=True
            )
            wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {
        name: (statistics.median(wall[name]) * 1000, statistics.median(cpu[name]) * 1000)
        for name in commands
    }


# --------------------------------------------------------------------------- tables


def _ms(values: list[float], statements: int) -> tuple[float, float, float]:
    per = [value * 1000 / statements for value in values]
    return statistics.median(per), min(per), max(per)


def _cell(values: list[float], statements: int, digits: int = 2) -> str:
    median, low, high = _ms(values, statements)
    return f"{median:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def _ratio(top: list[float], bottom: list[float]) -> float:
    return statistics.median(top) / statistics.median(bottom)


def _versions() -> str:
    names = ["pcc-priorities", "pydantic", "pydantic-core", "msgspec", "datamodel-code-generator"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def _tables(
    medians: dict[tuple[str, str, str], list[float]],
    statements: int,
    megabytes: float,
    args: argparse.Namespace,
) -> list[str]:
    ours = ["pcc", "base"] if args.baseline else ["pcc"]
    load = {(c, r): medians[("load", c, r)] for (t, c, r) in medians if t == "load"}
    ratios = {r: _ratio(load[("pcc", r)], load[("pydantic", r)]) for r in REGIMES}
    order = sorted(REGIMES, key=lambda r: ratios[r], reverse=True)  # the worst first
    worst = order[0]
    lines = [
        f"Run on {date.today()}: {_machine()}; Python {platform.python_version()}; "
        f"{_versions()}. Corpus: {statements} statements, {megabytes:.1f} MiB of JSON. "
        f"{args.processes} processes per figure, {args.rounds} rounds each; CPU time.",
        "",
        f"**Load: {ratios[worst]:.2f} × our pydantic model in the worst regime** "
        f"({REGIMES[worst]}; target ≤ 1.0); "
        f"{_ratio(load[('pcc', worst)], load[('generated', worst)]):.2f} × the generated one.",
        "",
        "**Load: JSON bytes → model**, CPU ms per statement, median (spread of processes)",
        "",
        "| contender | " + " | ".join(REGIMES[r] for r in order) + " |",
        "|---|" + "---:|" * len(order),
    ]
    for contender in [*ours, "pydantic", "generated", "msgspec"]:
        cells = [_cell(load[(contender, r)], statements) for r in order]
        lines.append(f"| {NAMES[contender]} | " + " | ".join(cells) + " |")
    for other in ("pydantic", "generated", "msgspec"):
        cells = [f"{_ratio(load[('pcc', r)], load[(other, r)]):.2f}" for r in order]
        lines.append(f"| pcc-priorities ÷ {NAMES[other]} | " + " | ".join(cells) + " |")
    if args.baseline:
        cells = [f"{_ratio(load[('pcc', r)], load[('base', r)]):.2f}" for r in order]
        lines.append("| pcc-priorities ÷ before | " + " | ".join(cells) + " |")

    write = {(c, s): medians[("write", c, s)] for (t, c, s) in medians if t == "write"}
    indented = _ratio(write[("pcc", "indented")], write[("pydantic", "indented")])
    lines += [
        "",
        f"**Write: {indented:.2f} × our pydantic model writing indented text** (target ≤ 0.5)",
        "",
        "**Write: model → JSON**, CPU ms per statement, median (spread of processes)",
        "",
        "| contender | indented (two spaces) | compact |",
        "|---|---:|---:|",
    ]
    for contender in [*ours, "pydantic", "generated", "msgspec"]:
        cells = [
            _cell(write[(contender, s)], statements) if (contender, s) in write else "—"
            for s in ("indented", "compact")
        ]
        lines.append(f"| {NAMES[contender]} | " + " | ".join(cells) + " |")
    for other in ("pydantic", "generated", "msgspec"):
        cells = [
            f"{_ratio(write[('pcc', s)], write[(other, s)]):.2f}" for s in ("indented", "compact")
        ]
        lines.append(f"| pcc-priorities ÷ {NAMES[other]} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "**Check and render** (pcc-priorities only), CPU ms for the whole corpus",
        "",
        "| task | " + " | ".join(NAMES[c] for c in ours) + " |",
        "|---|" + "---:|" * len(ours),
    ]
    for task in ("check", "render"):
        cells = [_cell(medians[(task, c, "-")], 1, 0) for c in ours]
        lines.append(f"| {task} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    """Run the benchmarks and print (or write) the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per process")
    parser.add_argument("--processes", type=int, default=3, help="processes per figure")
    parser.add_argument("--startup-runs", type=int, default=9)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="a source tree of pcc-priorities (its src/ is used) to measure beside this one",
    )
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = parser.parse_args()

    size = _prepare()
    statements = len(pickle.loads(CORPUS.read_bytes()))
    jobs = _jobs(args.baseline)
    medians = _measure_all(jobs, args.processes, args.rounds, args.baseline)
    lines = _tables(medians, statements, size / 2**20, args)

    startup = _startup(args.startup_runs, args.baseline)
    bare_wall = startup["python -c pass"][0]
    lines += [
        "",
        f"**Start-up** (median of {args.startup_runs} fresh processes; wall and CPU ms)",
        "",
        "| what | wall | wall less bare interpreter | CPU |",
        "|---|---:|---:|---:|",
    ]
    for name, (wall, cpu) in startup.items():
        lines.append(f"| {name} | {wall:.0f} | {wall - bare_wall:.0f} | {cpu:.0f} |")

    ours = ["pcc", "base"] if args.baseline else ["pcc"]
    lines += [
        "",
        "**Peak memory** while loading the corpus and keeping every model (tracemalloc)",
        "",
        "| contender | peak MiB |",
        "|---|---:|",
    ]
    for contender in [*ours, "pydantic", "generated", "msgspec"]:
        peak = _worker("memory", contender, "-", 1, args.baseline)["peak_bytes"]
        lines.append(f"| {NAMES[contender]} | {peak / 2**20:.0f} |")
    lines += ["", "The generated model was made with:", "", "```sh", " ".join(GENERATE), "```"]

    text = "\n".join(lines)
    print(text)
    if args.write:
        readme = README.read_text(encoding="utf-8")
        head, _, rest = readme.partition(START)
        _, _, tail = rest.partition(END)
        README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
