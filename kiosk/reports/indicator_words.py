"""The Circular 01/2018 indicators in words, for a column header (the short name with its
number) and its tooltip (the full name), and why a clerk or the unit is not classified — said
in words where a classification would stand, never left as an empty cell."""

from __future__ import annotations

from kiosk.formats import number_text
from kiosk.i18n import N_, Translator
from kiosk.reports.indicators import (
    MIN_ANSWERS_TO_JUDGE,
    NO_SCORES,
    NOT_ENOUGH_RATINGS,
    Tally,
    why_not_judged,
)

# The four indicators a rating device collects (../shared/DOMAIN.md), short and in full.
INDICATOR_NAMES = {
    1: (
        N_("1. Processing time"),
        N_(
            "Indicator 1 (Circular 01/2018): the total time taken to settle the dossier "
            "against the legal time limit"
        ),
    ),
    3: (
        N_("3. Contacts needed"),
        N_(
            "Indicator 3 (Circular 01/2018): the times the citizen had to contact the counter "
            "to complete the dossier"
        ),
    ),
    4: (
        N_("4. Agencies contacted"),
        N_(
            "Indicator 4 (Circular 01/2018): the agencies the citizen had to contact to "
            "complete the dossier"
        ),
    ),
    7: (
        N_("7. Staff attitude"),
        N_(
            "Indicator 7 (Circular 01/2018): the attitude of the civil servant who guided, "
            "received and settled the dossier"
        ),
    ),
}

CLASS_WORDS = {
    "completes duties": N_("completes duties"),
    "partly completes duties": N_("partly completes duties"),
    "does not complete duties": N_("does not complete duties"),
    "excellent": N_("excellent"),
    "good": N_("good"),
    "fair": N_("fair"),
    "average": N_("average"),
    "weak": N_("weak"),
}

NOT_CLASSIFIED = {
    NOT_ENOUGH_RATINGS: N_("Not classified: only {count}/{minimum} ratings"),
    NO_SCORES: N_("Not classified: no indicator scores yet"),
}


def not_classified_words(tally: Tally, tr: Translator) -> str | None:
    """ "Chưa xếp loại: mới có 4/10 lượt đánh giá", or None when the row is classified."""
    reason = why_not_judged(tally)
    if reason is None:
        return None
    return tr(
        NOT_CLASSIFIED[reason],
        count=number_text(tally.ratings, tr.language),
        minimum=number_text(MIN_ANSWERS_TO_JUDGE, tr.language),
    )


def classification_words(classification: str | None, tally: Tally, tr: Translator) -> str:
    """The classification in words, else why there is none: the same cell on screen and paper."""
    if classification is not None:
        return tr(CLASS_WORDS[classification])
    return not_classified_words(tally, tr) or "—"
