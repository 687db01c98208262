"""The names of the figures that sound alike, one name per figure, so that nobody reads one for
another: what is *overdue now* (owed today, kiosk.services.due_dossiers) is not the count of
dossiers *late in a period* (their appointment fell in it; kiosk.reports.indicators), and a board
of the whole office says so beside its counts. Vietnamese keeps "quá hạn" for what is still owed
and "trễ hạn" for a period's late dossiers."""

from __future__ import annotations

from kiosk.i18n import N_

OVERDUE_NOW = N_("Overdue, not returned")
DUE_TODAY_OPEN = N_("Due today, not returned")
DUE_NEXT_OPEN = N_("Due {day}, not returned")
# Around one of the above, with its count: whose dossiers the count covers; what to do.
WHOLE_OFFICE = N_("{figure} — whole office")
ANNOUNCE_DELAYS = N_("{figure}: announce any delay now")
# The dossiers whose appointment fell in a period and that were returned after it or not yet
# (indicators' `late`); a heading writes its count after it: "…: 12" or "… (12)".
LATE_IN_PERIOD = N_("Late in the period: returned late or not yet")
