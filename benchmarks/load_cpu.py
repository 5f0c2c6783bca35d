"""Load time per statement, in CPU time: the figure a change to loading must not make worse.

    python -m benchmarks.load_cpu                 # 15 rounds over the whole corpus
    python -m benchmarks.load_cpu --rounds 30 --json

Each round loads every statement of the corpus (``pcc_priorities.loads`` on the JSON bytes)
and measures the process's CPU time (``time.process_time``), so that time the process spends
waiting for a busy machine is left out. One warm-up round runs first (it generates the fast
path's hooks); the garbage collector runs before every round. The result is the median,
minimum and maximum over rounds, in milliseconds per statement.

``benchmarks.run`` gives the full tables beside the alternatives, each figure in fresh
processes; this script is the quick measure to run before and after a change to loading.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time

import pcc_priorities as p
from benchmarks import corpus


def load_rounds(documents: list[bytes], rounds: int) -> list[float]:
    """Return the CPU seconds of each round of loading every document once."""
    for document in documents:  # warm-up: hooks are generated on first use
        p.loads(document)
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        for document in documents:
            p.loads(document)
        times.append(time.process_time() - start)
    return times


def main() -> None:
    """Measure and print the load time per statement."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()

    documents = corpus.documents()
    times = load_rounds(documents, args.rounds)
    per_statement = [t * 1000 / len(documents) for t in times]
    result = {
        "statements": len(documents),
        "rounds": args.rounds,
        "median_ms": statistics.median(per_statement),
        "min_ms": min(per_statement),
        "max_ms": max(per_statement),
        "library": p.__file__,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"load, CPU time per statement ({result['statements']} statements, "
            f"{args.rounds} rounds): median {result['median_ms']:.3f} ms, "
            f"min {result['min_ms']:.3f}, max {result['max_ms']:.3f}"
        )


if __name__ == "__main__":
    main()
