"""``render --translation``: one statement in several languages, as pages linked together."""

from __future__ import annotations

import argparse
import os
from pathlib import PurePath

from pcc_priorities.cli.commands import (
    RENDER_FORMATS,
    _output_format,
    _read,
    _write,
    render_command,
)
from pcc_priorities.cli.console import EXIT_OK, Console
from pcc_priorities.cli.parsing import UsageError
from pcc_priorities.files import check_output

__all__ = ["render_any_command", "render_translations_command"]


def _relative(target: str, page: str) -> str:
    """The address of ``target`` from the page ``page``, as a relative link (with ``/``)."""
    start = os.path.dirname(os.path.abspath(page))
    return PurePath(os.path.relpath(os.path.abspath(target), start)).as_posix()


def render_any_command(args: argparse.Namespace, console: Console) -> int:
    """``render``: one page, or with ``--translation`` a page for each language, linked."""
    if args.translation:
        return render_translations_command(args, console)
    return render_command(args, console)


def render_translations_command(args: argparse.Namespace, console: Console) -> int:
    """Render FILE and each --translation to its own page, each page linking to the others."""
    from pcc_priorities.publish.rendering import render_translations  # noqa: PLC0415

    sources: list[str] = [args.file, *args.translation]
    outputs: list[str] = [args.output or "-", *(args.translation_output or [])]
    if "-" in outputs:
        raise UsageError("with --translation, give -o OUT: the pages cannot all go to stdout")
    if len(outputs) != len(sources):
        raise UsageError(
            f"give one --translation-output for each --translation "
            f"({len(sources) - 1} translations, {len(outputs) - 1} outputs)"
        )
    if len({os.path.abspath(output) for output in outputs}) != len(outputs):
        raise UsageError("each page needs an output of its own")
    chosen = args.format
    for output in outputs:
        chosen = _output_format(output, RENDER_FORMATS, chosen)
    if args.fragment and chosen != "html":
        raise UsageError("--fragment is for HTML only, not Markdown")
    for output in outputs:
        check_output(output, overwrite=args.overwrite, inputs=sources)
    statements = [_read(source, console).statement for source in sources]
    languages = [statement.language.lower() for statement in statements]
    if len(set(languages)) != len(languages):
        raise UsageError(
            "each statement must be in a language of its own; got "
            + ", ".join(
                f"{source}: {s.language}" for source, s in zip(sources, statements, strict=True)
            )
        )
    glossary = None
    if args.glossary:
        from pcc_priorities.reference.glossary import shipped_glossary  # noqa: PLC0415

        glossary = shipped_glossary()
    for index, output in enumerate(outputs):
        # Each page links to the others by where they are written, relative to it.
        hrefs = [_relative(other, output) for other in outputs]
        page = render_translations(
            statements, chosen, hrefs=hrefs, fragment=args.fragment, glossary=glossary
        )[index]
        _write(
            console,
            output,
            page,
            overwrite=args.overwrite,
            inputs=sources,
            what=f" ({chosen}, {statements[index].language})",
        )
    return EXIT_OK
