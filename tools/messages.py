"""Keep the renderer's message catalogues up to date: extract, update, compile, list.

Run from the repository's root after changing the renderer's words::

    python tools/messages.py

It extracts every message from the publishing layer's code (the strings given to ``_``,
``N_``, ``ngettext``, ``pgettext`` and ``renderer_words``) and the framework titles the
renderer prints from the reference data, writes the template
(``src/pcc_priorities/publish/locale/pcc_priorities.pot``), updates the English and Welsh
catalogues from it (new messages come in untranslated, removed ones go, translations and
their translator comments stay), compiles each ``.po`` to the ``.mo`` the renderer reads,
and writes the Welsh glossary for review (``docs/welsh-glossary.md``) from the Welsh
catalogue's comments.

Each Welsh entry carries two translator comments, kept by updates::

    # Status: confirmed        (or: review)
    # Source: https://...      (where the Welsh bodies publish the wording)

Needs Babel (the ``messages`` extra; the documentation's Sphinx brings it too). The tests
in ``tests/test_messages.py`` use the same functions to check that everything is current.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "pcc_priorities"
PUBLISH = PACKAGE / "publish"
LOCALE = PUBLISH / "locale"
FRAMEWORKS = PACKAGE / "reference" / "data" / "frameworks"
TEMPLATE = LOCALE / "pcc_priorities.pot"
GLOSSARY = ROOT / "docs" / "welsh-glossary.md"
LANGUAGES = ("en", "cy")

#: The functions whose string arguments are the renderer's words.
KEYWORDS = {**DEFAULT_KEYWORDS, "renderer_words": None}

#: Fixed header dates, so that catalogues change only when their messages do.
_DATE = datetime(2026, 11, 29, tzinfo=UTC)

#: How far a Welsh entry can be relied on (see the glossary's introduction).
STATUSES = ("confirmed", "public", "review")


def catalogue_path(language: str, suffix: str = "po") -> Path:
    """Where the catalogue of ``language`` lives (``.po`` source or compiled ``.mo``)."""
    return LOCALE / language / "LC_MESSAGES" / f"pcc_priorities.{suffix}"


def _new_catalogue(locale: str | None) -> Catalog:
    return Catalog(
        locale=locale,
        header_comment=(
            "# The renderer's words"
            + (f" in {locale!r}" if locale else ": the template")
            + ". See tools/messages.py.\n#"
        ),
        domain="pcc_priorities",
        project="pcc-priorities",
        version="",
        copyright_holder="pcc-priorities contributors",
        msgid_bugs_address="",
        creation_date=_DATE,
        revision_date=_DATE,
        language_team="",
        last_translator="",
        charset="utf-8",
        fuzzy=False,
    )


def _framework_titles() -> Iterator[tuple[str, str]]:
    """The titles the renderer prints from the reference data, with their file."""
    for path in sorted(FRAMEWORKS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        where = f"reference data: {path.relative_to(PACKAGE).as_posix()}"
        yield data["title"], where
        for priority in data["priorities"]:
            yield priority["title"], where
        for metric in data["metrics"]:
            yield metric["title"], where


def template() -> Catalog:
    """The template: every message in the code and the reference data, in order found."""
    catalogue = _new_catalogue(None)
    found = extract_from_dir(
        str(PUBLISH),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        path = f"src/pcc_priorities/publish/{filename}"
        catalogue.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    for title, where in _framework_titles():
        catalogue.add(title, None, auto_comments=[where])
    return catalogue


def read(path: Path, locale: str | None = None) -> Catalog:
    """Read a ``.po`` or ``.pot`` file."""
    with path.open("rb") as source:
        return read_po(source, locale=locale)


def po_text(catalogue: Catalog) -> bytes:
    """A catalogue as ``.po`` text: locations without line numbers, no obsolete entries."""
    out = io.BytesIO()
    write_po(out, catalogue, width=100, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalogue: Catalog) -> bytes:
    """A catalogue compiled as gettext's ``.mo`` file."""
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def updated(language: str, fresh: Catalog) -> Catalog:
    """The catalogue of ``language`` updated from the template ``fresh``."""
    path = catalogue_path(language)
    catalogue = read(path, language) if path.exists() else _new_catalogue(language)
    catalogue.update(fresh, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.revision_date = _DATE
    catalogue.creation_date = _DATE
    if language == "en":  # the source language: each message is its own translation
        for message in catalogue:
            if isinstance(message.id, str) and not message.string:
                message.string = message.id
            elif message.id and not any(message.string):
                message.string = tuple(message.id)
    return catalogue


def status(message: Message) -> tuple[str | None, list[str]]:
    """A Welsh entry's review status and its sources, from its translator comments."""
    found: str | None = None
    sources: list[str] = []
    for comment in message.user_comments:
        key, _, value = comment.partition(":")
        if key.strip() == "Status":
            found = value.strip()
        elif key.strip() == "Source":
            sources.append(value.strip())
        elif sources and not sources[-1]:  # a long address, wrapped onto the next line
            sources[-1] = comment.strip()
    return found, sources


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def glossary(welsh: Catalog) -> str:
    """The Welsh glossary for review, as Markdown, from the Welsh catalogue."""
    lines = [
        "# Welsh glossary: the renderer's words in Welsh, for review",
        "",
        "Generated by `python tools/messages.py` from the Welsh message catalogue",
        "(`src/pcc_priorities/publish/locale/cy/LC_MESSAGES/pcc_priorities.po`); edit the",
        "catalogue, not this page. The status says how far the Welsh can be relied on:",
        "",
        "- **confirmed**: the wording, or the pattern it follows (a date, a range, a",
        "  count), is published by a Welsh policing body (a commissioner or a force) at the",
        "  source given;",
        "- **public**: published by another public body in Wales (the Senedd, the Welsh",
        "  Government, a council, a UK department's Welsh pages), not found on a policing",
        "  body's pages;",
        "- **review**: not found published; a Welsh speaker should review it before a body",
        "  relies on it. The sources given show the words it is built from.",
        "",
        "No Welsh wording of the six national priorities, of the national metrics or of the",
        "framework's title was found published by any of the four Welsh bodies: every one is",
        "marked for review, and none should be presented as published wording.",
        "",
        "| English | Welsh | Status | Source |",
        "|---|---|---|---|",
    ]
    for message in welsh:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else " / ".join(message.id)
        if isinstance(message.string, str):
            cymraeg = message.string
        else:
            cymraeg = " / ".join(dict.fromkeys(message.string))
        found, sources = status(message)
        where = "; ".join(f"<{source}>" for source in sources) or "—"
        lines.append(
            f"| {_cell(english)} | {_cell(cymraeg) or '(none)'} | {found or 'review'} "
            f"| {_cell(where)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    """Extract, update, compile and write the glossary; report untranslated Welsh."""
    fresh = template()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(po_text(fresh))
    for language in LANGUAGES:
        catalogue = updated(language, template())  # a template of its own: update shares it
        catalogue_path(language).parent.mkdir(parents=True, exist_ok=True)
        catalogue_path(language).write_bytes(po_text(catalogue))
        catalogue_path(language, "mo").write_bytes(mo_bytes(read(catalogue_path(language))))
    welsh = read(catalogue_path("cy"), "cy")
    GLOSSARY.write_text(glossary(welsh), encoding="utf-8")
    missing = [m.id for m in welsh if m.id and not all(_strings(m))]
    for message_id in missing:
        print(f"no Welsh yet: {message_id!r}", file=sys.stderr)
    return 0


def _strings(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


if __name__ == "__main__":
    raise SystemExit(main())
