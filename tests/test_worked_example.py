"""The worked example: West Mercia PCC's statement of September 2023, encoded whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import pcc_priorities as p

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
PUBLISHED = ROOT / ".." / "shared" / "reference" / "west-mercia-pcc-statement-2023-09.txt"
REFLECTIONS = "Reflections on force performance"

Q1_2023_24 = (date(2023, 4, 1), date(2023, 6, 30))
FY_2022_23 = (date(2022, 4, 1), date(2023, 3, 31))


@pytest.fixture(scope="module")
def statement() -> p.Statement:
    return p.load(EXAMPLE)


@pytest.fixture(scope="module")
def figures(statement: p.Statement) -> dict[str, p.Figure]:
    return {figure.id: figure for figure in all_figures(statement) if figure.id}


def walk(blocks: tuple[p.Block, ...]) -> Iterator[p.Block]:
    """Yield every block, subsections' blocks included, in published order."""
    for block in blocks:
        yield block
        if isinstance(block, p.Subsection):
            yield from walk(block.blocks)


def section_figures(section: p.PrioritySection) -> list[p.Figure]:
    """Return a section's figures, with those of its subsections."""
    found = list(section.figures)
    for block in walk(section.blocks):
        if isinstance(block, p.Subsection):
            found.extend(block.figures)
    return found


def all_figures(statement: p.Statement) -> list[p.Figure]:
    return [figure for section in statement.sections for figure in section_figures(section)]


def all_blocks(statement: p.Statement) -> Iterator[p.Block]:
    yield from walk(statement.preamble)
    yield from walk(statement.introduction)
    for section in statement.sections:
        yield from walk(section.blocks)


def shape(blocks: tuple[p.Block, ...]) -> list[object]:
    """Describe blocks as "type/role", a subsection as (title/role, its shape, its figure count)."""
    described: list[object] = []
    for block in blocks:
        role = block.role.value if block.role else "-"
        if isinstance(block, p.Subsection):
            described.append((f"{block.title}/{role}", shape(block.blocks), len(block.figures)))
        else:
            kind = {p.Paragraph: "paragraph", p.BulletList: "list", p.Quotation: "quotation"}
            described.append(f"{kind[type(block)]}/{role}")
    return described


def normalise(text: str) -> str:
    return " ".join(text.split())


def dates(period: p.ReportingPeriod | None) -> tuple[date, date] | None:
    return None if period is None else (period.start, period.end)


# --------------------------------------------------------------------------- the file


def test_file_is_canonical() -> None:
    """The committed file is exactly what dumps(load(file)) writes."""
    assert p.dumps(p.load(EXAMPLE)).encode("utf-8") == EXAMPLE.read_bytes()


def test_texts_appear_in_the_published_statement(statement: p.Statement) -> None:
    """Every narrative text, figure wording and period label appears in the published text."""
    if not PUBLISHED.is_file():
        pytest.skip(f"the published statement is not at {PUBLISHED.resolve()}")
    published = normalise(PUBLISHED.read_text(encoding="utf-8"))
    texts: list[str] = []
    for block in all_blocks(statement):
        if isinstance(block, p.Paragraph | p.Quotation):
            texts.append(block.text)
        elif isinstance(block, p.BulletList):
            texts.extend(block.items)
    assert len(texts) == 93
    for figure in all_figures(statement):
        periods = [figure.period, *(c.period for c in figure.comparisons)]
        texts.extend(period.label for period in periods if period and period.label)
        texts.extend(w for w in [figure.wording, *(c.wording for c in figure.comparisons)] if w)
        texts.extend(c.change.wording for c in figure.comparisons if c.change and c.change.wording)
    missing = [text for text in texts if normalise(text) not in published]
    assert missing == []


# --------------------------------------------------------------------------- the statement


def test_statement_header(statement: p.Statement) -> None:
    """The body, force, framework, title, edition, date, author and period are as published."""
    assert statement.body == p.PolicingBody(
        kind="pcc", name="Police and Crime Commissioner for West Mercia"
    )
    assert statement.force == p.PoliceForce(code="E23000016", name="West Mercia Police")
    assert statement.framework == "ncpm-2021"
    assert statement.title == "Police and Crime Commissioner Statement"
    assert statement.edition == "Published September 2023"
    assert statement.published == p.PartialDate(year=2023, month=9)
    assert statement.prepared_by == p.Authorship(by=p.AuthorKind.POLICING_BODY)
    assert statement.periods == (
        p.ReportingPeriod(
            start=date(2023, 4, 1),
            end=date(2023, 6, 30),
            label="Q1 23/24",
            kind=p.PeriodKind.FINANCIAL_QUARTER,
        ),
    )


