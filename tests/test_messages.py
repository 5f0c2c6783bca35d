"""The renderer's message catalogues: complete, compiled from their sources, documented."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pcc_priorities.publish import messages
from pcc_priorities.publish.messages import (
    catalogue_language,
    current_language,
    ngettext,
    number_count,
    speaking,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools import messages as tool  # noqa: E402

REGENERATE = "python tools/messages.py"
_FIELD = re.compile(r"\{[a-z_]+\}")


def _ids(catalogue: Any) -> set[object]:
    return {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalogue
        if message.id
    }


def _strings(message: Any) -> list[str]:
    string = message.string
    return [string] if isinstance(string, str) else list(string)


def test_template_lists_every_message_in_the_code() -> None:
    """The shipped template holds exactly the messages the code and reference data use."""
    extracted = _ids(tool.template())
    shipped = _ids(tool.read(tool.TEMPLATE))
    assert extracted - shipped == set(), f"new messages; run: {REGENERATE}"
    assert shipped - extracted == set(), f"messages no longer used; run: {REGENERATE}"


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_each_catalogue_has_every_message_of_the_template(language: str) -> None:
    """The English and Welsh catalogues are updated from the template."""
    catalogue = tool.read(tool.catalogue_path(language), language)
    assert _ids(catalogue) == _ids(tool.read(tool.TEMPLATE)), f"run: {REGENERATE}"


def test_every_english_message_has_a_welsh_translation() -> None:
    """Every message has Welsh, in every plural form; the failure lists those without."""
    welsh = tool.read(tool.catalogue_path("cy"), "cy")
    missing = [message.id for message in welsh if message.id and not all(_strings(message))]
    assert missing == [], (
        "messages without Welsh (fill them in in "
        "src/pcc_priorities/publish/locale/cy/LC_MESSAGES/pcc_priorities.po, with "
        f"'# Status:' and '# Source:' comments, then run {REGENERATE}):\n"
        + "\n".join(repr(message_id) for message_id in missing)
    )


def test_every_welsh_translation_says_how_far_it_can_be_relied_on() -> None:
    """Each Welsh entry is confirmed, public or for review; the first two name a source."""
    welsh = tool.read(tool.catalogue_path("cy"), "cy")
    problems = []
    for message in welsh:
        if not message.id:
            continue
        status, sources = tool.status(message)
        if status not in tool.STATUSES:
            problems.append(f"{message.id!r}: status {status!r}")
        elif status != "review" and not all(s.startswith("http") for s in sources or [""]):
            problems.append(f"{message.id!r}: {status} without a source address")
    assert problems == []


def test_national_priorities_are_never_marked_as_published_welsh() -> None:
    """No Welsh wording of the priorities or metrics was found published: all are for review."""
    welsh = tool.read(tool.catalogue_path("cy"), "cy")
    from_data = [m for m in welsh if m.id and any("reference data" in c for c in m.auto_comments)]
    assert len(from_data) >= 16
    assert {tool.status(message)[0] for message in from_data} == {"review"}


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_translations_keep_the_placeholders_of_the_english(language: str) -> None:
    """A translation has the same {fields} as its English, so formatting never fails."""
    catalogue = tool.read(tool.catalogue_path(language), language)
    for message in catalogue:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[-1]
        for string in _strings(message):
            assert sorted(_FIELD.findall(string)) == sorted(_FIELD.findall(english)), message.id


def test_english_catalogue_gives_each_message_as_it_is() -> None:
    """English is the source language: each English message is its own translation."""
    english = tool.read(tool.catalogue_path("en"), "en")
    for message in english:
        if message.id:
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            assert _strings(message) == ids


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_compiled_catalogues_match_their_sources(language: str) -> None:
    """The shipped .mo file is the .po file compiled (run the tool after editing a .po)."""
    source = tool.read(tool.catalogue_path(language), language)
    shipped = tool.catalogue_path(language, "mo").read_bytes()
    assert shipped == tool.mo_bytes(source), f"{language} .mo is out of date; run: {REGENERATE}"


def test_welsh_glossary_is_generated_from_the_catalogue() -> None:
    """docs/welsh-glossary.md lists every Welsh entry with its status and source."""
    welsh = tool.read(tool.catalogue_path("cy"), "cy")
    assert tool.GLOSSARY.read_text(encoding="utf-8") == tool.glossary(welsh), (
        f"docs/welsh-glossary.md is out of date; run: {REGENERATE}"
    )


def test_catalogue_language_follows_the_primary_subtag() -> None:
    """Welsh tags in any case choose Welsh; every other tag chooses English."""
    assert [catalogue_language(t) for t in ("cy", "CY", "cy-GB", "en-GB", "fr", "x")] == [
        "cy",
        "cy",
        "cy",
        "en",
        "en",
        "en",
    ]


def test_speaking_sets_the_language_for_the_block_only() -> None:
    """The language chosen lasts until the block ends, even when it raises."""
    assert current_language() == "en"
    seen: list[str] = []

    def welsh_then_fail() -> None:
        with speaking("cy-GB"):
            seen.extend([current_language(), messages._("March")])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        welsh_then_fail()
    assert seen == ["cy", "Mawrth"]
    assert current_language() == "en"
    assert messages._("March") == "March"


def test_unknown_catalogue_is_refused() -> None:
    """Only shipped languages have catalogues."""
    with pytest.raises(ValueError, match="shipped: en, cy"):
        messages.translations("fr")


@pytest.mark.parametrize(
    ("value", "english", "welsh"),
    [
        (Decimal(1), "1 percentage point", "1 pwynt canran"),
        (Decimal(-1), "-1 percentage point", "-1 pwynt canran"),
        (Decimal(2), "2 percentage points", "2 pwynt canran"),
        (Decimal("1.5"), "1.5 percentage points", "1.5 pwynt canran"),
        (Decimal(0), "0 percentage points", "0 pwynt canran"),
    ],
)
def test_counts_take_their_plural_form(value: Decimal, english: str, welsh: str) -> None:
    """English says "1 point", "2 points"; Welsh writes the noun after a number unchanged."""
    for language, expected in (("en", english), ("cy", welsh)):
        with speaking(language):
            form = ngettext(
                "{number} percentage point", "{number} percentage points", number_count(value)
            )
            assert form.format(number=value) == expected
