"""Tests of the checker: selection, suppressions, order, the report it gives, and robustness."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pcc_priorities as p
from check_helpers import AS_OF, clean, found, suppressing, with_paragraphs
from pcc_priorities.checks import (
    RULESET_VERSION,
    Category,
    CheckContext,
    Occurrence,
    Severity,
    rule,
    rules,
)
from pcc_priorities.model.pointer import parse_pointer
from pcc_priorities.model.walk import path_sort_key, resolves
from pcc_priorities.testing import statements

ACRONYMS = with_paragraphs(clean(), "The OCG team met.", "The VAWG plan was agreed.")


def test_check_needs_a_date_not_a_datetime() -> None:
    """The date to check as of is a date; a datetime or a string is refused."""
    with pytest.raises(TypeError, match="as_of must be a date"):
        p.check(clean(), as_of=datetime(2023, 10, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="as_of must be a date"):
        p.check(clean(), as_of="2023-10-01")  # type: ignore[arg-type]


def test_report_says_what_produced_it() -> None:
    """The report names the framework, ruleset, library version, date, rules and source."""
    report = p.check(clean(), as_of=AS_OF, source="draft.json")
    assert (report.framework, report.framework_version) == ("ncpm-2021", "2021")
    assert report.ruleset_version == RULESET_VERSION
    assert report.library_version == p.__version__
    assert report.as_of == AS_OF
    assert report.source == "draft.json"
    assert report.rules == tuple(rule.code for rule in rules())
    assert report.conformant


def test_select_and_ignore_by_code_or_prefix() -> None:
    """Rules run if selected by code or prefix and not ignored; case does not matter."""
    assert found(ACRONYMS, select=["pcc4"]) == [
        ("PCC401", "/sections/0/blocks/0/text"),
        ("PCC401", "/sections/0/blocks/1/text"),
    ]
    assert found(ACRONYMS, ignore=["PCC401"]) == []
    report = p.check(ACRONYMS, as_of=AS_OF, select=["PCC1", "PCC401"], ignore=["PCC10"])
    assert report.rules == ("PCC110", "PCC401")


def test_unknown_codes_in_select_or_ignore_are_refused() -> None:
    """A code or prefix that matches no rule is almost always a typing mistake."""
    with pytest.raises(p.UnknownRuleError, match="'PC401'"):
        p.check(clean(), as_of=AS_OF, ignore=["PC401"])
    with pytest.raises(p.UnknownRuleError):
        p.check(clean(), as_of=AS_OF, select=[""])
    with pytest.raises(TypeError):
        p.check(clean(), as_of=AS_OF, select="PCC1")


def test_suppressed_findings_show_but_do_not_count() -> None:
    """A suppressed finding stays in the report, marked, and leaves the counts."""
    reason = "OCG is explained on the force's web page the statement links to"
    statement = suppressing(
        ACRONYMS, p.Suppression(rule="PCC401", path="/sections/0/blocks/0", reason=reason)
    )
    report = p.check(statement, as_of=AS_OF)
    assert [(f.code, f.path, f.suppressed) for f in report.findings] == [
        ("PCC401", "/sections/0/blocks/0/text", True),
        ("PCC401", "/sections/0/blocks/1/text", False),
    ]
    assert report.findings[0].suppression == statement.suppressions[0]
    assert report.counts == {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 0}
    assert len(report.suppressed) == 1


def test_a_suppression_path_covers_the_parts_inside_it() -> None:
    """A suppression at a section covers findings in it, not in a section with a longer index."""
    statement = clean()
    sections = [*statement.sections]
    for index in (1, 10 % len(sections)):
        sections[index] = attrs.evolve(
            sections[index], blocks=(p.Paragraph(text="The OCG team met."),)
        )
    statement = suppressing(
        attrs.evolve(statement, sections=tuple(sections)),
        p.Suppression(rule="PCC4", path="/sections/1", reason="reviewed"),
    )
    report = p.check(statement, as_of=AS_OF, select=["PCC4"])
    assert [(f.path, f.suppressed) for f in report.findings] == [
        ("/sections/1/blocks/0/text", True),
    ]
    whole = suppressing(ACRONYMS, p.Suppression(rule="PCC401", path="", reason="reviewed"))
    assert all(f.suppressed for f in p.check(whole, as_of=AS_OF).findings)


def test_findings_are_in_document_order() -> None:
    """Findings follow the document, whatever rule found them."""
    statement = attrs.evolve(
        with_paragraphs(clean(), "The OCG team met.", "  "), published=None, title="TBC"
    )
    assert [path for _, path in found(statement)] == [
        "/title",
        "/published",
        "/sections/0/blocks/0/text",
        "/sections/0/blocks/1/text",
    ]


def test_rules_argument_replaces_the_registry() -> None:
    """A script can run its own set of rules instead of the registered ones."""

    @rule(
        code="ACME001",
        name="title-has-no-force",
        severity=Severity.INFO,
        category=Category.READABILITY,
        summary="The title does not name the force.",
        fix="Name the force in the title.",
    )
    def title_has_no_force(statement: p.Statement, context: CheckContext) -> Iterator[Occurrence]:
        """Readers find statements by force."""
        if statement.force.name not in statement.title:
            yield Occurrence(path=("title",), message="The title does not name the force.")

    report = p.check(clean(), as_of=AS_OF, rules=[title_has_no_force])
    assert report.rules == ("ACME001",)
    assert [(f.code, f.rule, f.severity, f.path) for f in report.findings] == [
        ("ACME001", "title-has-no-force", Severity.INFO, "/title")
    ]
    assert title_has_no_force.description == "Readers find statements by force."


def test_a_failing_rule_is_an_error_not_a_silent_gap() -> None:
    """A rule that raises, or yields something else than occurrences, stops the check."""

    def broken(statement: p.Statement, context: CheckContext) -> Iterator[Occurrence]:
        raise ZeroDivisionError
        yield  # pragma: no cover

    def wrong(statement: p.Statement, context: CheckContext) -> Iterator[Occurrence]:
        yield ("title", "not an occurrence")  # type: ignore[misc]

    for function in (broken, wrong):
        made = rule(
            code="ACME002",
            name="broken",
            severity=Severity.INFO,
            category=Category.READABILITY,
            summary="Breaks.",
            fix="Nothing.",
        )(function)
        with pytest.raises(p.RuleError, match="ACME002"):
            p.check(clean(), as_of=AS_OF, rules=[made])


# --------------------------------------------------------------------------- properties


@given(statements(), st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)))
def test_any_valid_statement_can_be_checked(statement: p.Statement, as_of: date) -> None:
    """The built-in rules never fail; findings resolve, are ordered, and counts add up."""
    report = p.check(statement, as_of=as_of)
    keys = [path_sort_key(statement, finding.path) for finding in report.findings]
    assert keys == sorted(keys)
    for finding in report.findings:
        segments = parse_pointer(finding.path)
        assert segments is not None
        parent = "".join("/" + s.replace("~", "~0").replace("/", "~1") for s in segments[:-1])
        assert resolves(statement, finding.path) or resolves(statement, parent)
    counts = report.counts
    assert sum(counts.values()) + len(report.suppressed) == len(report.findings)
    assert report.conformant == (counts[Severity.ERROR] == 0)


@given(statements())
def test_checking_is_repeatable(statement: p.Statement) -> None:
    """The same statement checked twice as of the same date gives the same report."""
    assert p.check(statement, as_of=AS_OF) == p.check(statement, as_of=AS_OF)
