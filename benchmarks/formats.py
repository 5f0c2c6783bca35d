"""Reading and writing statements as JSON and as YAML, and validating with the JSON Schema.

    python -m benchmarks.formats            # 43 statements (one per force), 5 rounds

Side by side, in one process, rounds interleaved: the canonical JSON loader and writer (the
baseline), the YAML loader and writer (ruamel.yaml, pure Python), and validation of the same
JSON documents with the generated JSON Schema (jsonschema, format assertion on) — what a
project in another language does instead of calling the loader. Reports the median time per
statement and the spread over rounds. Nothing here is asserted in the test suite.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from jsonschema import Draft202012Validator

import pcc_priorities as p
from benchmarks import corpus
from pcc_priorities.formats import json_schema


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=43)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    statements = [item for _, item in corpus.generate()][:: 344 // args.statements][
        : args.statements
    ]
    json_texts = [p.dumps(item) for item in statements]
    yaml_texts = [p.dumps(item, "yaml") for item in statements]
    parsed = [json.loads(text, parse_float=Decimal) for text in json_texts]
    started = time.perf_counter()
    schema = json_schema()
    generate_ms = (time.perf_counter() - started) * 1000
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    contenders: dict[str, Callable[[], object]] = {
        "loads (JSON)": lambda: [p.loads(text) for text in json_texts],
        "loads_yaml": lambda: [p.loads(text, "yaml") for text in yaml_texts],
        "dumps (JSON)": lambda: [p.dumps(item) for item in statements],
        "dumps_yaml": lambda: [p.dumps(item, "yaml") for item in statements],
        "JSON Schema validation (parsed)": lambda: [validator.is_valid(d) for d in parsed],
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, run in contenders.items():
            gc.collect()
            start = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - start) / len(statements))

    size_json = statistics.mean(len(text) for text in json_texts)
    size_yaml = statistics.mean(len(text) for text in yaml_texts)
    baseline = statistics.median(times["loads (JSON)"])
    print(
        f"{len(statements)} statements, {args.rounds} rounds; mean size JSON "
        f"{size_json / 1024:.1f} KiB, YAML {size_yaml / 1024:.1f} KiB; "
        f"json_schema() in {generate_ms:.0f} ms"
    )
    print("| operation | median ms per statement | spread | × loads (JSON) |")
    print("| --- | --- | --- | --- |")
    for name, measured in times.items():
        median = statistics.median(measured)
        spread = f"{min(measured) * 1000:.2f}–{max(measured) * 1000:.2f}"
        print(f"| {name} | {median * 1000:.2f} | {spread} | {median / baseline:.1f} |")


if __name__ == "__main__":
    main()
