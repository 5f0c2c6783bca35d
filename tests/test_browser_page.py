"""The page's additions in a real browser: a logo, a footer with contact and editions, downloads.

Uses the browser harness of tests/test_browser.py (Chromium, axe-core, the same checks that
no script runs); skipped, or failed under CI, the same way when the tools are missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

import pcc_priorities as p
from _render_helpers import map_texts, sample_statement
from pcc_priorities.publish import Download, PageOptions, check_logo, render_html
from test_browser import PAYLOADS, describe, run_browser, views
from test_page import _png


def _full(statement: p.Statement) -> p.Statement:
    return attrs.evolve(
        statement,
        updated=p.PartialDate(year=2023, month=10, day=2),
        history=(
            p.EditionRecord(
                edition="Update October 2023",
                published=p.PartialDate(year=2023, month=10, day=2),
                changes=("July's figures added", "A typing error corrected"),
            ),
        ),
        contact=p.Contact(
            wording="Contact the office.",
            email="opcc@example.org",
            telephone="01234 567890",
            address="1 High Street\nTown\nAB1 2CD",
            url="https://example.org/contact",
        ),
        accessibility_url="https://example.org/accessibility",
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("browser-page")
    options = PageOptions(
        logo=check_logo(_png(40, 12)),
        downloads=(
            Download("statement.figures.csv", "csv"),
            Download("statement.figures.ods", "ods"),
        ),
    )
    payloads = iter(PAYLOADS * 400)
    hostile = map_texts(_full(sample_statement()), lambda text: f"{text} {next(payloads)}")
    pages: list[dict[str, Any]] = []
    for name, statement in (("full", _full(sample_statement())), ("full hostile", hostile)):
        path: Path = folder / f"{name.replace(' ', '-')}.html"
        path.write_text(render_html(statement, options=options), "utf-8")
        pages.append({"name": name, "path": str(path), "views": views()})
    return run_browser(pages, folder)


@pytest.mark.parametrize("name", ["full", "full hostile"])
def test_a_page_with_every_addition_passes_axe_and_runs_nothing(
    reports: dict[str, dict[str, Any]], name: str
) -> None:
    """Logo, contents, summary and footer: no WCAG A or AA violation, no script, no fetch.

    Checked at 1280 and 390 px, in the light and the dark colour scheme.
    """
    report = reports[name]
    assert len(report["views"]) == 4
    for view in report["views"]:
        where = f"at {view['width']} px, {view['colorScheme']} scheme"
        assert view["violations"] == [], f"{where}:\n{describe(view['violations'])}"
    assert report["scriptRan"] is False
    assert report["scripts"] == 0
    assert report["handlers"] == []
    assert report["javascriptLinks"] == []
    assert report["embedded"] == 1  # the logo, and nothing from the text
    assert report["requests"] == []
    assert report["errors"] == []
