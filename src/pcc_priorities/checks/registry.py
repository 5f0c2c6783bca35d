"""Rules and the rule registry: the checker's units, and how other projects add their own.

A rule is a function that looks at a statement and yields an :class:`Occurrence` (a path and
a message) for each thing it finds, wrapped by :func:`rule` with everything the rule declares
up front: its stable code, name, severity, category, citation and how to fix what it finds.
The checker turns each occurrence into a :class:`~pcc_priorities.checks.Finding` with those values,
so a rule can never emit a code, severity or category it did not declare.

Other projects register rules through the ``pcc_priorities.rules`` entry point group (see
``docs/checks.md``), or in-process with :func:`register_rule`.

"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cached_property
from typing import Any, TypeAlias, TypeVar

import attrs
from attrs import field, frozen

from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.exceptions import RuleError, UnknownRuleError
from pcc_priorities.model.statement import ApplicabilityAssessment, Statement
from pcc_priorities.model.walk import (
    BlockAtPath,
    BlockRow,
    FigureAtPath,
    FigureRow,
    Path,
    PeriodAtPath,
    PeriodRow,
    TextAtPath,
    TextRow,
    block_rows,
    blocks_at_paths,
    figure_rows,
    figures_at_paths,
    period_rows,
    periods_at_paths,
    text_rows,
    texts_at_paths,
)
from pcc_priorities.reference.glossary import AcronymGlossary, shipped_glossary
from pcc_priorities.reference.national_frameworks import Framework

__all__ = [
    "ENTRY_POINT_GROUP",
    "CheckContext",
    "Occurrence",
    "Rule",
    "RuleCheck",
    "RuleRegistry",
    "rule",
]


#: The entry point group other distributions register rules in.
ENTRY_POINT_GROUP = "pcc_priorities.rules"

#: The code prefix reserved for the rules that ship with pcc-priorities.
BUILTIN_PREFIX = "PCC"

T = TypeVar("T")

_CODE = re.compile(r"[A-Z][A-Z0-9]*[0-9]")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@frozen(kw_only=True)
class Occurrence:
    """One thing a rule found: where it is and what it is.

    Attributes:
        path: Where, as keys and array indexes from the document root
            (``("sections", 0, "title")``); ``()`` is the whole statement. Where something is
            missing, the place it belongs (``("published",)``).
        message: What was found, in a sentence or two a statement's author can act on.
    """

    path: Path
    message: str


class CheckContext:
    """What a rule may use besides the statement: the date, the framework, shared walks.

    :func:`~pcc_priorities.check` makes one per check. The walks (:meth:`texts`,
    :meth:`figures` ...) are computed once and shared by every rule. To test a rule on its
    own, make one: ``CheckContext(statement, as_of=date(2023, 10, 1),
    framework=get_framework(statement.framework))``.
    """

    def __init__(
        self,
        statement: Statement,
        *,
        as_of: date,
        framework: Framework | None,
        known_rules: Sequence[Rule] = (),
    ) -> None:
        self._statement = statement
        self._as_of = as_of
        self._framework = framework
        self._known_rules = tuple(known_rules)
        self._shared: dict[Callable[[CheckContext], Any], Any] = {}

    @property
    def statement(self) -> Statement:
        """The statement being checked."""
        return self._statement

    @property
    def as_of(self) -> date:
        """The date the check is made as of: dates after it are in the future."""
        return self._as_of

    @property
    def framework(self) -> Framework | None:
        """The statement's framework, or None if it is not known."""
        return self._framework

    @property
    def known_rules(self) -> tuple[Rule, ...]:
        """Every rule the checker knows, whether or not it runs in this check."""
        return self._known_rules

    @property
    def glossary(self) -> AcronymGlossary:
        """The glossary of common policing acronyms shipped with the package."""
        return shipped_glossary()

    @cached_property
    def _text_rows(self) -> tuple[TextRow, ...]:
        return tuple(text_rows(self._statement))

    @cached_property
    def _texts(self) -> tuple[TextAtPath, ...]:
        return tuple(texts_at_paths(self._text_rows))

    @cached_property
    def _block_rows(self) -> tuple[BlockRow, ...]:
        return tuple(block_rows(self._statement))

    @cached_property
    def _blocks(self) -> tuple[BlockAtPath, ...]:
        return tuple(blocks_at_paths(self._block_rows))

    @cached_property
    def _figure_rows(self) -> tuple[FigureRow, ...]:
        return tuple(figure_rows(self._statement))

    @cached_property
    def _figures(self) -> tuple[FigureAtPath, ...]:
        return tuple(figures_at_paths(self._figure_rows))

    @cached_property
    def _period_rows(self) -> tuple[PeriodRow, ...]:
        return tuple(period_rows(self._statement, self._figure_rows))

    @cached_property
    def _periods(self) -> tuple[PeriodAtPath, ...]:
        return tuple(periods_at_paths(self._period_rows))

    def texts(self) -> tuple[TextAtPath, ...]:
        """Every piece of text a reader sees, in document order (see ``iter_texts``)."""
        return self._texts

    def text_rows(self) -> tuple[TextRow, ...]:
        """What :meth:`texts` gives, as plain rows: (path, text, kind, section).

        Quicker for rules that read every text: no object is made per text.
        """
        return self._text_rows

    def blocks(self) -> tuple[BlockAtPath, ...]:
        """Every narrative block, subsections' blocks included, in document order."""
        return self._blocks

    def figures(self) -> tuple[FigureAtPath, ...]:
        """Every figure, in document order."""
        return self._figures

    def periods(self) -> tuple[PeriodAtPath, ...]:
        """The periods figures are reported for: the statement's, figures', comparisons'."""
        return self._periods

    def block_rows(self) -> tuple[BlockRow, ...]:
        """What :meth:`blocks` gives, as plain rows: (path, block, section)."""
        return self._block_rows

    def figure_rows(self) -> tuple[FigureRow, ...]:
        """What :meth:`figures` gives, as plain rows: (path, figure, section)."""
        return self._figure_rows

    def period_rows(self) -> tuple[PeriodRow, ...]:
        """What :meth:`periods` gives, as plain rows: (path, period, comparison).

        Quicker for rules that read every period: no object is made per period.
        """
        return self._period_rows

    def shared(self, compute: Callable[[CheckContext], T]) -> T:
        """Return ``compute(self)``, computed once per check for every rule that asks.

        Rules that need the same derived data (every acronym and where it is first used, say)
        pass the same function and share one result.
        """
        if compute not in self._shared:
            self._shared[compute] = compute(self)
        return typing.cast(T, self._shared[compute])

    def assessment(self, priority: str) -> tuple[ApplicabilityAssessment, Path] | None:
        """Return the applicability assessment that covers ``priority``, and its path.

        A priority's own section's assessment comes first; otherwise the statement-wide one.
        None if neither is given.
        """
        for index, section in enumerate(self._statement.sections):
            if section.priority == priority and section.applicability is not None:
                return section.applicability, ("sections", index, "applicability")
        if self._statement.applicability is not None:
            return self._statement.applicability, ("applicability",)
        return None


