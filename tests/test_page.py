"""The page around the statement (issue 14): contents, summary, tables, footer, logo, styles."""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from _render_helpers import Page
from pcc_priorities.publish import (
    Download,
    PageOptions,
    check_logo,
    check_stylesheet,
    render_html,
    render_markdown,
)
from pcc_priorities.publish.page import MAX_LOGO_BYTES
from pcc_priorities.publish.summary import headline_figure
from pcc_priorities.testing import statements
from pcc_priorities.testing.model import priority_sections

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


def _png(width: int = 4, height: int = 2) -> bytes:
    """A small valid PNG image."""
    raw = b"".join(b"\x00" + b"\x1d\x4f\x91" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def example() -> p.Statement:
    return p.load(EXAMPLE)


def _with_figure(statement: p.Statement, figure: p.Figure, **section: object) -> p.Statement:
    first = attrs.evolve(statement.sections[0], figures=(figure,), blocks=(), **section)
    return attrs.evolve(statement, sections=(first, *statement.sections[1:]))


# --------------------------------------------------------------------------- contents


def test_contents_link_to_every_part_and_a_skip_link_passes_them(example: p.Statement) -> None:
    """Each contents link and the skip link point at an id on the page; sections are nested."""
    html = render_html(example)
    nav = html[html.index('<nav class="pcc-contents"') : html.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', nav)
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert targets
    assert set(targets) <= ids
    assert targets[0] == "pcc-summary"  # the skip link goes past the list, to the summary
    assert 'class="pcc-skip"' in nav
    assert "pcc-priority-homicide" in targets
    assert nav.index("pcc-priorities") < nav.index("pcc-priority-homicide")
    assert targets[-1] == "pcc-about"


def test_markdown_has_the_same_contents_without_links(example: p.Statement) -> None:
    """The Markdown lists the same parts by title (Markdown's anchors are its renderer's)."""
    markdown = render_markdown(example)
    contents = markdown[markdown.index("## Contents") : markdown.index("## Summary")]
    assert "Reduce murder and other homicide" in contents
    assert "](#" not in contents
    assert "Skip" not in markdown


# --------------------------------------------------------------------------- summary


def test_summary_gives_status_and_headline_change_in_words(example: p.Statement) -> None:
    """Each priority's status and headline figure, with the stated change in words."""
    page = Page(render_html(example))
    assert (
        "Headline figure: Offences involving a knife: 1,209 (2022/23), down 7% on the previous "
        "period (2021/22)." in page.text
    )
    assert "down from the peak of 24 (October 2022)" in page.text


def test_the_headline_the_statement_names_is_used(example: p.Statement) -> None:
    """A section's named headline figure is the one summarised, not the default choice."""
    section = example.sections[1]
    named = [
        f
        for f in section.figures
        if f.measure == "Hospital admissions for assault with a sharp object"
    ]
    assert named
    assert named[0].id is not None
    chosen = attrs.evolve(section, headline=named[0].id)
    assert headline_figure(chosen) == (named[0], True)
    statement = attrs.evolve(example, sections=(example.sections[0], chosen, *example.sections[2:]))
    text = Page(render_html(statement)).text
    assert "Hospital admissions for assault with a sharp object: 50" in text
    assert "up 43% on the baseline (2019)" in text


def test_same_period_last_year_reads_as_the_issue_asks(example: p.Statement) -> None:
    """A 5.9% decrease on the same period last year reads "down 5.9% on the same period ..."."""
    figure = p.Figure(
        measure="Neighbourhood crime",
        value=Decimal(4210),
        unit=p.Unit.COUNT,
        comparisons=(
            p.Comparison(
                basis=p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
                change=p.Change(percent=Decimal("-5.9")),
            ),
        ),
    )
    text = Page(render_html(_with_figure(example, figure))).text
    assert "Neighbourhood crime: 4,210, down 5.9% on the same period last year." in text


def test_no_change_is_invented_where_only_values_are_given(example: p.Statement) -> None:
    """Two values and no stated change: both values, no direction the statement did not give."""
    figure = p.Figure(
        measure="Theft from the person",
        value=Decimal(148),
        unit=p.Unit.COUNT,
        comparisons=(
            p.Comparison(basis=p.ComparisonBasis.SAME_PERIOD_LAST_YEAR, value=Decimal(178)),
        ),
    )
    text = Page(render_html(_with_figure(example, figure))).text
    line = text[text.index("Theft from the person: 148") :].split("\n")[0]
    assert "compared with 178 for the same period last year" in line
    assert " down" not in line
    assert " up" not in line


def test_a_priority_without_figures_says_so_plainly(example: p.Statement) -> None:
    """No figure: the summary says there is none."""
    first = attrs.evolve(example.sections[0], figures=(), blocks=())
    statement = attrs.evolve(example, sections=(first, *example.sections[1:]))
    assert "No figures are given for this priority." in Page(render_html(statement)).text


def test_comparisons_with_others_read_as_higher_or_lower(example: p.Statement) -> None:
    """A comparison with the national average is "lower than", not "down on"."""
    figure = p.Figure(
        measure="Rate",
        value=Decimal("4.2"),
        comparisons=(
            p.Comparison(
                basis=p.ComparisonBasis.NATIONAL_AVERAGE,
                change=p.Change(direction=p.Direction.DECREASE, percent=Decimal(-3)),
            ),
        ),
    )
    assert (
        "3% lower than the national average"
        in Page(render_html(_with_figure(example, figure))).text
    )


# --------------------------------------------------------------------------- tables


def test_figure_tables_have_no_column_of_not_stated(example: p.Statement) -> None:
    """No figure table has a column in which every cell is "Not stated" or empty."""
    html = render_html(example)
    for table in re.findall(r'<div class="pcc-table pcc-table-figures".*?</table>', html, re.S):
        rows = re.findall(r"<tr><th scope=\"row\">.*?</th>(.*?)</tr>", table)
        cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows]
        for column in zip(*cells, strict=True):
            assert any(cell not in ("", "Not stated") for cell in column)
        assert "As published</th>" not in table


@settings(max_examples=25, deadline=None)
@given(statements())
def test_any_statement_renders_with_contents_summary_and_footer(statement: p.Statement) -> None:
    """Any valid statement gets a summary and a footer, in HTML and in Markdown."""
    html = render_html(statement)
    assert 'id="pcc-summary"' in html
    assert 'id="pcc-about"' in html
    assert Page(html).problems() == []
    markdown = render_markdown(statement)
    welsh = statement.language.lower().split("-")[0] == "cy"
    assert ("## Crynodeb" if welsh else "## Summary") in markdown
    assert ("## Am y datganiad hwn" if welsh else "## About this statement") in markdown


# --------------------------------------------------------------------------- footer


def test_footer_gives_dates_editions_contact_and_accessibility(example: p.Statement) -> None:
    """Published and last updated, editions with their changes, contact, accessibility."""
    statement = attrs.evolve(
        example,
        updated=p.PartialDate(year=2023, month=10, day=2),
        history=(
            p.EditionRecord(
                edition="Update October 2023",
                published=p.PartialDate(year=2023, month=10, day=2),
                changes=("Figures for July added",),
            ),
        ),
        contact=p.Contact(email="opcc@example.org", telephone="01234 567890"),
        accessibility_url="https://example.org/accessibility",
    )
    html = render_html(statement)
    footer = html[html.index("<footer") : html.index("</footer>")]
    text = Page(footer).text
    assert "Last updated" in text
    assert "2 October 2023" in text
    assert "Update October 2023 (published 2 October 2023): Figures for July added." in text
    assert '<a href="mailto:opcc@example.org">opcc@example.org</a>' in footer
    assert '<a href="https://example.org/accessibility">Accessibility statement</a>' in footer


def test_a_footer_without_an_update_has_no_last_updated(example: p.Statement) -> None:
    """A "Last updated" line appears only for an update after publication."""
    html = render_html(example)
    assert "Last updated" not in html
    assert "<dt>Published</dt><dd>September 2023</dd>" in html


def test_downloads_are_linked_by_file_name(example: p.Statement) -> None:
    """Figure files given in the options are linked from the footer."""
    options = PageOptions(downloads=(Download("a b.figures.csv", "csv"),))
    html = render_html(example, options=options)
    assert '<a href="a%20b.figures.csv">CSV (comma-separated values)</a>' in html


def test_a_headline_naming_no_figure_of_its_section_is_refused(example: p.Statement) -> None:
    """The loader refuses a headline id that is not one of the section's figures."""
    other = example.sections[1].figures[0].id
    assert other is not None
    first = attrs.evolve(example.sections[0], headline=other)
    text = p.dumps(attrs.evolve(example, sections=(first, *example.sections[1:])))
    with pytest.raises(p.DocumentError, match="sections/0/headline"):
        p.loads(text)
    own = example.sections[0].figures[0].id
    named = attrs.evolve(example.sections[0], headline=own)
    good = attrs.evolve(example, sections=(named, *example.sections[1:]))
    assert p.loads(p.dumps(good)) == good


# --------------------------------------------------------------------------- look and brand


def test_a_logo_is_embedded_and_only_then_are_images_allowed(example: p.Statement) -> None:
    """The logo is a data: URL with text; the policy allows data: images only with a logo."""
    plain = render_html(example)
    assert "img-src 'none'" in plain
    html = render_html(example, options=PageOptions(logo=check_logo(_png())))
    assert "img-src data:;" in html
    image = re.search(r'<img src="(data:image/png;base64,[^"]+)" alt="([^"]+)">', html)
    assert image is not None
    assert image.group(2) == "Logo of Police and Crime Commissioner for West Mercia"
    assert base64.b64decode(image.group(1).split(",")[1]) == _png()
    assert Page(html).problems() == []
    assert "<img" not in render_markdown(example, options=PageOptions(logo=check_logo(_png())))


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<?xml version="1.0"?>\n<!-- a logo -->\n<svg/>',
        b"GIF88a not an image",
        b"",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_LOGO_BYTES,
    ],
)
def test_a_logo_that_is_not_a_small_raster_image_is_refused(data: bytes) -> None:
    """SVG, unknown content, an empty file and an oversized one are refused with a reason."""
    with pytest.raises(p.PageAssetError):
        check_logo(data, "logo.png")


