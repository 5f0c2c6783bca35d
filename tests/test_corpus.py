"""A corpus of real statements from other police areas, as their bodies publish them.

Each document in ``tests/statements/`` encodes a published statement (or the body's page
about the national priorities) from a stored public copy: its source address, the date it
was read, how complete the stored copy is, and the findings the checker is expected to make,
each with a one-line reason (and a note on judgement calls), under the ``corpus:`` extension
namespace. Each must load, round-trip byte for byte, get exactly its expected findings and
render with its parts in published order and no abbreviation it does not spell out.

West Mercia, Kent, Merseyside, Lancashire, Dorset, Sussex, Warwickshire, Cumbria and
Humberside are kept for an independent acceptance run and are not in the corpus.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import pcc_priorities as p
from _render_helpers import Page, squeeze
from pcc_priorities.model import iter_texts
from pcc_priorities.publish import render_html, render_markdown
from pcc_priorities.reference.acronyms import defined_acronyms

STATEMENTS = Path(__file__).resolve().parent / "statements"
DOCUMENTS = sorted(STATEMENTS.glob("*.json"))
RESERVED = {
    "E23000016": "West Mercia",
    "E23000032": "Kent",
    "E23000004": "Merseyside",
    "E23000003": "Lancashire",
    "E23000039": "Dorset",
    "E23000033": "Sussex",
    "E23000017": "Warwickshire",
    "E23000002": "Cumbria",
    "E23000012": "Humberside",
}
IDS = [document.stem for document in DOCUMENTS]


def _corpus(statement: p.Statement) -> dict[str, Any]:
    data = {key[len("corpus:") :]: value for key, value in statement.extensions.items()}
    assert set(data) == {"source", "copy", "check-as-of", "notes", "expected-findings"}
    return data


@pytest.fixture(scope="module", params=DOCUMENTS, ids=IDS)
def document(request: pytest.FixtureRequest) -> tuple[Path, p.Statement]:
    path: Path = request.param
    with warnings.catch_warnings():
        warnings.simplefilter("error", p.DocumentUpgradedWarning)
        return path, p.load(path)


def test_the_corpus_has_eight_statements_from_areas_not_kept_back() -> None:
    """At least eight documents, from at least five areas, none of them a reserved one."""
    assert len(DOCUMENTS) >= 8
    codes = {p.load(path).force.code for path in DOCUMENTS}
    assert len(codes) >= 5
    assert not codes & set(RESERVED)


def test_a_document_round_trips_byte_for_byte(document: tuple[Path, p.Statement]) -> None:
    """The canonical JSON written back is the file, byte for byte; YAML reads back equal."""
    path, statement = document
    assert p.dumps(statement) == path.read_text("utf-8")
    assert p.loads(p.dumps(statement, "yaml"), "yaml") == statement


def test_a_document_says_where_it_comes_from(document: tuple[Path, p.Statement]) -> None:
    """Source address, date read, completeness of the stored copy, notes: all present."""
    _path, statement = document
    corpus = _corpus(statement)
    assert corpus["source"]["url"].startswith("https://")
    assert statement.source_url == corpus["source"]["url"]
    assert date.fromisoformat(corpus["source"]["read"]) <= date(2026, 11, 29)
    assert corpus["copy"]["completeness"] in {"excerpt", "whole"}
    assert corpus["copy"]["note"].strip()
    assert all(isinstance(note, str) and note.strip() for note in corpus["notes"])


def test_a_document_gets_exactly_its_expected_findings(
    document: tuple[Path, p.Statement],
) -> None:
    """Every finding is expected, with a reason, and every expected finding is found."""
    _path, statement = document
    corpus = _corpus(statement)
    expected = corpus["expected-findings"]
    assert all(item["reason"].strip() and item["reason"] != "?" for item in expected)
    assert all(set(item) <= {"code", "path", "reason", "note"} for item in expected)
    report = p.check(statement, as_of=date.fromisoformat(corpus["check-as-of"]))
    found = Counter((finding.code, finding.path) for finding in report.findings)
    assert found == Counter((item["code"], item["path"]) for item in expected)
    # A finding caused by the stored copy being cut off says so in its reason.
    if corpus["copy"]["completeness"] == "whole":
        assert not any("cut off" in item["reason"] for item in expected)


def test_a_page_keeps_the_published_order_of_parts(document: tuple[Path, p.Statement]) -> None:
    """The first words of each published part come on the page in the statement's order."""
    _path, statement = document
    # The contents list and the summary are additions that repeat titles ahead of the parts.
    html = re.sub(
        r'<nav class="pcc-contents".*?</nav>|<section class="pcc-summary">.*?</section>',
        "",
        render_html(statement),
        flags=re.S,
    )
    text = squeeze(Page(html).text)
    firsts: list[str] = []
    for part in statement.parts():
        for located in iter_texts(statement):
            if located.path[0] in (part.value, f"{part.value}_heading") and located.text.strip():
                firsts.append(squeeze(located.text)[:60])
                break
    positions = [text.index(first) for first in firsts]
    assert positions == sorted(positions)


def test_a_page_publishes_no_expansion_the_statement_does_not_give(
    document: tuple[Path, p.Statement],
) -> None:
    """Every abbreviation's expansion on the page is one the statement itself writes."""
    _path, statement = document
    own = {definition.expansion for definition in defined_acronyms(statement).values()}
    html = render_html(statement)
    titles = set(re.findall(r'<abbr title="([^"]*)">', html))
    assert {Page(f"<p>{title}</p>").text for title in titles} <= own
    markdown = render_markdown(statement)
    if "## Abbreviations" in markdown:
        listed = re.findall(
            r"^\* \*\*[^*]+:\*\* (.+)$",
            markdown.split("## Abbreviations")[1].split("\n## ")[0],
            re.M,
        )
        assert set(listed) <= own
