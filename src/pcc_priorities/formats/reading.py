"""From parsed data to a statement: upgrades, structuring, and every problem with its path.

JSON and YAML both parse their text to plain data and hand it to :func:`read_data`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pcc_priorities.convert.hooks import (
    PathSegment,
    converter,
    problems_from_exception,
)
from pcc_priorities.exceptions import DocumentError, DocumentUpgradedWarning, Problem
from pcc_priorities.formats.limits import DEFAULT_LIMITS, Limits, check_depth
from pcc_priorities.formats.upgrade import CURRENT_VERSION, LoadResult, Upgrade, upgrade_document
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import Statement
from pcc_priorities.reference.force_register import body_kinds, forces
from pcc_priorities.reference.national_frameworks import Framework, frameworks

__all__ = ["from_dict"]

#: The version of the statement format this library reads and writes.
SCHEMA_VERSION = CURRENT_VERSION

#: A lone surrogate: text a JSON or YAML parser can give but UTF-8 cannot write.
SURROGATE = re.compile("[\ud800-\udfff]")
#: A language tag (BCP 47), as a statement's ``language`` holds it.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


class DuplicateKeys(dict[str, Any]):
    """A JSON object in which some key was written more than once."""

    duplicates: list[str]


def warn_if_upgraded(result: LoadResult, stacklevel: int = 4) -> None:
    """Warn with :class:`DocumentUpgradedWarning` if ``result`` was upgraded on load.

    The default ``stacklevel`` points at the caller of the public function that called this.
    """
    note = result.note()
    if note is not None:
        warnings.warn(DocumentUpgradedWarning(note), stacklevel=stacklevel)


def from_dict(
    data: object, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Statement:
    """Return the statement a parsed JSON document describes.

    ``data`` is what :func:`json.loads` returns for the document (numbers with a fraction
    as :class:`~decimal.Decimal`, to keep them exact). A document written in an earlier
    ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`.

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    check_depth(data, limits, source)
    result = read_data(data, source=source, duplicates=False)
    warn_if_upgraded(result, stacklevel=3)
    return result.statement


def _holds_surrogate(value: object) -> bool:
    if isinstance(value, str):
        return SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_surrogate(item) for item in value)
    return False


def read_data(
    data: object,
    *,
    source: str | None = None,
    format: Literal["json", "yaml"] = "json",
    duplicates: bool = True,
    suspect: bool | None = None,
) -> LoadResult:
    """Return the statement a parsed document describes, upgraded if needed, with a report.

    Args:
        data: The parsed document (its depth already checked against the limits).
        source: A name for the document in error messages (a file name).
        format: The format it was parsed from, for the report.
        duplicates: Whether the parser may have marked keys written twice.
        suspect: Whether the text may hold a lone surrogate (None: look); the fast path runs
            only when it cannot.

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    if not isinstance(data, dict):
        raise DocumentError(
            [Problem(path="", message="expected a statement document (a JSON object)")], source
        )
    if suspect is None:
        suspect = _holds_surrogate(data)
    found: list[tuple[tuple[PathSegment, ...], str]] = []
    if duplicates:  # a fact of the text as written: found before any upgrade
        found.extend(_duplicate_key_problems(data, ()))
    written = data.get("schema_version")
    steps: tuple[Upgrade, ...] = ()
    if written != SCHEMA_VERSION:  # a current document is read as it is, without a copy
        try:
            upgraded = upgrade_document(data)
        except DocumentError as error:
            found.extend((("schema_version",), problem.message) for problem in error.problems)
        else:
            data, steps = upgraded.data, upgraded.upgrades
    body = {key: value for key, value in data.items() if key != "schema_version"}
    found.extend(_reference_problems(data))
    statement: Statement | None = None
    if not found and not suspect:
        try:
            statement = converter(detailed=False).structure(body, Statement)
        except Exception:  # any problem at all: the detailed pass says what it is
            statement = None
    if statement is None:
        try:
            statement = converter(detailed=True).structure(body, Statement)
        except Exception as error:
            found.extend(problems_from_exception(error))
    if statement is not None and not found:  # suspect text may hold no lone surrogate
        return LoadResult(
            statement=statement,
            schema_version=str(written),
            upgrades=steps,
            format=format,
            source=source,
        )
    order = _document_order(data)
    found.sort(key=lambda item: _position(order, item[0]))
    problems = [Problem(path=pointer(path), message=message) for path, message in found]
    if steps:
        problems.insert(
            0,
            Problem(
                path="/schema_version",
                message=f"written in schema_version {written!r} and upgraded to "
                f"{steps[-1].target!r} before reading; the paths below are in the upgraded "
                "document",
            ),
        )
    raise DocumentError(problems, source)


def _document_order(data: object) -> dict[tuple[PathSegment, ...], int]:
    order: dict[tuple[PathSegment, ...], int] = {}
    stack: list[tuple[tuple[PathSegment, ...], object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        order[path] = len(order)
        if isinstance(value, dict):
            stack.extend(reversed([((*path, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
    return order


def _position(
    order: Mapping[tuple[PathSegment, ...], int], path: tuple[PathSegment, ...]
) -> tuple[int, int]:
    for length in range(len(path), -1, -1):
        if path[:length] in order:
            return order[path[:length]], len(path) - length
    return len(order), 0  # pragma: no cover - the root is always known


def _duplicate_key_problems(
    value: object, path: tuple[PathSegment, ...]
) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    if isinstance(value, dict):
        if isinstance(value, DuplicateKeys):
            for key in value.duplicates:
                yield (*path, key), "this key is written more than once in the object"
        for key, item in value.items():
            yield from _duplicate_key_problems(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _duplicate_key_problems(item, (*path, index))


def _items(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _block_figures(
    blocks: object, path: tuple[PathSegment, ...]
) -> Iterator[tuple[tuple[PathSegment, ...], dict[str, Any]]]:
    for index, block in _items(blocks):
        for figure_index, figure in _items(block.get("figures")):
            yield (*path, index, "figures", figure_index), figure
        yield from _block_figures(block.get("blocks"), (*path, index, "blocks"))


def _reference_ids() -> tuple[set[str], set[str], dict[str, Framework]]:
    """The body kinds, force codes and frameworks known now (frameworks can be registered)."""
    registered = frameworks()
    if _REFERENCE_CACHE and _REFERENCE_CACHE[0] == registered:
        cached: tuple[set[str], set[str], dict[str, Framework]] = _REFERENCE_CACHE[1]
        return cached
    ids = (
        {kind.id for kind in body_kinds()},
        {force.code for force in forces()},
        {framework.id: framework for framework in registered},
    )
    _REFERENCE_CACHE[:] = [registered, ids]
    return ids


_REFERENCE_CACHE: list[Any] = []


def _reference_problems(data: dict[str, Any]) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    """Check what the structure cannot: ids against reference data and each other."""
    kinds, codes, known = _reference_ids()
    body = data.get("body")
    if isinstance(body, dict) and isinstance(body.get("kind"), str) and body["kind"] not in kinds:
        yield (
            ("body", "kind"),
            f"unknown body kind {body['kind']!r}; expected one of: {', '.join(sorted(kinds))}",
        )
    force = data.get("force")
    if (
        isinstance(force, dict)
        and isinstance(force.get("code"), str)
        and force["code"] not in codes
    ):
        yield (
            ("force", "code"),
            (
                f"unknown police force area code {force['code']!r}; expected an ONS code such as "
                "'E23000016' (see `pcc-priorities forces`)"
            ),
        )
    language = data.get("language")
    if isinstance(language, str) and not LANGUAGE_TAG.fullmatch(language):
        yield ("language",), f"expected a language tag such as 'en-GB' or 'cy', got {language!r}"
    translations = data.get("translations")
    for index, translation in enumerate(translations if isinstance(translations, list) else []):
        other = translation.get("language") if isinstance(translation, dict) else None
        if isinstance(other, str) and not LANGUAGE_TAG.fullmatch(other):
            yield (
                ("translations", index, "language"),
                f"expected a language tag such as 'en-GB' or 'cy', got {other!r}",
            )

    framework = known.get(data["framework"]) if isinstance(data.get("framework"), str) else None
    if isinstance(data.get("framework"), str) and framework is None:
        yield (
            ("framework",),
            (f"unknown framework {data['framework']!r}; known: {', '.join(sorted(known))}"),
        )
    priority_ids = {p.id for p in framework.priorities} if framework else set()
    national_metrics = {m.id for m in framework.metrics} if framework else set()

    if framework is not None:
        yield from _framework_id_problems(data, framework)

    metric_ids: set[str] = set()
    figure_ids: set[str] = set()
    references: list[tuple[tuple[PathSegment, ...], str]] = []
    located: list[tuple[tuple[PathSegment, ...], dict[str, Any]]] = []
    for key in ("preamble", "introduction"):
        located.extend(_block_figures(data.get(key), (key,)))
    contribution = data.get("contribution")
    if isinstance(contribution, dict):
        located.extend(_block_figures(contribution.get("blocks"), ("contribution", "blocks")))
    for index, section in _items(data.get("sections")):
        path: tuple[PathSegment, ...] = ("sections", index)
        priority = section.get("priority")
        if framework and isinstance(priority, str) and priority not in priority_ids:
            yield (
                (*path, "priority"),
                (
                    f"unknown priority {priority!r} in framework {framework.id!r}; "
                    f"expected one of: {', '.join(p.id for p in framework.priorities)}"
                ),
            )
        for metric_index, metric in _items(section.get("metrics")):
            metric_path = (*path, "metrics", metric_index)
            metric_id = metric.get("id")
            if isinstance(metric_id, str):
                if metric_id in metric_ids:
                    yield (*metric_path, "id"), f"metric id {metric_id!r} is used twice"
                metric_ids.add(metric_id)
            national = metric.get("national_metric")
            if framework and isinstance(national, str) and national not in national_metrics:
                yield (
                    (*metric_path, "national_metric"),
                    (
                        f"unknown national metric {national!r} in framework {framework.id!r}; "
                        f"expected one of: {', '.join(sorted(national_metrics))}"
                    ),
                )
        own_figures = [
            ((*path, "figures", figure_index), figure)
            for figure_index, figure in _items(section.get("figures"))
        ]
        own_figures.extend(_block_figures(section.get("blocks"), (*path, "blocks")))
        located.extend(own_figures)
        headline = section.get("headline")
        if isinstance(headline, str) and all(
            figure.get("id") != headline for _, figure in own_figures
        ):
            yield (
                (*path, "headline"),
                (
                    f"unknown figure {headline!r}; a section's headline names the id of one of "
                    "its own figures"
                ),
            )
    wholes: dict[str, str] = {}
    parts: list[tuple[tuple[PathSegment, ...], str, str | None]] = []
    for figure_path, figure in located:
        figure_id = figure.get("id")
        if isinstance(figure_id, str):
            if figure_id in figure_ids:
                yield (*figure_path, "id"), f"figure id {figure_id!r} is used twice"
            figure_ids.add(figure_id)
        part_of = figure.get("part_of")
        if isinstance(part_of, dict) and isinstance(part_of.get("figure"), str):
            own = figure_id if isinstance(figure_id, str) else None
            parts.append(((*figure_path, "part_of", "figure"), part_of["figure"], own))
            if own is not None:
                wholes[own] = part_of["figure"]
        if isinstance(figure.get("metric"), str):
            references.append(((*figure_path, "metric"), figure["metric"]))
        availability = figure.get("availability")
        if isinstance(availability, dict) and isinstance(availability.get("proxy_metric"), str):
            references.append(
                ((*figure_path, "availability", "proxy_metric"), availability["proxy_metric"])
            )
    for path, metric_id in references:
        if metric_id not in metric_ids:
            yield (
                path,
                (
                    f"unknown metric {metric_id!r}; a figure names a metric by the id of "
                    "one of the statement's metrics"
                ),
            )
    yield from _breakdown_problems(parts, figure_ids, wholes)


def _breakdown_problems(
    parts: list[tuple[tuple[PathSegment, ...], str, str | None]],
    figure_ids: set[str],
    wholes: dict[str, str],
) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    """A figure is part of another figure of the statement, never of itself, even at a remove."""
    for path, whole, own in parts:
        if whole not in figure_ids:
            yield (
                path,
                f"unknown figure {whole!r}; a figure that is part of another names the other "
                "figure's id",
            )
            continue
        seen = {own} if own is not None else set()
        current: str | None = whole
        while current is not None:
            if current in seen:
                yield path, f"figure {own!r} would be a part of itself (through {whole!r})"
                break
            seen.add(current)
            current = wholes.get(current)


def _framework_id_problems(
    data: dict[str, Any], framework: Framework
) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    """The ids of national priorities and metrics outside sections: contribution and plans."""
    priorities = {p.id for p in framework.priorities}
    metrics = {m.id for m in framework.metrics}

    def check(
        values: object, path: tuple[PathSegment, ...], known: set[str], what: str
    ) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
        if not isinstance(values, list):
            return
        for index, value in enumerate(values):
            if isinstance(value, str) and value not in known:
                yield (
                    (*path, index),
                    f"unknown {what} {value!r} in framework {framework.id!r}; expected one "
                    f"of: {', '.join(sorted(known))}",
                )

    contribution = data.get("contribution")
    if isinstance(contribution, dict):
        yield from check(
            contribution.get("priorities"), ("contribution", "priorities"), priorities, "priority"
        )
    for index, plan in _items(data.get("plans")):
        for priority_index, priority in _items(plan.get("priorities")):
            at: tuple[PathSegment, ...] = ("plans", index, "priorities", priority_index)
            yield from check(
                priority.get("national_priorities"),
                (*at, "national_priorities"),
                priorities,
                "priority",
            )
            yield from check(
                priority.get("national_metrics"), (*at, "national_metrics"), metrics, "metric"
            )
