"""Inputs that once escaped the library's own errors, each kept as a regression test.

Every input here was found by an attack run or by fuzzing (issue 12). Each must now be refused
with the library's error, naming where the problem is, and exit 2 on the command line.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import pytest

import pcc_priorities as p
from pcc_priorities.cli import main
from pcc_priorities.figures import load_monthly_csv, monthly_series_from_csv
from pcc_priorities.formats import Limits
from pcc_priorities.tables import figures_from_csv, figures_to_csv

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"
WORKED = p.load(EXAMPLE)
MINIMAL = {
    "schema_version": "1.0",
    "body": {"kind": "pcc", "name": "Police and Crime Commissioner for West Mercia"},
    "force": {"code": "E23000016", "name": "West Mercia Police"},
    "framework": "ncpm-2021",
    "title": "Statement",
}
MINIMAL_JSON = json.dumps(MINIMAL)
MINIMAL_YAML = p.dumps(p.loads(MINIMAL_JSON), "yaml")


def _json_with(**members: str) -> str:
    """The minimal document with members added as raw JSON text."""
    extra = "".join(f', "{key}": {value}' for key, value in members.items())
    return MINIMAL_JSON[:-1] + extra + "}"


def _document_problem(text: str, format: p.Format = "json") -> p.Problem:
    with pytest.raises(p.DocumentError) as caught:
        p.loads(text, format)
    (problem, *_) = caught.value.problems
    return problem


# --------------------------------------------------------------------------- JSON and YAML

HUGE_EXPONENT = "1e99999999999999999999"


@pytest.mark.parametrize(
    "text",
    [
        _json_with(review=HUGE_EXPONENT),
        _json_with(extensions='{"cms:x": ' + HUGE_EXPONENT + "}"),
        _json_with(extensions='{"cms:x": -1.5E-99999999999999999999}'),
    ],
)
def test_a_json_number_with_a_huge_exponent_is_a_document_error(text: str) -> None:
    """A number whose exponent the decimal module cannot hold is refused, not InvalidOperation."""
    problem = _document_problem(text)
    assert "too large or too small" in problem.message


@pytest.mark.parametrize("where", ["review: ", "extensions:\n  cms:x: "])
def test_a_yaml_number_with_a_huge_exponent_is_a_document_error(where: str) -> None:
    """In YAML the same number is refused with its path, line and column."""
    problem = _document_problem(MINIMAL_YAML + where + HUGE_EXPONENT + "\n", "yaml")
    assert "too large or too small" in problem.message
    assert problem.path in ("/review", "/extensions/cms:x")
    assert problem.line is not None


@pytest.mark.parametrize(
    "version", ["1." + "1" * 5000, "1" * 5000 + ".0", "0." + "1" * 5000, "1" * 5000]
)
def test_a_schema_version_of_thousands_of_digits_is_a_document_error(version: str) -> None:
    """A schema_version with 5,000 digits is refused at /schema_version, and shown shortened."""
    problem = _document_problem(MINIMAL_JSON.replace('"1.0"', json.dumps(version)))
    assert problem.path == "/schema_version"
    assert "MAJOR.MINOR" in problem.message
    assert len(problem.message) < 300


@pytest.mark.parametrize("escape", ["\\U00110000", "\\UFFFFFFFF", "\\U7FFFFFFF"])
def test_a_yaml_escape_beyond_unicode_is_a_document_error(escape: str) -> None:
    """A double-quoted escape beyond U+10FFFF is refused with its line, not ValueError."""
    problem = _document_problem(MINIMAL_YAML + f'review: "{escape}"\n', "yaml")
    assert escape in problem.message
    assert problem.line == MINIMAL_YAML.count("\n") + 1


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("huge.json", _json_with(review=HUGE_EXPONENT)),
        ("huge.yaml", MINIMAL_YAML + "review: " + HUGE_EXPONENT + "\n"),
        ("version.json", MINIMAL_JSON.replace('"1.0"', json.dumps("1." + "1" * 5000))),
        ("escape.yaml", MINIMAL_YAML + 'review: "\\U00110000"\n'),
    ],
)
@pytest.mark.parametrize("command", ["validate", "check", "convert"])
def test_the_command_line_exits_2_on_each_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, command: str
) -> None:
    """Each of these documents is an invalid input on the command line (exit 2), not a bug."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    argv = [command, str(path)] + (
        ["-o", str(tmp_path / "out.json")] if command == "convert" else []
    )
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "not a valid statement document" in err
    assert "bug" not in err


