"""Tests that model values are type-checked on construction, and that loading skips the checks."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities import _typecheck as typecheck
from pcc_priorities._typecheck import (
    TypeChecks,
    typed_fields,
    unchecked_constructor,
)
from pcc_priorities.formats import from_dict, to_dict
from pcc_priorities.model import FigureAtPath, TextAtPath, TextKind
from pcc_priorities.reference.force_register import BodyKind, BodyTerm, RegisteredForce
from pcc_priorities.reference.national_frameworks import Citation, Framework, NationalMetric
from pcc_priorities.testing import blocks, figures, statements

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "west-mercia-2023-09.json"

#: The modules whose attrs classes are checked on construction.
CHECKED_MODULES = (
    "pcc_priorities.model.figures",
    "pcc_priorities.model.narrative",
    "pcc_priorities.model.statement",
    "pcc_priorities.model.walk",
    "pcc_priorities.periods.dates",
    "pcc_priorities.periods.period",
    "pcc_priorities.periods.reading",
    "pcc_priorities.reference.national_frameworks",
    "pcc_priorities.reference.force_register",
)

PERIOD = p.ReportingPeriod.financial_quarter(2023, 1)
COMPARISON = p.Comparison(basis=p.ComparisonBasis.SAME_PERIOD_LAST_YEAR)
PARAGRAPH = p.Paragraph(text="The force works with partners.")
BODY = p.PolicingBody(kind="pcc", name="Police and Crime Commissioner for West Mercia")
FORCE = p.PoliceForce(code="E23000016", name="West Mercia Police")


def _statement(**values: object) -> p.Statement:
    fields: dict[str, Any] = {
        "body": BODY,
        "force": FORCE,
        "framework": "ncpm-2021",
        "title": "Statement",
    }
    return p.Statement(**{**fields, **values})


#: Each case: the class, the valid values it needs besides, the field, a wrong value, and a
#: piece of the message after "Class.field".
CASES: list[tuple[type[Any], dict[str, Any], str, object, str]] = [
    # text fields refuse numbers, None where not optional, and bytes
    (p.PolicingBody, {"name": "x"}, "kind", 3, ": expected a str, got int 3"),
    (p.PolicingBody, {"kind": "pcc"}, "name", None, ": expected a str, got None"),
    (p.PolicingBody, {"kind": "pcc", "name": "x"}, "holder", b"x", "expected a str or None"),
    (p.PoliceForce, {"name": "x"}, "code", 16, "got int 16"),
    (p.MetricReference, {"name": "x"}, "id", 1, "expected a str"),
    (p.MetricReference, {"id": "m", "name": "x"}, "national_metric", 2, "a str or None"),
    (p.Suppression, {"rule": "PCC401", "reason": "ok"}, "path", ("a",), "got tuple"),
    (p.GlossaryEntry, {"term": "OCG"}, "expansion", 0, "expected a str"),
    (p.Paragraph, {}, "text", Decimal(1), "got Decimal 1"),
    (p.Quotation, {"text": "x"}, "attribution", 1, "expected a str or None"),
    (p.Subsection, {}, "title", None, "got None"),
    # enumerations refuse their values as plain text, and show how to make one
    (p.Figure, {"measure": "x"}, "unit", "count", "got str 'count'; make one with Unit('count')"),
    (p.Figure, {"measure": "x"}, "qualifier", "about", "Qualifier(value), where value is one"),
    (p.Change, {}, "direction", "increase", "make one with Direction('increase')"),
    (p.Area, {"name": "x"}, "kind", "force", "expected an AreaKind, got str 'force'"),
    (p.Comparison, {}, "basis", "baseline", "ComparisonBasis('baseline')"),
    (p.Authorship, {}, "by", "joint", "AuthorKind('joint')"),
    (p.ApplicabilityAssessment, {}, "status", "applicable", "Applicability('applicable')"),
    (p.PlanReference, {"title": "x"}, "kind", p.Unit.COUNT, "got Unit.COUNT"),
    (p.Paragraph, {"text": "x"}, "role", "context", "NarrativeRole('context')"),
    (p.DataAvailability, {}, "status", None, "expected a DataStatus, got None"),
    (p.Rank, {}, "order", "highest", "RankOrder('highest')"),
    (p.RateBase, {"per": 1000}, "denominator", "population", "RateDenominator("),
    (
        p.ReportingPeriod,
        {"start": date(2023, 1, 1), "end": date(2023, 1, 31)},
        "kind",
        "month",
        "PeriodKind('month')",
    ),
    # whole numbers refuse bools and floats; bools refuse whole numbers
    (p.RateBase, {"denominator": p.RateDenominator.POPULATION}, "per", True, "got bool True"),
    (p.Rank, {"order": p.RankOrder.LOWEST}, "out_of", 8.0, "expected an int or None"),
    (p.PartialDate, {}, "year", "2023", "expected an int, got str '2023'"),
    (p.PartialDate, {"year": 2023}, "month", "5", "expected an int or None, got str '5'"),
    (p.PartialDate, {"year": 2023, "month": 5}, "day", False, "got bool False"),
    (p.BulletList, {"items": ("a",)}, "ordered", 1, "expected a bool, got int 1"),
    (NationalMetric, {"id": "m", "priority": "p", "title": "t"}, "confirmed", "yes", "a bool"),
    # dates refuse datetimes and text
    (
        p.ReportingPeriod,
        {"end": date(2023, 1, 31)},
        "start",
        datetime(2023, 1, 1),
        "expected a date, a PartialDate or None, got datetime 2023-01-01T00:00:00; pass its date",
    ),
    (
        p.ReportingPeriod,
        {"start": date(2023, 1, 1)},
        "end",
        "2023-01-31",
        "got str '2023-01-31'; read one with datetime.date.fromisoformat",
    ),
    (
        p.PlanReference,
        {"kind": p.PlanKind.OTHER, "title": "x"},
        "published",
        date(2023, 1, 1),
        "expected a PartialDate or None, got date 2023-01-01; make one with",
    ),
    # model classes, optional or not
    (
        p.Figure,
        {"measure": "x"},
        "period",
        "Q1 2023/24",
        "expected a ReportingPeriod or None, got str 'Q1 2023/24'; read one with "
        "pcc_priorities.periods.parse_period('Q1 2023/24')",
    ),
    (p.Figure, {"measure": "x"}, "rate_base", 1000, "expected a RateBase or None"),
    (p.Figure, {"measure": "x"}, "rank", p.RankOrder.HIGHEST, "a Rank or None"),
    (p.Figure, {"measure": "x"}, "area", "Telford", "expected an Area or None, got str"),
    (p.Figure, {"measure": "x"}, "availability", p.DataStatus.PROVISIONAL, "DataAvailability"),
    (p.Comparison, {"basis": p.ComparisonBasis.PEAK}, "change", p.Direction.INCREASE, "Change"),
    (p.Comparison, {"basis": p.ComparisonBasis.PEAK}, "area", PERIOD, "got ReportingPeriod"),
    (p.Statement, {}, "body", "pcc", "expected a PolicingBody, got str 'pcc'"),
    (p.Statement, {}, "force", BODY, "expected a PoliceForce, got PolicingBody"),
    (p.Statement, {}, "prepared_by", p.AuthorKind.JOINT, "an Authorship or None"),
    (p.Statement, {}, "applicability", p.Applicability.APPLICABLE, "ApplicabilityAssessment"),
    (p.PrioritySection, {"title": "x"}, "priority", None, "expected a str, got None"),
    (p.PrioritySection, {"priority": "x", "title": "y"}, "applicability", "yes", "or None"),
    (BodyTerm, {"kind": "pcc", "title": "x"}, "start", "2012-11", "PartialDate.parse"),
    (Framework, {"id": "f", "title": "t"}, "version", 2021, "expected a str, got int 2021"),
    # tuples: one item, a list, text, or an item of the wrong type
    (
        p.Figure,
        {"measure": "x"},
        "comparisons",
        COMPARISON,
        "expected a tuple of Comparison, got Comparison; for one item, pass a one-item tuple",
    ),
    (
        p.Figure,
        {"measure": "x"},
        "comparisons",
        [COMPARISON],
        "got list of 1 item; pass a tuple, such as tuple(the_list)",
    ),
    (p.Figure, {"measure": "x"}, "comparisons", (COMPARISON, None), "[1]: expected a Comparison"),
    (p.Statement, {}, "periods", PERIOD, "expected a tuple of ReportingPeriod, got Reporting"),
    (p.Statement, {}, "periods", (PERIOD, "2023/24"), "[1]: expected a ReportingPeriod, got str"),
    (p.Statement, {}, "preamble", PARAGRAPH, "expected a tuple of Paragraph, BulletList, Quo"),
    (
        p.Statement,
        {},
        "introduction",
        ("Some text",),
        "[0]: expected a Paragraph, a BulletList, a Quotation or a Subsection, got str",
    ),
    (p.Statement, {}, "sections", [], "got list of 0 items; pass a tuple"),
    (p.Statement, {}, "plans", {}, "expected a tuple of PlanReference, got dict of 0 items"),
    (p.Statement, {}, "glossary", (p.Suppression(rule="x", path="", reason="y"),), "[0]"),
    (p.Statement, {}, "suppressions", None, "expected a tuple of Suppression, got None"),
    (p.PrioritySection, {"priority": "x", "title": "y"}, "metrics", ("m1",), "[0]: expected a"),
    (p.PrioritySection, {"priority": "x", "title": "y"}, "figures", (PARAGRAPH,), "Figure, got"),
    (
        p.PrioritySection,
        {"priority": "x", "title": "y"},
        "blocks",
        (p.Figure(measure="x"),),
        "[0]: expected a Paragraph, a BulletList, a Quotation or a Subsection, got Figure",
    ),
    (p.Subsection, {"title": "x"}, "blocks", (PARAGRAPH, (PARAGRAPH,)), "[1]: expected a Para"),
    (p.BulletList, {}, "items", "one item", "expected a tuple of str, got str 'one item'"),
    (p.BulletList, {}, "items", ("a", 2), "items[1]: expected a str, got int 2"),
    (p.ApplicabilityAssessment, {"status": p.Applicability.APPLICABLE}, "reasons", ["r"], "list"),
    (
        p.PlanReference,
        {"kind": p.PlanKind.OTHER, "title": "x"},
        "priorities",
        (p.PlanPriority(title="a"), "b"),
        "priorities[1]: expected a PlanPriority, got str 'b'; make one with "
        "pcc_priorities.PlanPriority(title='b')",
    ),
    (
        Framework,
        {"id": "f", "title": "t", "version": "1"},
        "sources",
        (Citation(title="c"), 1),
        "sources[1]: expected a Citation, got int 1",
    ),
    (
        RegisteredForce,
        {"code": "c", "area": "a", "force_name": "f", "country": "England"},
        "aliases",
        ["x"],
        "pass a tuple",
    ),
    (BodyKind, {"id": "pcc", "title": "t"}, "elected", None, "expected a bool, got None"),
    # the walk's results
    (
        TextAtPath,
        {"text": "x", "kind": TextKind.HEADING},
        "path",
        ["title"],
        "expected a tuple of str or int, got list",
    ),
    (
        TextAtPath,
        {"text": "x", "kind": TextKind.HEADING},
        "path",
        ("a", True),
        "path[1]: expected a str or an int, got bool True",
    ),
    (FigureAtPath, {"path": ()}, "figure", PARAGRAPH, "expected a Figure"),
]


def _case_id(case: tuple[type[Any], dict[str, Any], str, object, str]) -> str:
    return f"{case[0].__name__}.{case[2]}={type(case[3]).__name__}"


def _construct(cls: type[Any], values: dict[str, Any]) -> object:
    if cls is p.Statement:
        return _statement(**values)
    return cls(**values)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_wrong_type_is_refused_with_class_and_field(
    case: tuple[type[Any], dict[str, Any], str, object, str],
) -> None:
    """A value of the wrong type raises TypeError naming Class.field, and what was expected."""
    cls, valid, name, wrong, words = case
    with pytest.raises(TypeError) as raised:
        _construct(cls, {**valid, name: wrong})
    message = str(raised.value)
    assert message.startswith(f"{cls.__name__}.{name}"), message
    assert words in message, message


def test_published_as_text_names_statement_published() -> None:
    """Statement(published="2027-02") says what to do instead, before any rule runs."""
    with pytest.raises(TypeError) as raised:
        _statement(published="2027-02")
    assert str(raised.value) == (
        "Statement.published: expected a PartialDate or None, got str '2027-02'; "
        "read one with pcc_priorities.periods.PartialDate.parse('2027-02')"
    )


def test_evolve_is_checked_too() -> None:
    """attrs.evolve builds through __init__, so a changed copy is checked as a new object is."""
    with pytest.raises(TypeError, match=r"^Statement\.published: "):
        attrs.evolve(_statement(), published="2027-02")


def test_every_type_is_checked_before_any_value() -> None:
    """A wrong type in a later field is reported, not a comparison error from an earlier check."""
    with pytest.raises(TypeError, match=r"^PartialDate\.month: expected an int or None"):
        p.PartialDate(year=2023, month="13")
    with pytest.raises(TypeError, match=r"^ReportingPeriod\.end: "):
        p.ReportingPeriod(start=date(2023, 1, 1), end="2022-01-01")


def test_converters_name_the_field_on_type_errors() -> None:
    """A converter's TypeError names the field; its ValueErrors stay as they were."""
    with pytest.raises(TypeError) as raised:
        p.Figure(measure="x", value=1.5)
    assert str(raised.value) == (
        "Figure.value: expected a Decimal, an int or a numeric string, got float"
    )
    with pytest.raises(TypeError, match=r"^PrioritySection\.extensions: JSON object keys"):
        p.PrioritySection(priority="x", title="y", extensions={1: "one"})
    with pytest.raises(ValueError, match=r"^'many' is not a number$"):
        p.Figure(measure="x", value="many")


