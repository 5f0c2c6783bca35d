"""Tests of the packaged reference data: frameworks and the register of forces."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import pcc_priorities as p
from pcc_priorities import ReferenceDataError, UnknownForceError, UnknownFrameworkError
from pcc_priorities.reference import (
    Framework,
    NationalPriority,
    body_kinds,
    load_framework,
    national_frameworks,
    register_framework,
)


def test_ncpm_2021_has_the_six_priorities_in_official_order() -> None:
    """The 2021 framework lists the six national priorities with their official wording."""
    framework = p.get_framework("ncpm-2021")
    assert [(q.id, q.title) for q in framework.priorities] == [
        ("homicide", "Reduce murder and other homicide"),
        ("serious-violence", "Reduce serious violence"),
        ("drugs-and-county-lines", "Disrupt drugs supply and county lines"),
        ("neighbourhood-crime", "Reduce neighbourhood crime"),
        ("cyber-crime", "Tackle cyber crime"),
        (
            "victim-satisfaction",
            "Improve satisfaction among victims, with a particular focus on victims of "
            "domestic abuse",
        ),
    ]


@pytest.mark.parametrize(
    ("wording", "priority"),
    [
        (
            "Improve victim satisfaction with a focus on victims of domestic abuse",
            "victim-satisfaction",
        ),
        ("Tackle cyber-crime", "cyber-crime"),
        ("cybercrime", "cyber-crime"),
        (
            "Continue to disrupt drugs supply and county lines drug dealing",
            "drugs-and-county-lines",
        ),
        ("REDUCE MURDER AND OTHER HOMICIDE", "homicide"),
    ],
)
def test_priorities_match_the_wordings_statements_use(wording: str, priority: str) -> None:
    """Alternative wordings used by real statements find their priority."""
    match = p.get_framework("ncpm-2021").match_priority(wording)
    assert match is not None
    assert match.id == priority


def test_unmatched_wording_finds_nothing() -> None:
    """A wording that is no priority's title or alias matches nothing (no guessing)."""
    assert p.get_framework("ncpm-2021").match_priority("Reduce road deaths") is None


def test_every_metric_names_known_priorities_and_sources() -> None:
    """Every national metric belongs to a priority and names known data sources."""
    framework = p.get_framework("ncpm-2021")
    for metric in framework.metrics:
        framework.priority(metric.priority)
        for source in metric.data_sources:
            framework.data_source(source)
    assert {m.priority for m in framework.metrics} == {q.id for q in framework.priorities}


def test_unconfirmed_metrics_are_flagged_as_data() -> None:
    """Metrics the reference material marks unconfirmed carry confirmed=false and a note."""
    framework = p.get_framework("ncpm-2021")
    unconfirmed = {m.id for m in framework.metrics if not m.confirmed}
    assert {"drug-related-homicides", "cyber-crime-confidence"} <= unconfirmed
    assert all(framework.metric(m).note for m in unconfirmed)


def test_data_sources_match_published_names() -> None:
    """Data sources as statements write them find the framework's source."""
    framework = p.get_framework("ncpm-2021")
    found = framework.match_data_source("Police Recorded Data")
    assert found is not None
    assert found.id == "police-recorded-crime"
    nhs = framework.match_data_source("NHS")
    assert nhs is not None
    assert nhs.id == "nhs-hospital-episode-statistics"


def test_unknown_framework_is_a_library_error() -> None:
    """Asking for an unknown framework raises UnknownFrameworkError naming the known ones."""
    with pytest.raises(UnknownFrameworkError, match="ncpm-2021"):
        p.get_framework("no-such-framework")


