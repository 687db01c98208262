"""The `kiosk` command: parses, calls services, prints. Errors are one translated line, exit ≠ 0."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kiosk.cli.context import CliContext, StationOpener
from kiosk.cli.parser import build_parser
from kiosk.clock import Clock, office_now
from kiosk.config import Settings, load_settings
from kiosk.errors import KioskError
from kiosk.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def _language_hint(argv: Sequence[str]) -> str:
    # The parser's own help is translated, so the language is needed before parsing.
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    env = os.environ.get("KIOSK_LANG", DEFAULT_LANGUAGE)
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def _handler(name: str) -> Callable[..., Any]:
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def main(
    argv: Sequence[str] | None = None,
    *,
    open_station: StationOpener | None = None,
    clock: Clock = office_now,
) -> int:
    """Runs one command. `open_station` comes from the installed command (ui.main), which has
    the screens; `clock` is the office's wall clock, fixed by tests."""
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
        ctx = CliContext(
            settings=settings,
            tr=tr,
            as_json=args.json,
            clock=clock,
            open_station=open_station,
        )
        result = _handler(args.handler)(ctx, args)
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
