"""Tests of the scaffold: a new statement with every priority, metric and data source."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

import pcc_priorities as p
from pcc_priorities.reference import BodyTerm, RegisteredForce

Q1 = p.ReportingPeriod(start=date(2023, 4, 1), end=date(2023, 6, 30), label="Q1 2023/24")


def test_new_statement_has_every_priority_metric_and_source() -> None:
    """Each priority of the framework has a section with its official title and metrics."""
    framework = p.get_framework("ncpm-2021")
    statement = p.new_statement(force="West Mercia", period=Q1)
    assert statement.framework == "ncpm-2021"
    assert [s.priority for s in statement.sections] == [pr.id for pr in framework.priorities]
    assert [s.title for s in statement.sections] == [pr.title for pr in framework.priorities]
    for section in statement.sections:
        national = framework.metrics_for(section.priority)
        assert [m.national_metric for m in section.metrics] == [m.id for m in national]
        for metric, source in zip(section.metrics, national, strict=True):
            titles = [framework.data_source(s).title for s in source.data_sources]
            assert metric.data_source == "; ".join(titles)
            assert metric.name == source.title
        assert section.blocks == ()
        assert section.figures == ()
        assert section.applicability is None
    assert statement.periods == (Q1,)
    assert statement.force == p.PoliceForce(code="E23000016", name="West Mercia Police")
    assert statement.body.name == "Police and Crime Commissioner for West Mercia"


def test_new_statement_is_a_valid_document() -> None:
    """The scaffold dumps and loads back unchanged."""
    statement = p.new_statement(
        force="E23000035", period=Q1, published=p.PartialDate(year=2023, month=9)
    )
    assert p.loads(p.dumps(statement)) == statement


def test_checking_the_scaffold_lists_what_to_write() -> None:
    """The scaffold's only findings are the assessments, the narrative and the date to write."""
    statement = p.new_statement(force="West Mercia", period=Q1)
    report = p.check(statement, as_of=date(2023, 10, 1))
    assert Counter(f.code for f in report.findings) == {"PCC102": 6, "PCC106": 6, "PCC110": 1}
    dated = p.new_statement(force="West Mercia", period=Q1, published=p.PartialDate(year=2023))
    assert "PCC110" not in {f.code for f in p.check(dated, as_of=date(2024, 1, 1)).findings}


def test_body_is_the_one_at_the_time() -> None:
    """The policing body is the register's on the publication date or the period's end."""
    before = p.new_statement(force="North Yorkshire", period=Q1)
    assert before.body.kind == "pfcc"
    after = p.new_statement(force="North Yorkshire", published=p.PartialDate(year=2025))
    assert after.body.kind == "mayor"


def test_unknown_force_or_framework_is_an_error() -> None:
    """A force or framework that is not known raises the library's lookup errors."""
    with pytest.raises(p.UnknownForceError):
        p.new_statement(force="Atlantis")
    with pytest.raises(p.UnknownFrameworkError):
        p.new_statement(force="West Mercia", framework="ncpm-1999")
    future = RegisteredForce(
        code="E23000099",
        area="Nowhere",
        force_name="Nowhere Police",
        country="England",
        bodies=(BodyTerm(kind="pcc", title="Commissioner", start=p.PartialDate(year=2030)),),
    )
    with pytest.raises(p.UnknownForceError, match="no policing body"):
        p.new_statement(force=future, published=p.PartialDate(year=2029))


def test_period_can_be_given_as_text() -> None:
    """A period written as the statement writes it is read into its days and kind."""
    statement = p.new_statement(force="West Mercia", period="Q1 2023/24")
    assert statement.periods == (
        p.ReportingPeriod(
            start=date(2023, 4, 1),
            end=date(2023, 6, 30),
            label="Q1 2023/24",
            kind=p.PeriodKind.FINANCIAL_QUARTER,
        ),
    )
    with pytest.raises(p.PeriodError):
        p.new_statement(force="West Mercia", period="the quarter before last")