def test_a_framework_can_be_added_as_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A framework written as a JSON file loads and registers without code changes."""
    # Registered for this test only: later tests see the packaged frameworks alone.
    monkeypatch.setattr(national_frameworks, "_extra_frameworks", {})
    document = {
        "id": "test-framework-2099",
        "title": "Test measures",
        "version": "2099",
        "priorities": [{"id": "alpha", "title": "Reduce alpha"}],
        "metrics": [
            {"id": "alphas", "priority": "alpha", "title": "Alphas", "data_sources": ["x"]}
        ],
        "data_sources": [{"id": "x", "title": "X survey"}],
    }
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    framework = load_framework(path)
    register_framework(framework)
    assert p.get_framework("test-framework-2099") == framework
    assert framework in p.frameworks()


def test_malformed_framework_names_the_problem(tmp_path: Path) -> None:
    """A framework file with a dangling metric reference is refused with a clear error."""
    document = {
        "id": "broken",
        "title": "Broken",
        "version": "1",
        "priorities": [],
        "metrics": [{"id": "m", "priority": "nope", "title": "M"}],
    }
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="unknown priority 'nope'"):
        load_framework(path)


def test_framework_with_wrong_types_names_the_path(tmp_path: Path) -> None:
    """A framework file with a wrong type is refused with the JSON Pointer path."""
    path = tmp_path / "framework.json"
    path.write_text(json.dumps({"id": "x", "title": 3, "version": "1"}), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="/title"):
        load_framework(path)


def test_registering_a_clashing_framework_is_refused() -> None:
    """A different framework cannot take the id of a known one."""
    with pytest.raises(ValueError, match="already known"):
        register_framework(Framework(id="ncpm-2021", title="Other", version="x"))


def test_register_has_the_43_forces_with_unique_codes() -> None:
    """The register holds 43 territorial forces, 39 English and 4 Welsh, with unique codes."""
    all_forces = p.forces()
    assert len(all_forces) == 43
    assert len({f.code for f in all_forces}) == 43
    assert sum(f.country == "Wales" for f in all_forces) == 4
    assert all(f.code.startswith("W15") == (f.country == "Wales") for f in all_forces)


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("E23000016", "E23000016"),
        ("West Mercia", "E23000016"),
        ("west mercia police", "E23000016"),
        ("Devon & Cornwall", "E23000035"),
        ("Devon and Cornwall Police", "E23000035"),
        ("Hampshire and Isle of Wight", "E23000030"),
        ("Hampshire & Isle of Wight Constabulary", "E23000030"),
        ("Dyfed Powys", "W15000004"),
        ("Metropolitan Police Service", "E23000001"),
        ("City of London", "E23000034"),
    ],
)
def test_forces_are_found_by_code_name_and_alias(key: str, code: str) -> None:
    """A force is found by ONS code, area name, force name or a common alternative name."""
    assert p.get_force(key).code == code


def test_unknown_force_is_a_library_error() -> None:
    """An unknown force name raises UnknownForceError."""
    with pytest.raises(UnknownForceError, match="Atlantis"):
        p.get_force("Atlantis")


def test_bodies_change_over_time() -> None:
    """The register gives the body that held policing functions on a date."""
    west_yorkshire = p.get_force("West Yorkshire")
    assert west_yorkshire.body(date(2020, 1, 1)).kind == "pcc"
    assert west_yorkshire.body(date(2023, 9, 1)).kind == "mayor"
    south_yorkshire = p.get_force("South Yorkshire")
    assert south_yorkshire.body(date(2024, 5, 6)).kind == "pcc"
    assert south_yorkshire.body(date(2024, 5, 7)).kind == "mayor"
    assert p.get_force("Metropolitan Police").body().kind == "mopac"


def test_common_council_is_not_elected() -> None:
    """The City of London's Common Council is recorded as a body that is not elected."""
    city = p.get_force("City of London")
    assert city.body().kind == "common-council"
    kinds = {kind.id: kind for kind in body_kinds()}
    assert not kinds["common-council"].elected
    assert all(kinds[k].elected for k in ("pcc", "pfcc", "mayor", "mopac"))


def test_registered_force_gives_model_objects() -> None:
    """A register entry gives the PoliceForce and PolicingBody a statement names."""
    west_mercia = p.get_force("West Mercia")
    assert west_mercia.police_force() == p.PoliceForce(code="E23000016", name="West Mercia Police")
    assert west_mercia.policing_body() == p.PolicingBody(
        kind="pcc", name="Police and Crime Commissioner for West Mercia"
    )


def test_priority_wordings_start_with_the_title() -> None:
    """A priority's wordings are its official title followed by its aliases."""
    priority = NationalPriority(id="x", title="T", aliases=("A", "B"))
    assert priority.wordings == ("T", "A", "B")


def test_matching_by_index_is_matching_by_search() -> None:
    """Titles and sources are matched as a search through every wording in order would."""
    from pcc_priorities.reference.national_frameworks import normalise_name  # noqa: PLC0415

    for framework in p.frameworks():
        priority_texts = [text for item in framework.priorities for text in item.wordings]
        source_texts = [t for s in framework.data_sources for t in (s.title, *s.aliases)]
        for text in [*priority_texts, *source_texts, "", "Nothing like it", "Police & crime"]:
            for variant in (text, text.upper(), f"  {text}. "):
                wanted = normalise_name(variant)
                searched = next(
                    (i for i in framework.priorities if any(normalise_name(w) == wanted
                                                             for w in i.wordings)),
                    None,
                )  # fmt: skip
                assert framework.match_priority(variant) is searched
                source = next(
                    (s for s in framework.data_sources
                     if any(normalise_name(w) == wanted for w in (s.title, *s.aliases))),
                    None,
                )  # fmt: skip
                assert framework.match_data_source(variant) is source
