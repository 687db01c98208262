"""The command line's grammar: every command and option, and the function that carries it out.

Handlers are named as "module:function" and imported only when their command runs, so that
`kiosk run` reaches its first frame without loading the database layer.
"""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from kiosk.cli.case_parser import add_case_commands
from kiosk.cli.case_slip_commands import add_case_slip_command
from kiosk.cli.import_commands import add_import_command
from kiosk.cli.ratings_export_commands import add_ratings_export
from kiosk.cli.report_commands import add_report_command
from kiosk.i18n import LANGUAGES, Translator

STATIONS = ("kiosk", "clerk", "manager")
DOSSIER_STATUSES = ("processing", "early", "on-time", "late")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other error of the command; `-h` shows the usage.
        self.exit(2, f"{self.prog}: {message}\n")


def _common_options(tr: Translator, *, top_level: bool) -> _Parser:
    """Options every command takes, before or after its name: `kiosk demo --db X` works too."""
    parser = _Parser(add_help=False)
    # Below the top level an option left out must not overwrite what was given above it.
    unset: dict[str, Any] = {} if top_level else {"default": argparse.SUPPRESS}
    parser.add_argument(
        "--db", metavar="URL", help=tr("database URL (default: a local SQLite file)"), **unset
    )
    parser.add_argument("--json", action="store_true", help=tr("machine-readable output"), **unset)
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("language of messages"), **unset)
    parser.add_argument(
        "--office", metavar="CODE", help=tr("office code, when several share the database"), **unset
    )
    return parser


def build_parser(tr: Translator) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kiosk",
        description=tr("Feedback kiosk for the one-stop counter."),
        parents=[_common_options(tr, top_level=True)],
    )
    common = _common_options(tr, top_level=False)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = commands.add_parser(
        "demo", parents=[common], help=tr("seed a demo office and start the kiosk")
    )
    p.add_argument("--no-gui", action="store_true", help=tr("only seed the data"))
    p.add_argument("--windowed", action="store_true", help=tr("a window instead of full screen"))
    p.set_defaults(handler="kiosk.cli.station_commands:demo")

    p = commands.add_parser("run", parents=[common], help=tr("start a station"))
    p.add_argument("--station", choices=STATIONS, default="kiosk")
    p.add_argument("--windowed", action="store_true", help=tr("a window instead of full screen"))
    p.set_defaults(handler="kiosk.cli.station_commands:run")

    _dossier_commands(commands, tr, common)
    _print_commands(commands, tr, common)
    _export_commands(commands, tr, common)
    add_report_command(commands, tr, common)
    _rating_commands(commands, tr, common)
    add_case_commands(commands, tr, common)
    _admin_commands(commands, tr, common)
    return parser


def _dossier_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    # `kiosk ticket …` was the first name: offices script it, so it stays as an alias.
    dossier = commands.add_parser(
        "dossier", aliases=["ticket", "dossiers"], help=tr("register, return and look up dossiers")
    )
    sub = dossier.add_subparsers(dest="action", required=True)
    add_import_command(sub, tr, common)

    p = sub.add_parser(
        "add", parents=[common], help=tr("register a dossier and print its appointment")
    )
    p.add_argument("--service", required=True, help=tr("service code (see 'kiosk services list')"))
    p.add_argument(
        "--received",
        help=tr("when it was received, if not now: a correction (ISO date-time; see --manager)"),
    )
    p.add_argument("--clerk", type=int, required=True, help=tr("the receiving clerk's id"))
    _correction_options(p, tr)
    p.add_argument("--name", help=tr("citizen's name (for the receipt)"))
    p.add_argument("--address", help=tr("citizen's address (for the receipt)"))
    p.add_argument("--phone", help=tr("citizen's phone (for the receipt)"))
    p.add_argument(
        "--document",
        action="append",
        metavar="NAME",
        help=tr("a paper received (repeat; 'NAME|copy|2' for a copy, two of them)"),
    )
    p.add_argument("--sets", type=int, default=1, help=tr("number of sets of the dossier"))
    p.set_defaults(handler="kiosk.cli.dossier_commands:add")

    p = sub.add_parser("return", parents=[common], help=tr("record that the result was returned"))
    p.add_argument("code")
    p.add_argument(
        "--at",
        help=tr("when it was returned, if not now: a correction (ISO date-time; see --manager)"),
    )
    p.add_argument("--clerk", type=int, required=True, help=tr("the clerk returning the result"))
    _correction_options(p, tr)
    p.set_defaults(handler="kiosk.cli.dossier_commands:return_result")

    p = sub.add_parser(
        "reappoint", parents=[common], help=tr("give a late dossier its one new appointment")
    )
    p.add_argument("code")
    p.add_argument("--to", required=True, help=tr("the new appointment day"))
    p.add_argument("--reason", required=True, help=tr("why the result is late"))
    p.add_argument(
        "--clerk", type=int, required=True, help=tr("the clerk making the new appointment")
    )
    p.set_defaults(handler="kiosk.cli.print_commands:reappoint")

    p = sub.add_parser(
        "supplemented", parents=[common], help=tr("the citizen brought the papers asked for")
    )
    p.add_argument("code")
    p.add_argument("--clerk", type=int, required=True, help=tr("the clerk receiving them"))
    p.set_defaults(handler="kiosk.cli.dossier_commands:supplemented")

    p = sub.add_parser("show", parents=[common], help=tr("show one dossier"))
    p.add_argument("code")
    p.set_defaults(handler="kiosk.cli.dossier_commands:show")

    p = sub.add_parser("list", parents=[common], help=tr("list dossiers"))
    p.add_argument("--date", help=tr("only those received on this day"))
    p.add_argument("--status", choices=DOSSIER_STATUSES)
    p.set_defaults(handler="kiosk.cli.dossier_commands:list_dossiers")


