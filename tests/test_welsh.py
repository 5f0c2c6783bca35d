"""Welsh and bilingual pages: the renderer's words in Welsh, pages linked with hreflang."""

from __future__ import annotations

import enum
import gettext
import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from tests._render_helpers import Page, sample_statement

import pcc_priorities as p
from pcc_priorities.cli.app import main as run
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.publish import layout, messages, render_translations
from pcc_priorities.publish.messages import speaking
from pcc_priorities.publish.rendering import render_html, render_markdown
from pcc_priorities.publish.tree import Inline, Link
from pcc_priorities.publish.words import amount_words, format_date, period_dates
from pcc_priorities.reference.glossary import shipped_glossary

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


def _welsh() -> p.Statement:
    return attrs.evolve(sample_statement(), language="cy")


def test_welsh_statement_renders_with_welsh_headings_and_lang_cy() -> None:
    """A statement in Welsh gets lang="cy" on the page and the renderer's words in Welsh."""
    html = render_html(_welsh())
    assert '<html lang="cy">' in html
    assert '<article class="pcc-statement" lang="cy">' in html
    assert (
        '<h2 id="pcc-applicability">Pa flaenoriaethau cenedlaethol sy\'n berthnasol: cipolwg</h2>'
        in html
    )
    assert "<dt>Cyhoeddwyd gan</dt>" in html
    assert "<dt>Cyhoeddwyd</dt><dd>14 Medi 2023</dd>" in html
    assert '<th scope="col">Blaenoriaeth genedlaethol</th>' in html
    assert "<strong>Blaenoriaeth genedlaethol:</strong>" in html
    # The statement's own text is in the page's language: no lang of its own.
    assert '<p lang="cy">' not in html
    page = Page(html)
    assert page.problems() == []
    for english in ("Published by", "National priority:", "Which national priorities apply"):
        assert english not in page.text


def test_welsh_statement_renders_welsh_markdown() -> None:
    """The Markdown of a Welsh statement has the same Welsh words as its HTML."""
    markdown = render_markdown(_welsh())
    assert "## Pa flaenoriaethau cenedlaethol sy'n berthnasol: cipolwg" in markdown
    assert "- **Cyhoeddwyd gan:**" in markdown
    assert "| Blaenoriaeth genedlaethol | Asesiad | Ble yr aseswyd | Rhesymau a geiriad |" in (
        markdown
    )


def test_welsh_charts_are_captioned_in_welsh() -> None:
    """The words the writers add to a chart are Welsh on a Welsh page, in both formats."""
    html = render_html(_welsh())
    assert "<figcaption>Siart: Offences involving a knife</figcaption>" in html
    assert ">Siart bar: Offences involving a knife</title>" in html
    assert "**Siart: Offences involving a knife**" in render_markdown(_welsh())
    assert "Chart: " not in html
    english = render_html(sample_statement())
    assert "<figcaption>Chart: Offences involving a knife</figcaption>" in english


def test_welsh_tag_with_a_region_keeps_its_tag() -> None:
    """The tag cy-GB is Welsh: Welsh words, and the page declares the statement's own tag."""
    html = render_html(attrs.evolve(sample_statement(), language="cy-GB"))
    assert '<html lang="cy-GB">' in html
    assert "<dt>Cyhoeddwyd gan</dt>" in html


def test_english_page_is_unchanged_by_the_catalogues() -> None:
    """An English statement keeps the renderer's English words and lang="en-GB"."""
    html = render_html(sample_statement())
    assert '<html lang="en-GB">' in html
    assert "<dt>Published by</dt>" in html
    assert "hreflang" not in html


@pytest.mark.parametrize(
    ("value", "welsh"),
    [
        (date(2023, 3, 31), "31 Mawrth 2023"),
        (date(2024, 2, 27), "27 Chwefror 2024"),
        (PartialDate(year=2023, month=9), "Medi 2023"),
        (PartialDate(year=2023), "2023"),
        (PartialDate(year=2020, month=12, day=11), "11 Rhagfyr 2020"),
    ],
)
def test_dates_are_written_as_welsh_bodies_write_them(
    value: date | PartialDate, welsh: str
) -> None:
    """Day, Welsh month, year, with a plain day, as the North Wales commissioner writes."""
    with speaking("cy"):
        assert format_date(value) == welsh


