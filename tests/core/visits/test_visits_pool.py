"""Pool sizing from traffic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.visits import TrafficProfile, recommended_pool_size


def test_the_formula() -> None:
    # The call-tracking example of VISIT_FORMATS.md: 6/min, 3 min visits, 2.5 min hold.
    assert recommended_pool_size(6, 3, 2.5) == 44
    # E-mail with a 24-hour hold needs far more.
    assert recommended_pool_size(2, 5) == 3854
    assert recommended_pool_size(0, 5) == 0
    assert recommended_pool_size(1, 0, 0.75) == 1
    assert recommended_pool_size(1, 0, 0.76) == 2
    with pytest.raises(ValueError):
        recommended_pool_size(-1, 1, 1)
    with pytest.raises(ValueError):
        recommended_pool_size(1, 1, 1, utilisation=0)


def test_the_traffic_profile() -> None:
    profile = TrafficProfile()
    start = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    for minute in range(100):
        for _ in range(1 + (minute == 50) * 9):
            profile.add(start + timedelta(minutes=minute, seconds=5), duration_s=180)
    assert profile.visits == 109
    assert profile.peak_per_minute(1.0) == 10
    assert profile.peak_per_minute(0.5) == 1
    assert profile.mean_visit_minutes() == 3
    assert profile.recommended_pool_size(hold_minutes=2.5) == recommended_pool_size(1, 3, 2.5)
    assert TrafficProfile().recommended_pool_size() == 0