#: What a rule's function is: it gets the statement and the context and yields occurrences.
RuleCheck: TypeAlias = Callable[[Statement, CheckContext], Iterable[Occurrence]]


def _check_code(_instance: object, _attribute: object, code: str) -> None:
    if not _CODE.fullmatch(code):
        raise RuleError(
            f"rule code {code!r} must be capital letters followed by digits, as in 'ACME001'"
        )


def _check_name(_instance: object, _attribute: object, name: str) -> None:
    if not _NAME.fullmatch(name):
        raise RuleError(
            f"rule name {name!r} must be lower-case words joined by hyphens, "
            "as in 'metric-without-data-source'"
        )


def _check_text(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise RuleError(f"a rule's {attribute.name} must not be empty")


@frozen(kw_only=True)
class Rule:
    """A check, with everything it declares up front.

    Attributes:
        code: A stable code: capital letters then digits ("PCC101"). Codes starting "PCC"
            are reserved for the rules that ship with pcc-priorities.
        name: A stable, readable name ("priority-not-addressed").
        severity: The severity of every finding it makes.
        category: The category of every finding it makes.
        summary: What it finds, in one line.
        description: What it means, for the rule catalogue.
        fix: How to fix what it finds.
        check: The function that finds occurrences.
        citation: The text it rests on, where it rests on one.
        suppressible: Whether a statement's suppression can silence its findings.
        origin: Where it comes from: "pcc-priorities", or the distribution that registered it.
        changes: What changed in what it finds, by ruleset version ("1.1: ..."), oldest
            first; the rule catalogue lists them.
    """

    code: str = field(validator=_check_code)
    name: str = field(validator=_check_name)
    severity: Severity
    category: Category
    summary: str = field(validator=_check_text)
    description: str = field(validator=_check_text)
    fix: str = field(validator=_check_text)
    check: RuleCheck = field(eq=False, repr=False)
    citation: str | None = None
    suppressible: bool = True
    origin: str | None = None
    changes: tuple[str, ...] = ()

    def occurrences(self, statement: Statement, context: CheckContext) -> list[Occurrence]:
        """Run the rule on ``statement`` and return what it finds.

        Raises:
            RuleError: The rule failed, or yielded something that is not an occurrence
                with a valid path.
        """
        try:
            found = list(self.check(statement, context))
        except Exception as error:
            raise RuleError(f"rule {self.code} ({self.name}) failed: {error!r}") from error
        for occurrence in found:
            if not isinstance(occurrence, Occurrence) or not _valid_path(occurrence.path):
                raise RuleError(
                    f"rule {self.code} ({self.name}) yielded {occurrence!r}; a rule yields "
                    "Occurrence(path=(...), message=...) with a path of keys and indexes"
                )
        return found


def _valid_path(path: object) -> bool:
    return isinstance(path, tuple) and all(
        isinstance(part, str) or (isinstance(part, int) and part >= 0) for part in path
    )


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    category: Category,
    summary: str,
    fix: str,
    citation: str | None = None,
    suppressible: bool = True,
    description: str | None = None,
    changes: tuple[str, ...] = (),
) -> Callable[[RuleCheck], Rule]:
    """Make a :class:`Rule` of the decorated function.

    The function's docstring is the rule's description unless ``description`` is given;
    ``changes`` says what changed in what it finds, by ruleset version ("1.1: ...").

    Example::

        @rule(
            code="ACME001",
            name="no-welsh-edition",
            severity=Severity.INFO,
            category=Category.READABILITY,
            summary="A statement for a Welsh force has no Welsh edition.",
            fix="Publish the statement in Welsh too.",
        )
        def no_welsh_edition(statement, context):
            '''Forces in Wales publish in Welsh and English.'''
            if statement.force.code.startswith("W") and statement.language != "cy":
                yield Occurrence(path=("language",), message="This statement is in English.")

    Raises:
        RuleError: A declared value is malformed (see :class:`Rule`).
    """

    def decorate(function: RuleCheck) -> Rule:
        text = description or inspect.getdoc(function) or summary
        return Rule(
            code=code,
            name=name,
            severity=severity,
            category=category,
            summary=summary,
            description=text,
            fix=fix,
            check=function,
            citation=citation,
            suppressible=suppressible,
            changes=changes,
        )

    return decorate


