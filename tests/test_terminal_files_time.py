"""Files, terminals and time: terminal text, stale temporary files, links, linear paths.

What reaches a terminal, temporary files of an interrupted write, exact link targets, and
the rewritten linear paths giving the answers the quadratic ones gave (issue 12).

How long the linear paths take is measured in benchmarks/scaling.py (``--hostile``), never
here; these tests hold each faster path to the old definition.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities.checks.engine import _covering, _covers, _first_suppressions
from pcc_priorities.checks.report import Category, Finding, Severity
from pcc_priorities.checks.text import placeholders
from pcc_priorities.cli import main
from pcc_priorities.editions.matching import text_similarity
from pcc_priorities.exceptions import one_line
from pcc_priorities.files import TEMPORARY_MARK, remove_stale_temporaries, write_output
from pcc_priorities.publish.inlines import Acronyms
from pcc_priorities.publish.words import link_target

MINIMAL = {
    "schema_version": "1.0",
    "body": {"kind": "pcc", "name": "Police and Crime Commissioner for West Mercia"},
    "force": {"code": "E23000016", "name": "West Mercia Police"},
    "framework": "ncpm-2021",
    "title": "Statement",
}
VISIBLE = re.compile("[^\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]*")


def _write(path: Path, **changes: object) -> Path:
    path.write_text(json.dumps({**MINIMAL, **changes}), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- terminals


def test_diff_shows_line_breaks_and_escapes_in_text_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title holding a newline and an escape sequence cannot forge "No differences."."""
    old = _write(tmp_path / "old.json")
    new = _write(tmp_path / "new.json", title="Statement\nNo differences.\x1b[2J\x1b[H")
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\nNo differences." not in out
    assert "Statement␤No differences.␛[2J␛[H" in out
    assert all(VISIBLE.fullmatch(line) for line in out.splitlines())


