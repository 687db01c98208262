"""The `kiosk` command: parses, calls services, prints. Errors are one translated line, exit ≠ 0."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from kiosk.config import Settings, load_settings
from kiosk.errors import KioskError
from kiosk.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator

if TYPE_CHECKING:
    from kiosk.cli.context import CliContext

STATIONS = ("kiosk", "clerk", "manager")
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def _run_gui(ctx_settings: Settings, station: str, windowed: bool) -> int:
    from kiosk.cli.display import require_display

    require_display()
    from ui.app import run_station  # Qt is imported only for the stations

    return int(run_station(ctx_settings, station=station, windowed=windowed))


def demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.clock import office_now
    from kiosk.services.demo import seed_demo

    summary = seed_demo(ctx.database().factory, office_now())
    tr = ctx.tr
    message = tr(
        "Demo office {code}: {services} services, {clerks} clerks, {tickets} dossiers "
        "({late} late, {reappointed} re-appointed), {ratings} ratings.",
        code=summary.office_code,
        services=summary.services,
        clerks=summary.clerks,
        tickets=summary.tickets,
        late=summary.late,
        reappointed=summary.reappointed,
        ratings=summary.ratings,
    )
    if not summary.created:
        message = tr("The demo data is already there; nothing was added.") + "\n" + message
    ctx.emit({"created": summary.created, **summary.__dict__}, message)
    if args.no_gui:
        return 0
    return _run_gui(ctx.settings, "kiosk", args.windowed)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    return _run_gui(ctx.settings, args.station, args.windowed)


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
    from kiosk.cli import admin_commands, ticket_commands

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
    p.set_defaults(handler=demo)

    p = commands.add_parser("run", parents=[common], help=tr("start a station"))
    p.add_argument("--station", choices=STATIONS, default="kiosk")
    p.add_argument("--windowed", action="store_true", help=tr("a window instead of full screen"))
    p.set_defaults(handler=run)

    ticket_commands.register(commands, tr, common)
    admin_commands.register(commands, tr, common)
    return parser


def _language_hint(argv: Sequence[str]) -> str:
    # The parser's own help is translated, so the language is needed before parsing.
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    env = os.environ.get("KIOSK_LANG", DEFAULT_LANGUAGE)
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = _language_hint(argv)
    tr = Translator(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        args = build_parser(tr).parse_args(argv)
        settings = load_settings()
        overrides = {"database_url": args.db, "office_code": args.office, "language": args.lang}
        settings = Settings(
            **{**settings.__dict__, **{k: v for k, v in overrides.items() if v is not None}}
        )
        tr = Translator(settings.language)
        from kiosk.cli.context import CliContext

        ctx = CliContext(settings=settings, tr=tr, as_json=args.json)
        result = args.handler(ctx, args)
        return int(result or 0)
    except KioskError as error:
        print(f"kiosk: {error.render(tr)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (`| head`) went away: nothing left to tell anyone.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - the last line of defence: one line, no traceback
        if os.environ.get("KIOSK_DEBUG"):
            raise
        from kiosk.cli.unexpected import describe_unexpected

        print(f"kiosk: {describe_unexpected(error, tr)}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