def test_a_logo_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    """A PNG named .jpg is a PNG."""
    path = tmp_path / "logo.jpg"
    path.write_bytes(_png())
    from pcc_priorities.publish import read_logo  # noqa: PLC0415

    assert read_logo(path).media_type == "image/png"


def test_a_bodys_style_sheet_is_added_and_covered_by_the_policy(example: p.Statement) -> None:
    """The body's CSS comes after the page's, inside the one style element its hash allows."""
    css = ".pcc-statement h1 { color: #7a003c; }"
    html = render_html(example, options=PageOptions(stylesheet=css))
    style = html[html.index("<style>") + len("<style>") : html.index("</style>")]
    assert style.rstrip().endswith(css)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in html


@pytest.mark.parametrize("css", ["</style><script>x</script>", "<!-- x", "@import url(x.css);"])
def test_a_style_sheet_that_could_escape_the_page_is_refused(css: str) -> None:
    """A style sheet that would end the element or fetch another file is refused."""
    with pytest.raises(p.PageAssetError):
        check_stylesheet(css)


def test_the_page_has_dark_print_and_narrow_styles_and_a_description(example: p.Statement) -> None:
    """Dark scheme, print and narrow-screen rules, colour-scheme and description metadata."""
    html = render_html(example)
    assert "@media (prefers-color-scheme: dark)" in html
    assert "@media print" in html
    assert "@media (max-width: 40em)" in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert re.search(r'<meta name="description" content="[^"]{40,}">', html)
    assert 'data-label="Value"' in html


