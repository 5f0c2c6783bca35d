"""The ``pcc-priorities`` command line: argument parsing and exit codes only.

Every command is a thin shell over a library call a script can make too. Exit codes:
0 success, 1 findings at or above the chosen severity, 2 unreadable or invalid input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from pcc_priorities import __version__, _reference
from pcc_priorities._diff import diff, diff_to_json, diff_to_text
from pcc_priorities._json import load
from pcc_priorities._render import RenderFormat, render, render_file
from pcc_priorities.exceptions import DocumentError, PccPrioritiesError

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

Command = Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_INVALID`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


# --------------------------------------------------------------------------- commands


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    """Load each file and report whether it is a valid statement document."""
    status = EXIT_OK
    for path in args.files:
        statement = load(path)
        out.write(
            f"{path}: valid statement document ({len(statement.sections)} priority sections)\n"
        )
    return status


def _frameworks(args: argparse.Namespace, out: TextIO) -> int:
    """List the known national frameworks and their priorities."""
    for framework in _reference.frameworks():
        out.write(f"{framework.id}\t{framework.title} ({framework.version})\n")
        if args.verbose:
            for priority in framework.priorities:
                out.write(f"  {priority.id}\t{priority.title}\n")
                for metric in framework.metrics_for(priority.id):
                    sources = ", ".join(framework.data_source(s).title for s in metric.data_sources)
                    flag = "" if metric.confirmed else " [unconfirmed]"
                    out.write(f"    - {metric.title} ({sources}){flag}\n")
    return EXIT_OK


def _forces(_args: argparse.Namespace, out: TextIO) -> int:
    """List the register of forces with ONS codes and their current policing body."""
    for force in _reference.forces():
        body = force.body()
        out.write(f"{force.code}\t{force.force_name}\t{body.kind}\t{body.title}\n")
    return EXIT_OK


def _render(args: argparse.Namespace, out: TextIO) -> int:
    """Render a statement document as HTML or Markdown, to a file or to standard output."""
    if args.output is None:
        out.write(render(load(args.file), args.format, fragment=args.fragment))
        return EXIT_OK
    render_file(args.file, args.output, args.format, overwrite=args.force, fragment=args.fragment)
    sys.stderr.write(f"{args.output}: written ({args.format})\n")
    return EXIT_OK


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    """Report what changed between two editions; exit 1 if anything did, like diff(1)."""
    result = diff(load(args.old), load(args.new))
    out.write(diff_to_json(result) if args.format == "json" else diff_to_text(result))
    return EXIT_FINDINGS if result else EXIT_OK


# --------------------------------------------------------------------------- parser


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pcc-priorities",
        description=(
            "Model, check and publish the statement on the national policing priorities "
            "(Specified Information Order, para 7A)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate", help="check that files are valid statement documents (structure only)"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="statement documents")
    validate.set_defaults(run=_validate)

    frameworks = commands.add_parser("frameworks", help="list the national frameworks")
    frameworks.add_argument(
        "-v", "--verbose", action="store_true", help="show priorities, metrics and data sources"
    )
    frameworks.set_defaults(run=_frameworks)

    forces = commands.add_parser("forces", help="list the 43 forces and their policing bodies")
    forces.set_defaults(run=_forces)

    render_command = commands.add_parser(
        "render",
        help="publish a statement as accessible HTML or as Markdown",
        description=(
            "Render a statement document as a standalone, accessible HTML page (or an "
            "<article> fragment to embed in a CMS) or as GitHub-flavoured Markdown. Without "
            "-o the result goes to standard output. The output is written atomically, never "
            "over the input, and not over an existing file unless --force is given."
        ),
    )
    render_command.add_argument("file", metavar="FILE", help="the statement document (JSON)")
    render_command.add_argument(
        "--format",
        choices=[f.value for f in RenderFormat],
        default=RenderFormat.HTML.value,
        help="html (default) or md",
    )
    render_command.add_argument("-o", "--output", metavar="OUT", help="the file to write")
    render_command.add_argument(
        "--force", action="store_true", help="replace OUT if it exists (never the input)"
    )
    render_command.add_argument(
        "--fragment",
        action="store_true",
        help="HTML only: write the <article> alone, for a content management system",
    )
    render_command.set_defaults(run=_render)

    diff_command = commands.add_parser(
        "diff",
        help="show what changed between two editions of a statement",
        description=(
            "Compare two editions of a statement: priorities added, removed or moved, "
            "applicability, metrics and figures changed, narrative added, removed or edited, "
            "each with JSON Pointer paths. Exit code 0: no differences; 1: differences; "
            "2: unreadable or invalid input."
        ),
    )
    diff_command.add_argument("old", metavar="OLD", help="the earlier edition (JSON)")
    diff_command.add_argument("new", metavar="NEW", help="the later edition (JSON)")
    diff_command.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (default) or json"
    )
    diff_command.set_defaults(run=_diff)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` and return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    stream = out or sys.stdout
    run: Command = args.run
    try:
        return run(args, stream)
    except DocumentError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_INVALID
    except (PccPrioritiesError, OSError) as error:
        sys.stderr.write(f"pcc-priorities: error: {error}\n")
        return EXIT_INVALID


def run() -> None:
    """Entry point of the ``pcc-priorities`` script: run :func:`main` and exit with its code."""
    sys.exit(main())