def _correction_options(parser: argparse.ArgumentParser, tr: Translator) -> None:
    parser.add_argument(
        "--manager",
        type=int,
        metavar="COUNTER",
        help=tr("the manager approving a time in the past (the PIN is asked, or read from stdin)"),
    )
    parser.add_argument("--reason", help=tr("why the time is not the clock's"))


def _print_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    group = commands.add_parser("print", help=tr("the counter's forms: 01, 02, 03 and 04"))
    sub = group.add_subparsers(dest="action", required=True)
    slips = {}
    for kind, help_text in (
        ("receipt", tr("print a dossier's receipt (Form 01)")),
        ("apology", tr("print a dossier's apology letter (Form 04)")),
        ("supplement", tr("ask for missing papers and print the request (Form 02)")),
        ("refusal", tr("refuse a dossier and print the refusal (Form 03)")),
    ):
        p = slips[kind] = sub.add_parser(kind, parents=[common], help=help_text)
        p.add_argument("code")
        p.add_argument("--out", metavar="FILE.pdf", help=tr("write a PDF instead of printing"))
        p.add_argument("--paper", choices=("a5", "80mm"), default="a5")
        p.add_argument("--slip-lang", choices=LANGUAGES, help=tr("language on paper (default vi)"))
        p.add_argument("--clerk", type=int, help=tr("the clerk issuing it"))
        p.set_defaults(handler="kiosk.cli.print_commands:print_slip", kind=kind)
    slips["supplement"].add_argument(
        "--missing",
        action="append",
        metavar="TEXT",
        help=tr("a paper to bring or complete (repeat); without it, the last request is printed"),
    )
    slips["supplement"].add_argument("--reason", help=tr("why the papers are needed"))
    slips["refusal"].add_argument(
        "--reason", help=tr("why the dossier is refused; without it, a refusal made is printed")
    )
    sub.add_parser(
        "pending", parents=[common], help=tr("slips waiting for the printer")
    ).set_defaults(handler="kiosk.cli.print_commands:pending")
    sub.add_parser(
        "retry", parents=[common], help=tr("send waiting slips to the printer again")
    ).set_defaults(handler="kiosk.cli.print_commands:retry")
    add_case_slip_command(sub, tr, common)


def _export_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    group = commands.add_parser("export", help=tr("reports for the manager and the province"))
    sub = group.add_subparsers(dest="action", required=True)
    p = sub.add_parser("daily", parents=[common], help=tr("a day's (or a period's) report"))
    p.add_argument("--date", help=tr("the day (default: today)"))
    p.add_argument("--from", dest="start", help=tr("first day of a period"))
    p.add_argument("--to", dest="end", help=tr("last day of a period"))
    p.add_argument(
        "--format",
        choices=("pdf", "xlsx", "csv"),
        help=tr("default: from the file's extension (a folder: csv)"),
    )
    p.add_argument("--out", required=True, help=tr("the file (pdf, xlsx) or folder (csv) to write"))
    p.set_defaults(handler="kiosk.cli.export_commands:export_daily")
    add_ratings_export(sub, tr, common)


