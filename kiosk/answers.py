"""A citizen's answers and their words, as the kiosk collects them and the reports count and
print them: plain values, no database, no Qt. The one place these words are defined.

Kept apart from the tables so the kiosk's screens and flow can use them without loading
SQLAlchemy on the way to their first frame.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.i18n import N_

if TYPE_CHECKING:
    import uuid  # loads platform: not on the kiosk's way to its first frame


class Satisfaction(enum.Enum):
    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    DISSATISFIED = "dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied"


class RatingChannel(enum.Enum):
    KIOSK = "kiosk"
    PAPER = "paper"
    PHONE = "phone"  # a case's handling, rated on a call-back and recorded by staff


SCALE_LEVELS = {
    3: (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.DISSATISFIED),
    5: tuple(Satisfaction),
}
# Counted as satisfied / not satisfied by every figure (the plain rate, Decision 766, alerts).
HAPPY = (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED)
UNHAPPY = (Satisfaction.DISSATISFIED, Satisfaction.VERY_DISSATISFIED)
FACE_WORDS = {
    Satisfaction.VERY_SATISFIED: N_("Very satisfied"),
    Satisfaction.SATISFIED: N_("Satisfied"),
    Satisfaction.NEUTRAL: N_("Neither"),
    Satisfaction.DISSATISFIED: N_("Not satisfied"),
    Satisfaction.VERY_DISSATISFIED: N_("Very dissatisfied"),
}
# What an unhappy citizen may tick: the quick choices before the comment.
COMPLAINT_REASONS = (
    "slow",
    "unclear_guidance",
    "many_visits",
    "unofficial_payment",
    "impolite",
    "other",
)
COMPLAINT_WORDS = {
    "slow": N_("Too slow"),
    "unclear_guidance": N_("Unclear guidance"),
    "many_visits": N_("Asked to come back many times"),
    "unofficial_payment": N_("Asked for unofficial payment"),
    "impolite": N_("Impolite staff"),
    "other": N_("Something else"),
}
MAX_COMMENT = 1000
# Reasons the office's head must see whatever the face: a bribe asked for, staff who harass.
CONDUCT_REASONS = ("unofficial_payment", "impolite")


@dataclass(frozen=True)
class RatingInput:
    satisfaction: Satisfaction
    dossier_code: str | None = None
    service_code: str | None = None  # required when there is no dossier code
    contacts_score: int | None = None
    agencies_score: int | None = None
    conduct_complaint: bool | None = None
    reasons: tuple[str, ...] = field(default=())
    comment: str | None = None
    partial: bool = False
    channel: RatingChannel = RatingChannel.KIOSK
    case_id: uuid.UUID | None = None  # rating how a feedback case was handled (its slip's QR)


def needs_follow_up(rating: RatingInput) -> bool:
    """Whether the office's head is to see this rating: the citizen is told so at the kiosk."""
    return (
        rating.satisfaction in UNHAPPY
        or bool(rating.conduct_complaint)
        or any(reason in CONDUCT_REASONS for reason in rating.reasons)
    )
