"""`kiosk ratings paper --file SLIPS.csv`: enter a batch of paper rating slips, all or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.cli.parsing import read_text_file
from kiosk.paths import station_key_path
from kiosk.services.paper_slips import PAPER_STATION, PaperSlipService
from kiosk.station_keys import load_station_signer


def enter_paper_slips(ctx: CliContext, args: argparse.Namespace) -> None:
    text = read_text_file(Path(args.file))
    # Signed with this machine's key, registered for the office's paper station.
    signer = load_station_signer(station_key_path(ctx.settings.station_key_path))
    service = PaperSlipService(
        ctx.database().factory,
        station=PAPER_STATION,
        clock=ctx.clock,
        office_code=ctx.settings.office_code,
        signer=signer,
    )
    count = service.enter_file(text)
    ctx.emit({"entered": count}, ctx.tr("{count} paper slips entered.", count=count))
