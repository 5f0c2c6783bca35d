"""Publishing: the HTML page and fragment, the Markdown, and that statement text stays inert."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from _render_helpers import (
    Page,
    map_texts,
    markdown_skeleton,
    markdown_text,
    markdown_tokens,
    published_texts,
    sample_statement,
    shown,
    squeeze,
    tame,
)
from pcc_priorities.publish import (
    RenderFormat,
    html_stylesheet,
    render_file,
    render_html,
    render_markdown,
)
from pcc_priorities.testing import hostile_texts, statements

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: The hostile-text properties: 30 examples a run (in CI, the same 30); PCC_HOSTILE_EXAMPLES
#: runs more, e.g. with --hypothesis-seed=N over several N (docs/publishing.md).
HOSTILE = settings(SETTINGS, max_examples=int(os.environ.get("PCC_HOSTILE_EXAMPLES", "30")))


def hostile_pool(data: st.DataObject, min_size: int = 0) -> Callable[[str], str]:
    """Return a function that replaces each text with the next of a few hostile texts."""
    pool = itertools.cycle(
        data.draw(st.lists(hostile_texts(min_size=min_size), min_size=1, max_size=12))
    )
    return lambda _: next(pool)


def _unlabelled(html: str) -> str:
    """The page without the column names its table cells carry for narrow screens."""
    return re.sub(r' data-label="[^"]*"', "", html)


@pytest.fixture(scope="module")
def statement() -> p.Statement:
    return sample_statement()


@pytest.fixture(scope="module")
def page(statement: p.Statement) -> Page:
    return Page(render_html(statement))


# --------------------------------------------------------------------------- the HTML page


def test_page_is_standalone_english_and_has_one_h1(statement: p.Statement) -> None:
    """The page declares en-GB, has one h1, its own style sheet and no script or asset."""
    html = render_html(statement)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert html.count("<h1") == 1
    assert "<script" not in html
    assert "<link" not in html
    assert "src=" not in html
    assert "@import" not in html
    assert "Content-Security-Policy" in html
    assert "default-src 'none'" in html
    assert "<title>Police and Crime Commissioner Statement – Police and Crime" in html


def test_page_parses_within_the_renderer_vocabulary(page: Page) -> None:
    """Every element and attribute of the sample page is one the renderer means to write."""
    assert page.problems() == []


def test_headings_follow_the_statement_in_order(statement: p.Statement) -> None:
    """There is a heading per priority and per subsection, in published order, one level down."""
    html = render_html(statement)
    found = re.findall(r"<(h[1-6])[^>]*>(.*?)</h[1-6]>", html)
    assert found == [
        ("h1", "Police and Crime Commissioner Statement"),
        ("h2", "Contents"),
        ("h2", "Summary"),
        ("h2", "Which national priorities apply: at a glance"),
        ("h2", "National Policing priorities"),
        ("h3", "Reduce serious violence"),
        ("h4", "Reflections on force performance"),
        ("h3", "Tackle cyber crime"),
        ("h2", "Review of this statement"),
        ("h2", "Local plans and strategies"),
        ("h2", "Abbreviations"),
        ("h2", "About this statement"),
    ]


def test_applicability_is_shown_at_a_glance(statement: p.Statement) -> None:
    """The applicability table gives each priority's status, where it was assessed and why."""
    html = render_html(statement)
    table = html[html.index("Applicability of each national priority") :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table)
    assert len(rows) == 6  # two sections, and the four priorities the statement leaves out
    first, second = rows[0], rows[1]
    assert 'href="#pcc-priority-serious-violence"' in first[0]
    assert "pcc-status-applicable" in first[1]
    assert "The statement-wide assessment" in first[1]
    assert "Not applicable" in second[1]
    assert "Handled regionally" in second[1]
    # The statement-wide assessment covers the priorities without a section too.
    assert all("The statement-wide assessment; no section" in row[1] for row in rows[2:])
    assert all("pcc-status-applicable" in row[1] for row in rows[2:])
    assert 'id="pcc-priority-serious-violence"' in html


