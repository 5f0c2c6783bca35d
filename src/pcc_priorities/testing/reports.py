"""Hypothesis strategies for check findings and reports."""

from __future__ import annotations

from hypothesis import strategies as st

from pcc_priorities.checks.report import Category, Finding, Report, Severity
from pcc_priorities.testing.model import json_pointers, suppressions
from pcc_priorities.testing.values import dates, optional, texts, tuples

__all__ = ["findings", "reports"]


def findings() -> st.SearchStrategy[Finding]:
    """Check findings of every severity and category, suppressed or not."""
    return st.builds(
        Finding,
        code=st.from_regex(r"[A-Z]{2,4}[0-9]{1,3}", fullmatch=True),
        rule=st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8}){0,2}", fullmatch=True),
        severity=st.sampled_from(Severity),
        category=st.sampled_from(Category),
        message=texts(),
        path=json_pointers(),
        citation=optional(texts()),
        suppression=optional(suppressions()),
    )


def reports() -> st.SearchStrategy[Report]:
    """Check reports with up to six findings (not tied to any statement)."""
    return st.builds(
        Report,
        findings=tuples(findings(), max_size=6),
        framework=texts(min_size=1),
        framework_version=optional(texts()),
        ruleset_version=texts(),
        library_version=texts(),
        as_of=dates(),
        rules=tuples(texts(max_size=6), max_size=4),
        source=optional(texts()),
    )
