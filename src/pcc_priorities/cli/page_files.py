"""What ``render`` puts on the page besides the statement: earlier editions, figure files, a logo.

``--history OLD`` (earlier editions, oldest first) becomes the page's list of editions, with
what ``diff`` finds changed in each; ``--figures-files`` writes the statement's figures as
CSV and ODS beside the page and links them from its footer; ``--logo`` and ``--stylesheet``
are read and checked here (see :mod:`pcc_priorities.publish.page`).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from itertools import pairwise

from pcc_priorities.cli.parsing import UsageError
from pcc_priorities.editions.differ import diff
from pcc_priorities.model.statement import EditionRecord, Statement
from pcc_priorities.publish.page import Download, PageOptions, read_logo, read_stylesheet

__all__ = [
    "FIGURE_FILE_KINDS",
    "MAX_CHANGES",
    "check_usage",
    "figure_file_data",
    "figure_file_paths",
    "history_records",
    "page_options",
]

#: The most changes listed for one edition; the rest are counted.
MAX_CHANGES = 12
#: The figure files written beside a page, in the order the footer lists them.
FIGURE_FILE_KINDS = ("csv", "ods")


#: Changes the list of editions leaves out: the edition's own label and dates (the list
#: gives them), and the page's footer and the checker's notes, which are not the statement.
_NOT_LISTED = (
    "/edition",
    "/published",
    "/updated",
    "/history",
    "/contact",
    "/accessibility_url",
    "/suppressions",
    "/extensions",
)


def _listed(path: str | None) -> bool:
    return path is None or not any(
        path == prefix or path.startswith(prefix + "/") for prefix in _NOT_LISTED
    )


def _changes(old: Statement, new: Statement) -> tuple[str, ...]:
    found = [
        difference
        for difference in diff(old, new).differences
        if _listed(difference.new_path) and _listed(difference.old_path)
    ]
    listed = [f"{difference.where}: {difference.summary}" for difference in found[:MAX_CHANGES]]
    if len(found) > MAX_CHANGES:
        listed.append(f"and {len(found) - MAX_CHANGES} more changes")
    return tuple(listed)


def history_records(earlier: Sequence[Statement], current: Statement) -> tuple[EditionRecord, ...]:
    """The editions ``earlier`` (oldest first) and ``current``, with what changed in each.

    The oldest is listed without changes (it is where the list starts); each later edition,
    the current one included, with the changes ``diff`` finds from the edition before it.
    """
    if not earlier:
        return ()
    editions = [*earlier, current]
    first = editions[0]
    records = [EditionRecord(edition=first.edition, published=first.published)]
    for old, new in pairwise(editions):
        records.append(
            EditionRecord(edition=new.edition, published=new.published, changes=_changes(old, new))
        )
    return tuple(records)


def figure_file_paths(output: str) -> list[tuple[str, Download]]:
    """The figure files to write beside the page ``output``: each path and its link.

    ``statement.html`` gets ``statement.figures.csv`` and ``statement.figures.ods`` in the
    same folder, linked by file name.
    """
    stem = os.path.splitext(output)[0]
    found: list[tuple[str, Download]] = []
    for kind in FIGURE_FILE_KINDS:
        path = f"{stem}.figures.{kind}"
        found.append((path, Download(href=os.path.basename(path), kind=kind)))
    return found


def figure_file_data(
    statement: Statement, files: Sequence[tuple[str, Download]]
) -> Iterator[tuple[str, str | bytes]]:
    """Each figure file's path and contents (CSV text, ODS bytes)."""
    for path, download in files:
        if download.kind == "csv":
            from pcc_priorities.tables.csv import figures_to_csv  # noqa: PLC0415

            yield path, figures_to_csv(statement)
        else:
            from pcc_priorities.tables.ods import figures_to_ods  # noqa: PLC0415

            yield path, figures_to_ods(statement)


def check_usage(args: argparse.Namespace, chosen: str, output: str | None) -> None:
    """Refuse options that do not go with the format or the output.

    Raises:
        UsageError: An HTML-only option with Markdown, a style sheet with a fragment, or
            figure files without an output file to write them beside.
    """
    html_only = [
        name
        for name, given in (
            ("--fragment", args.fragment),
            ("--logo", args.logo is not None),
            ("--logo-text", args.logo_text is not None),
            ("--stylesheet", args.stylesheet is not None),
            ("--description", args.description is not None),
        )
        if given
    ]
    if html_only and chosen != "html":
        raise UsageError(f"{html_only[0]} is for HTML only, not Markdown")
    if args.fragment and args.stylesheet is not None:
        raise UsageError(
            "--stylesheet is for a whole page; a fragment takes its styles from the page that "
            "embeds it"
        )
    if args.logo_text is not None and args.logo is None:
        raise UsageError("--logo-text goes with --logo")
    if args.figures_files and output is None:
        raise UsageError("--figures-files writes files beside the page: give the page with -o")


def page_options(
    args: argparse.Namespace,
    statement: Statement,
    earlier: Sequence[Statement],
    figure_files: Sequence[tuple[str, Download]],
) -> PageOptions:
    """The page's options from the command line (the logo and style sheet read and checked).

    Raises:
        FileProblemError: The logo or style sheet cannot be read.
        PageAssetError: The logo or style sheet cannot be used; the message says why.
    """
    return PageOptions(
        history=history_records(earlier, statement),
        downloads=tuple(download for _path, download in figure_files),
        logo=read_logo(args.logo) if args.logo is not None else None,
        logo_text=args.logo_text,
        stylesheet=read_stylesheet(args.stylesheet) if args.stylesheet is not None else None,
        description=args.description,
    )