def _many_invalid_paragraphs(count: int) -> str:
    document = dict(MINIMAL, introduction=[{"type": "paragraph", "text": 5}] * count)
    return json.dumps(document)


def test_an_array_of_many_invalid_items_lists_the_first_hundred_and_counts_the_rest() -> None:
    """Problems in one array are listed for its first 100 bad items; the others are counted."""
    with pytest.raises(p.DocumentError) as caught:
        p.loads(_many_invalid_paragraphs(1000))
    problems = caught.value.problems
    assert len(problems) == 101
    (note,) = [problem for problem in problems if problem.path == "/introduction"]
    assert "900 more items" in note.message


def test_many_unknown_keys_are_counted_not_listed() -> None:
    """An object with thousands of unknown keys lists 100 of them and counts the rest."""
    body = dict(MINIMAL["body"], **{f"k{i}": 0 for i in range(5000)})  # type: ignore[arg-type]
    with pytest.raises(p.DocumentError) as caught:
        p.loads(json.dumps(dict(MINIMAL, body=body)))
    problems = caught.value.problems
    assert len(problems) == 101
    assert any("4,900 more unknown keys" in problem.message for problem in problems)


def test_an_error_message_lists_at_most_a_hundred_problems_with_the_total() -> None:
    """The message names the total and lists the first 100 problems; all stay in .problems."""
    problems = [p.Problem(path=f"/x/{index}", message="bad") for index in range(250)]
    message = str(p.DocumentError(problems))
    assert "(250 problems)" in message
    assert message.count("bad") == 100
    assert "... and 150 more problems not listed" in message
    table = str(
        p.TableError([p.TableProblem(row=i, column=None, message="bad") for i in range(150)])
    )
    assert table.count(": bad") == 100
    assert "... and 50 more problems not listed" in table


# --------------------------------------------------------------------------- figures CSV

_ROWS = list(csv.reader(io.StringIO(figures_to_csv(WORKED).removeprefix("\ufeff"))))


def _table(changes: dict[str, str] | None = None, header: dict[str, str] | None = None) -> str:
    """The worked example's figures table with cells of its first figure, or titles, changed."""
    rows = [list(row) for row in _ROWS]
    for column, value in (changes or {}).items():
        rows[1][rows[0].index(column)] = value
    for old, new in (header or {}).items():
        rows[0][rows[0].index(old)] = new
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def _table_problems(text: str) -> tuple[p.TableProblem, ...]:
    with pytest.raises(p.TableError) as caught:
        figures_from_csv(WORKED, text)
    return caught.value.problems


@pytest.mark.parametrize("title", ["Comparison 0: basis", "Comparison 100000000: basis"])
def test_a_comparison_numbered_out_of_range_is_refused(title: str) -> None:
    """Comparison 0 is not ignored, and Comparison 100000000 does not build 10^9 columns."""
    problems = _table_problems(_table(header={"Comparison 1: basis": title}))
    assert any(
        problem.column == title and "numbered from 1 to 1,000" in problem.message
        for problem in problems
    )


def test_a_comparison_number_of_thousands_of_digits_is_refused() -> None:
    """A Comparison N header with 5,000 digits is a TableError, not ValueError."""
    title = "Comparison " + "1" * 5000 + ": basis"
    problems = _table_problems(_table(header={"Comparison 1: basis": title}))
    assert any(problem.column == title for problem in problems)


