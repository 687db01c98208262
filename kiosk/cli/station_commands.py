"""`kiosk demo` and `kiosk run`: the commands that open a station, through the screens the
installed `kiosk` command hands in (kiosk.cli knows no Qt)."""

from __future__ import annotations

import argparse
import dataclasses

from kiosk.cli.context import CliContext


def demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.cli.key_commands import ensure_keys
    from kiosk.services.demo import DemoKeys, seed_demo

    # An explicit demo set-up: it makes this machine's keys when missing and registers them.
    keys = ensure_keys(ctx)
    summary = seed_demo(ctx.database().factory, ctx.clock(), DemoKeys(keys.signer, keys.office_key))
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
    return ctx.start_station("kiosk", windowed=args.windowed)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    return ctx.start_station(args.station, windowed=args.windowed)