# --------------------------------------------------------------------------- the registry


def _matches(code: str, pattern: str) -> bool:
    return code.startswith(pattern)


class RuleRegistry:
    """A set of rules with unique codes and names, iterated in code order."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for item in rules:
            self.register(item)

    def register(self, new: Rule) -> None:
        """Add ``new``.

        Raises:
            RuleError: ``new`` is not a Rule, or another rule has its code or name.
        """
        if not isinstance(new, Rule):
            raise RuleError(f"expected a Rule, got {new!r}")
        if new.code in self._rules:
            if self._rules[new.code] is new:
                return
            raise RuleError(f"two rules have the code {new.code!r}")
        if any(existing.name == new.name for existing in self._rules.values()):
            raise RuleError(f"two rules have the name {new.name!r}")
        self._rules[new.code] = new

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda item: item.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code: str) -> Rule:
        """Return the rule with ``code``.

        Raises:
            UnknownRuleError: No rule has that code.
        """
        try:
            return self._rules[code]
        except KeyError:
            raise UnknownRuleError(f"no rule has the code {code!r}") from None

    def select(
        self, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
    ) -> tuple[Rule, ...]:
        """Return the rules to run, in code order.

        A rule runs if its code starts with one of ``select`` (every rule if None) and with
        none of ``ignore``. Codes and prefixes are case-insensitive ("pcc4" is "PCC4").

        Raises:
            UnknownRuleError: A code or prefix in ``select`` or ``ignore`` matches no rule,
                which is almost always a typing mistake.
        """
        chosen_select = None if select is None else self._patterns(select, "--select")
        if chosen_select == ():
            raise UnknownRuleError("--select names no rule; leave it out to run every rule")
        chosen_ignore = self._patterns(ignore, "--ignore")
        return tuple(
            item
            for item in self
            if (chosen_select is None or any(_matches(item.code, p) for p in chosen_select))
            and not any(_matches(item.code, p) for p in chosen_ignore)
        )

    def _patterns(self, patterns: Iterable[str], option: str) -> tuple[str, ...]:
        if isinstance(patterns, str):
            raise TypeError(f"{option} takes a list of codes or prefixes, not one string")
        found: list[str] = []
        for pattern in patterns:
            wanted = pattern.strip().upper()
            if not wanted:
                raise UnknownRuleError(f"{option}: an empty rule code matches every rule")
            if not any(_matches(code, wanted) for code in self._rules):
                raise UnknownRuleError(
                    f"{option}: no rule code is or starts with {pattern!r} "
                    "(see `pcc-priorities rules`)"
                )
            found.append(wanted)
        return tuple(found)


def check_not_reserved(item: Rule) -> None:
    if item.code.startswith(BUILTIN_PREFIX):
        raise RuleError(
            f"rule code {item.code!r}: codes starting {BUILTIN_PREFIX!r} are reserved for the "
            "rules that ship with pcc-priorities; choose a prefix of your own"
        )
