"""Findings and reports: what the checker found, and the report's JSON, CSV and text forms.

The JSON form is documented in ``docs/checks.md`` and stable: fields are only ever added, and
``report_version`` changes if anything else changes.

"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from attrs import frozen

from pcc_priorities.exceptions import one_line as _one_line
from pcc_priorities.model.statement import Suppression

__all__ = [
    "CSV_COLUMNS",
    "REPORT_VERSION",
    "Category",
    "Finding",
    "Report",
    "Severity",
    "reports_to_csv",
]


#: The version of the report's JSON shape.
REPORT_VERSION = "1.0"

#: The columns of the CSV form, one row per finding.
CSV_COLUMNS = (
    "source",
    "code",
    "rule",
    "severity",
    "category",
    "path",
    "message",
    "citation",
    "suppressed",
    "suppression_reason",
)


class Severity(StrEnum):
    """How much a finding matters.

    Severities are ordered: ``Severity.ERROR > Severity.WARNING > Severity.INFO``.
    """

    #: The statement does not meet the Order (para 7A), or states what cannot be true (a
    #: period that cannot be of its kind).
    ERROR = "error"
    #: The statement is likely to mislead or confuse readers.
    WARNING = "warning"
    #: Worth knowing; not wrong.
    INFO = "info"

    @property
    def rank(self) -> int:
        """1 for info, 2 for warning, 3 for error."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank >= other.rank
        return NotImplemented


_RANKS = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Category(StrEnum):
    """What kind of requirement or advice a rule checks."""

    #: What the Order requires (para 7A).
    STATUTORY = "statutory"
    #: Parts a reader needs that are missing: metrics, sources, periods, units, narrative.
    COMPLETENESS = "completeness"
    #: Parts that disagree with each other, the reference data or the date of the check.
    CONSISTENCY = "consistency"
    #: Whether the public can follow it: acronyms, wording.
    READABILITY = "readability"


