r"""The quick path of the JSON loader: valid current documents read at C speed, nothing decided.

:func:`read_valid` returns the statement only when it can show that the careful loader
(:func:`~pcc_priorities.formats.reading.read_data` on the text parsed by the standard
library) would return the same statement, without a problem or a warning; otherwise it
returns None and the careful loader reads the document and reports what is wrong with it, as
it always has. So a document is refused, and described, in exactly one way.

What the careful loader checks, and how it is known here:

- the text is UTF-8 JSON, the members' types and names are the model's, dates are real, blocks
  are tagged: msgspec decodes into mirror structs (:mod:`pcc_priorities.convert.struct_reader`)
  or raises; it also refuses every lone surrogate, escaped or not;
- no key is written twice in one object: a repeated key leaves the mirrors with fewer members
  than the text. Every member is written with one colon outside strings, and a colon inside a
  string is the same character before and after decoding unless it is escaped (``\u003a``),
  so the colons of the text equal those of the mirrors written compactly exactly when every
  member of the text is in the mirrors. A member written at its default value is not, so such
  a document takes the careful path too; canonical JSON never writes one;
- the values limit: every value of a JSON text starts at a character of its own, and every
  member's key and colon take three more, so a text of at most ``limits.max_values``
  characters holds no more values than the careful loader allows, however it counts them
  (containers; twice the members plus the objects while parsing; one plus twice the members
  plus the array elements afterwards). A longer text is bounded by counting its colons, commas
  and brackets (:func:`_values_bound`);
- the nesting limit: the structure of a statement bounds its depth
  (:attr:`StructReader.depth`), except for subsections inside subsections and extension data,
  which are measured when they occur;
- references to the reference data and between ids: checked on the statement as built, by the
  same rules as ``_reference_problems`` (tests hold the two to agree);
- ``schema_version`` is the current one (any other is upgraded, with a note, by the careful
  path).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pcc_priorities.convert.hooks import (
    BLOCK_TAGS,
    SHORTHANDS,
    _structure_extensions,
    converter,
)
from pcc_priorities.formats.limits import Limits, check_depth
from pcc_priorities.formats.reading import LANGUAGE_TAG, SCHEMA_VERSION, _reference_ids
from pcc_priorities.formats.upgrade import LoadResult
from pcc_priorities.model.figures import Area, Figure
from pcc_priorities.model.json_values import FrozenJSONObject
from pcc_priorities.model.narrative import Block, Subsection
from pcc_priorities.model.statement import Statement
from pcc_priorities.periods.period import ReportingPeriod

__all__ = ["read_valid"]

#: An escaped colon: decoded, it is a colon the text does not show.
_ESCAPED_COLON = re.compile(rb"\\u003[aA]")
_ESCAPED_COLON_TEXT = re.compile(r"\\u003[aA]")
_UTF8_BOM = b"\xef\xbb\xbf"


@cache
def _reader() -> Any:
    """The struct reader, made on first use (msgspec is imported only then)."""
    from pcc_priorities.convert.struct_reader import StructReader  # noqa: PLC0415

    return StructReader(
        Statement,
        BLOCK_TAGS,
        version=SCHEMA_VERSION,
        extensions=_structure_extensions,
        shared=(ReportingPeriod, Area),
        shorthands=SHORTHANDS,
    )


def read_valid(text: str | bytes, *, source: str | None, limits: Limits) -> LoadResult | None:
    """Return the statement of a valid current document, or None to read it carefully.

    The size limit is checked before this is called. A text that may hold more values than
    ``limits.max_values`` is left to the careful loader, which counts them exactly.
    """
    if isinstance(text, str):
        if text.startswith("\ufeff"):
            text = text[1:]
        colons = text.count(":")
        escaped = "\\" in text and _ESCAPED_COLON_TEXT.search(text) is not None
    else:
        if text.startswith(_UTF8_BOM):
            text = text[3:]
        colons = text.count(b":")
        escaped = b"\\" in text and _ESCAPED_COLON.search(text) is not None
    if escaped:
        return None
    if len(text) > limits.max_values and _values_bound(text, colons) > limits.max_values:
        return None  # may hold more values than the limit: the careful loader counts them
    reader = _reader()
    try:
        mirror = reader.decode(text)
        if reader.members_text(mirror).count(b":") != colons:
            return None  # a key written twice, or a member at its default
        statement: Statement = reader.read(mirror)
    except Exception:  # any problem at all: the careful loader says what it is
        return None
    if not _references_hold(statement) or not _depth_within(statement, limits, reader):
        return None
    return LoadResult(
        statement=statement, schema_version=SCHEMA_VERSION, format="json", source=source
    )


def _values_bound(text: str | bytes, colons: int) -> int:
    """An upper bound of the values the careful loader counts in JSON ``text``, however it counts.

    With M members, E array elements and C containers: a container of n members or elements
    has n - 1 commas, so M + E is at most commas + C, and M at most ``colons``; the careful
    loader's counts are C, 2M + objects and 1 + 2M + E, each at most 1 + 2 * colons + commas
    + brackets. Colons, commas and brackets inside strings only raise the bound.
    """
    if isinstance(text, str):
        marks = text.count(",") + text.count("[") + text.count("{")
    else:
        marks = text.count(b",") + text.count(b"[") + text.count(b"{")
    return 1 + 2 * colons + marks


# --------------------------------------------------------------------------- depth


def _depth_within(statement: Statement, limits: Limits, reader: Any) -> bool:
    """Whether ``statement``'s document is nested no deeper than ``limits.max_depth``.

    An upper bound comes from the structure (:attr:`StructReader.depth`) and the subsections
    inside subsections; only when it is over the limit, or extension data holds objects or
    arrays, is the document measured (as written back: it has the same objects and arrays,
    since every member of the text is in the statement).
    """
    if not _nested(statement.extensions) and not any(
        _nested(section.extensions) for section in statement.sections
    ):
        subsection = reader.depth_of(Subsection)
        bound = max(
            reader.depth,
            # Blocks of the preamble and introduction are objects at depth 3 (statement,
            # array, block), those of a section at depth 5.
            _blocks_depth(statement.preamble, 3, subsection),
            _blocks_depth(statement.introduction, 3, subsection),
            *(_blocks_depth(section.blocks, 5, subsection) for section in statement.sections),
        )
        if bound <= limits.max_depth:
            return True
    try:
        check_depth(converter(detailed=False).unstructure(statement, Statement), limits, None)
    except Exception:
        return False
    return True


def _nested(extensions: FrozenJSONObject) -> bool:
    return any(isinstance(value, tuple | FrozenJSONObject) for value in extensions.values())


def _blocks_depth(blocks: tuple[Block, ...], level: int, subsection: int) -> int:
    """An upper bound of the depth of ``blocks``, each an object at depth ``level``.

    ``subsection`` is the depth of a subsection counting itself, without subsections inside.
    """
    deepest = 0
    for block in blocks:
        if type(block) is Subsection:
            deepest = max(
                deepest,
                level - 1 + subsection,
                _blocks_depth(block.blocks, level + 2, subsection),
            )
    return deepest


# --------------------------------------------------------------------------- references


def _block_figures(blocks: tuple[Block, ...], into: list[Figure]) -> None:
    for block in blocks:
        if type(block) is Subsection:
            into.extend(block.figures)
            _block_figures(block.blocks, into)


def _references_hold(statement: Statement) -> bool:
    """Whether the careful loader's reference checks find nothing (``_reference_problems``)."""
    kinds, codes, known = _reference_ids()
    if statement.body.kind not in kinds or statement.force.code not in codes:
        return False
    if not LANGUAGE_TAG.fullmatch(statement.language):
        return False
    if any(not LANGUAGE_TAG.fullmatch(t.language) for t in statement.translations):
        return False
    framework = known.get(statement.framework)
    if framework is None:
        return False
    priority_ids = {p.id for p in framework.priorities}
    national_metrics = {m.id for m in framework.metrics}
    metric_ids: set[str] = set()
    figures: list[Figure] = []
    _block_figures(statement.preamble, figures)
    _block_figures(statement.introduction, figures)
    for section in statement.sections:
        if section.priority not in priority_ids:
            return False
        for metric in section.metrics:
            if metric.id in metric_ids:
                return False
            metric_ids.add(metric.id)
            national = metric.national_metric
            if national is not None and national not in national_metrics:
                return False
        start = len(figures)
        figures.extend(section.figures)
        _block_figures(section.blocks, figures)
        if section.headline is not None and all(
            figure.id != section.headline for figure in figures[start:]
        ):
            return False
    figure_ids: set[str] = set()
    for figure in figures:
        if figure.id is not None:
            if figure.id in figure_ids:
                return False
            figure_ids.add(figure.id)
        if figure.metric is not None and figure.metric not in metric_ids:
            return False
        availability = figure.availability
        if (
            availability is not None
            and availability.proxy_metric is not None
            and availability.proxy_metric not in metric_ids
        ):
            return False
    return True
