"""Versions and upgrades: the chain runs on load, is reported, and is pure."""

from __future__ import annotations

import copy
import io
import json
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import pcc_priorities as p
from pcc_priorities.cli import main
from pcc_priorities.formats import (
    SCHEMA_VERSION,
    from_dict,
    load_with_report,
    upgrade_document,
    upgrades,
)
from pcc_priorities.formats import upgrade as _upgrade

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CURRENT = FIXTURES / "versions" / f"statement-{SCHEMA_VERSION}.json"
FAKE_0_8 = FIXTURES / "fake-versions" / "statement-0.8.json"
FAKE_0_9 = FIXTURES / "fake-versions" / "statement-0.9.json"


def upgrade_0_8_to_0_9(data: dict[str, Any]) -> dict[str, Any]:
    """Made-up upgrade: narrative blocks that were plain strings become paragraphs."""

    def blocks(items: object) -> object:
        if not isinstance(items, list):
            return items
        return [{"type": "paragraph", "text": b} if isinstance(b, str) else b for b in items]

    for key in ("preamble", "introduction"):
        if key in data:
            data[key] = blocks(data[key])
    for section in data.get("sections", []):
        if isinstance(section, dict) and "blocks" in section:
            section["blocks"] = blocks(section["blocks"])
    return data


def upgrade_0_9_to_1_0(data: dict[str, Any]) -> dict[str, Any]:
    """Made-up upgrade: the framework object becomes its id; publication_date is published."""
    framework = data.get("framework")
    if isinstance(framework, dict) and "id" in framework:
        data["framework"] = framework["id"]
    if "publication_date" in data:
        data["published"] = data.pop("publication_date")
    return data


@pytest.fixture
def fake_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the made-up upgrades 0.8 -> 0.9 -> 1.0 for one test only."""
    monkeypatch.setattr(_upgrade, "_UPGRADES", {})
    _upgrade.register_upgrade("0.8", "0.9", "narrative blocks are objects")(upgrade_0_8_to_0_9)
    _upgrade.register_upgrade("0.9", "1.0", "framework by id; published")(upgrade_0_9_to_1_0)


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return data


def test_current_fixture_is_current_and_canonical() -> None:
    """The fixture of the current version loads without upgrades and is canonical JSON."""
    result = load_with_report(CURRENT)
    assert not result.upgraded
    assert result.note() is None
    assert result.schema_version == SCHEMA_VERSION
    assert p.dumps(result.statement) == CURRENT.read_text(encoding="utf-8")


def test_every_registered_upgrade_has_a_fixture_that_upgrades() -> None:
    """Each version the library upgrades from has a fixture that upgrades to the current one."""
    expected = p.load(CURRENT)
    for step in upgrades():
        fixture = FIXTURES / "versions" / f"statement-{step.source}.json"
        result = load_with_report(fixture)
        assert result.schema_version == step.source
        assert result.upgrades[-1].target == SCHEMA_VERSION
        assert result.statement == expected
    assert _upgrade.CURRENT_VERSION == SCHEMA_VERSION


@pytest.mark.usefixtures("fake_chain")
def test_a_document_one_version_old_is_upgraded_and_reported() -> None:
    """A 0.9 document loads to the same statement as its 1.0 form, and the result says how."""
    result = load_with_report(FAKE_0_9)
    assert result.statement == p.load(CURRENT)
    assert result.upgraded
    assert result.schema_version == "0.9"
    assert [(s.source, s.target) for s in result.upgrades] == [("0.9", "1.0")]
    note = result.note()
    assert note is not None
    assert "'0.9'" in note
    assert "'1.0'" in note
    assert str(FAKE_0_9) in note


@pytest.mark.usefixtures("fake_chain")
def test_a_document_two_versions_old_runs_the_chain_in_order() -> None:
    """A 0.8 document goes through 0.8 -> 0.9 -> 1.0 and loads to the same statement."""
    result = load_with_report(FAKE_0_8)
    assert [(s.source, s.target) for s in result.upgrades] == [("0.8", "0.9"), ("0.9", "1.0")]
    assert result.statement == p.load(CURRENT)


@pytest.mark.usefixtures("fake_chain")
def test_plain_load_warns_when_it_upgrades() -> None:
    """load, loads, from_dict and load_any warn with DocumentUpgradedWarning, at the caller."""
    text = FAKE_0_9.read_text(encoding="utf-8")
    for call in (
        lambda: p.load(FAKE_0_9),
        lambda: p.loads(text),
        lambda: from_dict(read(FAKE_0_9)),
        lambda: p.load(FAKE_0_9),
    ):
        with pytest.warns(p.DocumentUpgradedWarning, match="'0.9' to '1.0'") as caught:
            call()
        assert caught[0].filename == __file__


def test_current_documents_load_without_a_warning() -> None:
    """Loading a document in the current version gives no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p.load(CURRENT)
        p.load(CURRENT)


@pytest.mark.usefixtures("fake_chain")
def test_upgrade_document_is_pure() -> None:
    """upgrade_document never changes its input, even when an upgrade changes its own."""
    data = read(FAKE_0_8)
    before = copy.deepcopy(data)
    result = upgrade_document(data)
    assert data == before
    assert result.data["schema_version"] == "1.0"
    assert next(iter(result.data)) == "schema_version"
    assert result.data["framework"] == "ncpm-2021"
    assert result.data["introduction"][0]["type"] == "paragraph"