def test_preamble_and_introduction(statement: p.Statement) -> None:
    """The preamble is the Order paragraph and its two bullets; the introduction one paragraph."""
    paragraph, bullets = statement.preamble
    assert isinstance(paragraph, p.Paragraph)
    assert paragraph.text.endswith("provides that PCCs must publish a narrative setting out:")
    assert isinstance(bullets, p.BulletList)
    assert [item.split()[:3] for item in bullets.items] == [
        ["a", "statement", "on"],
        ["an", "explanation", "of"],
    ]
    assert statement.introduction == (
        p.Paragraph(
            text="Set out below is the PCC’s statement on the contribution of West Mercia Police "
            "to achieving improvements against the national priorities for policing."
        ),
    )
    assert statement.sections_heading == "National Policing priorities"


def test_applicability_is_statement_wide_and_exact(statement: p.Statement) -> None:
    """The statement-wide assessment says all priorities apply, in the exact published words."""
    assert statement.applicability == p.ApplicabilityAssessment(
        status=p.Applicability.APPLICABLE,
        reasons=(
            "they align to the Police and Crime Commissioner’s (PCC) Safer West Mercia Plan and "
            "West Mercia Police’s Control Strategy",
        ),
        aligns_with=("Safer West Mercia Plan", "West Mercia Police Control Strategy"),
        wording="All the national policing priorities are assessed to be applicable as they "
        "align to the Police and Crime Commissioner’s (PCC) Safer West Mercia Plan and West "
        "Mercia Police’s Control Strategy.",
    )
    assert all(section.applicability is None for section in statement.sections)


def test_review_sentence_is_exact(statement: p.Statement) -> None:
    """The closing review sentence is stored as published, without a final full stop."""
    assert statement.review == (
        "This statement will be reviewed and any variations published in line with the "
        "timescales set out in the Statutory Information Order"
    )


def test_plans(statement: p.Statement) -> None:
    """The plans are the Safer West Mercia Plan and the force's control strategy."""
    assert [(plan.kind, plan.title) for plan in statement.plans] == [
        (p.PlanKind.POLICE_AND_CRIME_PLAN, "Safer West Mercia Plan"),
        (p.PlanKind.CONTROL_STRATEGY, "West Mercia Police Control Strategy"),
    ]
    assert statement.applicability is not None
    assert set(statement.applicability.aligns_with) == {plan.title for plan in statement.plans}


# --------------------------------------------------------------------------- sections


def test_sections_in_published_order(statement: p.Statement) -> None:
    """The six sections are in published order, victim satisfaction before cyber crime."""
    assert [(s.priority, s.title) for s in statement.sections] == [
        ("homicide", "Reduce murder and other homicide"),
        ("serious-violence", "Reduce serious violence"),
        ("drugs-and-county-lines", "Disrupt drugs supply and county lines"),
        ("neighbourhood-crime", "Reduce neighbourhood crime"),
        (
            "victim-satisfaction",
            "Improve victim satisfaction with a focus on victims of domestic abuse",
        ),
        ("cyber-crime", "Tackle cyber crime"),
    ]