def _rating_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    group = commands.add_parser("ratings", help=tr("ratings given on paper"))
    sub = group.add_subparsers(dest="action", required=True)
    p = sub.add_parser("paper", parents=[common], help=tr("enter a batch of paper rating slips"))
    p.add_argument(
        "--file",
        required=True,
        metavar="SLIPS.csv",
        help=tr(
            "CSV with columns date, dossier_code, service_code, satisfaction, "
            "contacts, agencies, complaint, reasons, comment"
        ),
    )
    p.set_defaults(handler="kiosk.cli.rating_commands:enter_paper_slips")


def _admin_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    p = commands.add_parser("services", help=tr("the office's services"))
    sub = p.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", parents=[common], help=tr("list the services offered"))
    listing.add_argument("--all", action="store_true", help=tr("retired services too"))
    listing.set_defaults(handler="kiosk.cli.admin_commands:services_list")
    p = sub.add_parser(
        "documents", parents=[common], help=tr("a service's checklist of papers (Form 01)")
    )
    p.add_argument("code")
    p.add_argument(
        "--file", metavar="CHECKLIST.toml", help=tr("replace the checklist with this file's")
    )
    p.set_defaults(handler="kiosk.cli.admin_commands:service_documents")
    _catalogue_commands(sub, tr, common)

    p = commands.add_parser("clerks", help=tr("clerks and managers"))
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", parents=[common], help=tr("add a clerk (asks for the PIN)"))
    add.add_argument("name")
    add.add_argument("--counter", type=int, required=True)
    add.add_argument("--manager", action="store_true", help=tr("a manager, not a clerk"))
    add.set_defaults(handler="kiosk.cli.admin_commands:clerks_add")
    listing = sub.add_parser("list", parents=[common], help=tr("list clerks"))
    listing.add_argument("--all", action="store_true", help=tr("deactivated clerks too"))
    listing.set_defaults(handler="kiosk.cli.admin_commands:clerks_list")
    _staff_commands(sub, tr, common)

    p = commands.add_parser("office", help=tr("the office this database serves"))
    sub = p.add_subparsers(dest="action", required=True)
    init = sub.add_parser("init", parents=[common], help=tr("set up a new office"))
    init.add_argument("--code", required=True, help=tr("the office's identifier in dossier codes"))
    init.add_argument("--name", required=True)
    init.add_argument("--address", default="")
    init.set_defaults(handler="kiosk.cli.admin_commands:office_init")
    sub.add_parser("show", parents=[common], help=tr("show the office")).set_defaults(
        handler="kiosk.cli.admin_commands:office_show"
    )
    targets = sub.add_parser(
        "targets", parents=[common], help=tr("set the province's targets, in per cent")
    )
    for option, meaning in (
        ("--satisfaction", tr("satisfied citizens")),
        ("--on-time", tr("results on time")),
        ("--early", tr("results early")),
    ):
        targets.add_argument(option, type=int, metavar="%", help=meaning)
    targets.set_defaults(handler="kiosk.cli.admin_commands:office_targets")
    hotline = sub.add_parser(
        "hotline", parents=[common], help=tr("the number unhappy citizens are given at the kiosk")
    )
    hotline.add_argument("number", help=tr("empty to remove it"))
    hotline.set_defaults(handler="kiosk.cli.admin_commands:office_hotline")

    verify = commands.add_parser(
        "verify", parents=[common], help=tr("check that no rating was changed, removed or inserted")
    )
    verify.add_argument(
        "--head",
        action="append",
        default=[],
        metavar="STATION:HASH",
        help=tr(
            "a chain head printed in an earlier report: the history up to it must be unchanged"
        ),
    )
    verify.set_defaults(handler="kiosk.cli.admin_commands:verify")

    _key_commands(commands, tr, common)

    p = commands.add_parser("db", help=tr("the database"))
    sub = p.add_subparsers(dest="action", required=True)
    sub.add_parser(
        "upgrade", parents=[common], help=tr("migrate the schema to this version")
    ).set_defaults(handler="kiosk.cli.admin_commands:db_upgrade")
    backup = sub.add_parser(
        "backup", parents=[common], help=tr("copy the embedded database to the backup folder")
    )
    backup.add_argument("--folder", help=tr("where to (default: setting backup_folder)"))
    backup.add_argument("--keep", type=int, help=tr("days of backups to keep (default: 30)"))
    backup.set_defaults(handler="kiosk.cli.admin_commands:db_backup")


