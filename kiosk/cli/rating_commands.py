"""`kiosk ratings paper --file SLIPS.csv`: enter a batch of paper rating slips."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.cli.parsing import read_text_file
from kiosk.services.paper_slips import PAPER_STATION, PaperSlipService, parse_slips


def enter_paper_slips(ctx: CliContext, args: argparse.Namespace) -> None:
    slips = parse_slips(read_text_file(Path(args.file)))
    count = ctx.use_cases(PaperSlipService, station=PAPER_STATION).enter(slips)
    ctx.emit({"entered": count}, ctx.tr("{count} paper slips entered.", count=count))