def test_welsh_period_ranges_need_no_mutation() -> None:
    """A range is written with a dash, as Gwent's commissioner writes "Hydref - Rhagfyr 2020"."""
    period = p.ReportingPeriod(start=date(2022, 4, 1), end=date(2023, 3, 31))
    with speaking("cy"):
        assert period_dates(period) == "1 Ebrill 2022 – 31 Mawrth 2023"
    assert period_dates(period) == "1 April 2022 to 31 March 2023"


@pytest.mark.parametrize(
    ("value", "welsh"),
    [(1, "1af"), (2, "2il"), (3, "3ydd"), (5, "5ed"), (11, "11eg"), (18, "18fed"), (23, "23ain"),
     (40, "40fed"), (43, "43ain"), (120, "rhif 120")],
)  # fmt: skip
def test_ranks_take_welsh_ordinals(value: int, welsh: str) -> None:
    """A rank in Welsh has the Welsh ordinal suffix (Gwent writes "2il", "11eg", "23ain")."""
    with speaking("cy"):
        assert amount_words(Decimal(value), p.Unit.RANK) == welsh


def test_numbers_and_percentages_are_written_as_welsh_pages_write_them() -> None:
    """Welsh pages write "46,903" and "8.5%": the same separators as English."""
    with speaking("cy"):
        assert amount_words(Decimal("46903"), p.Unit.COUNT) == "46,903"
        assert amount_words(Decimal("8.5"), p.Unit.PERCENT) == "8.5%"
        assert amount_words(Decimal(-7), p.Unit.PERCENT, signed=True) == "\u22127%"


def test_framework_titles_are_looked_up_in_welsh() -> None:
    """The national priorities' titles are in Welsh on a Welsh page (marked for review)."""
    html = render_html(_welsh())
    assert "Lleihau trais difrifol (2 o 6)" in html
    assert "Mesurau Cenedlaethol Trosedd a Phlismona (2021)" in html


def test_bilingual_statement_renders_as_two_pages_linking_to_each_other() -> None:
    """Each page links to the other with rel=alternate hreflang and a visible switch."""
    english, welsh = sample_statement(), _welsh()
    pages = render_translations(
        [english, welsh], "html", hrefs=["statement.en.html", "statement.cy.html"]
    )
    first, second = pages
    assert '<link rel="alternate" hreflang="cy" href="statement.cy.html">' in first
    assert '<a href="statement.cy.html" hreflang="cy" lang="cy">Cymraeg</a>' in first
    assert '<html lang="en-GB">' in first
    assert '<link rel="alternate" hreflang="en-GB" href="statement.en.html">' in second
    assert '<a href="statement.en.html" hreflang="en-GB" lang="en-GB">English</a>' in second
    assert '<html lang="cy">' in second
    for page in pages:
        assert Page(page).problems() == []


def test_bilingual_markdown_pages_link_to_each_other() -> None:
    """In Markdown each page starts with a link to the other language's page."""
    first, second = render_translations(
        [sample_statement(), _welsh()], "md", hrefs=["en.md", "cy.md"]
    )
    assert first.startswith("[Cymraeg](<cy.md>)\n\n# ")
    assert second.startswith("[English](<en.md>)\n\n# ")


def test_published_translation_address_is_preferred() -> None:
    """A statement naming its other-language page's address links there, not to the file."""
    url = "https://www.example.gov.uk/cy/datganiad"
    english = attrs.evolve(
        sample_statement(), translations=(p.Translation(language="cy", url=url),)
    )
    first, _ = render_translations([english, _welsh()], "html", hrefs=["en.html", "cy.html"])
    assert f'<link rel="alternate" hreflang="cy" href="{url}">' in first
    alone = render_html(english)
    assert f'<a href="{url}" hreflang="cy" lang="cy">Cymraeg</a>' in alone


def test_translation_that_is_not_a_web_address_is_not_linked() -> None:
    """Only http(s) addresses become links; a javascript: address never does."""
    english = attrs.evolve(
        sample_statement(),
        translations=(p.Translation(language="cy", url="javascript:alert(1)"),),
    )
    assert "javascript" not in render_html(english)


def test_two_statements_in_one_language_are_refused() -> None:
    """A pair of pages needs two languages."""
    with pytest.raises(ValueError, match="more than one statement in 'en-gb'"):
        render_translations([sample_statement()] * 2, "html", hrefs=["a.html", "b.html"])
    with pytest.raises(ValueError, match="2 statements but 1 addresses"):
        render_translations([sample_statement(), _welsh()], "html", hrefs=["a.html"])


