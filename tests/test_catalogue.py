"""Tests of the rule catalogue page and of the checker's documentation page."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from pcc_priorities.checks.builtin import BUILTIN_RULES, RULESET_VERSION
from pcc_priorities.checks.catalogue import catalogue_json, catalogue_markdown, catalogue_text

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_committed_catalogue_is_up_to_date() -> None:
    """docs/rules.md is exactly what the registry generates (regenerate it if this fails)."""
    expected = catalogue_markdown(BUILTIN_RULES, ruleset_version=RULESET_VERSION)
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == expected, (
        "docs/rules.md is out of date: run `pcc-priorities rules --builtin --format markdown "
        "--output docs/rules.md --overwrite`"
    )


def test_catalogue_has_every_rule_with_its_declarations() -> None:
    """The page has one title and a part per rule with severity, category, citation and fix."""
    page = catalogue_markdown(BUILTIN_RULES)
    assert page.count("\n# ") == 0
    assert page.startswith("# Rule catalogue\n")
    for rule in BUILTIN_RULES:
        part = page.split(f"### {rule.code} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"- **Severity:** {rule.severity}" in part
        assert f"- **Category:** {rule.category}" in part
        assert f"**How to fix:** {rule.fix}" in part
        assert (rule.citation or "(good practice; no statutory text)") in part


def test_catalogue_text_and_json_list_every_rule() -> None:
    """The text form has a line per rule and the JSON form an object per rule."""
    assert len(catalogue_text(BUILTIN_RULES).splitlines()) == len(BUILTIN_RULES)
    data = json.loads(catalogue_json(BUILTIN_RULES))
    assert [item["code"] for item in data] == [rule.code for rule in BUILTIN_RULES]
    assert set(data[0]) == {
        "code",
        "name",
        "severity",
        "category",
        "citation",
        "suppressible",
        "summary",
        "description",
        "fix",
        "changes",
        "origin",
    }


def test_checks_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python block of docs/checks.md runs in order, printing what its comments say."""
    monkeypatch.chdir(ROOT)
    page = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    blocks = FENCE.findall(page)
    assert blocks
    namespace: dict[str, object] = {}
    for block in blocks:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(block, "docs/checks.md", "exec"), namespace)
        printed = output.getvalue().splitlines()
        for line in block.splitlines():
            if line.startswith("# "):
                assert line[2:] in printed
