"""Pages generated from the code when the documentation is built, so they cannot drift.

A page asks for generated Markdown with a marker on a line of its own:

- ``<!-- generated: cli-reference -->``: the ``--help`` of every command of the command line;
- ``<!-- generated: format-reference -->``: every object, key and value of the statement
  format, from the JSON Schema the library generates from its model;
- ``<!-- generated: other-pages -->``, inside a toctree: every page in the folder that the
  toctree does not already list, by name. It works like a ``*`` glob after the listed pages,
  without the warning an empty glob gives while there are no other pages.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

MARKER = "<!-- generated: {} -->"


# --------------------------------------------------------------------------- command line


def cli_reference() -> str:
    """Return the help of the command line and of each of its commands, as Markdown."""
    from pcc_priorities.cli.app import _build_parser  # noqa: PLC0415

    os.environ["COLUMNS"] = "88"
    parser = _build_parser()
    parts = ["```text", parser.format_help().rstrip(), "```", ""]

    def commands(current: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        found = [a for a in current._actions if a.__class__.__name__ == "_SubParsersAction"]
        for action in found:
            for name, command in action.choices.items():
                yield f"{prefix} {name}", command
                yield from commands(command, f"{prefix} {name}")

    for name, command in commands(parser, "pcc-priorities"):
        parts += [f"## `{name}`", "", "```text", command.format_help().rstrip()]
        parts += ["```", ""]
    return "\n".join(parts)


# --------------------------------------------------------------------------- statement format


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type_of(schema: dict[str, Any]) -> str:
    """Return a short Markdown description of the values ``schema`` allows."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema and schema["anyOf"][-1:] == [{"type": "null"}]:
        inner = [_type_of(option) for option in schema["anyOf"][:-1]]
        return " or ".join(inner) + " or null"
    if "const" in schema:
        return f'`"{schema["const"]}"`'
    kind = schema.get("type")
    if kind == "array":
        return f"array of {_type_of(schema['items'])}"
    if kind == "string" and schema.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "number":
        return "number (exact decimal)"
    if kind == "string" and "enum" in schema:
        values = schema["enum"]
        if len(values) > 12:
            return f"one of {len(values)} values (`{values[0]}` … `{values[-1]}`)"
        return "one of " + ", ".join(f"`{value}`" for value in values)
    return str(kind)


def _order(schema: dict[str, Any]) -> list[str]:
    """Return the definitions in the order a reader meets them from the root."""
    found: list[str] = []

    def visit(node: object) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.rsplit("/", 1)[-1]
                if name not in found:
                    found.append(name)
                    visit(schema["$defs"][name])
            for key, value in node.items():
                if key != "$defs":
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit({key: value for key, value in schema.items() if key != "allOf"})
    return found + [name for name in schema["$defs"] if name not in found]


def _object(name: str, definition: dict[str, Any]) -> Iterator[str]:
    yield f"## {name}"
    yield ""
    yield definition.get("description", "")
    yield ""
    yield "| Key | Value | Required | Description |"
    yield "| --- | --- | --- | --- |"
    required = set(definition.get("required", []))
    for key, prop in definition["properties"].items():
        description = prop.get("description", "")
        if "default" in prop and prop["default"] not in (None, [], {}):
            description += f" Default: `{prop['default']}`."
        cells = [f"`{key}`", _type_of(prop), "yes" if key in required else "", description]
        yield "| " + " | ".join(_escape(cell) for cell in cells) + " |"
    yield ""


def _enumeration(name: str, definition: dict[str, Any]) -> Iterator[str]:
    yield f"## {name}"
    yield ""
    summary, _, members = definition.get("description", "").partition("\n\n")
    yield summary
    yield ""
    described = {}
    for line in members.splitlines():
        value, _, text = line.removeprefix("- `").partition("`: ")
        described[value] = text
    yield "| Value | Meaning |"
    yield "| --- | --- |"
    for value in definition["enum"]:
        yield f"| `{value}` | {_escape(described.get(value, ''))} |"
    yield ""


def format_reference(schema: dict[str, Any] | None = None) -> str:
    """Return the reference of the statement format, as Markdown, from its JSON Schema."""
    if schema is None:
        from pcc_priorities.formats.schema import json_schema  # noqa: PLC0415

        schema = json_schema()
    root = {key: value for key, value in schema.items() if key != "$defs"}
    lines = list(_object("Statement", root))
    for name in _order(schema):
        definition = schema["$defs"][name]
        if "properties" in definition:
            lines += _object(name, definition)
        elif "enum" in definition:
            lines += _enumeration(name, definition)
        else:
            lines += [f"## {name}", "", definition.get("description", "")]
            if "oneOf" in definition:
                lines += ["", "One of: " + ", ".join(_type_of(o) for o in definition["oneOf"])]
            if definition.get("type") == "string" and "anyOf" in definition:
                lines += ["", "Text in one of these forms: YYYY, YYYY-MM, YYYY-MM-DD."]
            if "propertyNames" in definition:
                pattern = definition["propertyNames"]["pattern"]
                lines += ["", f"Keys match the pattern `{pattern}`."]
            lines.append("")
    return "\n".join(lines)


def other_pages(folder: Path, docname: str, text: str) -> str:
    """Return the pages in ``folder`` that ``text`` (a toctree body) does not list, sorted."""
    listed = set(re.findall(r"^([\w./-]+)$", text, flags=re.MULTILINE))
    found = sorted(path.stem for path in folder.glob("*.md"))
    return "\n".join(name for name in found if name not in listed and name != docname)


GENERATORS: dict[str, Callable[[], str]] = {
    "cli-reference": cli_reference,
    "format-reference": format_reference,
}


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    for name, generate in GENERATORS.items():
        marker = MARKER.format(name)
        if marker in source[0]:
            with redirect_stdout(io.StringIO()):
                source[0] = source[0].replace(marker, generate())
    marker = MARKER.format("other-pages")
    if marker in source[0]:
        pages = other_pages(Path(app.srcdir), docname, source[0])
        source[0] = source[0].replace(marker, pages)


def _generated_pages(app: Any, *_args: Any) -> list[str]:
    """Return the pages with a marker: read again on every build, since the code may change."""
    folder = Path(app.srcdir)
    return [
        path.stem
        for path in sorted(folder.glob("*.md"))
        if "<!-- generated: " in path.read_text(encoding="utf-8")
    ]


def setup(app: Any) -> dict[str, Any]:
    """Register the generated pages with Sphinx, and plain-text names Pygments lacks."""
    from pygments.lexers.special import TextLexer  # noqa: PLC0415

    for name in ("csv", "tsv"):  # spreadsheet rows in the periods and spreadsheets pages
        app.add_lexer(name, TextLexer)
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _generated_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