_TIME_BASES = [
    p.ComparisonBasis.PREVIOUS_PERIOD,
    p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
    p.ComparisonBasis.BASELINE,
    p.ComparisonBasis.PEAK,
]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_TIME_BASES),
    st.sampled_from([None, *p.Direction]),
    st.one_of(st.none(), st.decimals(min_value=-500, max_value=500, places=1)),
)
def test_the_summary_says_the_direction_the_statement_states(
    basis: p.ComparisonBasis, direction: p.Direction | None, percent: Decimal | None
) -> None:
    """Up, down or unchanged: as stated, else as the sign of the stated change; else none."""
    change = p.Change(direction=direction, percent=percent)
    figure = p.Figure(
        measure="Crime", value=Decimal(10), comparisons=(p.Comparison(basis=basis, change=change),)
    )
    statement = _with_figure(_EXAMPLE, figure)
    text = Page(render_html(statement)).text
    line = text[text.index("Headline figure: Crime: 10") :].split("\n")[0]
    expected = direction
    if expected is None and percent is not None:
        expected = (
            p.Direction.INCREASE
            if percent > 0
            else p.Direction.DECREASE
            if percent < 0
            else p.Direction.STABLE
        )
    words = {
        p.Direction.INCREASE: ", up",
        p.Direction.DECREASE: ", down",
        p.Direction.STABLE: ", unchanged",
    }
    for shown_direction, word in words.items():
        assert (word in line) == (shown_direction is expected), line
    if expected is None:
        assert line.endswith("no change is stated.")


