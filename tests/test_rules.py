"""Tests of rules and the registry: declarations, selection, and rules from entry points."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import pcc_priorities as p
from check_helpers import AS_OF, clean
from pcc_priorities.checks import (
    Category,
    CheckContext,
    Occurrence,
    Rule,
    RuleRegistry,
    Severity,
    get_rule,
    register_rule,
    rules,
)
from pcc_priorities.checks import defaults as _rules
from pcc_priorities.checks.builtin import BUILTIN_RULES
from pcc_priorities.checks.registry import ENTRY_POINT_GROUP


def _check(statement: p.Statement, context: CheckContext) -> Iterator[Occurrence]:
    yield Occurrence(path=(), message="Always.")


def _rule(code: str = "ACME001", name: str = "always", **changes: object) -> Rule:
    values: dict[str, object] = {
        "code": code,
        "name": name,
        "severity": Severity.INFO,
        "category": Category.READABILITY,
        "summary": "Always finds something.",
        "description": "For tests.",
        "fix": "None.",
        "check": _check,
    }
    values.update(changes)
    return Rule(**values)  # type: ignore[arg-type]


def test_builtin_rules_declare_everything() -> None:
    """Every built-in rule has a PCC code, a unique name, a description and a fix."""
    codes = [rule.code for rule in BUILTIN_RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({rule.name for rule in BUILTIN_RULES}) == len(BUILTIN_RULES)
    for rule in BUILTIN_RULES:
        assert rule.code.startswith("PCC")
        assert rule.description.strip()
        assert rule.fix.strip()
        assert rule.summary.strip()
        statutory = rule.category is Category.STATUTORY
        assert statutory == rule.code.startswith("PCC1")
        # Errors are statutory, but for the one rule that finds what cannot be true: a
        # period that cannot be of its kind (issue 11, ruleset 1.1).
        assert (statutory or rule.code == "PCC312") == (rule.severity is Severity.ERROR)
        if statutory:
            assert not rule.suppressible
            assert rule.citation
            assert "para 7A" in rule.citation


def test_registry_lists_builtin_rules_in_code_order() -> None:
    """The registry holds the built-in rules, in code order, each marked as built in."""
    listed = rules()
    builtin = [rule.code for rule in listed if rule.origin == "pcc-priorities"]
    assert builtin == [rule.code for rule in BUILTIN_RULES]
    assert [rule.code for rule in listed] == sorted(rule.code for rule in listed)
    assert get_rule("PCC101").name == "priority-not-addressed"
    assert get_rule("PCC101").origin == "pcc-priorities"
    with pytest.raises(p.UnknownRuleError):
        get_rule("PCC999")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "acme1"}, "capital letters followed by digits"),
        ({"code": "ACME"}, "capital letters followed by digits"),
        ({"name": "Not A Name"}, "lower-case words joined by hyphens"),
        ({"summary": " "}, "summary must not be empty"),
        ({"fix": ""}, "fix must not be empty"),
    ],
)
def test_malformed_rules_are_refused(changes: dict[str, object], message: str) -> None:
    """A rule must declare a well-formed code and name, a summary and a fix."""
    with pytest.raises(p.RuleError, match=message):
        _rule(**changes)


def test_registry_refuses_clashes() -> None:
    """Two rules cannot share a code or a name."""
    registry = RuleRegistry([_rule()])
    with pytest.raises(p.RuleError, match="code 'ACME001'"):
        registry.register(_rule(name="other"))
    with pytest.raises(p.RuleError, match="name 'always'"):
        registry.register(_rule(code="ACME002"))
    with pytest.raises(p.RuleError, match="expected a Rule"):
        registry.register("ACME003")  # type: ignore[arg-type]
    registry.register(registry.get("ACME001"))  # the same rule again is harmless
    assert len(registry) == 1
    assert "ACME001" in registry


def test_register_rule_adds_to_every_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule registered in-process runs in every later check; PCC codes are reserved."""
    monkeypatch.setattr(_rules, "_default", None)
    register_rule(_rule())
    report = p.check(clean(), as_of=AS_OF)
    assert [(f.code, f.path) for f in report.findings] == [("ACME001", "")]
    with pytest.raises(p.RuleError, match="reserved"):
        register_rule(_rule(code="PCC999", name="mine"))


# --------------------------------------------------------------------------- entry points

PLUGIN = '''
from pcc_priorities.checks import Category, Occurrence, Severity, rule


@rule(
    code="ACME001",
    name="no-welsh-edition",
    severity=Severity.INFO,
    category=Category.READABILITY,
    summary="A statement for a Welsh force is only in English.",
    fix="Publish the statement in Welsh too.",
)
def no_welsh_edition(statement, context):
    """Forces in Wales publish in Welsh and English."""
    if statement.force.code.startswith("W") and statement.language != "cy":
        yield Occurrence(path=("language",), message="This statement is in English only.")


RULES = [no_welsh_edition]
BROKEN = 42
'''