def test_value_checks_are_unchanged() -> None:
    """The model's own value checks still raise ValueError with their own messages."""
    with pytest.raises(ValueError, match="before it starts"):
        p.ReportingPeriod(start=date(2023, 4, 2), end=date(2023, 4, 1))
    with pytest.raises(ValueError, match="month 13 is out of range"):
        p.PartialDate(year=2023, month=13)
    with pytest.raises(ValueError, match="upper_value needs a value"):
        p.Figure(measure="x", value=Decimal(5), upper_value=Decimal(4))
    with pytest.raises(ValueError, match="out of range"):
        p.RateBase(per=10**16, denominator=p.RateDenominator.POPULATION)


def test_accepted_values() -> None:
    """Subclasses of the annotated types, numeric text for numbers and None where optional pass."""
    figure = p.Figure(measure="x", value="12.5", unit=None, comparisons=())
    assert figure.value == Decimal("12.5")
    period = p.ReportingPeriod(start=date(2023, 1, 1), end=date(2023, 1, 31), kind=None)
    assert period.days == 31
    assert TextAtPath(path=("sections", 0, "title"), text="x", kind=TextKind.HEADING).path


def _checked_classes() -> Iterator[type[Any]]:
    for name in CHECKED_MODULES:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if attrs.has(cls) and cls.__module__ == name:
                yield cls


