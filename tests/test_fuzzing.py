"""The loader fuzzer (``tests/fuzzing.py``) under pytest, and tests that the fuzzer itself works.

How many mutated inputs each loader gets follows the Hypothesis profile: a few in the default
profile (100), more under ``ci`` (200), and under ``fuzz`` (``.ci/run``'s fuzzing step)
:data:`FUZZ_INPUTS`, 20,000. ``PCC_FUZZ_INPUTS`` overrides the number and ``PCC_FUZZ_JOBS`` the
worker processes (one per core by default)::

    HYPOTHESIS_PROFILE=fuzz python -m pytest -m fuzz -q -p no:cacheprovider -rP

The kept inputs of ``tests/fuzz_corpus/`` run first, whatever the number.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest

import fuzzing
import pcc_priorities as p

#: Mutated inputs per loader in CI's fuzzing step (see .ci/run for the time it takes).
FUZZ_INPUTS = 20_000
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
INPUTS = int(
    os.environ.get("PCC_FUZZ_INPUTS") or {"fuzz": FUZZ_INPUTS, "ci": 200}.get(PROFILE, 100)
)
JOBS = int(os.environ.get("PCC_FUZZ_JOBS") or os.cpu_count() or 1)


@pytest.mark.fuzz
@pytest.mark.parametrize("loader", list(fuzzing.LOADERS))
def test_every_input_loads_or_is_refused_within_its_budget(loader: str) -> None:
    """Each kept and mutated input loads (and goes through the pipeline) or is refused in time."""
    report = fuzzing.campaign(loader, INPUTS, jobs=JOBS)
    print(
        f"{loader}: {report.inputs} inputs ({len(fuzzing.corpus(loader))} kept), "
        f"{report.loaded} loaded, {report.refused} refused, {report.seconds:.1f} s "
        f"with {JOBS} processes, slowest {report.slowest:.2f} s"
    )
    assert not report.failures, "\n".join(report.failures)
    assert report.loaded + report.refused == report.inputs
    assert report.loaded > 0
    assert report.refused > 0


@pytest.mark.parametrize("loader", list(fuzzing.LOADERS))
def test_the_inputs_are_the_same_every_run(loader: str) -> None:
    """Input number k of a loader is the same bytes, from the same seed, every time it is made."""
    assert fuzzing.make_input(loader, 7) == fuzzing.make_input(loader, 7)
    assert fuzzing.make_input(loader, 7) != fuzzing.make_input(loader, 8)


def test_every_kept_input_names_its_loader_and_seed() -> None:
    """The corpus has a folder per loader only, and each file names the seed it came from."""
    folders = sorted(path.name for path in fuzzing.CORPUS.iterdir())
    assert set(folders) <= set(fuzzing.LOADERS)
    for loader in folders:
        for path, seed in fuzzing.corpus(loader):
            assert path.name.startswith(f"s{seed}-")
            assert 0 <= seed < len(fuzzing.SEEDS)


def test_the_kept_inputs_run_before_the_mutated_ones() -> None:
    """A campaign of no mutated inputs still runs every kept input of the loader."""
    report = fuzzing.campaign("csv", 0, jobs=1)
    assert report.inputs == len(fuzzing.corpus("csv")) > 0
    assert not report.failures


def test_an_escape_fails_the_campaign(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error other than the library's own is reported with the input kept in a file."""

    def escape(_data: bytes, _seed: p.Statement) -> None:
        raise KeyError("x")

    monkeypatch.setitem(fuzzing.LOADERS, "monthly", (fuzzing.monthly_input, escape))
    report = fuzzing.campaign("monthly", 3, jobs=1)
    assert len(report.failures) == len(fuzzing.corpus("monthly")) + 3
    assert "KeyError" in report.failures[-1]
    kept = Path(report.failures[-1].rpartition("input in ")[2].rstrip(")"))
    assert kept.read_bytes() == fuzzing.make_input("monthly", 2)[0]


def test_a_refusal_that_does_not_say_where_fails_the_campaign(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A library error without problems is not a good refusal."""

    def refuse(_data: bytes, _seed: p.Statement) -> None:
        raise p.TableError([])

    monkeypatch.setitem(fuzzing.LOADERS, "csv", (fuzzing.csv_input, refuse))
    with pytest.raises(fuzzing.Escape, match="without problems"):
        fuzzing.run_one("csv", b"", 0, fuzzing.Pipeline())


def test_an_input_over_its_budget_fails_the_campaign(monkeypatch: pytest.MonkeyPatch) -> None:
    """An input over its budget is stopped and reported, even inside an `except Exception`."""

    def slow(_data: bytes, _seed: p.Statement) -> None:
        with contextlib.suppress(Exception):  # what a careless library might do
            started = time.process_time()
            while time.process_time() - started < 5:
                pass

    monkeypatch.setattr(fuzzing, "BUDGET", 0.2)
    monkeypatch.setitem(fuzzing.LOADERS, "csv", (fuzzing.csv_input, slow))
    with pytest.raises(fuzzing.Escape, match=r"took more than 0\.2 s of CPU time"):
        fuzzing.run_one("csv", b"", 0, fuzzing.Pipeline())


def test_a_worker_that_never_answers_fails_the_campaign(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker stuck where no signal reaches it is killed, and its input named."""

    def stuck(_data: bytes, _seed: p.Statement) -> None:
        time.sleep(60)

    monkeypatch.setattr(fuzzing, "WATCHDOG", 1.5)
    monkeypatch.setattr(fuzzing, "run_one", lambda *_: stuck(b"", fuzzing.SEEDS[0]))
    monkeypatch.setattr(fuzzing, "corpus", lambda _loader: [])
    report = fuzzing.campaign("monthly", 1, jobs=1)
    assert len(report.failures) >= 1
    assert report.failures[0].startswith("input 0: no answer")
