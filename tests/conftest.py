"""Shared test configuration: Hypothesis profiles and paths."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Whole generated statements are expensive to draw; the default keeps the suite quick on a
# two-core machine, and CI runs more examples (HYPOTHESIS_PROFILE=ci in .ci/run).
settings.register_profile(
    "default",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# CI's profiles are derandomized: the same examples every run, so a green run on a developer's
# machine is a green CI run; the default profile keeps exploring new examples locally. 100
# examples (150 until 30 November 2026): the dozen properties over whole generated statements
# took about 20 s each at 150, and .ci/run as a whole came within seconds of its 10 minutes.
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
# The fuzzing profile (.ci/run's fuzzing step, -m fuzz): tests/test_fuzzing.py reads the profile's
# name to choose how many inputs each loader gets; a Hypothesis test run under it gets 10,000.
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