@pytest.mark.parametrize("cls", list(_checked_classes()), ids=lambda cls: cls.__qualname__)
def test_every_model_class_is_checked(cls: type[Any]) -> None:
    """Every attrs class of the model, the periods and the reference data has the type checks."""
    assert attrs.inspect(cls).field_transformer is typed_fields
    assert isinstance(attrs.fields(cls)[0].validator, TypeChecks)


@given(statements())
def test_generated_statements_construct_and_round_trip(statement: p.Statement) -> None:
    """Every generated statement passes its checks again, and loads(dumps(x)) == x holds."""
    assert attrs.evolve(statement) == statement
    assert p.loads(p.dumps(statement)) == statement


@given(st.one_of(figures(), blocks()))
def test_generated_parts_pass_their_checks(value: Any) -> None:
    """Every generated figure and block passes the type checks when built again."""
    assert attrs.evolve(value) == value


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Count every type check and converter wrapper call from now on."""
    calls = {"checks": 0, "converters": 0}
    check = TypeChecks.__call__
    convert = typecheck.NamedConverter.__call__

    def counted_check(self: TypeChecks, *args: Any) -> None:
        calls["checks"] += 1
        check(self, *args)

    def counted_convert(self: typecheck.NamedConverter, value: Any) -> Any:
        calls["converters"] += 1
        return convert(self, value)

    monkeypatch.setattr(TypeChecks, "__call__", counted_check)
    monkeypatch.setattr(typecheck.NamedConverter, "__call__", counted_convert)
    return calls


def test_loading_the_worked_example_runs_no_type_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path checked every value already: loading calls no type check nor wrapper."""
    calls = _count_checks(monkeypatch)
    statement = p.load(EXAMPLE)
    assert calls == {"checks": 0, "converters": 0}
    assert p.loads(p.dumps(statement)) == statement
    assert calls == {"checks": 0, "converters": 0}
    attrs.evolve(statement, title="Changed")  # the counter counts
    assert calls == {"checks": 1, "converters": 1}