def test_metrics_as_listed(statement: p.Statement) -> None:
    """Each section lists its published metrics, national ones linked and local ones not."""
    listed = {
        s.priority: [(m.id, m.name, m.data_source, m.national_metric) for m in s.metrics]
        for s in statement.sections
    }
    recorded = "Police recorded"
    assert listed == {
        "homicide": [("homicides", "Homicides", "Police recorded data", "homicides")],
        "serious-violence": [
            (
                "sharps-admissions",
                "Hospital admissions for assault with a sharp object",
                "NHS",
                "sharp-object-assault-admissions",
            ),
            (
                "firearm-discharges",
                "Offences involving discharge of a firearm",
                recorded,
                "firearm-discharge-offences",
            ),
            ("knife-crime", "Knife Crime Offences", recorded, None),
            ("violence-with-injury", "Violence with Injury", recorded, None),
            ("domestic-abuse", "Domestic Abuse", recorded, None),
        ],
        "drugs-and-county-lines": [("ocg-disruptions", "OCG disruptions", recorded, None)],
        "neighbourhood-crime": [
            (
                "neighbourhood-crime",
                "Burglary, robbery, vehicle thefts and theft from a person",
                "Police Recorded Data",
                "neighbourhood-crime",
            )
        ],
        "victim-satisfaction": [
            (
                "domestic-abuse-victim-satisfaction",
                "Satisfaction with the police among victims of domestic abuse",
                "Police Recorded Data",
                "domestic-abuse-victim-satisfaction",
            ),
            (
                "victim-satisfaction",
                "Victim satisfaction with the police",
                "Police Recorded Data",
                "victim-satisfaction",
            ),
        ],
        "cyber-crime": [
            ("action-fraud-referrals", "Action Fraud referrals", "Police Recorded Data", None)
        ],
    }


@pytest.mark.parametrize(
    ("priority", "own", "total"),
    [
        ("homicide", 4, 5),
        ("serious-violence", 18, 18),
        ("drugs-and-county-lines", 17, 22),
        ("neighbourhood-crime", 0, 13),
        ("victim-satisfaction", 0, 3),
        ("cyber-crime", 5, 8),
    ],
)
def test_figure_counts(statement: p.Statement, priority: str, own: int, total: int) -> None:
    """Each section holds its own figures and, with its subsections', the expected total."""
    section = statement.section(priority)
    assert section is not None
    assert (len(section.figures), len(section_figures(section))) == (own, total)


def test_every_figure_has_a_unique_id(statement: p.Statement) -> None:
    """All 69 figures carry an id, and no id is used twice."""
    ids = [figure.id for figure in all_figures(statement)]
    assert len(ids) == 69
    assert None not in ids
    assert len(set(ids)) == len(ids)


REFLECTING = f"{REFLECTIONS}/reflections"
SHAPES: dict[str, list[object]] = {
    "homicide": [
        *["paragraph/performance"] * 4,
        (REFLECTING, ["paragraph/-", "paragraph/performance", "paragraph/-"], 1),
        "paragraph/activity",
        "paragraph/outlook",
        "paragraph/outlook",
    ],
    "serious-violence": [
        "quotation/context",
        *["paragraph/performance"] * 4,
        *["paragraph/activity"] * 4,
    ],
    "drugs-and-county-lines": [
        "paragraph/performance",
        "list/performance",
        "paragraph/performance",
        "list/performance",
        (REFLECTING, ["paragraph/performance", "paragraph/performance", "paragraph/context"], 5),
        "paragraph/outlook",
        "paragraph/outlook",
        "paragraph/activity",
        "paragraph/activity",
    ],
    "neighbourhood-crime": [
        (
            "Theft from the person (TFP)/-",
            [(REFLECTING, ["paragraph/performance"], 2), "paragraph/activity"],
            0,
        ),
        (
            "Robbery/-",
            [
                (REFLECTING, ["paragraph/performance", "paragraph/-"], 2),
                *["paragraph/activity"] * 3,
            ],
            1,
        ),
        (
            "Burglary (Residential)/-",
            [
                (REFLECTING, ["paragraph/performance"], 4),
                "paragraph/outlook",
                "paragraph/activity",
                "paragraph/activity",
            ],
            0,
        ),
        (
            "Vehicle Crime/-",
            [
                (REFLECTING, ["paragraph/performance", "paragraph/-", "paragraph/-"], 2),
                "paragraph/activity",
                "paragraph/activity",
                "list/activity",
                "paragraph/activity",
                "paragraph/activity",
                "paragraph/outlook",
            ],
            2,
        ),
    ],
    "victim-satisfaction": [(REFLECTING, ["list/-"], 3), "list/activity"],
    "cyber-crime": [
        "list/performance",
        (REFLECTING, ["paragraph/-", "list/-"], 3),
        "list/activity",
    ],
}


@pytest.mark.parametrize("priority", list(SHAPES))
def test_section_narrative_shape(statement: p.Statement, priority: str) -> None:
    """Each section's blocks, subsections and roles are in published order as expected."""
    section = statement.section(priority)
    assert section is not None
    assert shape(section.blocks) == SHAPES[priority]