@pytest.mark.parametrize("command", ["validate", "check"])
def test_validate_and_check_show_a_json_pointer_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """An unknown key's JSON Pointer is shown with pictures for its controls, on one line."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**MINIMAL, "x\n\x1b[31mred": 1}), encoding="utf-8")
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "/x␤␛[31mred" in err
    assert len(err.splitlines()) == 2


@pytest.mark.parametrize("command", ["check", "diff"])
def test_check_and_diff_escape_what_the_terminal_cannot_encode(
    tmp_path: Path, command: str
) -> None:
    """On a stdout that is not UTF-8, check and diff escape text and exit as usual, no crash."""
    old = _write(tmp_path / "old.json")
    new = _write(tmp_path / "new.json", title="Datganiad — Côte d’Azur ✓")
    arguments = [str(new), "--as-of", "2024-06-01"] if command == "check" else [str(old), str(new)]
    completed = subprocess.run(
        [sys.executable, "-m", "pcc_priorities", command, *arguments],
        capture_output=True,
        env=dict(os.environ, PYTHONIOENCODING="ascii"),
        check=False,
    )
    assert completed.returncode == 1, completed.stderr  # findings, or differences
    assert b"Traceback" not in completed.stderr
    assert completed.stdout.isascii()
    if command == "diff":
        assert b"C\\xf4te d\\u2019Azur \\u2713" in completed.stdout


def test_render_to_a_dangling_link_is_refused_without_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A render -o onto a symbolic link to nothing exits 2 and keeps the link, as new does."""
    source = _write(tmp_path / "statement.json")
    output = tmp_path / "statement.html"
    output.symlink_to(tmp_path / "nowhere.html")
    assert main(["render", str(source), "-o", str(output)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert output.is_symlink()
    assert not (tmp_path / "nowhere.html").exists()


@given(st.text())
def test_one_line_leaves_no_line_break_or_control(text: str) -> None:
    """Whatever the text, one_line gives one line with no control character."""
    shown = one_line(text)
    assert len(shown.splitlines()) <= 1
    assert VISIBLE.fullmatch(shown)


# --------------------------------------------------------------------------- temporary files


def test_a_stale_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """A temporary file left by a killed writer is removed when the same file is written."""
    target = tmp_path / "statement.json"
    dead = tmp_path / f".statement.json{TEMPORARY_MARK}999999999-0123456789ab"
    dead.write_bytes(b"half a file")
    old = tmp_path / f".statement.json{TEMPORARY_MARK}{os.getpid()}-ba9876543210"
    old.write_bytes(b"a day old")
    day_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(old, (day_ago, day_ago))
    live = tmp_path / f".statement.json{TEMPORARY_MARK}{os.getpid()}-aaaaaaaaaaaa"
    live.write_bytes(b"being written")
    other = tmp_path / f".other.json{TEMPORARY_MARK}999999999-0123456789ab"
    other.write_bytes(b"another output's")
    write_output(target, "{}")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["statement.json", live.name, other.name]
    )


def test_only_names_this_library_makes_are_removed(tmp_path: Path) -> None:
    """A file that merely starts like a temporary file is left alone."""
    odd = tmp_path / f".statement.json{TEMPORARY_MARK}notapid"
    odd.write_bytes(b"x")
    assert remove_stale_temporaries(str(tmp_path), "statement.json") == []
    assert odd.exists()


# --------------------------------------------------------------------------- links


def _with_link(url: str, text: str = "See the plan.") -> p.Statement:
    statement = p.loads(json.dumps({**MINIMAL, "source_url": url}))
    section = p.PrioritySection(
        priority="homicide", title="Homicide", blocks=(p.Paragraph(text=text),)
    )
    return attrs.evolve(statement, sections=(section,))


@pytest.mark.parametrize(
    "url",
    ["https://example.com/\u202ex", "https://example.com/caf\u00e9?q=1&r=2", "https://e.com/%41"],
)
def test_html_and_markdown_link_to_the_same_exact_target(url: str) -> None:
    """Both formats link to one target, which decodes to the address the statement holds."""
    from markdown_it import MarkdownIt  # noqa: PLC0415

    statement = _with_link(url)
    html = p.render(statement, "html")
    from_markdown = MarkdownIt("commonmark").render(p.render(statement, "md"))
    target = link_target(url)
    assert f'href="{target.replace("&", "&amp;")}"' in html
    assert f'href="{target.replace("&", "&amp;")}"' in from_markdown
    assert "\u202e" not in target
    assert re.sub("%E2%80%AE", "\u202e", target).replace("%C3%A9", "\u00e9") == url


def test_a_bare_address_in_narrative_is_a_link_in_neither_format() -> None:
    """A bare address in text is text in HTML and in GitHub-flavoured Markdown alike."""
    linkify = pytest.importorskip("linkify_it")
    del linkify
    from markdown_it import MarkdownIt  # noqa: PLC0415

    text = "Read https://example.com/plan, www.example.com or write to pcc@example.com."
    statement = _with_link("https://example.com/", text)
    html = p.render(statement, "html", fragment=True)
    markdown = p.render(statement, "md")
    renderer = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")
    rendered = renderer.render(markdown)
    for address in ("https://example.com/plan", "www.example.com", "pcc@example.com"):
        assert f">{address}<" not in html
        assert f">{address}<" not in rendered
        assert address in rendered
        assert address in html


# --------------------------------------------------------------------------- linear paths


def _finding(code: str, path: str) -> Finding:
    return Finding(
        code=code,
        rule="rule",
        severity=Severity.WARNING,
        category=Category.COMPLETENESS,
        message="m",
        path=path,
    )


POINTERS = st.lists(st.sampled_from(["", "a", "b", "0", "1", "a~1b", ""]), max_size=4).map(
    lambda parts: "".join("/" + part for part in parts)
)


@given(
    st.lists(
        st.tuples(st.sampled_from(["PCC2", "pcc209", "PCC", "PCC3", " ", "PCC209"]), POINTERS),
        max_size=8,
    ),
    st.sampled_from(["PCC209", "PCC301"]),
    POINTERS,
)
def test_the_suppression_lookup_finds_what_trying_each_one_found(
    suppressions: list[tuple[str, str]], code: str, path: str
) -> None:
    """The indexed lookup picks the same (first) suppression as trying each in turn."""
    made = [p.Suppression(rule=rule, path=where, reason="r") for rule, where in suppressions]
    finding = _finding(code, path)
    expected = next((i for i, s in enumerate(made) if _covers(s, finding)), None)
    assert _covering(_first_suppressions(made), finding) == expected


@given(st.text(alphabet="abc[]<>insertad ", max_size=60))
def test_placeholders_in_brackets_are_found_as_before(text: str) -> None:
    """Brackets stopping at another bracket find what they found, when none is nested."""
    nested = re.search(r"\[[^\]]*\[|<[^>]*<", text)
    old = re.compile(r"\[\s*(?:insert|add|tbc|tbd|todo)\b[^\]]*\]|<\s*(?:insert|add)\b[^>]*>", re.I)
    if nested is None:
        found = [item for item in placeholders(text) if item[:1] in "[<"]
        assert found == [m[0] for m in old.finditer(text)]


@given(st.dictionaries(st.text(alphabet="ABCs&", min_size=1, max_size=4), st.just("x"), max_size=6))
def test_abbreviations_are_found_as_by_the_alternation(terms: dict[str, str]) -> None:
    """The tree of terms matches what the longest-first alternation of every term matched."""
    acronyms = Acronyms(terms)
    text = " ".join(["A", "AB", "ABs", "BC&", "sA", *terms]) + " ABC"
    usable = sorted((t for t in terms if t.strip()), key=lambda t: (-len(t), t))
    if not usable:
        return
    old = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in usable) + r")(?=s?(?!\w))")
    assert [m[1] for m in acronyms.pattern.finditer(text)] == [m[1] for m in old.finditer(text)]  # type: ignore[union-attr]


