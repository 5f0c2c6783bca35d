"""One measurement in a fresh process: the worker that ``benchmarks.run`` starts for each figure.

    python -m benchmarks.measure load pcc stream --corpus benchmarks/.cache/corpus.pickle

Prints one JSON object: the CPU seconds (``time.process_time``) of each round for the whole
corpus, or the peak memory. Only the corpus (as bytes) and the one contender's models are
alive in the process, so that no other library's objects are traced by the garbage collector
while it is timed.

Tasks and contenders:

- ``load``: ``pcc`` (``pcc_priorities.loads``), ``pydantic`` (our tuned model,
  ``benchmarks.alternatives``), ``generated`` (the pydantic model datamodel-code-generator
  makes from our JSON Schema), ``msgspec`` (our msgspec model); in the regimes ``stream``
  (each result dropped at once), ``keep-off`` (every result kept, collector off) and
  ``keep-on`` (every result kept, collector on);
- ``write``: the same contenders writing what they loaded, ``indented`` (two spaces, exact
  numbers where the contender can write them) or ``compact``;
- ``check``, ``render``: pcc only (``check`` with every built-in rule; ``render`` HTML);
- ``memory``: pcc, pydantic, msgspec, generated: peak traced memory while loading the corpus
  and keeping every model (``tracemalloc``; the regime is ignored).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import pickle
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

CACHE = Path(__file__).resolve().parent / ".cache"
GENERATED = CACHE / "generated_pydantic.py"


def generated_model() -> Any:
    """The generated pydantic model's Statement class (made by ``benchmarks.run``)."""
    spec = importlib.util.spec_from_file_location("generated_pydantic", GENERATED)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generated_pydantic"] = module
    spec.loader.exec_module(module)
    return module.Statement


def loader(contender: str) -> Callable[[bytes], Any]:
    """The function that loads one document for ``contender``."""
    if contender == "pcc":
        import pcc_priorities  # noqa: PLC0415

        return pcc_priorities.loads
    if contender == "generated":
        return generated_model().model_validate_json  # type: ignore[no-any-return]
    from benchmarks import alternatives  # noqa: PLC0415

    if contender == "pydantic":
        return alternatives.pydantic_loads
    if contender == "msgspec":
        return alternatives.msgspec_loads
    raise SystemExit(f"unknown contender {contender!r}")


def writer(contender: str, style: str) -> Callable[[Any], Any]:
    """The function that writes one loaded document for ``contender`` in ``style``."""
    indented = style == "indented"
    if contender == "pcc":
        import pcc_priorities  # noqa: PLC0415

        if indented:
            return pcc_priorities.dumps
        from pcc_priorities.formats.json import _writer  # noqa: PLC0415

        # The library writes only canonical (indented) JSON: this is its writer's compact
        # step, before indentation, measured for comparison; it is not offered.
        quick = _writer()
        return lambda statement: quick.encoder.encode(quick._document(statement))
    if contender in ("pydantic", "generated"):
        if indented:
            return lambda model: model.model_dump_json(indent=2, exclude_defaults=True)
        return lambda model: model.model_dump_json(exclude_defaults=True)
    if contender == "msgspec":
        import msgspec  # noqa: PLC0415

        encoder = msgspec.json.Encoder(decimal_format="number")
        if indented:
            return lambda struct: msgspec.json.format(encoder.encode(struct), indent=2)
        return encoder.encode
    raise SystemExit(f"unknown contender {contender!r}")


def _rounds(run: Callable[[], Any], rounds: int, collector: bool) -> list[float]:
    run()  # warm-up: hooks, mirrors and caches are made on first use
    times = []
    for _ in range(rounds):
        gc.collect()
        if not collector:
            gc.disable()
        start = time.process_time()
        kept = run()
        times.append(time.process_time() - start)
        gc.enable()
        del kept
    return times


def measure(task: str, contender: str, regime: str, rounds: int, corpus: Path) -> dict[str, Any]:
    """Take one measurement and return it as JSON data."""
    documents: list[bytes] = pickle.loads(corpus.read_bytes())
    if task == "memory":
        load = loader(contender)
        load(documents[0])
        gc.collect()
        tracemalloc.start()
        kept = [load(document) for document in documents]
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return {"peak_bytes": peak}
    if task == "load":
        load = loader(contender)
        if regime == "stream":

            def run() -> None:
                for document in documents:
                    load(document)

            return {"seconds": _rounds(run, rounds, collector=True)}
        keep = lambda: [load(document) for document in documents]  # noqa: E731
        return {"seconds": _rounds(keep, rounds, collector=regime == "keep-on")}
    load = loader(contender)
    models = [load(document) for document in documents]
    documents.clear()  # only the models stay alive
    gc.collect()
    if task == "write":
        write = writer(contender, regime)
        return {"seconds": _rounds(lambda: [write(m) for m in models], rounds, True)}
    if task == "check":
        import pcc_priorities  # noqa: PLC0415

        as_of = date(2025, 1, 1)
        return {
            "seconds": _rounds(
                lambda: [pcc_priorities.check(m, as_of=as_of) for m in models], rounds, True
            )
        }
    if task == "render":
        from pcc_priorities.publish import render_html  # noqa: PLC0415

        return {"seconds": _rounds(lambda: [render_html(m) for m in models], rounds, True)}
    raise SystemExit(f"unknown task {task!r}")


def main() -> None:
    """Take the measurement named on the command line and print it as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("task", choices=["load", "write", "check", "render", "memory"])
    parser.add_argument("contender", choices=["pcc", "pydantic", "generated", "msgspec"])
    parser.add_argument("regime", nargs="?", default="-")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=CACHE / "corpus.pickle")
    args = parser.parse_args()
    result = measure(args.task, args.contender, args.regime, args.rounds, args.corpus)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
