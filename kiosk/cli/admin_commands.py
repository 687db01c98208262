"""`kiosk services|clerks|office|verify|db`: the office's set-up and its integrity check."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from pathlib import Path

from kiosk.chain import (
    BAD_SIGNATURE,
    EDITED,
    FORGED_KEY,
    LINK_BROKEN,
    MISSING_BEFORE,
    UNREGISTERED,
    UNSIGNED,
)
from kiosk.cli.context import CLI_STATION, CliContext
from kiosk.cli.parsing import read_text_file
from kiosk.db.models import ClerkRole
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.key_files import KeyFileError
from kiosk.paths import signing_key_path
from kiosk.receipt_signing import load_receipt_key
from kiosk.services.clerks import add_clerk, list_clerks
from kiosk.services.offices import (
    create_office,
    find_office,
    list_services,
    office_view,
    set_hotline,
    set_targets,
)
from kiosk.services.ratings import verify_chains
from kiosk.services.service_documents import ServiceDocumentService, parse_checklist

BREAK_MESSAGES = {
    EDITED: N_("rating {id} (station {station}, no. {sequence}) was changed after it was recorded"),
    MISSING_BEFORE: N_(
        "ratings are missing before rating {id} (station {station}, no. {sequence})"
    ),
    LINK_BROKEN: N_(
        "rating {id} (station {station}, no. {sequence}) does not follow the one before it: "
        "a rating was inserted or removed"
    ),
    UNREGISTERED: N_(
        "station {station} has no registered signing key: its ratings from no. {sequence} on "
        "are unsigned (a manager registers the station's key with 'kiosk keys register')"
    ),
    UNSIGNED: N_(
        "rating {id} (station {station}, no. {sequence}) is unsigned: it was added without "
        "the station's key"
    ),
    BAD_SIGNATURE: N_(
        "rating {id} (station {station}, no. {sequence}) is not signed by the station's "
        "registered key: it was added or recomputed without that key"
    ),
    FORGED_KEY: N_(
        "the signing key of station {station} from no. {sequence} does not carry the office's "
        "seal: it was not registered by a manager"
    ),
}


def services_list(ctx: CliContext, args: argparse.Namespace) -> None:
    with ctx.database().factory() as session:
        services = list_services(session, include_inactive=args.all)
    tr = ctx.tr
    lines = []
    for s in services:
        days = (
            tr("{days} working days", days=s.processing_days)
            if s.processing_days
            else tr("same day")
        )
        name = s.name_vi if tr.language == "vi" else s.name_en
        retired = "" if s.active else " (" + tr("retired") + ")"
        if not s.days_confirmed:
            retired += " (" + tr("processing days guessed by an import: to confirm") + ")"
        lines.append(f"{s.code:<10} {days:<16} {s.field:<14} {name}{retired}")
    ctx.emit([dataclasses.asdict(s) for s in services], "\n".join(lines))


def service_documents(ctx: CliContext, args: argparse.Namespace) -> None:
    checklists = ctx.use_cases(ServiceDocumentService)
    if args.file:
        items = checklists.replace(args.code, parse_checklist(read_text_file(Path(args.file))))
    else:
        items = checklists.checklist(args.code)
    tr = ctx.tr
    forms = {"original": tr("original"), "copy": tr("copy")}
    lines = [f"{i}. {d.name} ({forms[d.form]}, {d.count})" for i, d in enumerate(items, 1)]
    ctx.emit(
        [dataclasses.asdict(d) for d in items],
        "\n".join(lines) or tr("No papers are listed for this service."),
    )


def _read_pin(tr: Translator) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    pin = getpass.getpass(tr("PIN (4–8 digits): "))
    if getpass.getpass(tr("PIN again: ")) != pin:
        raise InvalidInputError(N_("The two PINs differ."))
    return pin


def clerks_add(ctx: CliContext, args: argparse.Namespace) -> None:
    pin = _read_pin(ctx.tr)
    with ctx.database().factory.begin() as session:
        office = find_office(session, ctx.settings.office_code)
        clerk = add_clerk(
            session,
            office,
            display_name=args.name,
            counter=args.counter,
            role=ClerkRole.MANAGER if args.manager else ClerkRole.CLERK,
            pin=pin,
            at=ctx.clock(),
            station=CLI_STATION,
        )
        session.flush()
        clerk_id = clerk.id
    ctx.emit(
        {"id": clerk_id, "display_name": clerk.display_name, "counter": clerk.counter},
        ctx.tr("Clerk {name} added with id {id}.", name=clerk.display_name, id=clerk_id),
    )


def clerks_list(ctx: CliContext, args: argparse.Namespace) -> None:
    with ctx.database().factory() as session:
        office = find_office(session, ctx.settings.office_code)
        clerks = list_clerks(session, office, include_inactive=args.all)
    tr = ctx.tr
    lines = []
    for c in clerks:
        counter = tr("counter {counter}", counter=c.counter)
        role = tr("manager") if c.role is ClerkRole.MANAGER else tr("clerk")
        gone = "" if c.active else " (" + tr("deactivated") + ")"
        lines.append(f"{c.id:>3}  {counter:<10} {role:<10} {c.display_name}{gone}")
    ctx.emit([dataclasses.asdict(c) for c in clerks], "\n".join(lines))


def office_init(ctx: CliContext, args: argparse.Namespace) -> None:
    with ctx.database().factory.begin() as session:
        view = office_view(
            create_office(
                session,
                code=args.code,
                name=args.name,
                address=args.address,
                at=ctx.clock(),
                station=CLI_STATION,
            )
        )
    ctx.emit(
        dataclasses.asdict(view),
        ctx.tr("Office {name} ({code}) set up.", **{"name": view.name, "code": view.code}),
    )


def office_show(ctx: CliContext, _args: argparse.Namespace) -> None:
    with ctx.database().factory() as session:
        view = office_view(find_office(session, ctx.settings.office_code))
    ctx.emit(dataclasses.asdict(view), f"{view.name} ({view.code})\n{view.address}")


def office_targets(ctx: CliContext, args: argparse.Namespace) -> None:
    with ctx.database().factory.begin() as session:
        office = find_office(session, ctx.settings.office_code)
        set_targets(
            session,
            office,
            satisfaction=args.satisfaction,
            on_time=args.on_time,
            early=args.early,
            at=ctx.clock(),
            station=CLI_STATION,
        )
        values = {
            "satisfaction": office.target_satisfaction,
            "on_time": office.target_on_time,
            "early": office.target_early,
        }
    ctx.emit(
        values,
        ctx.tr(
            "Targets: {satisfaction} % satisfied, {on_time} % on time, {early} % early.", **values
        ),
    )


def office_hotline(ctx: CliContext, args: argparse.Namespace) -> None:
    with ctx.database().factory.begin() as session:
        office = find_office(session, ctx.settings.office_code)
        set_hotline(session, office, args.number, at=ctx.clock(), station=CLI_STATION)
        number = office.hotline
    if number:
        ctx.emit({"hotline": number}, ctx.tr("Hotline: {number}.", number=number))
    else:
        ctx.emit({"hotline": ""}, ctx.tr("The office has no hotline now."))


def _known_head(text: str) -> tuple[str, str]:
    station, _, head = text.strip().rpartition(":")
    head = head.lower()
    if not station or len(head) != 64 or any(c not in "0123456789abcdef" for c in head):
        raise InvalidInputError(
            N_("A chain head is STATION:HASH with the 64-character hash, not {value!r}."),
            value=text,
        )
    return station, head


def verify(ctx: CliContext, args: argparse.Namespace) -> int:
    known = [_known_head(text) for text in args.head]
    office_key, problem = None, None
    try:
        office_key = load_receipt_key(signing_key_path(ctx.settings.signing_key_path))
    except KeyFileError as error:
        problem = error
    with ctx.database().factory() as session:
        # One office's chains: its stations' keys are sealed with its own receipt key, the one
        # on this machine (a district's database is checked office by office, with --office).
        office_id = find_office(session, ctx.settings.office_code).id
        report = verify_chains(
            session, known, office_id=office_id, office_key=office_key, office_key_problem=problem
        )
    tr = ctx.tr
    data = {
        "ok": report.ok,
        "ratings_checked": report.ratings_checked,
        "heads": report.heads,
        "broken": dataclasses.asdict(report.broken) if report.broken else None,
        "lost_heads": [f"{station}:{head}" for station, head in report.lost_heads],
        "unchecked": report.unchecked.render(tr) if report.unchecked else None,
    }
    if report.lost_heads:
        text = "\n".join(
            tr(
                "Rating chain REWRITTEN: the history of station {station} up to {head} is no "
                "longer in the database.",
                station=station,
                head=head,
            )
            for station, head in report.lost_heads
        )
    elif report.broken is None:
        text = tr("Rating chain intact: {count} ratings checked.", count=report.ratings_checked)
        if known:
            text += " " + tr("The {count} earlier heads given are all in it.", count=len(known))
    else:
        b = report.broken
        what = tr(BREAK_MESSAGES[b.problem], id=b.rating_id, station=b.station, sequence=b.sequence)
        text = tr("Rating chain BROKEN: {problem}.", problem=what)
    if report.unchecked is not None and report.broken is None and not report.lost_heads:
        text = tr(
            "Rating chain NOT FULLY CHECKED: the stations' keys cannot be checked against the "
            "office's seal. {problem}",
            problem=report.unchecked.render(tr),
        )
    ctx.emit(data, text)
    return 0 if report.ok else 3


def db_upgrade(ctx: CliContext, _args: argparse.Namespace) -> None:
    from kiosk.db.open import open_database

    database = open_database(ctx.settings.database_url, migrate=True)
    ctx.emit(
        {"url": database.engine.url.render_as_string(hide_password=True)},
        ctx.tr("The database schema is up to date."),
    )


def db_backup(ctx: CliContext, args: argparse.Namespace) -> None:
    from pathlib import Path

    from kiosk.db.backup import backup_sqlite
    from kiosk.paths import default_database_url, user_data_dir

    settings = ctx.settings
    folder = Path(args.folder or settings.backup_folder or user_data_dir() / "backups")
    keep = args.keep if args.keep is not None else settings.backup_keep_days
    if keep < 1:
        raise InvalidInputError(N_("Keep at least one day of backups."))
    result = backup_sqlite(
        settings.database_url or default_database_url(), folder, ctx.clock().date(), keep
    )
    ctx.emit(
        {"written": str(result.written), "removed": [str(p) for p in result.removed]},
        ctx.tr(
            "Backup written to {path}; {count} older than {days} days removed.",
            path=result.written,
            count=len(result.removed),
            days=keep,
        ),
    )