@given(st.text(alphabet="ab c", max_size=40), st.text(alphabet="ab c", max_size=40))
def test_text_similarity_agrees_with_difflib_on_the_threshold(old: str, new: str) -> None:
    """Where difflib's character ratio is clearly above or below one half, so is ours."""
    ratio = difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()
    ours = text_similarity(old, new)
    if ratio >= 0.75:
        assert ours >= 0.5 or ours >= ratio - 0.4
    if ratio < 0.3:
        assert ours < 0.75


def test_one_word_changed_in_a_long_paragraph_is_one_edit() -> None:
    """Diffing 30 KB paragraphs with one word changed pairs them as one edited paragraph."""
    words = [f"word{index % 97}" for index in range(5000)]
    before = " ".join(words)
    words[2500] = "changed"
    old = _with_link("https://example.com/", before)
    new = _with_link("https://example.com/", " ".join(words))
    (difference,) = p.diff(old, new).differences
    assert difference.kind is p.editions.DifferenceKind.NARRATIVE_EDITED


def test_check_of_many_suppressions_applies_each_to_its_findings() -> None:
    """Suppressions still mark the findings they cover, and only those."""
    statement = _with_link("https://example.com/", "Figures TBC.")
    plain = p.check(statement, as_of=date(2025, 1, 1))
    target = next(f for f in plain.findings if f.code.startswith("PCC2"))
    decoys = [p.Suppression(rule="PCC2", path=f"/nothing{i}", reason="r") for i in range(200)]
    chosen = p.Suppression(rule=target.code, path=target.path, reason="known")
    report = p.check(
        attrs.evolve(statement, suppressions=(*decoys, chosen)), as_of=date(2025, 1, 1)
    )
    marked = [f for f in report.findings if f.suppression is not None]
    assert [(f.code, f.path) for f in marked] == [(target.code, target.path)]