def test_figures_are_tables_with_captions_and_header_scopes(statement: p.Statement) -> None:
    """Figures are in tables with a caption, column headers and a row header per figure."""
    html = render_html(statement)
    found = re.search(r'<caption id="pcc-caption-\d+">Figures: Reduce serious violence', html)
    assert found is not None
    start = found.start()
    table = html[start : html.index("</table>", start)]
    columns = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert columns == [
        "Measure",
        "Value",
        "Unit",
        "Period",
        "Area",
        "Compared with",
        "Change",
    ]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table)
    knife = [cells for header, cells in rows if header == "Offences involving a knife"]
    assert len(knife) == 2  # one row per comparison
    # The figure's wording, which no narrative around the table publishes, shown once.
    assert (
        '<td data-label="Value">1,209<br>As published: 1,209, which is a 7% (n = 76) decrease '
        'from 2021/22</td><td data-label="Unit">Count</td>'
    ) in knife[0]
    assert "As published: 1,209" not in knife[1]
    assert "Previous period (2021/22)" in knife[0]
    assert "Decrease: −76 (−7%)" in knife[0]
    assert "a 7% (n = 76) decrease" not in knife[0].split("Decrease")[1].split("</td>")[0]
    assert "Baseline: 1,300<br>As published: below the 2019 baseline" in knife[1]
    assert "up to 53%" in table
    assert "North Worcs" in table
    assert "Not available: NHS data is not available (proxy metric: Knife Crime Offences)" in table


def test_values_are_written_in_their_units(statement: p.Statement) -> None:
    """Money, rates and ranks are written as a reader expects them."""
    html = render_html(statement)
    html = _unlabelled(html)
    assert "<td>£163,000</td><td>Pounds sterling</td>" in html
    assert "<td>4.25</td><td>Rate per 1,000 households</td>" in html
    assert "<td>8th highest of 43 (forces)</td><td>Rank</td>" in html


def test_metrics_name_their_data_source_and_national_metric(statement: p.Statement) -> None:
    """The metrics table gives each metric's data source and the national metric it matches."""
    html = _unlabelled(render_html(statement))
    assert (
        '<tr><th scope="row">Offences involving discharge of a firearm</th>'
        "<td>Police recorded</td><td>Offences involving the discharge of a firearm</td></tr>"
    ) in html
    assert "<td>Local metric</td>" in html


def test_narrative_blocks_keep_their_kind(statement: p.Statement) -> None:
    """Paragraphs, lists, numbered lists and quotations with attribution are kept as such."""
    html = render_html(statement)
    assert (
        "<ul>\n<li>a statement on the contribution;</li>\n<li>an explanation.</li>\n</ul>" in html
    )
    assert "<ol>\n<li>First step</li>\n<li>Second step</li>\n</ol>" in html
    assert (
        '<figure class="pcc-quotation">\n<blockquote><p>Crimes that involve knives or guns</p>'
        "</blockquote>\n<figcaption>— Beating Crime Plan</figcaption>\n</figure>"
    ) in html


def test_publication_date_and_review_are_shown(statement: p.Statement) -> None:
    """The publication date, edition and review wording appear."""
    html = render_html(statement)
    assert "<dt>Published</dt><dd>14 September 2023</dd>" in html
    assert "<dt>Edition</dt><dd>Update September 2023</dd>" in html
    assert "<p>This statement will be reviewed quarterly.</p>" in html


def test_acronyms_default_to_the_statement_glossary(statement: p.Statement) -> None:
    """Terms of the statement's glossary are marked up with their expansions, plural too."""
    html = render_html(statement)
    assert '<abbr title="organised crime group">OCG</abbr> disruptions' in html
    assert '<abbr title="Domestic Violence Protection Notice">DVPN</abbr>s were' in html
    assert "<dt>OCG</dt><dd>organised crime group</dd>" in html


def test_acronyms_given_replace_the_glossary(statement: p.Statement) -> None:
    """A mapping of acronyms is used instead of the glossary, and lists the terms it marked."""
    html = render_html(statement, acronyms={"PCC": "police and crime commissioner"})
    assert '<abbr title="police and crime commissioner">PCC</abbr>s must publish' in html
    assert '<abbr title="organised crime group">' not in html
    assert "<dt>PCC</dt><dd>police and crime commissioner</dd>" in html
    assert "<dt>OCG</dt>" in html  # the statement's own glossary is still published