_EXAMPLE = p.load(EXAMPLE)


def test_a_heading_with_nothing_to_read_has_a_contents_link_with_words(
    example: p.Statement,
) -> None:
    """A statement of contribution titled with spaces only is listed as an untitled part."""
    contribution = p.StatementOfContribution(title=" ", blocks=(p.Paragraph(text="Our part."),))
    html = render_html(attrs.evolve(example, contribution=contribution))
    assert '<a href="#pcc-contribution"></a>' not in html
    assert '<a href="#pcc-contribution">Untitled part</a>' in html


@pytest.mark.parametrize("title", ["\u2028", "   ", "\u00a0\u2029"])
def test_a_heading_titled_with_nothing_visible_gets_words(title: str) -> None:
    """A section or part titled only with spaces or separators is headed "Untitled part"."""
    statement = p.load(EXAMPLE)
    sections = list(statement.sections)
    sections[0] = attrs.evolve(sections[0], title=title)
    part, *rest = sections[3].blocks  # a subsection
    sections[3] = attrs.evolve(sections[3], blocks=(attrs.evolve(part, title=title), *rest))
    statement = attrs.evolve(statement, sections=tuple(sections))
    page = render_html(statement)
    headings = re.findall(r"<(h[1-6])[^>]*>(.*?)</\1>", page, re.S)
    assert all(re.sub(r"<[^>]+>", "", text).strip() for _tag, text in headings)
    assert page.count(">Untitled part</h") == 2
    markdown = render_markdown(statement)
    assert markdown.count("Untitled part") >= 2


def _headline_as_specified(section: p.PrioritySection) -> p.Figure | None:
    """The documented choice of headline, written plainly.

    The named figure; else the first figure with a stated change and a value; else the
    first with a stated change; else the first with a value.
    """
    from pcc_priorities.publish.summary import _stated_change, section_figures  # noqa: PLC0415

    figures = section_figures(section)
    named = [f for f in figures if section.headline is not None and f.id == section.headline]
    changed = [f for f in figures if any(_stated_change(c) for c in f.comparisons)]
    for choice in (
        named,
        [f for f in changed if f.value is not None],
        changed,
        [f for f in figures if f.value is not None],
    ):
        if choice:
            return choice[0]
    return None


@given(priority_sections(), st.data())
def test_the_headline_is_the_documented_choice(
    section: p.PrioritySection, data: st.DataObject
) -> None:
    """headline_figure picks, lazily, what the documented order of choices picks."""
    from pcc_priorities.publish.summary import section_figures  # noqa: PLC0415

    ids = [figure.id for figure in section_figures(section) if figure.id is not None]
    named = attrs.evolve(section, headline=data.draw(st.sampled_from([None, "absent", *ids])))
    assert headline_figure(named)[0] is _headline_as_specified(named)