def test_translation_round_trips_through_the_document_format() -> None:
    """A statement's translations are saved and loaded back unchanged."""
    english = attrs.evolve(
        sample_statement(),
        translations=(p.Translation(language="cy", url="https://example.org/cy"),),
    )
    assert p.loads(p.dumps(english)) == english


def test_translation_language_must_be_a_language_tag() -> None:
    """A translation's language is checked like the statement's, with its path."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["translations"] = [{"language": "not a tag", "url": "https://example.org/cy"}]
    with pytest.raises(p.DocumentError, match="/translations/0/language"):
        p.loads(json.dumps(data))


def test_cli_renders_a_statement_and_its_translation(tmp_path: Path) -> None:
    """`render --translation` writes both pages, each linking to the other by file name."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    english = tmp_path / "statement.json"
    english.write_text(json.dumps(data), encoding="utf-8")
    data["language"] = "cy"
    welsh = tmp_path / "datganiad.json"
    welsh.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "cy").mkdir()
    code = run(
        [
            "render",
            str(english),
            "--translation",
            str(welsh),
            "-o",
            str(tmp_path / "statement.html"),
            "--translation-output",
            str(tmp_path / "cy" / "datganiad.html"),
        ]
    )
    assert code == 0
    first = (tmp_path / "statement.html").read_text(encoding="utf-8")
    second = (tmp_path / "cy" / "datganiad.html").read_text(encoding="utf-8")
    assert 'hreflang="cy" href="cy/datganiad.html"' in first
    assert 'hreflang="en-GB" href="../statement.html"' in second
    assert re.search(r"<h2 id=\"pcc-review\">Adolygu'r datganiad hwn</h2>", second)


def test_cli_refuses_a_translation_without_its_output(tmp_path: Path) -> None:
    """Each translation needs an output of its own; nothing is written otherwise."""
    code = run(
        ["render", str(EXAMPLE), "--translation", str(EXAMPLE), "-o", str(tmp_path / "a.html")]
    )
    assert code == 2
    assert list(tmp_path.iterdir()) == []


class _Marked(gettext.NullTranslations):
    """A catalogue that marks every message it is asked for (pseudo-localisation)."""

    def gettext(self, message: str) -> str:
        return f"\u27e6{message}\u27e7"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"\u27e6{msgid1 if n == 1 else msgid2}\u27e7"


_MARKED = re.compile("\u27e6[^\u27e6\u27e7]*\u27e7")
_WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]+")


def _all_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, enum.Enum):
        yield str(value.value)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _all_strings(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _all_strings(getattr(value, field.name))


def _inline_text(piece: Inline) -> str:
    if isinstance(piece, Link):
        return "".join(_inline_text(inner) for inner in piece.content)
    return piece.text


def _pieces(value: object) -> Iterator[str]:
    """Every piece of text in a layout tree: its inlines (each run joined), captions, columns."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple) and value and all(isinstance(v, Inline) for v in value):
        yield "".join(_inline_text(piece) for piece in value)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _pieces(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name not in {"anchor", "kind", "lang", "href", "skip_to", "style", "data_url"}:
                yield from _pieces(getattr(value, field.name))


CORPUS = sorted((ROOT / "tests" / "statements").glob("*.json"))


@pytest.mark.parametrize(
    "source", [EXAMPLE, None, *CORPUS], ids=lambda s: s.stem if s else "sample"
)
def test_every_renderer_word_is_looked_up_in_the_catalogue(
    monkeypatch: pytest.MonkeyPatch, source: Path | None
) -> None:
    """With a catalogue that marks each message, no unmarked English is left on the page.

    Words from the statement itself are allowed; any other word outside the marks is a
    renderer word that was not looked up (wrap it in ``_()`` or ``renderer_words()``).
    """
    loaded = sample_statement() if source is None else p.load(source)
    statement = attrs.evolve(loaded, language="cy")
    monkeypatch.setattr(messages, "translations", lambda language: _Marked())
    document = layout(statement, glossary=shipped_glossary())
    allowed = {word for text in _all_strings(statement) for word in _WORD.findall(text)}
    allowed |= {word for text in _all_strings(shipped_glossary()) for word in _WORD.findall(text)}
    unmarked: set[str] = set()
    for piece in _pieces(document):
        text = piece
        while _MARKED.search(text):
            text = _MARKED.sub(" ", text)
        unmarked |= set(_WORD.findall(text)) - allowed
    assert unmarked == set()