def test_invalid_documents_still_take_the_detailed_path() -> None:
    """An invalid document is still refused with its JSON Pointer paths."""
    document = p.loads(EXAMPLE.read_text(encoding="utf-8"))
    data = to_dict(document)
    data["published"] = 2023
    data["sections"][0]["figures"][0]["unit"] = "counts"
    with pytest.raises(p.DocumentError) as raised:
        from_dict(data)
    paths = [problem.path for problem in raised.value.problems]
    assert paths == ["/published", "/sections/0/figures/0/unit"]


def test_other_threads_keep_their_checks_while_loading() -> None:
    """Loading switches nothing off: a thread constructing meanwhile still has its checks."""
    text = EXAMPLE.read_text(encoding="utf-8")
    stop = threading.Event()
    unchecked: list[object] = []

    def construct() -> None:
        while not stop.is_set():
            with contextlib.suppress(TypeError):
                unchecked.append(_statement(published="2027-02"))

    other = threading.Thread(target=construct)
    other.start()
    try:
        for _ in range(20):
            p.loads(text)
    finally:
        stop.set()
        other.join()
    assert unchecked == []


def test_unchecked_constructor_runs_converters_and_value_checks() -> None:
    """The loader's constructor builds what __init__ builds and keeps the value checks."""
    build: Callable[..., p.Figure] = unchecked_constructor(p.Figure)
    values = [getattr(p.Figure(measure="x"), f.name) for f in attrs.fields(p.Figure)]
    values[3] = 7  # value: converted to a Decimal, as __init__ does
    figure = build(*values)
    assert figure == p.Figure(measure="x", value=7)
    assert type(figure.value) is Decimal
    values[4] = Decimal(6)  # upper_value below value
    with pytest.raises(ValueError, match="upper_value needs a value"):
        build(*values)
    with pytest.raises(ValueError, match="before it starts"):
        unchecked_constructor(p.ReportingPeriod)(date(2023, 2, 1), date(2023, 1, 1), None, None)
    assert unchecked_constructor(p.Figure) is build


