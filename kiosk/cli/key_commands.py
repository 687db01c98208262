"""`kiosk keys init|register|show`: the office's receipt key and this machine's signing key.

A key is made only here, on purpose: `init` writes what is missing (never over a file that is
there), `register` records this machine's public key for stations with a manager's PIN, sealed
with the office's key, and `show` prints fingerprints to compare by eye between stations.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from kiosk.cli.context import CLI_STATION, CliContext
from kiosk.db.models import StationKey
from kiosk.errors import ConflictError, KioskError, NotFoundError
from kiosk.i18n import N_, Translator
from kiosk.key_files import KeyFileError
from kiosk.paths import signing_key_path, station_key_path
from kiosk.receipt_signing import create_receipt_key, load_receipt_key
from kiosk.services.key_registry import register_station_key, registered_keys
from kiosk.services.offices import find_office
from kiosk.services.paper_slips import PAPER_STATION, legacy_paper_chain_unkeyed, paper_station
from kiosk.services.sign_in import SignInService
from kiosk.station_keys import (
    StationSigner,
    create_station_signer,
    fingerprint,
    load_station_signer,
)


def receipt_fingerprint(key: bytes) -> str:
    """A hash of the office's key, safe to print: equal on every station of the office."""
    return fingerprint(hashlib.sha256(b"receipt-key-fingerprint" + key).hexdigest())


@dataclass(frozen=True)
class KeysReady:
    receipt_path: Path
    receipt_created: bool
    station_path: Path
    station_created: bool
    office_key: bytes
    signer: StationSigner


def ensure_keys(ctx: CliContext) -> KeysReady:
    """The two keys, made when missing; a file that is there but unusable is never replaced."""
    receipt_path = signing_key_path(ctx.settings.signing_key_path)
    station_path = station_key_path(ctx.settings.station_key_path)
    receipt_created = station_created = False
    if receipt_path.exists():
        office_key = load_receipt_key(receipt_path)
    else:
        _refuse_second_office_key(ctx)
        office_key, receipt_created = create_receipt_key(receipt_path), True
    if station_path.exists():
        signer = load_station_signer(station_path)
    else:
        signer, station_created = create_station_signer(station_path), True
    return KeysReady(
        receipt_path, receipt_created, station_path, station_created, office_key, signer
    )


def _refuse_second_office_key(ctx: CliContext) -> None:
    """An office whose stations' keys are sealed already has its key: a new one would make
    them (and every receipt printed) unreadable, so it must be copied instead."""
    with ctx.database().factory() as session:
        try:
            office = find_office(session, ctx.settings.office_code)
        except NotFoundError:
            return  # no office yet (kiosk demo makes its keys first): nothing is sealed
        # Only this office's: another office of the district seals with its own key.
        sealed = session.scalar(
            select(StationKey.id).where(StationKey.office_id == office.id).limit(1)
        )
    if sealed is not None:
        raise ConflictError(
            N_(
                "This office already has a receipt key (its stations' keys are sealed with it): "
                "copy that file from another station to {path}."
            ),
            path=signing_key_path(ctx.settings.signing_key_path),
        )


def keys_init(ctx: CliContext, _args: argparse.Namespace) -> None:
    keys = ensure_keys(ctx)
    tr = ctx.tr
    lines = []
    if keys.receipt_created:
        lines.append(
            tr(
                "New office receipt key written to {path}. Copy this file to the same place "
                "on every other station of the office (then 'chmod 600' it there): receipts "
                "and station keys are checked with it.",
                path=keys.receipt_path,
            )
        )
    else:
        lines.append(tr("The office receipt key {path} is in place.", path=keys.receipt_path))
    if keys.station_created:
        lines.append(tr("New station key written to {path}.", path=keys.station_path))
    else:
        lines.append(tr("This station's key {path} is in place.", path=keys.station_path))
    lines.append(
        tr(
            "Station key fingerprint: {fingerprint}. A manager now registers it: "
            "'kiosk keys register STATION --counter N'.",
            fingerprint=fingerprint(keys.signer.public_hex),
        )
    )
    ctx.emit(
        {
            "receipt_key": str(keys.receipt_path),
            "receipt_key_created": keys.receipt_created,
            "station_key": str(keys.station_path),
            "station_key_created": keys.station_created,
            "fingerprint": fingerprint(keys.signer.public_hex),
        },
        "\n".join(lines),
    )


