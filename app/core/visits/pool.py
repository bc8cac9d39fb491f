"""Fixed-pool sizing from imported traffic.

An address shown to a visit stays bound for the visit and a hold time after it (24 h by default:
people write e-mail long after they looked). By Little's law the pool must cover the arrivals in
that window; a 75 % utilisation target leaves headroom for peaks:
``ceil(peak visits per minute x (visit minutes + hold minutes) / 0.75)``.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime

TARGET_UTILISATION = 0.75
DEFAULT_HOLD_MINUTES = 24 * 60


def recommended_pool_size(
    peak_visits_per_minute: float,
    visit_minutes: float,
    hold_minutes: float = DEFAULT_HOLD_MINUTES,
    utilisation: float = TARGET_UTILISATION,
) -> int:
    """Addresses a fixed pool needs; 0 when there is no traffic."""
    if peak_visits_per_minute < 0 or visit_minutes < 0 or hold_minutes < 0:
        raise ValueError("rates and durations cannot be negative")
    if not 0 < utilisation <= 1:
        raise ValueError("utilisation must be in (0, 1]")
    # Rounding first keeps 44.0000000001 from becoming 45.
    return math.ceil(
        round(peak_visits_per_minute * (visit_minutes + hold_minutes) / utilisation, 6)
    )


class TrafficProfile:
    """Counts visit starts per minute while visits stream past, for the pool-health numbers.

    Memory is one counter per minute that had visits (a year is at most ~525,000 entries).
    """

    def __init__(self) -> None:
        self._per_minute: Counter[int] = Counter()
        self._duration_total = 0
        self._duration_count = 0

    def add(self, started_at: datetime, duration_s: int | None = None) -> None:
        """Account for one visit."""
        self._per_minute[int(started_at.timestamp()) // 60] += 1
        if duration_s is not None and duration_s >= 0:
            self._duration_total += duration_s
            self._duration_count += 1

    @property
    def visits(self) -> int:
        return sum(self._per_minute.values())

    def peak_per_minute(self, percentile: float = 0.99) -> float:
        """Visits in the busiest minutes (the given percentile of minutes that had visits)."""
        if not self._per_minute:
            return 0.0
        counts = sorted(self._per_minute.values())
        index = min(len(counts) - 1, max(0, math.ceil(percentile * len(counts)) - 1))
        return float(counts[index])

    def mean_visit_minutes(self) -> float:
        """Average visit length in minutes (0 when no durations were exported)."""
        if not self._duration_count:
            return 0.0
        return self._duration_total / self._duration_count / 60

    def recommended_pool_size(self, hold_minutes: float = DEFAULT_HOLD_MINUTES) -> int:
        """:func:`recommended_pool_size` for this traffic."""
        return recommended_pool_size(
            self.peak_per_minute(), self.mean_visit_minutes(), hold_minutes
        )
