"""The published HTML in a real browser: WCAG 2.2 A and AA with axe-core, and no script runs.

Drives Debian's chromium with playwright-core (tests/browser/check.mjs). It needs:

    apt-get install chromium          # /usr/bin/chromium, or set PCC_CHROMIUM
    npm ci --prefix tests/browser     # axe-core and playwright-core

On a machine without them the test is skipped with those instructions; under CI (CI=true)
it fails instead. Screenshots of the worked example go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings

import pcc_priorities as p
from _render_helpers import map_texts, sample_statement
from pcc_priorities.publish import layout, render_html, render_translations
from pcc_priorities.testing import statements

ROOT = Path(__file__).parents[1]
BROWSER = Path(__file__).parent / "browser"
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
PAYLOADS = (
    "<script>window.__pccScriptRan = true</script>",
    '"><img src=x onerror="window.__pccScriptRan = true">',
    "' onfocus='window.__pccScriptRan = true' autofocus='",
    '</p><iframe src="javascript:window.parent.__pccScriptRan = true"></iframe>',
    '<svg onload="window.__pccScriptRan = true"></svg>',
)
INSTALL = (
    "install the browser test's tools: `apt-get install chromium` (or set PCC_CHROMIUM to a "
    "Chromium binary) and `npm ci --prefix tests/browser` (Node.js 20 and npm)"
)


def _tools() -> tuple[str, str]:
    """Return the paths of chromium and node, or skip (fail under CI) with how to install."""
    chromium = os.environ.get("PCC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    node = shutil.which("node")
    missing = []
    if not Path(chromium).is_file():
        missing.append(f"chromium ({chromium})")
    if node is None:
        missing.append("node")
    for package in ("axe-core", "playwright-core"):
        if not (BROWSER / "node_modules" / package / "package.json").is_file():
            missing.append(f"tests/browser/node_modules/{package}")
    if missing:
        message = f"missing {', '.join(missing)}: {INSTALL}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test must run under CI; {message}")
        pytest.skip(message)
    assert node is not None
    return chromium, node


def generated_statements(count: int) -> list[p.Statement]:
    """Return ``count`` statements from the Hypothesis strategy, the same on every run."""
    found: list[p.Statement] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(statements())
    def collect(statement: p.Statement) -> None:
        found.append(statement)

    collect()
    return found[:count]


def hostile_statement() -> p.Statement:
    """The sample statement with script payloads in every text, id and address."""
    payloads = iter(PAYLOADS * 200)
    statement = map_texts(sample_statement(), lambda text: f"{text} {next(payloads)}")
    return attrs.evolve(
        statement,
        source_url="javascript:window.__pccScriptRan = true",
        sections=(
            *statement.sections,
            p.PrioritySection(priority='x" onclick="window.__pccScriptRan = true', title="t"),
        ),
    )


def run_browser(pages: list[dict[str, Any]], folder: Path) -> dict[str, dict[str, Any]]:
    """Load each page in Chromium and return the report for each by name."""
    chromium, node = _tools()
    job = folder / "job.json"
    report = folder / "report.json"
    job.write_text(
        json.dumps({"chromium": chromium, "report": str(report), "pages": pages}), "utf-8"
    )
    completed = subprocess.run(
        [node, str(BROWSER / "check.mjs"), str(job)],
        cwd=BROWSER,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, f"the browser run failed:\n{completed.stderr}"
    return {entry["name"]: entry for entry in json.loads(report.read_text("utf-8"))}


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node['html'][:160]}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("browser")
    ARTIFACTS.mkdir(exist_ok=True)
    example = ARTIFACTS / "west-mercia-2023-09.html"
    example.write_text(render_html(p.load(EXAMPLE)), "utf-8")
    pages: list[dict[str, Any]] = [
        {
            "name": "worked example",
            "path": str(example),
            "screenshots": [
                {"path": str(ARTIFACTS / "west-mercia-2023-09.png"), "fullPage": True},
                {"path": str(ARTIFACTS / "west-mercia-2023-09-top.png"), "fullPage": False},
            ],
        }
    ]
    # The worked example as a Welsh body publishes it: a Welsh page and an English page
    # that link to each other.
    english = p.load(EXAMPLE)
    welsh = attrs.evolve(english, language="cy")
    names = ["west-mercia-2023-09.en.html", "west-mercia-2023-09.cy.html"]
    for name, page, label in zip(
        names,
        render_translations([english, welsh], "html", hrefs=names),
        ("worked example, English of a pair", "worked example in Welsh"),
        strict=True,
    ):
        (ARTIFACTS / name).write_text(page, "utf-8")
        pages.append({"name": label, "path": str(ARTIFACTS / name)})
    hostile = folder / "hostile.html"
    hostile.write_text(render_html(hostile_statement()), "utf-8")
    pages.append({"name": "hostile", "path": str(hostile)})
    for number, statement in enumerate(generated_statements(4)):
        LANGUAGES[f"generated {number}"] = layout(statement).lang
        path = folder / f"generated-{number}.html"
        path.write_text(render_html(statement), "utf-8")
        pages.append({"name": f"generated {number}", "path": str(path)})
    for document in CORPUS:
        path = folder / f"{document.stem}.html"
        path.write_text(render_html(p.load(document)), "utf-8")
        pages.append({"name": document.stem, "path": str(path)})
    return run_browser(pages, folder)


#: The real statements of the corpus (tests/statements/), rendered as published.
CORPUS = sorted((Path(__file__).resolve().parent / "statements").glob("*.json"))
#: Each page's language where it is not English (the renderer's words follow a Welsh one).
LANGUAGES = {"worked example in Welsh": "cy"}
PAGES = [
    "worked example",
    "worked example, English of a pair",
    "worked example in Welsh",
    "hostile",
    "generated 0",
    "generated 1",
    "generated 2",
    "generated 3",
    *(document.stem for document in CORPUS),
]


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_axe_for_wcag_22_a_and_aa(
    reports: dict[str, dict[str, Any]], name: str
) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation on the page."""
    report = reports[name]
    assert report["violations"] == [], describe(report["violations"])
    assert report["passes"] > 0  # axe ran rules and they passed


