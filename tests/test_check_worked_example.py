"""The worked example (West Mercia, September 2023) checked: the expected findings, pinned."""

from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import pcc_priorities as p
from pcc_priorities.checks import Report, Severity
from pcc_priorities.formats import from_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
AS_OF = date(2023, 10, 1)


@pytest.fixture(scope="module")
def statement() -> p.Statement:
    return p.load(EXAMPLE)


@pytest.fixture(scope="module")
def report(statement: p.Statement) -> Report:
    return p.check(statement, as_of=AS_OF)


def test_no_statutory_errors(report: Report) -> None:
    """The published statement meets para 7A: no rule finds an error."""
    assert report.conformant
    assert report.counts == {Severity.ERROR: 0, Severity.WARNING: 97, Severity.INFO: 5}


def test_findings_per_rule(report: Report) -> None:
    """The example's findings, rule by rule, are exactly these."""
    assert Counter(f.code for f in report.findings) == {
        "PCC203": 35,
        "PCC204": 1,
        "PCC207": 8,
        "PCC301": 1,
        "PCC309": 2,
        "PCC401": 52,
        "PCC402": 3,
    }


def test_inconsistent_percentage_is_a_warning(report: Report, statement: p.Statement) -> None:
    """The knife crime "7% (n = 76) decrease" is flagged; the "43% increase" in sharps is not."""
    [knife] = [f for f in report.findings if f.code == "PCC301"]
    assert knife.severity is Severity.WARNING
    assert knife.path == "/sections/1/figures/3/comparisons/0/change"
    assert "-7%" in knife.message
    assert "-5.9%" in knife.message
    sharps = [
        index
        for index, figure in enumerate(statement.sections[1].figures)
        if figure.value == 50 and any(c.value == 35 for c in figure.comparisons)
    ]
    assert len(sharps) == 1
    assert not any(f.path.startswith(f"/sections/1/figures/{sharps[0]}/") for f in report.findings)


def test_unexplained_acronyms_are_warnings_with_paths(report: Report) -> None:
    """Each acronym never spelled out is one warning at its first use."""
    acronyms = {
        f.message.split("”")[0].lstrip("“"): f.path for f in report.findings if f.code == "PCC401"
    }
    expected = (
        "ANPR CID CL CPS CSI CSP DA DARA DASH DCI DCPP DEI DFU DOCO DS DVPN DVPO ECU FACT FCCU "
        "HMICFRS HO HR IAG IDVA L&D MIU MV NCA NEC NHCFT NLCC NPCC NRM OCSET OP OPCC PROTECT "
        "RA RASSO S&H SIO SOC SOCO SOP SP&I TOEX TOR VAWG WI WMP YTD"
    )
    assert sorted(acronyms) == sorted(expected.split(" "))
    assert acronyms["DCPP"] == "/sections/0/blocks/3/text"
    assert acronyms["VAWG"] == "/sections/1/blocks/3/text"
    assert all(f.severity is Severity.WARNING for f in report.findings if f.code == "PCC401")
    defined = {"OCG", "LPA", "PCC", "MSG", "TFP", "CKB", "IOM", "HCP", "UNODC", "NCFT", "TFMV"}
    assert not defined & set(acronyms)


def test_late_definitions(report: Report) -> None:
    """Acronyms used before the text spells them out are noted."""
    assert [(f.code, f.path) for f in report.findings if f.code == "PCC402"] == [
        ("PCC402", "/preamble/0/text"),
        ("PCC402", "/sections/1/blocks/3/text"),
        ("PCC402", "/sections/2/metrics/0/name"),
    ]


def test_comparison_periods_that_follow_from_the_figure_are_not_reported(
    report: Report, statement: p.Statement
) -> None:
    """No PCC206 for "The 20 homicides reported for 2022/23 ... reduced to 19" (ruleset 1.1).

    The comparison with the figure as published before has no period of its own, but it is
    the figure's period, 2022/23; ruleset 1.0 reported it.
    """
    figure = statement.sections[0].blocks[4].figures[0]  # type: ignore[union-attr]
    assert figure.comparisons[0].basis is p.ComparisonBasis.PREVIOUSLY_PUBLISHED
    assert figure.comparisons[0].period is None
    assert figure.comparisons[0].effective_period(figure.period) == figure.period
    assert not [f for f in report.findings if f.code == "PCC206"]


def _document() -> dict[str, object]:
    loaded = json.loads(EXAMPLE.read_text(encoding="utf-8"), parse_float=Decimal)
    assert isinstance(loaded, dict)
    return loaded


def _errors(document: dict[str, object]) -> list[tuple[str, str]]:
    report = p.check(from_dict(copy.deepcopy(document)), as_of=AS_OF)
    return [(f.code, f.path) for f in report.findings if f.severity is Severity.ERROR]


def test_removing_a_section_is_an_error_at_the_sections() -> None:
    """Without its serious violence section the example does not meet para 7A."""
    document = _document()
    sections = document["sections"]
    assert isinstance(sections, list)
    del sections[1]
    assert _errors(document) == [("PCC101", "/sections")]


def test_not_applicable_without_reasons_is_an_error_at_the_reasons() -> None:
    """Marking cyber crime not applicable without reasons is an error at its reasons."""
    document = _document()
    sections = document["sections"]
    assert isinstance(sections, list)
    sections[5]["applicability"] = {"status": "not_applicable"}
    assert _errors(document) == [("PCC104", "/sections/5/applicability/reasons")]


def test_removing_the_body_is_an_error_at_the_body() -> None:
    """Without a body the document is not a statement: the problem is at /body."""
    document = _document()
    del document["body"]
    with pytest.raises(p.DocumentError) as caught:
        from_dict(document)
    assert [problem.path for problem in caught.value.problems] == ["/body"]
    named = _document()
    named["body"] = {"kind": "pcc", "name": ""}
    assert _errors(named) == [("PCC107", "/body/name")]
