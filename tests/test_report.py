"""Tests of findings and reports: the JSON shape, CSV rows, text grouping and round trips."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pcc_priorities as p
from check_helpers import AS_OF, clean, suppressing, with_paragraphs
from pcc_priorities.checks import Category, Finding, Report, Severity
from pcc_priorities.checks.report import CSV_COLUMNS, reports_to_csv
from pcc_priorities.testing import reports

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def finding(code: str = "PCC401", severity: Severity = WARNING, **changes: object) -> Finding:
    values: dict[str, object] = {
        "code": code,
        "rule": "acronym-not-spelled-out",
        "severity": severity,
        "category": Category.READABILITY,
        "message": "“OCG” is used once and never spelled out.",
        "path": "/sections/0/blocks/0/text",
        "citation": "GOV.UK style guide",
    }
    values.update(changes)
    return Finding(**values)  # type: ignore[arg-type]


def report(*findings: Finding, source: str | None = "draft.json") -> Report:
    return Report(
        findings=findings,
        framework="ncpm-2021",
        framework_version="2021",
        ruleset_version="1.0",
        library_version="0.1.0",
        as_of=date(2023, 10, 1),
        rules=("PCC101", "PCC401"),
        source=source,
    )


def test_severities_are_ordered() -> None:
    """Error is above warning, which is above info."""
    assert INFO < WARNING < ERROR
    assert ERROR >= WARNING > INFO
    assert max(WARNING, ERROR, INFO) is ERROR
    assert sorted([ERROR, INFO, WARNING]) == [INFO, WARNING, ERROR]


def test_json_shape_is_as_documented() -> None:
    """The JSON form has the documented members, in the documented order."""
    reason = "explained on the linked page"
    data = json.loads(
        report(
            finding(),
            finding(
                code="PCC110",
                severity=ERROR,
                path="/published",
                suppression=p.Suppression(rule="PCC110", path="", reason=reason),
            ),
        ).to_json()
    )
    assert list(data) == [
        "report_version",
        "source",
        "framework",
        "ruleset_version",
        "library_version",
        "as_of",
        "rules",
        "conformant",
        "counts",
        "findings",
    ]
    assert data["framework"] == {"id": "ncpm-2021", "version": "2021"}
    assert data["as_of"] == "2023-10-01"
    assert data["conformant"] is True
    assert data["counts"] == {"error": 0, "warning": 1, "info": 0, "suppressed": 1}
    assert data["findings"][0] == {
        "code": "PCC401",
        "rule": "acronym-not-spelled-out",
        "severity": "warning",
        "category": "readability",
        "path": "/sections/0/blocks/0/text",
        "message": "“OCG” is used once and never spelled out.",
        "citation": "GOV.UK style guide",
        "suppressed": None,
    }
    assert data["findings"][1]["suppressed"] == {"rule": "PCC110", "path": "", "reason": reason}


@given(reports())
def test_json_round_trip(made: Report) -> None:
    """A report read back from its JSON equals the report."""
    assert Report.from_json(made.to_json()) == made


def test_inconsistent_json_is_refused() -> None:
    """A JSON report whose counts disagree with its findings is refused."""
    data = report(finding()).to_dict()
    data["counts"]["warning"] = 0
    with pytest.raises(ValueError, match="disagree"):
        Report.from_dict(data)
    data = report(finding()).to_dict()
    del data["findings"][0]["path"]
    with pytest.raises(ValueError, match="not a finding"):
        Report.from_dict(data)
    with pytest.raises(ValueError, match="report_version"):
        Report.from_dict({**report().to_dict(), "report_version": "9"})


@given(st.lists(reports(), max_size=3))
def test_csv_has_one_row_per_finding(made: list[Report]) -> None:
    """The CSV reads back as a header and one row per finding, every cell kept exactly."""
    text = reports_to_csv(made)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    expected = [list(row.values()) for r in made for row in r.csv_rows()]
    assert rows[1:] == expected
    assert len(rows) - 1 == sum(len(r.findings) for r in made)


def test_csv_cells() -> None:
    """CSV cells give the source, the finding and whether and why it is suppressed."""
    suppression = p.Suppression(rule="PCC4", path="", reason="house style")
    text = report(finding(suppression=suppression)).to_csv()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == [
        {
            "source": "draft.json",
            "code": "PCC401",
            "rule": "acronym-not-spelled-out",
            "severity": "warning",
            "category": "readability",
            "path": "/sections/0/blocks/0/text",
            "message": "“OCG” is used once and never spelled out.",
            "citation": "GOV.UK style guide",
            "suppressed": "yes",
            "suppression_reason": "house style",
        }
    ]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_spreadsheets_run_are_quoted(start: str) -> None:
    """A CSV cell a spreadsheet would run as a formula gets a leading ', and JSON is unchanged."""
    reason = start + 'HYPERLINK("http://example.com","click")'
    suppression = p.Suppression(rule="PCC4", path="", reason=reason)
    made = report(finding(message=start + "1+1", suppression=suppression))
    rows = list(csv.DictReader(io.StringIO(made.to_csv(), newline="")))
    assert rows[0]["suppression_reason"] == "'" + reason
    assert rows[0]["message"] == "'" + start + "1+1"
    assert rows[0]["path"] == "/sections/0/blocks/0/text"
    assert made.to_dict()["findings"][0]["suppressed"]["reason"] == reason