def test_a_subsection_path_of_thousands_of_digits_is_refused() -> None:
    """A Subsection cell with 5,000 digits is a TableError naming the cell."""
    (problem,) = _table_problems(_table({"Subsection": "1" * 5000}))
    assert (problem.row, problem.column) == (2, "Subsection")


@pytest.mark.parametrize("size", ["1" * 16, "10000000000000000000"])
def test_a_rate_base_or_rank_over_ten_to_the_fifteen_is_refused(size: str) -> None:
    """A rate base or rank 'out of' beyond the model's limit is a cell problem, not ValueError."""
    (rate,) = _table_problems(_table({"Rate per": size, "Rate denominator": "population"}))
    assert (rate.column, "out of range") == ("Rate per", "out of range")
    assert "out of range" in rate.message
    rank_cells = {"Rank order": "highest", "Rank out of": size, "Unit": "rank", "Value": "1"}
    (rank,) = _table_problems(_table(rank_cells))
    assert rank.column == "Rank out of"
    assert "out of range" in rank.message


def test_a_breakdown_of_a_figure_not_in_the_table_is_refused() -> None:
    """A "Part of" naming no figure of the table is refused at its cell.

    Found by the fuzzer: the import gave a statement that the JSON loader then refused.
    """
    (problem,) = _table_problems(_table({"Part of": "Oct-26"}))
    assert (problem.row, problem.column) == (2, "Part of")
    assert "no figure in the table has the id 'Oct-26'" in problem.message


def test_figures_that_are_parts_of_each_other_are_refused() -> None:
    """Two figures each "Part of" the other are refused at both rows, not written in a loop."""
    rows = [list(row) for row in _ROWS]
    ids, part_of = rows[0].index("Figure id"), rows[0].index("Part of")
    rows[1][ids], rows[2][ids] = "a", "b"
    rows[1][part_of], rows[2][part_of] = "b", "a"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    problems = _table_problems(buffer.getvalue())
    assert [(q.row, q.column) for q in problems] == [(2, "Part of"), (3, "Part of")]
    assert all("go round in a circle" in q.message for q in problems)


def test_a_text_over_the_csv_field_limit_round_trips() -> None:
    """A wording of 200,000 characters exports to CSV and imports back (not csv.Error)."""
    section = WORKED.sections[0]
    long = attrs.evolve(section.figures[0], wording="x" * 200_000)
    statement = attrs.evolve(
        WORKED,
        sections=(
            attrs.evolve(section, figures=(long, *section.figures[1:])),
            *WORKED.sections[1:],
        ),
    )
    assert figures_from_csv(statement, figures_to_csv(statement)) == statement
    assert csv.field_size_limit() == 131_072


# --------------------------------------------------------------------------- monthly CSV


def test_monthly_csv_that_is_not_utf8_is_a_table_error(tmp_path: Path) -> None:
    """A monthly CSV file in another encoding is a TableError, not UnicodeDecodeError."""
    path = tmp_path / "months.csv"
    path.write_bytes("Month,Café\n2023-04,1\n".encode("cp1252"))
    with pytest.raises(p.TableError, match="not UTF-8"):
        load_monthly_csv(path)


def test_a_monthly_cell_over_the_csv_field_limit_is_a_table_error() -> None:
    """A cell of 200,000 characters is read and refused as a count, not csv.Error."""
    with pytest.raises(p.TableError, match="row 2, column 'A': 'xxx"):
        monthly_series_from_csv("Month,A\n2023-04," + "x" * 200_000 + "\n")


@pytest.mark.parametrize("month", ["0001-01", "0001-06", "9999-12"])
def test_figures_from_the_first_or_last_months_are_a_library_error(month: str) -> None:
    """Months at the ends of the calendar give PeriodError, never 'year 0 is out of range'."""
    from pcc_priorities.figures import figures_from_months  # noqa: PLC0415

    (series,) = monthly_series_from_csv(f"Month,A\n{month},5\n").values()
    with pytest.raises(p.PccPrioritiesError):
        figures_from_months(series)