def _manager_option(parser: argparse.ArgumentParser, tr: Translator) -> None:
    parser.add_argument(
        "--manager",
        type=int,
        metavar="COUNTER",
        required=True,
        help=tr("the counter of the manager allowing it (PIN asked, or first line of stdin)"),
    )


def _catalogue_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    handlers = "kiosk.cli.catalogue_commands:"
    p = sub.add_parser("add", parents=[common], help=tr("add a procedure to the catalogue"))
    p.add_argument("code", help=tr("the procedure code (unique)"))
    p.add_argument("--name-vi", required=True, help=tr("the name in Vietnamese"))
    p.add_argument("--name-en", help=tr("the name in English (default: the Vietnamese)"))
    p.add_argument("--field", required=True, help=tr("the field (lĩnh vực)"))
    p.add_argument("--days", type=int, required=True, help=tr("working days; 0 = same day"))
    _manager_option(p, tr)
    p.set_defaults(handler=handlers + "services_add")

    p = sub.add_parser(
        "edit", parents=[common], help=tr("change a procedure's names, field or days")
    )
    p.add_argument("code")
    p.add_argument("--name-vi", help=tr("the name in Vietnamese"))
    p.add_argument("--name-en", help=tr("the name in English"))
    p.add_argument("--field", help=tr("the field (lĩnh vực)"))
    p.add_argument(
        "--days",
        type=int,
        help=tr("working days, for dossiers received from now on; 0 = same day"),
    )
    _manager_option(p, tr)
    p.set_defaults(handler=handlers + "services_edit")

    p = sub.add_parser(
        "retire", parents=[common], help=tr("stop offering a procedure (its history is kept)")
    )
    p.add_argument("code")
    p.add_argument("--restore", action="store_true", help=tr("offer it again"))
    _manager_option(p, tr)
    p.set_defaults(handler=handlers + "services_retire")

    p = sub.add_parser(
        "import", parents=[common], help=tr("import the national procedure catalogue")
    )
    p.add_argument("file", metavar="CATALOGUE.xlsx", help=tr("the catalogue as XLSX or CSV"))
    p.add_argument("--dry-run", action="store_true", help=tr("check and report, write nothing"))
    p.add_argument(
        "--manager",
        type=int,
        metavar="COUNTER",
        help=tr("the counter of the manager allowing it (PIN asked, or first line of stdin)"),
    )
    p.set_defaults(handler=handlers + "services_import")


def _staff_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    handlers = "kiosk.cli.catalogue_commands:"
    p = sub.add_parser(
        "deactivate", parents=[common], help=tr("stop a clerk from signing in (history kept)")
    )
    p.add_argument("id", type=int, help=tr("the clerk's id (see 'kiosk clerks list')"))
    p.add_argument("--restore", action="store_true", help=tr("let them sign in again"))
    _manager_option(p, tr)
    p.set_defaults(handler=handlers + "clerks_deactivate")

    p = sub.add_parser(
        "pin",
        parents=[common],
        help=tr("give a clerk a new PIN (from stdin: manager's PIN, then the new PIN)"),
    )
    p.add_argument("id", type=int, help=tr("the clerk's id (see 'kiosk clerks list')"))
    _manager_option(p, tr)
    p.set_defaults(handler=handlers + "clerks_pin")


def _key_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    p = commands.add_parser("keys", help=tr("the office's receipt key and this station's key"))
    sub = p.add_subparsers(dest="action", required=True)
    sub.add_parser(
        "init", parents=[common], help=tr("make the keys this machine lacks (never replaces one)")
    ).set_defaults(handler="kiosk.cli.key_commands:keys_init")
    register = sub.add_parser(
        "register",
        parents=[common],
        help=tr("register this machine's key for stations (asks for a manager's PIN)"),
    )
    register.add_argument("stations", nargs="+", metavar="STATION")
    register.add_argument(
        "--counter", type=int, required=True, help=tr("the manager's counter number")
    )
    register.set_defaults(handler="kiosk.cli.key_commands:keys_register")
    sub.add_parser(
        "show", parents=[common], help=tr("fingerprints of the keys, and those registered")
    ).set_defaults(handler="kiosk.cli.key_commands:keys_show")
