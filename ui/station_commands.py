"""`kiosk demo` and `kiosk run`: the commands that open a station (named in kiosk.cli.parser)."""

from __future__ import annotations

import argparse
import dataclasses

from kiosk.cli.context import CliContext
from kiosk.config import Settings


def _run_gui(settings: Settings, station: str, windowed: bool) -> int:
    from kiosk.cli.display import require_display

    require_display()
    from ui.app import run_station  # Qt is loaded only once the screen is known to be there

    return int(run_station(settings, station=station, windowed=windowed))


def demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.clock import office_now
    from kiosk.services.demo import seed_demo

    summary = seed_demo(ctx.database().factory, office_now())
    tr = ctx.tr
    message = tr(
        "Demo office {code}: {services} services, {clerks} clerks, {dossiers} dossiers "
        "({late} late, {reappointed} re-appointed), {ratings} ratings.",
        code=summary.office_code,
        services=summary.services,
        clerks=summary.clerks,
        dossiers=summary.dossiers,
        late=summary.late,
        reappointed=summary.reappointed,
        ratings=summary.ratings,
    )
    if not summary.created:
        message = tr("The demo data is already there; nothing was added.") + "\n" + message
    ctx.emit(dataclasses.asdict(summary), message)
    if args.no_gui:
        return 0
    return _run_gui(ctx.settings, "kiosk", args.windowed)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    return _run_gui(ctx.settings, args.station, args.windowed)