def test_acronyms_match_whole_words_only() -> None:
    """An acronym inside a longer word is not marked up."""
    statement = attrs.evolve(
        sample_statement(), introduction=(p.Paragraph(text="OCGS XOCG OCG_ OCG."),)
    )
    html = render_html(statement, acronyms={"OCG": "organised crime group"})
    assert '<p>OCGS XOCG OCG_ <abbr title="organised crime group">OCG</abbr>.</p>' in html


def test_no_acronyms_when_given_none(statement: p.Statement) -> None:
    """An empty mapping marks up nothing."""
    assert "<abbr" not in render_html(statement, acronyms={})


def test_fragment_is_an_article_for_a_cms(statement: p.Statement) -> None:
    """The fragment is one article, without page furniture, and can start below the CMS's h1."""
    fragment = render_html(statement, fragment=True, heading_level=2)
    assert fragment.startswith('<article class="pcc-statement" lang="en-GB">')
    assert fragment.endswith("</article>\n")
    assert "<html" not in fragment
    assert "<style" not in fragment
    assert "<h1" not in fragment
    assert '<h2 id="pcc-title">Police and Crime Commissioner Statement</h2>' in fragment
    assert "<h5>Reflections on force performance</h5>" in fragment
    assert Page(fragment).problems() == []


def test_stylesheet_is_scoped_and_printable() -> None:
    """The style sheet styles only the statement and has print rules."""
    css = html_stylesheet()
    rules = [line for line in css.splitlines() if line.endswith("{") and not line.startswith("@")]
    assert all(rule.lstrip().startswith(".pcc-statement") for rule in rules)
    assert "@media print" in css


def test_heading_level_is_checked(statement: p.Statement) -> None:
    """A heading level outside 1-4 is refused."""
    with pytest.raises(ValueError, match="heading_level"):
        render_html(statement, heading_level=5)


def test_deep_subsections_stop_at_h6() -> None:
    """Subsections nested deeper than h6 stay at h6."""
    block: p.Block = p.Paragraph(text="deep")
    for depth in range(6):
        block = p.Subsection(title=f"level {depth}", blocks=(block,))
    section = p.PrioritySection(priority="homicide", title="Homicide", blocks=(block,))
    statement = attrs.evolve(sample_statement(), sections=(section,))
    html = render_html(statement)
    assert max(int(level) for level in re.findall(r"<h([1-6])", html)) == 6
    assert "<h6>level 0</h6>" in html


def test_unknown_framework_and_priority_still_render() -> None:
    """A statement against an unregistered framework renders, naming its ids as given."""
    statement = attrs.evolve(
        sample_statement(),
        framework="local-2030",
        sections=(p.PrioritySection(priority="Bad id!", title="Local priority"),),
    )
    page = Page(render_html(statement))
    assert page.problems() == []
    assert "National priority: Bad id! (not in the framework)" in page.text
    assert "#pcc-section-1" in page.hrefs()


# --------------------------------------------------------------------------- hostile text


def test_hostile_text_is_escaped_and_links_are_web_only() -> None:
    """Markup in text is shown as text; javascript: addresses never become links."""
    statement = attrs.evolve(
        sample_statement(),
        title='<script>alert(1)</script>"><img src=x onerror=alert(1)>',
        source_url="javascript:alert(1)",
        plans=(p.PlanReference(kind=p.PlanKind.OTHER, title="Plan", url="javascript:alert(2)"),),
    )
    html = render_html(statement)
    assert '&lt;script&gt;alert(1)&lt;/script&gt;"&gt;&lt;img src=x onerror=alert(1)&gt;' in html
    page = Page(html)
    assert page.problems() == []
    assert not any(href.startswith("javascript") for href in page.hrefs())
    assert "javascript:alert(1)" in page.text
    assert "Plan (javascript:alert(2))" in page.text