@pytest.mark.parametrize("name", PAGES)
def test_no_script_runs_and_nothing_is_fetched(
    reports: dict[str, dict[str, Any]], name: str
) -> None:
    """No script, handler or javascript: link comes from the text, and nothing is fetched."""
    report = reports[name]
    assert report["scriptRan"] is False
    assert report["dialogs"] == []
    assert report["errors"] == []
    assert report["scripts"] == 0
    assert report["handlers"] == []
    assert report["javascriptLinks"] == []
    assert report["embedded"] == 0
    assert report["requests"] == []
    assert report["h1"] == 1
    assert report["lang"] == LANGUAGES.get(name, "en-GB")


def test_hostile_text_is_shown_as_text(reports: dict[str, dict[str, Any]]) -> None:
    """The payloads are on the page as words a reader can see."""
    text = reports["hostile"]["text"]
    for payload in PAYLOADS:
        assert payload in text


def test_welsh_page_is_in_welsh_and_links_to_its_english_page(
    reports: dict[str, dict[str, Any]],
) -> None:
    """The Welsh page shows the renderer's Welsh words and a link to the English page."""
    text = reports["worked example in Welsh"]["text"]
    assert "Pa flaenoriaethau cenedlaethol sy'n berthnasol: cipolwg" in text
    assert "English" in text
    assert "Cymraeg" in reports["worked example, English of a pair"]["text"]


def test_worked_example_screenshot_is_taken(reports: dict[str, dict[str, Any]]) -> None:
    """The run leaves PNG screenshots of the worked example in test-artifacts/."""
    assert "Offences involving a knife" in reports["worked example"]["text"]
    for name in ("west-mercia-2023-09.png", "west-mercia-2023-09-top.png"):
        data = (ARTIFACTS / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