def test_without_an_upgrade_an_old_version_is_refused_clearly() -> None:
    """A version with no upgrade chain is an error at /schema_version naming what is known."""
    with pytest.raises(p.DocumentError) as caught:
        p.load(FAKE_0_9)
    first = caught.value.problems[0]
    assert first.path == "/schema_version"
    assert "no upgrade from schema_version '0.9'" in first.message


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("1.1", "'1.1' is newer"),
        ("2.0", "'2.0' is newer"),
        ("v1", "MAJOR.MINOR"),
        ("1.0.0", "MAJOR.MINOR"),
        (Decimal("1.0"), "written as text"),
        (None, "required key is missing"),
    ],
)
def test_bad_versions_are_refused_at_their_path(version: object, message: str) -> None:
    """Newer, malformed, non-text and missing versions are errors at /schema_version."""
    data = read(CURRENT)
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    with pytest.raises(p.DocumentError) as caught:
        from_dict(data)
    assert caught.value.problems[0].path == "/schema_version"
    assert message in caught.value.problems[0].message


@pytest.mark.usefixtures("fake_chain")
def test_problems_after_an_upgrade_say_the_paths_are_in_the_upgraded_document() -> None:
    """An upgraded document that is still invalid says so first, then lists its problems."""
    data = read(FAKE_0_9)
    data["sections"][0]["priority"] = "knife-crime"
    with pytest.raises(p.DocumentError) as caught:
        from_dict(data)
    problems = caught.value.problems
    assert problems[0].path == "/schema_version"
    assert "upgraded to '1.0'" in problems[0].message
    assert problems[1].path == "/sections/0/priority"


def test_a_failing_upgrade_is_reported_with_its_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade that raises becomes a DocumentError naming the step."""
    monkeypatch.setattr(_upgrade, "_UPGRADES", {})

    @_upgrade.register_upgrade("0.9", "1.0", "always fails")
    def broken(data: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("gone")

    with pytest.raises(p.DocumentError, match=r"0\.9 -> 1\.0: always fails"):
        p.load(FAKE_0_9)


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("1.0", "1.0", "later version"),
        ("1.1", "1.0", "later version"),
        ("1", "1.1", "MAJOR.MINOR"),
        ("0.9", "1.0", "already has an upgrade"),
    ],
)
def test_register_upgrade_refuses_a_broken_chain(
    monkeypatch: pytest.MonkeyPatch, source: str, target: str, message: str
) -> None:
    """Upgrades go forward, between well-formed versions, one out of each version."""
    monkeypatch.setattr(_upgrade, "_UPGRADES", {})
    _upgrade.register_upgrade("0.9", "1.0", "first")(upgrade_0_9_to_1_0)
    with pytest.raises(ValueError, match=message):
        _upgrade.register_upgrade(source, target, "again")


def test_a_chain_that_skips_the_current_version_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chain that never reaches the current version is an error, not a loop."""
    monkeypatch.setattr(_upgrade, "_UPGRADES", {})
    _upgrade.register_upgrade("0.9", "0.95", "first")(upgrade_0_9_to_1_0)
    with pytest.raises(p.DocumentError, match=r"no upgrade from schema_version '0\.95'"):
        _upgrade.upgrade_path("0.9")


# --------------------------------------------------------------------------- command line


@pytest.mark.usefixtures("fake_chain")
def test_cli_upgrade_writes_the_upgraded_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`upgrade FILE -o OUT` writes the canonical current document and says what it did."""
    target = tmp_path / "statement.json"
    assert main(["upgrade", str(FAKE_0_8), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == CURRENT.read_text(encoding="utf-8")
    assert "upgraded from schema_version '0.8'" in capsys.readouterr().err
    assert json.loads(FAKE_0_8.read_text(encoding="utf-8"))["schema_version"] == "0.8"


@pytest.mark.usefixtures("fake_chain")
def test_cli_upgrade_refuses_to_replace_files_without_force(tmp_path: Path) -> None:
    """`upgrade` never writes over its input, nor over an existing file without --overwrite."""
    copied = tmp_path / "old.json"
    copied.write_text(FAKE_0_9.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["upgrade", str(copied), "-o", str(copied)]) == 2
    assert main(["upgrade", str(copied), "-o", str(copied), "--overwrite"]) == 2
    assert json.loads(copied.read_text(encoding="utf-8"))["schema_version"] == "0.9"
    existing = tmp_path / "new.json"
    existing.write_text("{}", encoding="utf-8")
    assert main(["upgrade", str(copied), "-o", str(existing)]) == 2
    assert existing.read_text(encoding="utf-8") == "{}"
    assert main(["upgrade", str(copied), "-o", str(existing), "--overwrite"]) == 0
    assert p.load(existing) == p.load(CURRENT)


@pytest.mark.usefixtures("fake_chain")
def test_cli_upgrade_prints_to_stdout_in_either_format() -> None:
    """Without -o, `upgrade` prints the document, as JSON or as YAML with --format yaml."""
    out = io.StringIO()
    assert main(["upgrade", str(FAKE_0_9)], out) == 0
    assert out.getvalue() == CURRENT.read_text(encoding="utf-8")
    out = io.StringIO()
    assert main(["upgrade", str(FAKE_0_9), "--format", "yaml"], out) == 0
    assert p.loads(out.getvalue(), "yaml") == p.load(CURRENT)


def test_cli_upgrade_of_a_current_document_says_nothing_needed_doing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`upgrade` of a current document writes it unchanged and says it was already current."""
    out = io.StringIO()
    assert main(["upgrade", str(CURRENT)], out) == 0
    assert out.getvalue() == CURRENT.read_text(encoding="utf-8")
    assert "already at schema_version '1.0'" in capsys.readouterr().err


@pytest.mark.usefixtures("fake_chain")
def test_cli_validate_says_a_document_was_upgraded() -> None:
    """`validate` accepts an old document it can upgrade, and says it upgraded it."""
    out = io.StringIO()
    assert main(["validate", str(FAKE_0_9)], out) == 0
    assert "written in schema_version '0.9', upgraded on load" in out.getvalue()