def test_control_characters_become_visible() -> None:
    """NUL, escape and C1 controls are shown as symbols, never written raw."""
    statement = attrs.evolve(sample_statement(), review="a\x00b\x1bc\x85d\x7fe\ufffff")
    for text in (render_html(statement), render_markdown(statement)):
        assert "a␀b␛c\ufffdd␡e\ufffdf" in text
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)


def test_bidi_controls_become_visible() -> None:
    """Bidi overrides and isolates are shown as their code points, never written raw."""
    review = "a\u202eb\u202ac\u2066d\u2069e"
    statement = attrs.evolve(sample_statement(), review=review)
    for text in (render_html(statement), render_markdown(statement)):
        assert (
            "a\u27e8U+202E\u27e9b\u27e8U+202A\u27e9c\u27e8U+2066\u27e9d\u27e8U+2069\u27e9e" in text
        )
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text)
    assert statement.review == review


def test_line_breaks_in_text_are_kept() -> None:
    """A line break inside a paragraph is a line break in both formats."""
    statement = attrs.evolve(sample_statement(), review="one\ntwo\r\nthree")
    assert "<p>one<br>two<br>three</p>" in render_html(statement)
    assert "one\\\ntwo\\\nthree" in render_markdown(statement)


@HOSTILE
@given(statements(), st.data())
def test_html_of_hostile_statements_is_inert(statement: p.Statement, data: st.DataObject) -> None:
    """With any text, the HTML parses, shows every text, and no element comes from the text."""
    hostile = map_texts(statement, hostile_pool(data))
    page = Page(render_html(hostile, acronyms={}))
    assert page.problems() == []
    tamed = Page(render_html(map_texts(hostile, tame), acronyms={}))
    assert page.skeleton() == tamed.skeleton()
    visible = page.text + "\n" + "\n".join(page.hrefs())
    for text in published_texts(hostile):
        assert shown(text) in visible


@HOSTILE
@given(statements(), st.data())
def test_html_with_hostile_ids_and_glossary_is_inert(
    statement: p.Statement, data: st.DataObject
) -> None:
    """Hostile ids, codes, languages and glossary entries never become markup either."""
    hostile = map_texts(statement, hostile_pool(data, min_size=1), ids=True)
    glossary = tuple(
        p.GlossaryEntry(term=data.draw(hostile_texts(min_size=1)), expansion=expansion)
        for expansion in data.draw(st.lists(hostile_texts(), max_size=3))
    )
    hostile = attrs.evolve(hostile, glossary=(*glossary, p.GlossaryEntry(term="x", expansion='"')))
    for fragment in (False, True):
        page = Page(render_html(hostile, fragment=fragment))
        assert page.problems() == []


# --------------------------------------------------------------------------- Markdown


def test_markdown_has_the_same_content(statement: p.Statement) -> None:
    """The Markdown carries the headings, tables and narrative of the HTML."""
    markdown = render_markdown(statement)
    assert markdown.startswith("# Police and Crime Commissioner Statement\n")
    assert "\n### Reduce serious violence\n" in markdown
    assert "\n#### Reflections on force performance\n" in markdown
    assert "Table: Figures: Reduce serious violence\n\n| Measure | Value |" in markdown
    assert "| Offences involving a knife | 1,209 | Count |" in markdown
    assert "> Crimes that involve knives or guns\n>\n> — Beating Crime Plan" in markdown
    assert re.search(r"^[-*] \*\*OCG:\*\* organised crime group$", markdown, re.M)
    tables = [token for token in markdown_tokens(markdown) if token.type == "table_open"]
    # Five tables, and the data of the knife crime chart.
    assert len(tables) == render_html(statement).count("<table>") == 6


