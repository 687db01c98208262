"""The province's targets for an office, beside which every figure is shown.

A module of its own: the kiosk's start screen reads them with this month's figures and loads
nothing else of the reports."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.db.models import Office


@dataclass(frozen=True)
class Targets:
    """The province's targets for the office, in per cent."""

    satisfaction: Decimal
    on_time: Decimal
    early: Decimal

    @classmethod
    def of(cls, office: Office) -> Targets:
        return cls(
            Decimal(office.target_satisfaction),
            Decimal(office.target_on_time),
            Decimal(office.target_early),
        )
