"""The grammar of `kiosk cases …`: feedback cases (phản ánh, kiến nghị) from the command line.

Only argparse here: the parser is built on the path of `kiosk run`, which must not load the
database layer. Words with a fixed set of values (states, channels, faces) are checked by the
handlers, so that a wrong one is the usual one-line error with exit 1, not argparse's exit 2.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.i18n import Translator

HANDLERS = "kiosk.cli.case_commands:"
STATES = "open|assigned|answered|closed|transferred"
SOURCES = "in_person|phone|mail"
CHANNELS = "in_person|phone|letter|sms"
FACES = "very_satisfied|satisfied|neutral|dissatisfied|very_dissatisfied"


def add_case_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    group = commands.add_parser(
        "cases", help=tr("feedback cases (phản ánh, kiến nghị): open, assign, answer, close")
    )
    sub = group.add_subparsers(dest="action", required=True)

    def command(name: str, help_text: str, handler: str, *, signed_in: bool = True) -> Any:
        p = sub.add_parser(name, parents=[common], help=help_text)
        if signed_in:
            p.add_argument(
                "--clerk",
                type=int,
                metavar="COUNTER",
                required=True,
                help=tr("who acts: their counter (PIN asked, or first line of stdin)"),
            )
        p.set_defaults(handler=HANDLERS + handler)
        return p

    p = command("list", tr("list the cases you may see, newest first"), "list_cases")
    p.add_argument("--state", action="append", metavar=STATES, help=tr("only these (repeat)"))
    p.add_argument("--owner", type=int, metavar="ID", help=tr("only those given to this clerk"))
    p.add_argument("--subject", help=tr("only those whose subject contains this"))
    p.add_argument("--alerts", action="store_true", help=tr("overdue or due soon"))
    p.add_argument("--from", dest="start", metavar="DATE", help=tr("opened on or after"))
    p.add_argument("--to", dest="end", metavar="DATE", help=tr("opened on or before"))

    p = command("show", tr("one case and its history"), "show_case")
    p.add_argument("number", help=tr("the case number, e.g. 2026-0007"))

    p = command(
        "open", tr("record a petition received in person, by phone or by mail"), "open_case"
    )
    p.add_argument("--subject", required=True, help=tr("what it is about"))
    p.add_argument("--text", default="", help=tr("what the citizen said or wrote"))
    p.add_argument("--source", default="in_person", metavar=SOURCES, help=tr("how it came in"))
    p.add_argument("--dossier", metavar="CODE", help=tr("the dossier it concerns"))
    p.add_argument("--service", metavar="CODE", help=tr("the service it concerns"))
    p.add_argument("--about-clerk", type=int, metavar="ID", help=tr("the clerk it concerns"))
    p.add_argument(
        "--contact-name", metavar="NAME", help=tr("the citizen's name, to call them back")
    )
    p.add_argument(
        "--contact-phone", metavar="PHONE", help=tr("the citizen's phone, to call them back")
    )

    p = command("assign", tr("give a case to a clerk (manager)"), "assign_case")
    p.add_argument("number")
    p.add_argument("--to", type=int, required=True, metavar="CLERK_ID", help=tr("the clerk's id"))

    p = command("answer", tr("record the answer given to the citizen"), "answer_case")
    p.add_argument("number")
    p.add_argument("--text", required=True, help=tr("the answer that was given"))
    p.add_argument("--channel", required=True, metavar=CHANNELS, help=tr("how it was given"))

    p = command("close", tr("close an answered case (manager)"), "close_case")
    p.add_argument("number")

    p = command("transfer", tr("record that a case went to another body (manager)"), "transfer")
    p.add_argument("number")
    p.add_argument("--to", required=True, metavar="WHERE", help=tr("the body it went to"))

    p = command("rate", tr("the citizen's rating of the handling, taken on a call-back"), "rate")
    p.add_argument("number")
    p.add_argument("--satisfaction", required=True, metavar=FACES)
    p.add_argument(
        "--called-at", metavar="'YYYY-MM-DD HH:MM'", help=tr("when the call was (default: now)")
    )

    p = command(
        "766",
        tr("the three parts of Decision 766's satisfaction group for a period"),
        "decision_766",
        signed_in=False,
    )
    p.add_argument("--from", dest="start", required=True, metavar="DATE")
    p.add_argument("--to", dest="end", required=True, metavar="DATE")

    p = command(
        "settings", tr("the time to answer a case and how long a contact is kept"), "settings"
    )
    p.add_argument("--days", type=int, help=tr("working days to answer a case (manager)"))
    p.add_argument(
        "--contact-months", type=int, help=tr("months a contact is kept after closing (manager)")
    )