@frozen(kw_only=True)
class Finding:
    """One thing a rule found in a statement.

    Attributes:
        code: The rule's stable code ("PCC101").
        rule: The rule's name ("priority-not-addressed").
        severity: How much it matters.
        category: What kind of requirement or advice it concerns.
        message: What was found and what to do, in a sentence or two.
        path: Where, as a JSON Pointer into the statement document; where something is
            missing, the place it belongs (which may not exist in the document yet).
        citation: The text the rule rests on ("Specified Information Order 2011, Sch. para
            7A(b)"), where it rests on one.
        suppression: The statement's suppression that covers the finding, if any: the
            finding is then reported as suppressed and not counted.
    """

    code: str
    rule: str
    severity: Severity
    category: Category
    message: str
    path: str
    citation: str | None = None
    suppression: Suppression | None = None

    @property
    def suppressed(self) -> bool:
        """Whether a suppression in the statement covers this finding."""
        return self.suppression is not None

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as the report's JSON form has it."""
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "category": str(self.category),
            "path": self.path,
            "message": self.message,
            "citation": self.citation,
            "suppressed": None
            if self.suppression is None
            else {
                "rule": self.suppression.rule,
                "path": self.suppression.path,
                "reason": self.suppression.reason,
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Return the finding a report's JSON form describes.

        Raises:
            ValueError: ``data`` is not a finding in the documented shape.
        """
        if not isinstance(data, Mapping):
            raise ValueError("not a finding: expected a JSON object")
        suppressed = data.get("suppressed")
        try:
            return cls(
                code=_text(data, "code"),
                rule=_text(data, "rule"),
                severity=Severity(data["severity"]),
                category=Category(data["category"]),
                path=_text(data, "path"),
                message=_text(data, "message"),
                citation=_optional_text(data, "citation"),
                suppression=None
                if suppressed is None
                else Suppression(
                    rule=_text(suppressed, "rule"),
                    path=_text(suppressed, "path"),
                    reason=_text(suppressed, "reason"),
                ),
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"not a finding: {error!r}") from None


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a string")
    return value


def _optional_text(data: Mapping[str, Any], key: str) -> str | None:
    return None if data.get(key) is None else _text(data, key)


@frozen(kw_only=True)
class Report:
    """What the checker found in one statement, and what produced the findings.

    Attributes:
        findings: Every finding, suppressed ones included, in document order.
        framework: The id of the framework the statement reports against.
        framework_version: The framework's version, or None if the framework is unknown.
        ruleset_version: The version of the built-in rule set.
        library_version: The version of pcc-priorities that ran the check.
        as_of: The date the check was made as of (dates after it are in the future).
        rules: The codes of the rules that ran, in code order.
        source: The file or other source the statement came from, where known.
    """

    findings: tuple[Finding, ...]
    framework: str
    framework_version: str | None
    ruleset_version: str
    library_version: str
    as_of: date
    rules: tuple[str, ...]
    source: str | None = None

    @property
    def active(self) -> tuple[Finding, ...]:
        """The findings that are not suppressed."""
        return tuple(finding for finding in self.findings if finding.suppression is None)

    @property
    def suppressed(self) -> tuple[Finding, ...]:
        """The findings a suppression in the statement covers."""
        return tuple(finding for finding in self.findings if finding.suppression is not None)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity are not suppressed (every severity present)."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.active:
            counts[finding.severity] += 1
        return counts

    @property
    def conformant(self) -> bool:
        """Whether no rule that ran found an error: the statement meets para 7A.

        An error of a consistency rule (PCC312: a period that cannot be what it says) also
        makes a statement not conformant: its figures cannot be read for the period named.
        """
        return not any(finding.severity is Severity.ERROR for finding in self.active)

    def fails(self, threshold: Severity) -> bool:
        """Return whether any unsuppressed finding is at or above ``threshold``."""
        return any(finding.severity >= threshold for finding in self.active)

    def by_rule(self) -> list[tuple[str, tuple[Finding, ...]]]:
        """Group the findings by rule code: errors' rules first, then by code."""
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.code, []).append(finding)
        ordered = sorted(groups.items(), key=lambda item: (-item[1][0].severity.rank, item[0]))
        return [(code, tuple(findings)) for code, findings in ordered]

    # ----------------------------------------------------------------------- JSON

    def to_dict(self) -> dict[str, Any]:
        """Return the report in its documented JSON shape (see docs/checks.md)."""
        counts = self.counts
        return {
            "report_version": REPORT_VERSION,
            "source": self.source,
            "framework": {"id": self.framework, "version": self.framework_version},
            "ruleset_version": self.ruleset_version,
            "library_version": self.library_version,
            "as_of": self.as_of.isoformat(),
            "rules": list(self.rules),
            "conformant": self.conformant,
            "counts": {
                "error": counts[Severity.ERROR],
                "warning": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
                "suppressed": len(self.suppressed),
            },
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def to_json(self) -> str:
        """Return the report as JSON text (two-space indent, final newline)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Return the report a parsed JSON report describes.

        The derived members (``conformant``, ``counts``) are checked against the findings.

        Raises:
            ValueError: ``data`` is not a report in the documented shape, or its derived
                members disagree with its findings.
        """
        try:
            version = data["report_version"]
            if version != REPORT_VERSION:
                raise ValueError(f"this library reads report_version {REPORT_VERSION!r}")
            framework = data["framework"]
            report = cls(
                findings=tuple(Finding.from_dict(item) for item in _finding_data(data["findings"])),
                framework=_text(framework, "id"),
                framework_version=_optional_text(framework, "version"),
                ruleset_version=_text(data, "ruleset_version"),
                library_version=_text(data, "library_version"),
                as_of=date.fromisoformat(_text(data, "as_of")),
                rules=tuple(_rule_codes(data["rules"])),
                source=_optional_text(data, "source"),
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"not a report: {error!r}") from None
        if report.to_dict()["counts"] != data.get("counts") or report.conformant != data.get(
            "conformant"
        ):
            raise ValueError("the report's counts or conformant flag disagree with its findings")
        return report

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Return the report in JSON ``text`` (as :meth:`to_json` writes it).

        Raises:
            ValueError: ``text`` is not a report in the documented shape.
        """
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a report: expected a JSON object")
        return cls.from_dict(data)

    # ----------------------------------------------------------------------- CSV and text

    def csv_rows(self) -> Iterator[dict[str, str]]:
        """Yield one row per finding, keyed by :data:`CSV_COLUMNS`.

        A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return has
        ``'`` put in front, so that spreadsheets show it as text rather than run it as a
        formula (the JSON form keeps every text as it is).
        """
        for finding in self.findings:
            row = {
                "source": self.source or "",
                "code": finding.code,
                "rule": finding.rule,
                "severity": str(finding.severity),
                "category": str(finding.category),
                "path": finding.path,
                "message": finding.message,
                "citation": finding.citation or "",
                "suppressed": "yes" if finding.suppression else "no",
                "suppression_reason": finding.suppression.reason if finding.suppression else "",
            }
            yield {column: _spreadsheet_safe(cell) for column, cell in row.items()}

    def to_csv(self) -> str:
        """Return the findings as CSV: a header row, then one row per finding."""
        return reports_to_csv([self])

    def summary(self) -> str:
        """Return the one-line summary: conformance and counts."""
        counts = self.counts
        verdict = "conformant" if self.conformant else "NOT conformant"
        parts = [
            _count(counts[Severity.ERROR], "error"),
            _count(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        ]
        suppressed = len(self.suppressed)
        tail = f" ({suppressed} suppressed)" if suppressed else ""
        head = f"{_one_line(self.source)}: " if self.source else ""
        return f"{head}{verdict}: {', '.join(parts)}{tail}"

    def to_text(
        self, *, max_per_rule: int | None = 10, places: Callable[[str], str | None] | None = None
    ) -> str:
        """Return the report for people: the summary, then the findings grouped by rule.

        ``places`` gives, for a finding's JSON Pointer, where else it is (the cell of a
        spreadsheet the figure was typed in), shown in brackets beside the pointer.

        Each rule's group says how many findings it holds; at most ``max_per_rule`` of them
        are listed (None lists all), and the group says how many more there are. Every
        finding is on one line: a line break in a message, path or reason is shown as "␤"
        and other control characters as their Control Pictures ("␛" for escape).
        """
        lines = [self.summary()]
        version = f" ({self.framework_version})" if self.framework_version else " (unknown)"
        lines.append(
            _one_line(
                f"  framework {self.framework}{version}, ruleset {self.ruleset_version}, "
                f"pcc-priorities {self.library_version}, as of {self.as_of.isoformat()}"
            )
        )
        for code, findings in self.by_rule():
            first = findings[0]
            active = [f for f in findings if f.suppression is None]
            suppressed = len(findings) - len(active)
            count = _count(len(active), "finding") + (
                f", {suppressed} suppressed" if suppressed else ""
            )
            lines.append("")
            lines.append(
                _one_line(f"{code} {first.rule} [{first.severity}, {first.category}]: {count}")
            )
            if first.citation:
                lines.append(f"  cites: {_one_line(first.citation)}")
            shown = findings if max_per_rule is None else findings[:max_per_rule]
            for finding in shown:
                where = finding.path or "(whole statement)"
                place = places(finding.path) if places is not None else None
                if place is not None:
                    where += f" ({place})"
                mark = f" [suppressed: {finding.suppression.reason}]" if finding.suppression else ""
                lines.append(_one_line(f"  {where}: {finding.message}{mark}"))
            hidden = len(findings) - len(shown)
            if hidden:
                lines.append(f"  ... and {hidden} more not listed")
        return "\n".join(lines) + "\n"


def _finding_data(value: object) -> Iterator[Mapping[str, Any]]:
    if not isinstance(value, list):
        raise TypeError("findings must be an array")
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise TypeError(f"findings/{index} must be an object")
        yield item


def _rule_codes(value: object) -> Iterator[str]:
    if not isinstance(value, list):
        raise TypeError("rules must be an array")
    for item in value:
        if not isinstance(item, str):
            raise TypeError("rules must be strings")
        yield item


#: What a spreadsheet cell may start with to be read as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(cell: str) -> str:
    """Return ``cell`` with ``'`` in front if a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def reports_to_csv(reports: Iterable[Report]) -> str:
    """Return the findings of ``reports`` as one CSV table: one header, one row per finding."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for report in reports:
        writer.writerows(report.csv_rows())
    return buffer.getvalue()