def _months(count: str) -> str:
    """Monthly counts: 1 a month in 2021 and 2022, then ``count`` a month in 2023."""
    lines = [
        f"{year}-{month:02d},{count if year == 2023 else 1}"
        for year in (2021, 2022, 2023)
        for month in range(1, 13)
    ]
    return "Month,A\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("count", ["1" + "0" * 40, "9" * 100, "1,000,000,000,000,001"])
def test_a_count_over_ten_to_the_fifteen_is_refused_at_its_cell(count: str) -> None:
    """A monthly count over 10^15 is refused naming its cell.

    Found by fuzzing: a count of 70 digits gave InvalidOperation when its change was rounded,
    and totals of such counts were rounded to 28 digits without a word.
    """
    with pytest.raises(p.TableError) as caught:
        monthly_series_from_csv(_months(f'"{count}"'))
    problems = caught.value.problems
    assert [(q.row, q.column) for q in problems] == [(row, "A") for row in range(26, 38)]
    assert "a count is at most 1,000,000,000,000,000 (10^15)" in problems[0].message


def test_a_count_over_ten_to_the_fifteen_is_a_series_error() -> None:
    """A series made in code refuses a count over 10^15 too; 10^15 itself is a count."""
    from datetime import date  # noqa: PLC0415

    from pcc_priorities.figures import MonthlySeries  # noqa: PLC0415

    assert MonthlySeries.from_counts({date(2023, 4, 1): 10**15}, measure="A").months
    with pytest.raises(p.SeriesError, match="at most 1,000,000,000,000,000"):
        MonthlySeries.from_counts({date(2023, 4, 1): 10**15 + 1}, measure="A")


def test_a_percentage_of_many_digits_is_rounded_exactly() -> None:
    """Rounding half up keeps every digit of a percentage longer than the context's 28."""
    from decimal import Decimal  # noqa: PLC0415

    from pcc_priorities.figures.change import round_half_up  # noqa: PLC0415

    assert round_half_up(Decimal("1" * 40 + ".25"), 1) == Decimal("1" * 40 + ".3")
    assert round_half_up(Decimal("-5.85"), 1) == Decimal("-5.9")


# --------------------------------------------------------------------------- limits


def test_json_with_more_values_than_the_limit_is_refused() -> None:
    """Values over Limits.max_values are refused: in objects while parsing, arrays before."""
    limits = Limits(max_values=1000)
    objects = _json_with(extensions='{"cms:x": [' + ",".join(["{}"] * 1001) + "]}")
    arrays = _json_with(extensions='{"cms:x": [' + ",".join(["[]"] * 1001) + "]}")
    scalars = _json_with(extensions='{"cms:x": [' + ",".join(["0"] * 1001) + "]}")
    for text in (objects, arrays, scalars):
        with pytest.raises(p.DocumentError, match=r"more than 1,000 values \(Limits.max_values\)"):
            p.loads(text, limits=limits)


def test_brackets_inside_texts_are_not_counted_as_values() -> None:
    """Text holding many '[' and '{' is not mistaken for arrays and objects."""
    text = _json_with(review=json.dumps("[{" * 2000))
    assert p.loads(text, limits=Limits(max_values=1000)).review == "[{" * 2000


def test_yaml_over_its_byte_limit_is_refused() -> None:
    """YAML, read in pure Python, has its own size limit (Limits.max_yaml_bytes)."""
    text = MINIMAL_YAML + "review: " + "word " * 300 + "\n"
    with pytest.raises(p.DocumentError, match=r"Limits.max_yaml_bytes"):
        p.loads(text, "yaml", limits=Limits(max_yaml_bytes=1000))


