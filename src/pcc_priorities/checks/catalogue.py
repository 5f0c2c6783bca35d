"""The rule catalogue: every rule's code, severity, category, citation, meaning and fix.

``docs/rules.md`` is :func:`catalogue_markdown` of the built-in rules, written by
``pcc-priorities rules --builtin --format markdown --output docs/rules.md --overwrite``; a test
fails when the committed page is out of date.

"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pcc_priorities.checks.registry import Rule
from pcc_priorities.checks.report import Category

__all__ = ["catalogue_json", "catalogue_markdown", "catalogue_text"]


_CATEGORY_TITLES = {
    Category.STATUTORY: "Statutory: para 7A of the Order",
    Category.COMPLETENESS: "Completeness",
    Category.CONSISTENCY: "Consistency",
    Category.READABILITY: "Readability",
}

_INTRO = """\
This page lists every rule the checker ships with. It is generated from the rule registry
(`pcc-priorities rules --builtin --format markdown`); do not edit it by hand.

Severities: **error** means the statement does not meet para 7A of the Elected Local Policing
Bodies (Specified Information) Order 2011, or states what cannot be true (PCC312: a period that
cannot be of its kind); **warning** means it is likely to mislead or confuse readers; **info**
is worth knowing. A statement is *conformant* when no rule finds an error. Each rule lists what
changed in it, by ruleset version, under **Changes**.
Rules marked *not suppressible* cannot be silenced by a statement's `suppressions`. See
[Checking statements](checks.md) for how to run the checker, select rules and suppress
findings.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown(rules: Iterable[Rule], *, ruleset_version: str | None = None) -> str:
    """Return the rule catalogue as a Markdown page: an index table, then one part per rule."""
    ordered = sorted(rules, key=lambda item: item.code)
    lines = ["# Rule catalogue", "", _INTRO.rstrip(), ""]
    if ruleset_version is not None:
        lines += [f"Ruleset version: {ruleset_version}.", ""]
    lines += ["| Code | Name | Severity | Category | Finds |", "|---|---|---|---|---|"]
    lines.extend(
        f"| [{item.code}](#{item.code.lower()}-{item.name}) | {item.name} | {item.severity} "
        f"| {item.category} | {_cell(item.summary)} |"
        for item in ordered
    )
    for category in Category:
        members = [item for item in ordered if item.category is category]
        if not members:
            continue
        lines += ["", f"## {_CATEGORY_TITLES[category]}"]
        for item in members:
            lines += ["", f"### {item.code} {item.name}", ""]
            facts = [
                f"- **Severity:** {item.severity}",
                f"- **Category:** {item.category}",
                f"- **Cites:** {item.citation or '(good practice; no statutory text)'}",
                f"- **Suppressible:** {'yes' if item.suppressible else 'no'}",
            ]
            if item.origin and item.origin != "pcc-priorities":
                facts.append(f"- **From:** {item.origin}")
            lines += facts
            lines += ["", f"**Finds:** {item.summary}", ""]
            lines += [f"**What it means:** {_paragraphs(item.description)}", ""]
            lines += [f"**How to fix:** {item.fix}"]
            if item.changes:
                lines += ["", "**Changes:**", ""]
                lines += [f"- {change}" for change in item.changes]
    return "\n".join(lines) + "\n"


def _paragraphs(text: str) -> str:
    """Join a docstring's wrapped lines into paragraphs."""
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def catalogue_text(rules: Iterable[Rule]) -> str:
    """Return one line per rule: code, severity, category, name and what it finds."""
    ordered = sorted(rules, key=lambda item: item.code)
    width = max((len(item.name) for item in ordered), default=0)
    return "".join(
        f"{item.code}\t{item.severity:<7}\t{item.category:<12}\t{item.name:<{width}}\t"
        f"{item.summary}\n"
        for item in ordered
    )


def catalogue_json(rules: Iterable[Rule]) -> str:
    """Return the rules as a JSON array of objects, one per rule, in code order."""
    data = [
        {
            "code": item.code,
            "name": item.name,
            "severity": str(item.severity),
            "category": str(item.category),
            "citation": item.citation,
            "suppressible": item.suppressible,
            "summary": item.summary,
            "description": _paragraphs(item.description),
            "fix": item.fix,
            "changes": list(item.changes),
            "origin": item.origin,
        }
        for item in sorted(rules, key=lambda item: item.code)
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
