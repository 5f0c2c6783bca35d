"""YAML authoring: lossless with JSON, exact numbers, block scalars, errors with line and column."""

from __future__ import annotations

import io
import json
import re
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities.cli import main
from pcc_priorities.formats import SCHEMA_VERSION, load_with_report
from pcc_priorities.formats.yaml import data_to_yaml, yaml_to_data
from pcc_priorities.testing import statements

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CURRENT = FIXTURES / "versions" / f"statement-{SCHEMA_VERSION}.json"

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def exact(value: object) -> object:
    """Return ``value`` with every number tagged by its type and digits, for exact comparison."""
    if isinstance(value, dict):
        return {key: exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [exact(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return (type(value).__name__, str(value))


def yaml_problems(text: str) -> list[p.Problem]:
    with pytest.raises(p.DocumentError) as caught:
        p.loads(text, "yaml")
    return list(caught.value.problems)


MINIMAL = """\
schema_version: '1.0'
body:
  kind: pcc
  name: Police and Crime Commissioner for West Mercia
force:
  code: E23000016
  name: West Mercia Police
framework: ncpm-2021
title: Statement
"""


# --------------------------------------------------------------------------- round trips


# Generating statements costs far more than the checks: one property checks all three.
@SLOW
@given(statements())
def test_yaml_round_trip_is_lossless(statement: p.Statement) -> None:
    """YAML gives back the statement, the canonical JSON data exactly, and the JSON text."""
    yaml_text = p.dumps(statement, "yaml")
    assert p.loads(yaml_text, "yaml") == statement
    json_text = p.dumps(statement)
    from_yaml, _ = yaml_to_data(yaml_text)
    assert exact(from_yaml) == exact(json.loads(json_text, parse_float=Decimal))
    assert p.dumps(p.loads(p.dumps(p.loads(json_text), "yaml"), "yaml")) == json_text


_PROSE = st.lists(
    st.sampled_from(
        [
            *("word", "a", "x:", "#", "- ", " ", "  ", "\n", "\n\n", "'", '"', "£163k", "–"),
            *("\t", "1.0", "null", "|", ">", "yes", "~", "\r\n", "\u2028", "\x85", "\ufeff"),
            "\x00",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(st.characters(codec="utf-8"), max_size=300), _PROSE))
def test_any_text_survives_the_round_trip(text: str) -> None:
    """Any text, whatever its line breaks, spaces, quotes or control characters, comes back."""
    data = {"text": text, "items": [text], text: 1}
    assert yaml_to_data(data_to_yaml(data))[0] == data


def test_numbers_are_exact_decimals_and_whole_numbers_stay_whole() -> None:
    """1.50 is Decimal('1.50') with its digits; 1209 is an int; nothing goes through a float."""
    data, _ = yaml_to_data("a: 1.50\nb: 1209\nc: 0.1\nd: -7.0\ne: 1e3\nf: 163000\n")
    assert exact(data) == {
        "a": ("Decimal", "1.50"),
        "b": ("int", "1209"),
        "c": ("Decimal", "0.1"),
        "d": ("Decimal", "-7.0"),
        "e": ("Decimal", "1E+3"),
        "f": ("int", "163000"),
    }


def test_yaml_1_2_words_and_dates_stay_text() -> None:
    """Under YAML 1.2, no, yes, off and dates are text as written, not booleans or dates."""
    data, _ = yaml_to_data("a: no\nb: yes\nc: off\nd: 2023-09-01\ne: ~\nf: true\ng: '12'\n")
    assert data == {
        "a": "no",
        "b": "yes",
        "c": "off",
        "d": "2023-09-01",
        "e": None,
        "f": True,
        "g": "12",
    }


def test_narrative_is_written_as_block_scalars() -> None:
    """Text with line breaks is a literal block scalar; a long paragraph is a folded one."""
    statement = p.load(CURRENT)
    paragraph = p.Paragraph(text="First line.\nSecond line: with a colon.")
    long = p.Paragraph(text="West Mercia " + "has seen a fall in knife crime " * 6 + "this year.")
    section = attrs.evolve(statement.sections[0], blocks=(paragraph, long))
    text = p.dumps(attrs.evolve(statement, sections=(section,)), "yaml")
    assert "text: |-\n          First line.\n          Second line: with a colon.\n" in text
    assert "text: >-\n          West Mercia has seen" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert p.loads(text, "yaml").sections[0].blocks == (paragraph, long)


def test_hand_written_yaml_with_comments_and_flow_style_loads() -> None:
    """Comments, flow collections, anchors and quoting styles people write are all read."""
    text = (
        MINIMAL
        + """\
# The period is shared by two figures through an anchor.
periods:
  - &q1 {start: 2023-04-01, end: 2023-06-30, label: "Q1 23/24", kind: financial_quarter}
sections:
  - priority: homicide
    title: Reduce murder and other homicide
    figures:
      - {measure: Homicides, value: 4, unit: count, period: *q1}
      - measure: "Homicides: solved"
        value: 3
        period: *q1
    blocks:
      - type: paragraph
        text: >
          Folded text is joined
          into one line.
"""
    )
    statement = p.loads(text, "yaml")
    figures = statement.sections[0].figures
    assert figures[0].period == figures[1].period == statement.periods[0]
    assert statement.periods[0].label == "Q1 23/24"
    assert statement.sections[0].blocks == (
        p.Paragraph(text="Folded text is joined into one line.\n"),
    )


# --------------------------------------------------------------------------- errors


def test_a_wrong_value_has_its_path_line_and_column() -> None:
    """A value of the wrong type is reported with its JSON Pointer, line and column."""
    text = MINIMAL + "sections:\n  - priority: homicide\n    title: 12\n"
    (problem,) = yaml_problems(text)
    assert problem.path == "/sections/0/title"
    assert (problem.line, problem.column) == (12, 5)
    assert "expected a string" in problem.message
    assert "(line 12, column 5)" in str(problem)


def test_unknown_and_missing_keys_point_at_their_lines() -> None:
    """An unknown key points at itself; a missing key points at the object that lacks it."""
    text = MINIMAL + "sections:\n  - priority: homicide\n    titel: Homicide\n"
    problems = {problem.path: problem for problem in yaml_problems(text)}
    assert problems["/sections/0/titel"].line == 12
    assert problems["/sections/0/title"].line == 11
    assert "missing" in problems["/sections/0/title"].message


def test_a_reference_problem_has_its_line() -> None:
    """A problem found against reference data (an unknown priority) has its line too."""
    text = MINIMAL + "sections:\n  - priority: knife-crime\n    title: Knife crime\n"
    (problem,) = yaml_problems(text)
    assert (problem.path, problem.line, problem.column) == ("/sections/0/priority", 11, 5)


def test_a_key_written_twice_is_an_error_with_its_line() -> None:
    """A key written twice is refused, not silently overwritten."""
    (problem,) = yaml_problems(MINIMAL + "title: Again\n")
    assert problem.path == "/title"
    assert "more than once" in problem.message
    assert problem.line == 9


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: [1, 2\nb: 3\n", 2, "not valid YAML"),
        ("a: 1\n b: 2\n", 2, "not valid YAML"),
        ("a: 'open\n", 2, "not valid YAML"),
        ("a: 1\n---\nb: 2\n", 2, "not valid YAML"),
        ("a: 0x1F\n", 1, "decimal digits"),
        ("a:\n  - .inf\n", 2, "decimal digits"),
        ("a: !!binary aGVsbG8=\n", 1, "not supported"),
        ("a: !custom x\n", 1, "not supported"),
        ("a:\n  1: x\n", 2, "keys are text"),
        ("a: &x [*x]\n", 1, "contains it"),
        ("a: \x01\n", 1, "not allowed"),
    ],
)
def test_unreadable_yaml_is_reported_with_its_line(text: str, line: int, message: str) -> None:
    """Syntax errors, non-JSON values, tags, non-text keys and cycles have their line."""
    problem = yaml_problems(text)[0]
    assert problem.line == line
    assert problem.column is not None
    assert message in problem.message


def test_empty_and_non_mapping_documents_are_refused() -> None:
    """An empty document, or one that is not a mapping, is not a statement."""
    assert "empty" in yaml_problems("")[0].message
    assert "expected a statement document" in yaml_problems("- a\n- b\n")[0].message


def test_alias_bombs_are_stopped() -> None:
    """A document whose aliases expand past the alias limit is refused, not expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    problem = yaml_problems("\n".join(lines) + "\n")[0]
    assert "once its aliases are expanded" in problem.message


def test_bytes_are_read_as_utf8() -> None:
    """YAML bytes are UTF-8 (with or without a byte order mark); other bytes are refused."""
    expected = p.loads(MINIMAL, "yaml")
    assert p.loads(MINIMAL.encode("utf-8"), "yaml") == expected
    assert p.loads(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"), "yaml") == expected
    assert "not UTF-8" in yaml_problems(b"title: \xff\n")[0].message  # type: ignore[arg-type]


# --------------------------------------------------------------------------- files and formats


def test_files_load_and_dump_by_extension(tmp_path: Path) -> None:
    """load_any and dump_any pick JSON or YAML by the extension (.json, .yaml, .yml)."""
    statement = p.load(CURRENT)
    for name in ("s.json", "s.yaml", "s.YML"):
        p.dump(statement, tmp_path / name)
        assert p.load(tmp_path / name) == statement
        assert load_with_report(tmp_path / name).format == ("json" if ".json" in name else "yaml")
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == p.dumps(statement)
    assert (tmp_path / "s.yaml").read_text(encoding="utf-8") == p.dumps(statement, "yaml")
    p.dump(statement, tmp_path / "t.yaml")
    assert p.load(tmp_path / "t.yaml") == statement


def test_an_unknown_extension_is_refused() -> None:
    """A file whose extension is not .json, .yaml or .yml is refused with the known ones."""
    with pytest.raises(p.UnsupportedFormatError, match=r"\.json, \.yaml, \.yml"):
        p.load("statement.txt")


def test_yaml_errors_from_a_file_name_the_file(tmp_path: Path) -> None:
    """Problems in a YAML file name the file, the path, the line and the column."""
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("E23000016", "E99"), encoding="utf-8")
    with pytest.raises(p.DocumentError) as caught:
        p.load(path)
    assert str(path) in str(caught.value)
    assert "/force/code (line 6, column 3)" in str(caught.value)


def test_cli_commands_accept_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command reads YAML by extension; `convert` turns JSON into YAML and back."""
    as_yaml = tmp_path / "statement.yaml"
    assert main(["convert", str(CURRENT), "-o", str(as_yaml)]) == 0
    out = io.StringIO()
    assert main(["validate", str(as_yaml)], out) == 0
    assert "valid statement document" in out.getvalue()
    back = tmp_path / "back.json"
    assert main(["convert", str(as_yaml), "-o", str(back)]) == 0
    assert back.read_text(encoding="utf-8") == CURRENT.read_text(encoding="utf-8")
    rendered = tmp_path / "statement.md"
    assert main(["render", str(as_yaml), "--format", "md", "-o", str(rendered)]) == 0
    assert rendered.read_text(encoding="utf-8") == p.render(p.load(CURRENT), "md")
    assert main(["diff", str(CURRENT), str(as_yaml)], io.StringIO()) == 0
    figures = tmp_path / "figures.csv"
    assert main(["export-figures", str(as_yaml), "-o", str(figures)], io.StringIO()) == 0
    again = tmp_path / "again.yaml"
    command = ["import-figures", str(as_yaml), str(figures), "-o", str(again)]
    assert main(command, io.StringIO()) == 0
    assert p.load(again) == p.load(CURRENT)
    worked = EXAMPLES / "west-mercia-2023-09.yaml"
    assert main(["check", str(worked), "--as-of", "2023-10-01", "-q"], io.StringIO()) == 0
    assert main(["check", str(as_yaml), "--as-of", "2023-10-01", "-q"], io.StringIO()) == 1
    scaffold = tmp_path / "new.yml"
    assert main(["new", str(scaffold), "--police-force", "West Mercia"], io.StringIO()) == 0
    assert p.load(scaffold).force.code == "E23000016"
    assert scaffold.read_text(encoding="utf-8").startswith("schema_version: '1.0'\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL + "title: twice\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert "/title (line 9, column 1)" in capsys.readouterr().err


def test_without_the_extra_yaml_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ruamel.yaml, YAML calls raise MissingExtraError and the CLI names the extra."""
    monkeypatch.setitem(sys.modules, "ruamel.yaml", None)
    monkeypatch.setitem(sys.modules, "ruamel", None)
    with pytest.raises(p.MissingExtraError, match=r"pcc-priorities\[yaml\]"):
        p.loads(MINIMAL, "yaml")
    path = tmp_path / "statement.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert "pip install 'pcc-priorities[yaml]'" in capsys.readouterr().err
    assert p.load(CURRENT).force.code == "E23000016"


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_worked_example_in_yaml_is_the_same_statement_as_the_json() -> None:
    """examples/west-mercia-2023-09.yaml loads to the same statement as the JSON, and is canonical.

    Regenerate it with: pcc-priorities convert examples/west-mercia-2023-09.json --overwrite
    -o examples/west-mercia-2023-09.yaml
    """
    from_json = p.load(EXAMPLES / "west-mercia-2023-09.json")
    yaml_path = EXAMPLES / "west-mercia-2023-09.yaml"
    assert p.load(yaml_path) == from_json
    assert yaml_path.read_text(encoding="utf-8") == p.dumps(from_json, "yaml")


# --------------------------------------------------------------------------- fuzzing

_POINTER = re.compile(r"(/([^~/]|~[01])*)*")
_SEED_YAML = [MINIMAL, p.dumps(p.load(CURRENT), "yaml")]
_YAML_PIECES = st.sampled_from(
    [
        *(":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "'", '"'),
        *("\t", "\n", "  ", "%YAML 1.2\n", "---\n", "...\n", "|", ">", "#", "? ", "<<: "),
        *("0x1", "~", "1.5", "1e400", ".nan", "\\u", "\x00", "\ufeff", "\u2028", "é", "\r"),
        *("title", "null"),
    ]
)


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    """YAML text of a valid statement with one to three pieces inserted, deleted or replaced."""
    text = draw(st.sampled_from(_SEED_YAML))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        start = draw(st.integers(min_value=0, max_value=len(text)))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 12)))
        text = text[:start] + draw(_YAML_PIECES | st.just("")) + text[end:]
    return text


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mutated_yaml())
def test_fuzz_yaml_loader_raises_only_document_error(text: str) -> None:
    """Mutated YAML either loads and round-trips, or raises DocumentError with paths and lines."""
    problems: tuple[p.Problem, ...] = ()
    try:
        statement = p.loads(text, "yaml")
    except p.DocumentError as error:
        problems = error.problems
    else:
        assert p.loads(p.dumps(statement, "yaml"), "yaml") == statement
        return
    assert problems
    for problem in problems:
        assert _POINTER.fullmatch(problem.path), problem.path
        assert problem.message
        assert problem.line is None or problem.line >= 1


def test_an_anchor_defined_again_is_read_without_a_warning() -> None:
    """Redefining an anchor is valid YAML: the later definition holds, and nothing warns."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data, _ = yaml_to_data("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
    assert data == {"a": 1, "b": 1, "c": 2, "d": 2}


# --------------------------------------------------------------------------- formats review


def test_whole_numbers_too_long_to_read_are_a_document_error() -> None:
    """A whole number beyond Python's digit limit is a problem with path, line and column."""
    (problem,) = yaml_problems(MINIMAL + "extensions:\n  a:b: " + "1" * 5000 + "\n")
    assert problem.path == "/extensions/a:b"
    assert (problem.line, problem.column) == (11, 8)
    assert "5,000 digits" in problem.message


def test_negative_zero_reads_and_writes_as_in_json() -> None:
    """Decimal -0 is written "0" and -0.0 as "-0.0", so YAML text reads back byte for byte."""
    for written, shown in (("-0", "0"), ("-0.0", "-0.0")):
        statement = attrs.evolve(p.loads(MINIMAL, "yaml"), extensions={"a:b": Decimal(written)})
        text = p.dumps(statement, "yaml")
        assert f"a:b: {shown}\n" in text
        assert p.dumps(p.loads(text, "yaml"), "yaml") == text
        assert p.dumps(p.loads(text, "yaml")) == p.dumps(statement)


def test_lone_surrogate_is_refused_when_writing_yaml(tmp_path: Path) -> None:
    """dumps_yaml and dump_yaml raise EncodingError naming the path, and write nothing."""
    bad = attrs.evolve(p.loads(MINIMAL, "yaml"), title="a\ud800b")
    with pytest.raises(p.EncodingError) as caught:
        p.dumps(bad, "yaml")
    assert caught.value.path == "/title"
    target = tmp_path / "out.yaml"
    with pytest.raises(p.EncodingError):
        p.dump(bad, target)
    assert not target.exists()
    escaped = attrs.evolve(p.loads(MINIMAL, "yaml"), title="\\ud800 is an escape")
    assert p.loads(p.dumps(escaped, "yaml"), "yaml") == escaped