def test_a_yaml_flow_list_over_the_value_limit_is_refused_while_composing() -> None:
    """A flow list of zeros stops at Limits.max_yaml_values nodes, not after parsing all."""
    text = MINIMAL_YAML + "extensions:\n  cms:z: [" + "0, " * 2000 + "0]\n"
    with pytest.raises(p.DocumentError, match=r"more than 1,000 values \(Limits.max_yaml_values\)"):
        p.loads(text, "yaml", limits=Limits(max_yaml_values=1000))


def test_yaml_aliases_count_the_bytes_they_expand_to() -> None:
    """5,000 aliases of one long text count as 5,000 copies of it (the size limit applies)."""
    text = (
        MINIMAL_YAML
        + "extensions:\n  cms:s: &a '"
        + "x" * 2000
        + "'\n  cms:l: ["
        + "*a, " * 5000
        + "*a]\n"
    )
    with pytest.raises(p.DocumentError) as caught:
        p.loads(text, "yaml")
    (problem,) = caught.value.problems
    assert "once its aliases are expanded (Limits.max_yaml_bytes)" in problem.message
    assert problem.path.startswith("/extensions/cms:l/")


def test_nested_yaml_aliases_count_every_value_they_expand_to() -> None:
    """'Billion laughs' stops at Limits.max_yaml_values values once expanded."""
    lines = ["extensions:", "  cms:a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(8):
        name, previous = chr(98 + level), chr(97 + level)
        lines.append(f"  cms:{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    with pytest.raises(p.DocumentError, match=r"Limits.max_yaml_values"):
        p.loads(MINIMAL_YAML + "\n".join(lines) + "\n", "yaml")


def test_convert_refuses_yaml_that_loading_would_refuse(tmp_path: Path) -> None:
    """Converting and dump do not write a YAML file over the YAML limits; JSON is fine."""
    document = dict(MINIMAL, introduction=[{"type": "paragraph", "text": "x" * 1000}] * 5000)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "big.yaml"
    assert main(["convert", str(source), "-o", str(target)]) == 2
    assert not target.exists()
    with pytest.raises(p.DocumentError, match="will not write a document that loading refuses"):
        p.dump(p.load(source), target)
    assert not target.exists()
    p.dump(p.load(source), tmp_path / "copy.json")
    assert p.load(tmp_path / "copy.json") == p.load(source)


def test_dump_refuses_a_statement_nested_deeper_than_loading_allows(tmp_path: Path) -> None:
    """A statement built in Python deeper than Limits.max_depth is not written."""
    deep: object = "bottom"
    for _ in range(70):
        deep = [deep]
    statement = attrs.evolve(p.loads(MINIMAL_JSON), extensions={"cms:deep": deep})
    with pytest.raises(p.DocumentError, match="nested more than 64 levels"):
        p.dump(statement, tmp_path / "deep.json")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- YAML round trip

ROUND_TRIP_TEXTS = [
    "https://example.org/pagehttps://example.org/page    indentedhttps://example.org/page",
    "<script>window.__pccScriptRan = true</script><script>window.__pccScriptRan = true</script>"
    "\x87/!´\x0b\x87/!´\x0b<script>window.__pccScriptRan = true</script>",
    "\n abcdefgh \nabcdefgh\n \r\n\n \n\n\tword   \x85  \n\n \x07\t\r\n\r\u2028- \x85\n\n \n \t- ",
    "word " * 30 + " two  spaces " + "word " * 30,
    "line one\r\nline two\r\n",
]


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
def test_json_to_yaml_to_json_is_byte_equal(text: str) -> None:
    """Texts that once changed on the way through YAML come back byte for byte."""
    statement = attrs.evolve(p.loads(MINIMAL_JSON), title=text, review=text)
    json_text = p.dumps(statement)
    assert p.dumps(p.loads(p.dumps(p.loads(json_text), "yaml"), "yaml")) == json_text