def _install_plugin(folder: Path, target: str) -> None:
    """Install a distribution 'acme-rules' with a pcc_priorities.rules entry point."""
    (folder / "acme_rules.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    info = folder / "acme_rules-1.2.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.2\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[pcc_priorities.rules]\nacme = {target}\n", encoding="utf-8"
    )


def test_entry_point_rules_join_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rules registered by another distribution's entry point run, marked with its name."""
    _install_plugin(tmp_path, "acme_rules:RULES")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(_rules, "_default", None)
    added = get_rule("ACME001")
    assert added.origin == "acme-rules 1.2"
    welsh = p.Statement(
        body=p.PolicingBody(kind="pcc", name="Police and Crime Commissioner for Gwent"),
        force=p.PoliceForce(code="W15000002", name="Gwent Police"),
        framework="ncpm-2021",
        title="Statement",
    )
    report = p.check(welsh, as_of=AS_OF, select=["ACME"])
    assert [(f.code, f.path) for f in report.findings] == [("ACME001", "/language")]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("acme_rules:BROKEN", "must name a Rule or an iterable of Rules"),
        ("acme_rules:MISSING", "could not be loaded"),
    ],
)
def test_broken_entry_points_are_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, message: str
) -> None:
    """An entry point that does not give rules is reported, never skipped."""
    _install_plugin(tmp_path, target)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(_rules, "_default", None)
    with pytest.raises(p.RuleError, match=message):
        rules()


def test_command_line_lists_entry_point_rules(tmp_path: Path) -> None:
    """`pcc-priorities rules` lists an installed plugin's rules beside the built-in ones."""
    _install_plugin(tmp_path, "acme_rules:RULES")
    completed = subprocess.run(
        [sys.executable, "-m", "pcc_priorities", "rules"],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert completed.returncode == 0, completed.stderr
    assert "ACME001\tinfo   \treadability \tno-welsh-edition" in completed.stdout
    assert [line.split("\t")[0] for line in completed.stdout.splitlines()][:2] == [
        "ACME001",
        "PCC101",
    ]


# --------------------------------------------------------------------------- the quick look


def _distribution(folder: Path, name: str, entry_points: str | None) -> None:
    """A distribution's metadata folder in ``folder``, with ``entry_points.txt`` if given."""
    info = folder / name
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\n", encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_the_quick_look_finds_a_distribution_that_declares_rules(tmp_path: Path) -> None:
    """A dist-info or egg-info folder naming the group is a "maybe"; other groups are not."""
    _distribution(tmp_path, "other-1.0.dist-info", "[console_scripts]\nother = other:main\n")
    _distribution(tmp_path, "plain-1.0.dist-info", None)
    (tmp_path / "old-1.0.egg-info").write_text("Name: old\n", encoding="utf-8")  # a file
    assert not _rules._may_declare_rules([str(tmp_path), str(tmp_path / "missing")])
    _distribution(tmp_path, "Acme_Rules-1.2.EGG-INFO", "[pcc_priorities.rules]\nacme = a:R\n")
    assert _rules._may_declare_rules([str(tmp_path)])


@pytest.mark.parametrize("kind", ["zip", "egg"])
def test_the_quick_look_says_maybe_where_it_cannot_read(tmp_path: Path, kind: str) -> None:
    """A zip file on the path, or an egg, may hold distributions: importlib.metadata looks."""
    if kind == "zip":
        archive = tmp_path / "plugins.zip"
        archive.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip file
        path = [str(archive)]
    else:
        (tmp_path / "acme_rules-1.2-py3.11.egg").mkdir()
        path = [str(tmp_path)]
    assert _rules._may_declare_rules(path)


def test_the_quick_look_says_maybe_for_another_finder_of_distributions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A finder on sys.meta_path that finds distributions its own way is not second-guessed."""

    class Finder:
        @staticmethod
        def find_distributions(*_args: object, **_kwargs: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert _rules._may_declare_rules([])


def test_the_quick_look_never_hides_what_importlib_metadata_finds(tmp_path: Path) -> None:
    """Wherever importlib.metadata finds the group's entry points, the quick look says maybe."""
    from importlib import metadata  # noqa: PLC0415

    _install_plugin(tmp_path, "acme_rules:RULES")
    found = metadata.entry_points(group=ENTRY_POINT_GROUP)
    assert not [entry for entry in found if entry.name == "acme"]  # not on sys.path yet
    path = [str(tmp_path), *sys.path]
    everywhere = metadata.distributions(path=path)
    assert any(
        entry.group == ENTRY_POINT_GROUP for dist in everywhere for entry in dist.entry_points
    )
    assert _rules._may_declare_rules(path)


def test_checking_without_plugins_does_not_import_importlib_metadata() -> None:
    """The common case: no distribution registers rules, and start-up skips the import."""
    code = (
        "import sys\n"
        "from pcc_priorities.checks.defaults import _may_declare_rules, rules\n"
        "rules()\n"
        "print('importlib.metadata' in sys.modules, _may_declare_rules())\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    imported, maybe = completed.stdout.split()
    assert imported == maybe  # imported exactly where rules may be registered