def test_markdown_escapes_syntax() -> None:
    """Markdown syntax in text is escaped so it reads as the characters written."""
    statement = attrs.evolve(
        sample_statement(),
        introduction=(
            p.Paragraph(text="# not a heading"),
            p.Paragraph(text="1. not a list *not em* [not](link) <b>x</b> a | b &amp;"),
            p.Paragraph(text="- not an item\n    not code\n\n===\nTelford & Wrekin"),
        ),
    )
    markdown = render_markdown(statement)
    assert "\\# not a heading" in markdown
    assert (
        "1\\. not a list \\*not em\\* \\[not\\](link) \\<b\\>x\\</b\\> a \\| b \\&amp;" in markdown
    )
    assert "\\- not an item\\\n&#32;   not code\\\n\\\n\\===\\\nTelford & Wrekin" in markdown
    text = markdown_text(markdown)
    assert "# not a heading" in text
    assert "1. not a list *not em* [not](link) <b>x</b> a | b &amp;" in text


def test_consecutive_lists_stay_apart() -> None:
    """Two lists in a row stay two lists."""
    statement = attrs.evolve(
        sample_statement(),
        introduction=(p.BulletList(items=("a", "b")), p.BulletList(items=("c",))),
    )
    tokens = markdown_tokens(render_markdown(statement))
    lists = [token for token in tokens if token.type == "bullet_list_open"]
    html = render_html(statement)
    assert len(lists) == html.count("<ul") + html.count("<dl")


@HOSTILE
@given(statements(), st.data())
def test_markdown_of_hostile_statements_keeps_its_structure(
    statement: p.Statement, data: st.DataObject
) -> None:
    """With any text, the Markdown has the structure it has with plain text, and shows it all."""
    hostile = map_texts(statement, hostile_pool(data))
    markdown = render_markdown(hostile, acronyms={})
    tamed = render_markdown(map_texts(hostile, tame), acronyms={})
    assert markdown_skeleton(markdown) == markdown_skeleton(tamed)
    visible = squeeze(markdown_text(markdown))
    for text in published_texts(hostile):
        assert squeeze(shown(text)) in visible


# --------------------------------------------------------------------------- files


def test_render_dispatches_on_format(statement: p.Statement) -> None:
    """render() gives the HTML for "html" and the Markdown for "md", and refuses others."""
    assert p.render(statement, "html") == render_html(statement)
    assert p.render(statement, RenderFormat.MARKDOWN) == render_markdown(statement)
    with pytest.raises(ValueError, match="pdf"):
        p.render(statement, "pdf")


def test_render_file_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    """render_file writes the output, refuses an existing one unless told, and never the input."""
    source = tmp_path / "statement.json"
    p.dump(sample_statement(), source)
    output = tmp_path / "statement.html"
    render_file(source, output, "html")
    assert output.read_text("utf-8") == render_html(sample_statement())
    with pytest.raises(p.OutputExistsError, match="already exists"):
        render_file(source, output, "md")
    render_file(source, output, "md", overwrite=True)
    assert output.read_text("utf-8").startswith("# Police")
    before = source.read_bytes()
    with pytest.raises(p.OutputExistsError, match="input"):
        render_file(source, tmp_path / "." / "statement.json", "md", overwrite=True)
    assert source.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["statement.html", "statement.json"]


def test_statement_language_is_marked_on_its_text() -> None:
    """A statement in a language without a catalogue has lang on its text, English words."""
    statement = attrs.evolve(sample_statement(), language="fr")
    html = render_html(statement)
    assert '<html lang="en-GB">' in html
    assert '<h1 id="pcc-title" lang="fr">' in html
    assert '<p lang="fr">Set out below is the statement.</p>' in html
    assert '<h2 id="pcc-applicability">Which national priorities apply: at a glance</h2>' in html
    assert 'lang="fr"' not in render_html(attrs.evolve(statement, language="en-GB"))


def test_statement_wide_reasons_show_on_each_priority_relying_on_them() -> None:
    """A priority without its own assessment shows the statement-wide status and reasons."""
    statement = sample_statement()
    wide = attrs.evolve(statement.applicability, reasons=("They align to the plan",))
    html = render_html(attrs.evolve(statement, applicability=wide))
    row = re.search(r'<tr><th scope="row"><a href="#pcc-priority-serious-violence">.*?</tr>', html)
    assert row is not None
    assert "The statement-wide assessment</td><td>They align to the plan</td>" in _unlabelled(
        row.group()
    )