@pytest.mark.parametrize(
    ("priority", "blocks"),
    [
        ("homicide", 8),
        ("serious-violence", 9),
        ("drugs-and-county-lines", 9),
        ("neighbourhood-crime", 4),
        ("victim-satisfaction", 2),
        ("cyber-crime", 3),
    ],
)
def test_block_counts(statement: p.Statement, priority: str, blocks: int) -> None:
    """Each section has the expected number of top-level narrative blocks."""
    section = statement.section(priority)
    assert section is not None
    assert len(section.blocks) == blocks


def test_list_item_counts(statement: p.Statement) -> None:
    """The bullet lists hold as many items as the published lists, in order."""
    counts = {
        s.priority: [len(b.items) for b in walk(s.blocks) if isinstance(b, p.BulletList)]
        for s in statement.sections
    }
    assert counts == {
        "homicide": [],
        "serious-violence": [],
        "drugs-and-county-lines": [3, 2],
        "neighbourhood-crime": [8],
        "victim-satisfaction": [9, 8],
        "cyber-crime": [5, 4, 2],
    }


# --------------------------------------------------------------------------- published values


@pytest.mark.parametrize(
    ("figure_id", "value", "unit", "qualifier"),
    [
        ("homicide-q1-2023-24", "1", p.Unit.COUNT, None),
        ("homicide-first-6-months-2023", "3", p.Unit.COUNT, None),
        ("dvpns-issued-july-2023", "15", p.Unit.COUNT, None),
        ("dvpns-escalated-to-dvpos", "88", p.Unit.PERCENT, None),
        ("shpos-issued", "28", p.Unit.COUNT, None),
        ("active-ocgs-q1-2023-24", "26", p.Unit.COUNT, None),
        ("ocgs-active-in-drug-supply", "55", p.Unit.PERCENT, None),
        ("county-lines-arrests", "50", p.Unit.COUNT, None),
        ("county-lines-cash-seized", "97", p.Unit.MONEY, None),
        ("county-lines-drugs-street-value", "163000", p.Unit.MONEY, None),
        ("county-lines-cocaine-crack-street-value", "132000", p.Unit.MONEY, None),
        ("county-lines-funding-awarded", "100000", p.Unit.MONEY, None),
        ("afghan-opium-harvest-reduction", "80", p.Unit.PERCENT, p.Qualifier.APPROXIMATELY),
        ("european-heroin-from-afghanistan", "95", p.Unit.PERCENT, None),
        ("tfp-share-of-recorded-crime", "0.47", p.Unit.PERCENT, None),
        ("burglary-shropshire-detection-rate", "15.9", p.Unit.PERCENT, None),
        ("action-fraud-referrals-reporting-period", "52", p.Unit.COUNT, None),
        ("cyber-protect-advice", "39", p.Unit.COUNT, None),
        ("online-safety-conference-attendance", "300", p.Unit.COUNT, p.Qualifier.APPROXIMATELY),
    ],
)
def test_published_values(
    figures: dict[str, p.Figure],
    figure_id: str,
    value: str,
    unit: p.Unit,
    qualifier: p.Qualifier | None,
) -> None:
    """A figure holds the exact published value, unit and hedge."""
    figure = figures[figure_id]
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(value), unit, qualifier)


def test_knife_crime(figures: dict[str, p.Figure]) -> None:
    """Knife crime is 1,209 in 2022/23, a stated 7% (n = 76) decrease on 2021/22, kept as is."""
    figure = figures["knife-crime-2022-23"]
    assert (figure.metric, figure.value, dates(figure.period)) == (
        "knife-crime",
        Decimal(1209),
        FY_2022_23,
    )
    (comparison,) = figure.comparisons
    assert comparison.basis is p.ComparisonBasis.PREVIOUS_PERIOD
    assert dates(comparison.period) == (date(2021, 4, 1), date(2022, 3, 31))
    assert comparison.change == p.Change(
        direction=p.Direction.DECREASE, count=-76, percent=-7, wording="a 7% (n = 76) decrease"
    )


