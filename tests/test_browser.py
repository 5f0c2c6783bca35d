"""The published HTML in a real browser: WCAG 2.2 A and AA with axe-core, and no script runs.

Drives Debian's chromium with playwright-core (tests/browser/check.mjs). It needs:

    apt-get install chromium          # /usr/bin/chromium, or set PCC_CHROMIUM
    npm ci --prefix tests/browser     # axe-core and playwright-core

On a machine without them the test is skipped with those instructions; under CI (CI=true)
it fails instead. One browser is launched for the whole module, and each page is loaded once
and looked at in each view: the worked example and the real statements at 1280 px and at
390 px (a phone), in the light and the dark colour scheme.

Screenshots of the worked example at both widths go to test-artifacts/ (git-ignored), or to
the folder PCC_ARTIFACTS names. The copies in docs/images/ are updated on purpose with

    PCC_UPDATE_DOCS_IMAGES=1 python -m pytest tests/test_browser.py -k screenshot
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
ARTIFACTS = Path(os.environ.get("PCC_ARTIFACTS") or ROOT / "test-artifacts")
DOCS_IMAGES = ROOT / "docs" / "images"
UPDATE_DOCS_IMAGES = os.environ.get("PCC_UPDATE_DOCS_IMAGES") == "1"
#: The widths the pages are checked at: a desktop browser and a phone.
WIDTHS = {1280: 900, 390: 844}
SCHEMES = ("light", "dark")
#: The views of a page: each width in each colour scheme.
VIEWS = [(width, scheme) for width in WIDTHS for scheme in SCHEMES]
#: The worked example's screenshots, by file name: (width, colour scheme, what is taken).
SCREENSHOTS: dict[str, tuple[int, str, dict[str, Any]]] = {
    "west-mercia-2023-09-1280.png": (1280, "light", {"fullPage": False}),
    "west-mercia-2023-09-390.png": (390, "light", {"fullPage": False}),
    "west-mercia-2023-09-chart-1280.png": (1280, "light", {"selector": ".pcc-chart"}),
    "west-mercia-2023-09-chart-390.png": (390, "light", {"selector": ".pcc-chart"}),
    "west-mercia-2023-09-chart-390-dark.png": (390, "dark", {"selector": ".pcc-chart"}),
    "west-mercia-2023-09-full-1280.png": (1280, "light", {"fullPage": True}),
}
#: Screenshots kept in docs/images/: not the full page, too large to commit, nor the dark
#: scheme's, which is the light one's until the page has a dark style sheet (issue 14).
DOCS_SCREENSHOTS = tuple(
    name for name in SCREENSHOTS if "-full-" not in name and not name.endswith("-dark.png")
)
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


def views(screenshots: dict[str, tuple[int, str, dict[str, Any]]] | None = None) -> list[Any]:
    """The views of a page at both widths in both colour schemes, with its screenshots."""
    found = []
    for width, scheme in VIEWS:
        shots = [
            {"path": str(ARTIFACTS / name), **how}
            for name, (w, s, how) in (screenshots or {}).items()
            if (w, s) == (width, scheme)
        ]
        found.append(
            {"width": width, "height": WIDTHS[width], "colorScheme": scheme, "screenshots": shots}
        )
    return found


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("browser")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    example = ARTIFACTS / "west-mercia-2023-09.html"
    example.write_text(render_html(p.load(EXAMPLE)), "utf-8")
    pages: list[dict[str, Any]] = [
        {"name": "worked example", "path": str(example), "views": views(SCREENSHOTS)}
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
        pages.append({"name": document.stem, "path": str(path), "views": views()})
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


#: The pages checked in each view: the worked example and the real statements.
VIEWED = ["worked example", *(document.stem for document in CORPUS)]


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_axe_for_wcag_22_a_and_aa(
    reports: dict[str, dict[str, Any]], name: str
) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation on the page, in every view it is shown."""
    for view in reports[name]["views"]:
        where = f"at {view['width']} px, {view['colorScheme']} scheme"
        assert view["violations"] == [], f"{where}:\n{describe(view['violations'])}"
        assert view["passes"] > 0  # axe ran rules and they passed


@pytest.mark.parametrize("name", VIEWED)
def test_page_is_checked_at_both_widths_in_both_schemes(
    reports: dict[str, dict[str, Any]], name: str
) -> None:
    """The worked example and each real statement are checked in all four views."""
    seen = [(view["width"], view["colorScheme"]) for view in reports[name]["views"]]
    assert seen == VIEWS


@pytest.mark.parametrize("name", VIEWED)
def test_no_horizontal_page_scroll_on_a_phone(
    reports: dict[str, dict[str, Any]], name: str
) -> None:
    """At 390 px the page is no wider than the screen (no sideways scroll of the page)."""
    for view in reports[name]["views"]:
        if view["width"] == 390:
            assert view["scrollWidth"] <= view["clientWidth"], "\n".join(view["wide"])


def test_charts_fit_a_phone_screen(reports: dict[str, dict[str, Any]]) -> None:
    """The worked example has charts, and none of them is wider than the page at 390 px."""
    report = reports["worked example"]
    assert report["charts"] >= 5
    for view in report["views"]:
        if view["width"] == 390:
            assert not [wide for wide in view["wide"] if "pcc-chart" in wide]


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


def test_worked_example_screenshots_are_taken(reports: dict[str, dict[str, Any]]) -> None:
    """The run leaves PNG screenshots of the worked example at both widths (see PCC_ARTIFACTS).

    With PCC_UPDATE_DOCS_IMAGES=1 it also copies them to docs/images/, for the documentation.
    """
    assert "Offences involving a knife" in reports["worked example"]["text"]
    for name in SCREENSHOTS:
        data = (ARTIFACTS / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    for name in DOCS_SCREENSHOTS:
        if UPDATE_DOCS_IMAGES:
            shutil.copyfile(ARTIFACTS / name, DOCS_IMAGES / name)
        assert (DOCS_IMAGES / name).is_file(), (
            f"docs/images/{name} is missing: run PCC_UPDATE_DOCS_IMAGES=1 "
            "python -m pytest tests/test_browser.py -k screenshot"
        )