def test_unchecked_constructor_refuses_classes_it_cannot_mirror() -> None:
    """A class whose __init__ does more than set, convert and validate is refused."""

    @attrs.frozen
    class Later:
        value: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.define(slots=False)
    class Plain:
        value: int

    with pytest.raises(TypeError, match=r"__attrs_post_init__"):
        unchecked_constructor(Later)
    with pytest.raises(TypeError, match=r"is not slotted"):
        unchecked_constructor(Plain)


@pytest.mark.parametrize(
    ("hint", "value"),
    [
        (int, True),
        (int, 1),
        (bool, 0),
        (bool, False),
        (date, datetime(2023, 1, 1)),
        (date, date(2023, 1, 1)),
        (str | None, None),
        (str | None, 1),
        (tuple[str, ...], ()),
        (tuple[str, ...], ["a"]),
        (tuple[str | int, ...], ("a", 1)),
        (tuple[str | int, ...], ("a", False)),
        (tuple[tuple[int, ...], ...], ((1,), (2, "3"))),
        (tuple[int, str], (1, "a")),
        (tuple[int, str], (1, 2)),
        (tuple[int, ...] | str, "a"),
        (tuple[int, ...] | str, (1,)),
        (tuple[int, ...] | str, 1),
        (p.Unit, "count"),
        (p.Unit, p.Unit.COUNT),
    ],
)
def test_compiled_checks_follow_the_general_rules(hint: Any, value: object) -> None:
    """The compiled check refuses a value exactly when the general rules find a problem."""
    Holder = attrs.make_class(
        "Holder", {"field": attrs.field(type=hint)}, frozen=True, field_transformer=typed_fields
    )
    refused = typecheck._problem(hint, value) is not None
    if refused:
        with pytest.raises(TypeError, match=r"^Holder\.field"):
            Holder(field=value)
    else:
        assert Holder(field=value).field is value


def test_shown_values() -> None:
    """Values given are named by type, with short values shown and long ones cut."""
    assert typecheck.shown(None) == "None"
    assert typecheck.shown("x" * 100).startswith("str 'xxxx")
    assert len(typecheck.shown("x" * 100)) < 60
    assert typecheck.shown(Decimal("1.50")) == "Decimal 1.50"
    assert typecheck.shown([1, 2]) == "list of 2 items"
    assert typecheck.shown(p.Unit.RATE) == "Unit.RATE"
    assert typecheck.shown(PERIOD) == "ReportingPeriod"