def test_sharps_admissions(figures: dict[str, p.Figure]) -> None:
    """Sharps admissions are 50 in the 12 months to February 2022 against 35 in 2019: +43%, +15."""
    figure = figures["sharps-admissions-12-months-february-2022"]
    assert (figure.metric, figure.value) == ("sharps-admissions", Decimal(50))
    assert dates(figure.period) == (date(2021, 3, 1), date(2022, 2, 28))
    assert figure.period is not None
    assert figure.period.kind is p.PeriodKind.ROLLING
    (baseline,) = figure.comparisons
    assert (baseline.basis, baseline.value) == (p.ComparisonBasis.BASELINE, Decimal(35))
    assert dates(baseline.period) == (date(2019, 1, 1), date(2019, 12, 31))
    assert baseline.change is not None
    assert (baseline.change.direction, baseline.change.percent, baseline.change.count) == (
        p.Direction.INCREASE,
        Decimal(43),
        Decimal(15),
    )


def test_domestic_abuse_victim_satisfaction(figures: dict[str, p.Figure]) -> None:
    """78% of domestic abuse victims were satisfied YTD (Apr-June 23), against a target of 80%."""
    figure = figures["domestic-abuse-victim-satisfaction-ytd"]
    assert (figure.metric, figure.value, figure.unit) == (
        "domestic-abuse-victim-satisfaction",
        Decimal(78),
        p.Unit.PERCENT,
    )
    assert figure.period == p.ReportingPeriod(
        start=date(2023, 4, 1),
        end=date(2023, 6, 30),
        label="YTD (Apr-June 23)",
        kind=p.PeriodKind.YEAR_TO_DATE,
    )
    (target,) = figure.comparisons
    assert (target.basis, target.value) == (p.ComparisonBasis.TARGET, Decimal(80))


def test_homicide_rank(figures: dict[str, p.Figure]) -> None:
    """West Mercia has the 8th highest rate of homicide, a rank from the DCPP."""
    figure = figures["homicide-rate-rank"]
    assert (figure.value, figure.unit, figure.rank, figure.source) == (
        Decimal(8),
        p.Unit.RANK,
        p.Rank(order=p.RankOrder.HIGHEST),
        "DCPP",
    )
    assert figure.wording is not None
    assert "8th highest rate of homicide" in figure.wording


def test_homicide_rolling_total_and_peak(figures: dict[str, p.Figure]) -> None:
    """The rolling 12-month homicide total is 16 at June 2023, down from a peak of 24."""
    figure = figures["homicide-rolling-12-months-june-2023"]
    assert (figure.value, dates(figure.period)) == (
        Decimal(16),
        (date(2022, 7, 1), date(2023, 6, 30)),
    )
    (peak,) = figure.comparisons
    assert (peak.basis, peak.value) == (p.ComparisonBasis.PEAK, Decimal(24))
    assert peak.period is not None
    assert peak.period.label == "October 2022"


def test_revised_homicides(figures: dict[str, p.Figure]) -> None:
    """The 20 homicides published for 2022/23 are now 19."""
    figure = figures["homicide-2022-23-revised"]
    assert (figure.value, dates(figure.period)) == (Decimal(19), FY_2022_23)
    (before,) = figure.comparisons
    assert (before.basis, before.value) == (p.ComparisonBasis.PREVIOUSLY_PUBLISHED, Decimal(20))


def test_ocg_disruptions(figures: dict[str, p.Figure]) -> None:
    """Q1 23/24 saw 69 OCG disruptions, 8 fewer than Q4, the 2nd highest recorded."""
    figure = figures["ocg-disruptions-q1-2023-24"]
    assert (figure.metric, figure.value, dates(figure.period)) == (
        "ocg-disruptions",
        Decimal(69),
        Q1_2023_24,
    )
    (previous,) = figure.comparisons
    assert previous.basis is p.ComparisonBasis.PREVIOUS_PERIOD
    assert previous.change is not None
    assert (previous.change.direction, previous.change.count) == (
        p.Direction.DECREASE,
        Decimal(-8),
    )
    rank = figures["ocg-disruptions-rank"]
    assert (rank.value, rank.unit, rank.rank) == (
        Decimal(2),
        p.Unit.RANK,
        p.Rank(order=p.RankOrder.HIGHEST),
    )
    assert rank.wording == "2nd highest number of moderated disruptions recorded by West Mercia"


