"""`kiosk ratings paper --file SLIPS.csv`: enter a batch of paper rating slips."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.services.paper_slips import PAPER_STATION, PaperSlipService, parse_slips


def enter_paper_slips(ctx: CliContext, args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError(
            N_("Cannot read {path} as UTF-8 text: {problem}"), path=path, problem=error
        ) from error
    slips = parse_slips(text)
    count = ctx.use_cases(PaperSlipService, station=PAPER_STATION).enter(slips)
    ctx.emit({"entered": count}, ctx.tr("{count} paper slips entered.", count=count))