def _read_manager_pin(tr: Translator) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    return getpass.getpass(tr("Manager's PIN: "))


def keys_register(ctx: CliContext, args: argparse.Namespace) -> None:
    office_key = load_receipt_key(signing_key_path(ctx.settings.signing_key_path))
    signer = load_station_signer(station_key_path(ctx.settings.station_key_path))
    manager = ctx.use_cases(SignInService).sign_in(args.counter, _read_manager_pin(ctx.tr))
    registered = []
    with ctx.database().factory.begin() as session:
        office = find_office(session, ctx.settings.office_code)
        named = []
        for name in args.stations:
            if name == PAPER_STATION:
                # "paper" names the office's own chain of paper slips (paper-OFFICE), and the
                # chain all offices shared before, while it holds this office's slips with no
                # key: its slips are then checked by hash, as every station's older ratings.
                named.append(paper_station(office.code))
                if legacy_paper_chain_unkeyed(session, office.id):
                    named.append(PAPER_STATION)
            else:
                named.append(name)
        for station in dict.fromkeys(named):
            row = register_station_key(
                session,
                office,
                station=station,
                public_key=signer.public_hex,
                manager=manager,
                office_key=office_key,
                at=ctx.clock(),
                acting_station=CLI_STATION,
            )
            session.flush()
            registered.append((station, row.first_sequence))
    print_fingerprint = fingerprint(signer.public_hex)
    ctx.emit(
        [
            {"station": s, "first_sequence": n, "fingerprint": print_fingerprint}
            for s, n in registered
        ],
        "\n".join(
            ctx.tr(
                "Key {fingerprint} signs the ratings of station {station} from no. {sequence}.",
                fingerprint=print_fingerprint,
                station=station,
                sequence=sequence,
            )
            for station, sequence in registered
        ),
    )


def _problem_text(tr: Translator, problem: KioskError) -> str:
    return problem.render(tr)


def keys_show(ctx: CliContext, _args: argparse.Namespace) -> None:
    tr = ctx.tr
    lines: list[str] = []
    data: dict[str, object] = {}
    office_key: bytes | None = None
    try:
        office_key = load_receipt_key(signing_key_path(ctx.settings.signing_key_path))
        data["receipt_key"] = shown = receipt_fingerprint(office_key)
        lines.append(tr("Office receipt key: {fingerprint}", fingerprint=shown))
    except KeyFileError as problem:
        lines.append(_problem_text(tr, problem))
        data["receipt_key_problem"] = lines[-1]
    mine = None
    try:
        mine = fingerprint(
            load_station_signer(station_key_path(ctx.settings.station_key_path)).public_hex
        )
        data["station_key"] = mine
        lines.append(tr("This station's key: {fingerprint}", fingerprint=mine))
    except KeyFileError as problem:
        lines.append(_problem_text(tr, problem))
        data["station_key_problem"] = lines[-1]
    with ctx.database().factory() as session:
        office = find_office(session, ctx.settings.office_code)
        rows = registered_keys(session, office.id, office_key)
    data["registered"] = [
        {
            "station": r.station,
            "fingerprint": r.fingerprint,
            "first_sequence": r.first_sequence,
            "sealed": r.sealed,
        }
        for r in rows
    ]
    seal_words = {
        True: tr("sealed"),
        False: tr("NOT SEALED by this office"),
        None: tr("seal unchecked"),
    }
    for r in rows:
        lines.append(
            tr(
                "{station}: {fingerprint} from no. {sequence}, {seal}{this}",
                station=r.station,
                fingerprint=r.fingerprint,
                sequence=r.first_sequence,
                seal=seal_words[r.sealed],
                this=tr(" (this station's key)") if r.fingerprint == mine else "",
            )
        )
    if not rows:
        lines.append(tr("No station key is registered yet."))
    ctx.emit(data, "\n".join(lines))