def test_ranges_and_hedges(figures: dict[str, p.Figure]) -> None:
    """Ranges keep both ends ("7-10 charges", "12 and 18 months") and "up to 53%" is up_to."""
    charges = figures["tfmv-likely-charges"]
    assert (charges.value, charges.upper_value) == (Decimal(7), Decimal(10))
    stockpiles = figures["heroin-stockpile-months"]
    assert (stockpiles.value, stockpiles.upper_value) == (Decimal(12), Decimal(18))
    share = figures["domestic-abuse-share-north-worcestershire"]
    assert (share.value, share.qualifier, share.area) == (
        Decimal(53),
        p.Qualifier.UP_TO,
        p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name="North Worcestershire"),
    )


def test_theft_from_the_person(figures: dict[str, p.Figure]) -> None:
    """148 TFP offences April to July 2023 compare with 178 in the same period in 2022."""
    figure = figures["tfp-april-july-2023"]
    assert (figure.value, dates(figure.period)) == (
        Decimal(148),
        (date(2023, 4, 1), date(2023, 7, 31)),
    )
    (last_year,) = figure.comparisons
    assert (last_year.basis, last_year.value, dates(last_year.period)) == (
        p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
        Decimal(178),
        (date(2022, 4, 1), date(2022, 7, 31)),
    )


def test_vehicle_crime_north_worcestershire(figures: dict[str, p.Figure]) -> None:
    """North Worcestershire vehicle crime is up 19% (89 offences) in the YTD to 5 August 2023."""
    figure = figures["vehicle-crime-ytd-north-worcestershire"]
    assert figure.area == p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name="North Worcestershire")
    assert dates(figure.period) == (date(2023, 4, 1), date(2023, 8, 5))
    (comparison,) = figure.comparisons
    assert comparison.change is not None
    assert (comparison.change.direction, comparison.change.percent, comparison.change.count) == (
        p.Direction.INCREASE,
        Decimal(19),
        Decimal(89),
    )


def test_orders_granted_by_area(figures: dict[str, p.Figure]) -> None:
    """Civil orders granted in a local policing area carry that area."""
    areas = {
        figure_id: (figures[figure_id].value, figures[figure_id].area)
        for figure_id in ("shpos-granted-telford-wrekin", "sros-granted-south-worcestershire")
    }
    lpa = p.AreaKind.LOCAL_POLICING_AREA
    assert areas == {
        "shpos-granted-telford-wrekin": (Decimal(8), p.Area(kind=lpa, name="Telford & Wrekin")),
        "sros-granted-south-worcestershire": (
            Decimal(2),
            p.Area(kind=lpa, name="South Worcestershire"),
        ),
    }


def test_vague_periods_are_left_unset(figures: dict[str, p.Figure]) -> None:
    """Figures whose period cannot be dated ("in the last quarter") have no period."""
    undated = [
        "shpos-issued",
        "dvpns-escalated-to-dvpos",
        "domestic-abuse-share-north-worcestershire",
        "action-fraud-referrals-reporting-period",
        "heroin-wholesale-price",
    ]
    assert [figures[figure_id].period for figure_id in undated] == [None] * len(undated)


# --------------------------------------------------------------------------- what was published


def test_typos_and_cut_sentences_are_kept(statement: p.Statement) -> None:
    """Typos and sentences cut off in extraction are stored exactly as published."""
    texts = " ".join(
        text
        for block in all_blocks(statement)
        for text in (
            block.items if isinstance(block, p.BulletList) else [getattr(block, "text", "")]
        )
    )
    for published in (
        "Q1 2023 -24 had the lowest number of homicides (1) compared to any recent",
        "before the end of June 22.",
        "over the threemonth reporting period.",
        "Regular cross boarder / force meetings",
        "is to be delivered by the Major Crime Review",
    ):
        assert published in texts


def test_quotation(statement: p.Statement) -> None:
    """The Beating Crime Plan quotation is kept without its quotation mark, as cut off."""
    section = statement.section("serious-violence")
    assert section is not None
    assert section.blocks[0] == p.Quotation(
        text="Crimes that involve knives or guns – can have life-changing consequences for those",
        attribution="Beating Crime Plan, 2021",
        role=p.NarrativeRole.CONTEXT,
    )
