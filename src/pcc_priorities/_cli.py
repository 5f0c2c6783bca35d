"""The ``pcc-priorities`` command line: argument parsing and exit codes only.

Every command is a thin shell over a library call a script can make too. Exit codes:
0 success, 1 findings at or above the chosen severity, 2 unreadable or invalid input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from pcc_priorities import __version__, _reference
from pcc_priorities._files import atomic_write_text
from pcc_priorities._formats import dumps_any, format_of, load_with_report
from pcc_priorities._schema import schema_text
from pcc_priorities._upgrade import CURRENT_VERSION
from pcc_priorities.exceptions import DocumentError, PccPrioritiesError

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

Command = Callable[[argparse.Namespace, TextIO], int]


class _OutputError(PccPrioritiesError):
    """An output file cannot be written as asked (it exists, or it is an input)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_INVALID`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


# --------------------------------------------------------------------------- output


def _write_output(
    text: str,
    output: str | None,
    out: TextIO,
    *,
    force: bool = False,
    inputs: Sequence[str] = (),
) -> None:
    """Write ``text`` to ``output`` atomically, or to ``out`` when no output file is named.

    Raises:
        _OutputError: ``output`` is one of ``inputs``, or exists and ``force`` is false.
    """
    if output is None or output == "-":
        out.write(text)
        return
    target = Path(output)
    for name in inputs:
        if target.exists() and Path(name).exists() and os.path.samefile(target, name):
            raise _OutputError(f"{output}: refusing to write over the input file")
    if target.exists() and not force:
        raise _OutputError(f"{output} exists; use --overwrite to replace it")
    atomic_write_text(target, text)


# --------------------------------------------------------------------------- commands


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    """Load each file (JSON or YAML) and report whether it is a valid statement document."""
    status = EXIT_OK
    for path in args.files:
        result = load_with_report(path)
        count = len(result.statement.sections)
        upgraded = (
            f"; written in schema_version {result.schema_version!r}, upgraded on load"
            if result.upgraded
            else ""
        )
        out.write(f"{path}: valid statement document ({count} priority sections{upgraded})\n")
    return status


def _rewrite(args: argparse.Namespace, out: TextIO) -> int:
    """Load a statement (upgrading it if needed) and write it canonically, in either format."""
    result = load_with_report(args.file)
    if args.output not in (None, "-"):
        target_format = format_of(args.output)
    else:
        target_format = args.format or result.format
    _write_output(
        dumps_any(result.statement, target_format),
        args.output,
        out,
        force=args.force,
        inputs=[args.file],
    )
    if args.command == "upgrade":
        note = result.note() or (
            f"{args.file}: already at schema_version {CURRENT_VERSION!r}; written canonically"
        )
        sys.stderr.write(note + "\n")
    return EXIT_OK


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


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    """Print (or write) the JSON Schema of statement documents."""
    _write_output(schema_text(), args.output, out, force=args.force)
    return EXIT_OK


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
        "validate",
        help="check that files are valid statement documents (structure only)",
        description="Check that each file is a valid statement document: JSON (.json) or "
        "YAML (.yaml, .yml), in this version of the format or an earlier one.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="statement documents (.json, .yaml, .yml)"
    )
    validate.set_defaults(run=_validate)

    frameworks = commands.add_parser("frameworks", help="list the national frameworks")
    frameworks.add_argument(
        "-v", "--verbose", action="store_true", help="show priorities, metrics and data sources"
    )
    frameworks.set_defaults(run=_frameworks)

    forces = commands.add_parser("forces", help="list the 43 forces and their policing bodies")
    forces.set_defaults(run=_forces)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of statement documents",
        description="Print the JSON Schema (draft 2020-12) of statement documents, generated "
        "from the model. It lists the ids of the known frameworks, their priorities and "
        "national metrics, the body kinds and the force codes.",
    )
    schema.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout"
    )
    schema.add_argument(
        "--overwrite",
        "--force",
        dest="force",
        action="store_true",
        help="replace OUT if it exists",
    )
    schema.set_defaults(run=_schema)

    for name, summary, description in (
        (
            "upgrade",
            "upgrade a document to the current schema_version",
            "Load a statement document written in any earlier schema_version, apply the "
            "chain of upgrades to the current version "
            f"({CURRENT_VERSION}) and write it canonically. The input is never changed.",
        ),
        (
            "convert",
            "convert a document between JSON and YAML",
            "Load a statement document and write it canonically in the format of OUT's "
            "extension (.json, .yaml, .yml), or of --format on stdout.",
        ),
    ):
        command = commands.add_parser(name, help=summary, description=description)
        command.add_argument("file", metavar="FILE", help="the document (.json, .yaml, .yml)")
        command.add_argument(
            "-o",
            "--output",
            metavar="OUT",
            help="write to OUT (atomically; format by extension) instead of stdout",
        )
        command.add_argument(
            "--format",
            choices=["json", "yaml"],
            help="the format written to stdout (default: the input's)",
        )
        command.add_argument(
            "--overwrite",
            "--force",
            dest="force",
            action="store_true",
            help="replace OUT if it exists",
        )
        command.set_defaults(run=_rewrite)
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
