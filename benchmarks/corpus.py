"""A seeded generator of realistic statements: 43 forces x 8 quarters = 344 documents.

Each statement is shaped like the worked example or larger: the six priorities of the 2021
framework, two to four metrics each, dozens of figures with periods and comparisons,
neighbourhood crime split into four subsections, "Reflections on force performance"
subsections, bullet lists, a quotation and long narrative.

    python -m benchmarks.corpus --out benchmarks/corpus   # writes 344 JSON files
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from dateutil.relativedelta import relativedelta

import pcc_priorities as p
from pcc_priorities.reference import RegisteredForce

SEED = 20231
QUARTERS = 8

_WORDS = [
    "force",
    "partners",
    "prevention",
    "officers",
    "investigation",
    "offenders",
    "victims",
    "support",
    "safeguarding",
    "neighbourhood",
    "teams",
    "operation",
    "intelligence",
    "performance",
    "local",
    "policing",
    "areas",
    "recorded",
    "offences",
    "reduction",
    "increase",
    "activity",
    "county",
    "lines",
    "organised",
    "crime",
    "groups",
    "disruption",
    "domestic",
    "abuse",
    "satisfaction",
    "survey",
    "response",
    "times",
    "action",
    "plan",
    "training",
    "delivery",
    "review",
    "community",
    "safety",
    "partnership",
    "violence",
    "reduction",
    "unit",
    "hotspot",
    "patrols",
    "problem",
    "solving",
    "evidence",
    "outcomes",
    "charges",
    "arrests",
    "warrants",
    "seizures",
    "referrals",
    "diversion",
    "pathways",
    "awareness",
    "campaign",
    "engagement",
    "schools",
    "youth",
    "town",
    "centres",
    "night-time",
    "economy",
]

_SECTIONS = {
    "homicide": ("Reduce murder and other homicide", ["homicides"]),
    "serious-violence": (
        "Reduce serious violence",
        ["sharp-object-assault-admissions", "firearm-discharge-offences", None, None],
    ),
    "drugs-and-county-lines": ("Disrupt drugs supply and county lines", [None, None]),
    "neighbourhood-crime": ("Reduce neighbourhood crime", ["neighbourhood-crime"]),
    "victim-satisfaction": (
        "Improve victim satisfaction with a focus on victims of domestic abuse",
        ["domestic-abuse-victim-satisfaction", "victim-satisfaction"],
    ),
    "cyber-crime": ("Tackle cyber crime", [None]),
}
_SUBSECTIONS = ("Theft from the person", "Robbery", "Burglary (Residential)", "Vehicle Crime")


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, role: p.NarrativeRole | None, sentences: int = 5) -> p.Paragraph:
    text = " ".join(_sentence(rng, rng.randint(12, 28)) for _ in range(sentences))
    return p.Paragraph(text=text, role=role)


def _quarter(financial_year: int, quarter: int) -> p.ReportingPeriod:
    start = date(financial_year, 4, 1) + relativedelta(months=3 * (quarter - 1))
    end = start + relativedelta(months=3) - timedelta(days=1)
    short = f"{financial_year % 100:02}/{(financial_year + 1) % 100:02}"
    return p.ReportingPeriod(
        start=start, end=end, label=f"Q{quarter} {short}", kind=p.PeriodKind.FINANCIAL_QUARTER
    )


def _figure(
    rng: random.Random,
    measure: str,
    metric: str | None,
    period: p.ReportingPeriod,
    figure_id: str,
) -> p.Figure:
    previous_value = rng.randint(20, 2000)
    value = max(0, previous_value + rng.randint(-previous_value // 4, previous_value // 4))
    change = value - previous_value
    percent = Decimal(change * 100) / Decimal(previous_value)
    last_year = p.ReportingPeriod(
        start=period.start - relativedelta(years=1),
        end=period.end - relativedelta(years=1),
        label="the same period last year",
    )
    comparisons = [
        p.Comparison(
            basis=p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
            period=last_year,
            value=Decimal(previous_value),
            change=p.Change(
                direction=p.Direction.INCREASE if change > 0 else p.Direction.DECREASE,
                count=Decimal(change),
                percent=percent.quantize(Decimal("0.1")),
                wording=f"{abs(percent):.1f}% ({abs(change)}) on last year",
            ),
        )
    ]
    if rng.random() < 0.3:
        comparisons.append(
            p.Comparison(
                basis=p.ComparisonBasis.MOST_SIMILAR_GROUP,
                value=Decimal(rng.randint(200, 2000)) / 100,
                area=p.Area(kind=p.AreaKind.MOST_SIMILAR_GROUP, name="Most similar group"),
                wording="against the MSG average rate per 1,000 population",
            )
        )
    area = None
    if rng.random() < 0.2:
        area = p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name=f"LPA {rng.randint(1, 5)}")
    return p.Figure(
        measure=measure,
        metric=metric,
        wording=f"{value:,} {measure.lower()} in {period.label}",
        value=Decimal(value),
        unit=p.Unit.COUNT,
        period=period,
        area=area,
        comparisons=tuple(comparisons),
        id=figure_id,
    )


def _section(
    rng: random.Random, priority: str, period: p.ReportingPeriod, number: int
) -> p.PrioritySection:
    title, national = _SECTIONS[priority]
    metrics = tuple(
        p.MetricReference(
            id=f"{priority}-m{index}",
            name=f"{priority.replace('-', ' ').capitalize()} measure {index}",
            data_source=rng.choice(["Police recorded data", "NHS", "Force survey", "iQuanta"]),
            national_metric=metric,
        )
        for index, metric in enumerate(national)
    )
    figure_count = iter(range(1000))

    def figures(count: int) -> tuple[p.Figure, ...]:
        return tuple(
            _figure(
                rng,
                f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)}",
                rng.choice([m.id for m in metrics]),
                period,
                f"s{number}-{priority}-f{next(figure_count)}",
            )
            for _ in range(count)
        )

    blocks: list[p.Block] = [
        _paragraph(rng, p.NarrativeRole.PERFORMANCE, 3),
        p.BulletList(
            items=tuple(_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(3, 6))),
            role=p.NarrativeRole.PERFORMANCE,
        ),
    ]
    if priority == "serious-violence":
        blocks.insert(
            0,
            p.Quotation(
                text="Crimes that involve knives or guns can have life-changing consequences",
                attribution="Beating Crime Plan, 2021",
                role=p.NarrativeRole.CONTEXT,
            ),
        )
    if priority == "neighbourhood-crime":
        for title in _SUBSECTIONS:
            blocks.append(
                p.Subsection(
                    title=title,
                    figures=figures(rng.randint(2, 4)),
                    blocks=(
                        p.Subsection(
                            title="Reflections on force performance",
                            role=p.NarrativeRole.REFLECTIONS,
                            blocks=(_paragraph(rng, None), _paragraph(rng, None, 3)),
                        ),
                        _paragraph(rng, p.NarrativeRole.ACTIVITY),
                    ),
                )
            )
    else:
        blocks.append(
            p.Subsection(
                title="Reflections on force performance",
                role=p.NarrativeRole.REFLECTIONS,
                figures=figures(rng.randint(1, 3)),
                blocks=(_paragraph(rng, None), _paragraph(rng, None, 4)),
            )
        )
    blocks.extend(_paragraph(rng, p.NarrativeRole.ACTIVITY) for _ in range(rng.randint(2, 4)))
    blocks.append(_paragraph(rng, p.NarrativeRole.OUTLOOK, 2))
    return p.PrioritySection(
        priority=priority,
        title=title,
        metrics=metrics,
        figures=figures(rng.randint(4, 9)),
        blocks=tuple(blocks),
    )


def statement(
    force: RegisteredForce, financial_year: int, quarter: int, rng: random.Random
) -> p.Statement:
    """Return one generated statement for ``force`` and a financial-year quarter."""
    period = _quarter(financial_year, quarter)
    published = period.end + relativedelta(months=2)
    body = force.policing_body(published)
    return p.Statement(
        body=body,
        force=force.police_force(),
        framework="ncpm-2021",
        title=f"Statement on the national policing priorities: {period.label}",
        prepared_by=p.Authorship(by=p.AuthorKind.POLICING_BODY),
        edition=f"Update {published:%B %Y}",
        published=p.PartialDate(year=published.year, month=published.month),
        periods=(period,),
        preamble=(_paragraph(rng, None, 2),),
        applicability=p.ApplicabilityAssessment(
            status=p.Applicability.APPLICABLE,
            reasons=("they align to the Police and Crime Plan and the force Control Strategy",),
            aligns_with=("Police and Crime Plan", "Control Strategy"),
            wording="All the national policing priorities are assessed to be applicable.",
        ),
        introduction=(_paragraph(rng, None, 2),),
        sections_heading="National policing priorities",
        sections=tuple(
            _section(rng, priority, period, number) for number, priority in enumerate(_SECTIONS)
        ),
        review="This statement will be reviewed and any variations published quarterly.",
        source_url=f"https://example.org/{force.code}/priorities",
    )


def generate(seed: int = SEED) -> Iterator[tuple[str, p.Statement]]:
    """Yield ``(name, statement)`` for every force and each of eight quarters, seeded."""
    rng = random.Random(seed)
    for force in p.forces():
        for index in range(QUARTERS):
            financial_year, quarter = 2022 + index // 4, index % 4 + 1
            name = f"{force.code}-{financial_year}-q{quarter}"
            yield name, statement(force, financial_year, quarter, rng)


def documents(seed: int = SEED) -> list[bytes]:
    """Return the 344 generated statements as canonical JSON bytes."""
    return [p.dumps(item).encode("utf-8") for _, item in generate(seed)]


def main() -> None:
    """Write the corpus as JSON files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/corpus"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, item in generate(args.seed):
        p.dump(item, args.out / f"{name}.json")


if __name__ == "__main__":
    main()
