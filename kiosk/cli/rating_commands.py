"""`kiosk ratings paper --file SLIPS.csv`: enter a batch of paper rating slips, all or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.cli.parsing import read_text_file
from kiosk.services.paper_slips import PAPER_STATION, PaperSlipService


def enter_paper_slips(ctx: CliContext, args: argparse.Namespace) -> None:
    text = read_text_file(Path(args.file))
    count = ctx.use_cases(PaperSlipService, station=PAPER_STATION).enter_file(text)
    ctx.emit({"entered": count}, ctx.tr("{count} paper slips entered.", count=count))