@pytest.mark.parametrize("findings", [["x"], [1], {}, {"code": "PCC401"}, "PCC401", None])
def test_findings_that_are_not_a_list_of_objects_are_refused(findings: object) -> None:
    """A JSON report whose findings are not an array of objects raises ValueError."""
    data = {**report().to_dict(), "findings": findings}
    with pytest.raises(ValueError, match=r"not a report: .*findings"):
        Report.from_dict(data)


def test_a_finding_that_is_not_an_object_is_refused() -> None:
    """Finding.from_dict raises the documented ValueError for data that is not an object."""
    with pytest.raises(ValueError, match="not a finding"):
        Finding.from_dict("PCC401")  # type: ignore[arg-type]


def test_conformance_and_failure_thresholds() -> None:
    """A report is conformant without active errors; it fails at a threshold it reaches."""
    warned = report(finding())
    assert warned.conformant
    assert not warned.fails(ERROR)
    assert warned.fails(WARNING)
    assert warned.fails(INFO)
    erred = report(finding(code="PCC110", severity=ERROR))
    assert not erred.conformant
    assert erred.fails(ERROR)
    suppressed = report(
        finding(
            code="PCC110",
            severity=ERROR,
            suppression=p.Suppression(rule="PCC110", path="", reason="why"),
        )
    )
    assert suppressed.conformant
    assert not suppressed.fails(INFO)


def test_text_groups_findings_by_rule_with_exact_counts() -> None:
    """The text form leads with the summary and groups findings by rule, errors first."""
    many = [finding(path=f"/sections/{index}/title") for index in range(12)]
    text = report(
        *many,
        finding(
            code="PCC110",
            severity=ERROR,
            path="/published",
            rule="publication-date-missing",
            message="No date.",
        ),
    ).to_text()
    lines = text.splitlines()
    assert lines[0] == "draft.json: NOT conformant: 1 error, 12 warnings, 0 info"
    assert lines[1].startswith("  framework ncpm-2021 (2021), ruleset 1.0")
    assert lines.index("PCC110 publication-date-missing [error, readability]: 1 finding") < (
        lines.index("PCC401 acronym-not-spelled-out [warning, readability]: 12 findings")
    )
    assert "  /sections/9/title: “OCG” is used once and never spelled out." in lines
    assert "  /sections/10/title: “OCG” is used once and never spelled out." not in lines
    assert "  ... and 2 more not listed" in lines
    everything = report(*many).to_text(max_per_rule=None)
    assert "  /sections/11/title: “OCG” is used once and never spelled out." in everything


def test_text_keeps_each_finding_on_one_line() -> None:
    """Line breaks and controls in a message cannot forge lines in the text report."""
    forged = "Title\nPCC101 priority-not-addressed [error, statutory]: 0 findings"
    message = f"{forged}\r\nmore\u2028end\x1b[2K"
    suppression = p.Suppression(rule="PCC4", path="", reason="ok\rPCC999 fake")
    text = report(finding(message=message, suppression=suppression)).to_text()
    lines = text.splitlines()
    assert len(lines) == 6
    assert lines[-1] == (
        "  /sections/0/blocks/0/text: Title\u2424PCC101 priority-not-addressed [error, "
        "statutory]: 0 findings\u2424more\u2424end\u241b[2K [suppressed: ok\u2424PCC999 fake]"
    )
    assert not any(line.startswith(("PCC101", "PCC999")) for line in lines)


def test_summary_mentions_suppressed_findings() -> None:
    """The summary line counts suppressed findings apart."""
    statement = suppressing(
        with_paragraphs(clean(), "The OCG team met."),
        p.Suppression(rule="PCC401", path="", reason="known locally"),
    )
    made = p.check(statement, as_of=AS_OF)
    assert made.summary() == "conformant: 0 errors, 0 warnings, 0 info (1 suppressed)"
    assert "[suppressed: known locally]" in made.to_text()
    assert "1 finding suppressed" not in made.to_text()
    assert "PCC401 acronym-not-spelled-out [warning, readability]: 0 findings, 1 suppressed" in (
        made.to_text()
    )
