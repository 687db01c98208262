"""`kiosk cases list|show|open|assign|answer|close|transfer|rate|766|settings`.

The command line is this machine's manager station (`station_name`, else manager-1): a case's
history names it, and a rating of the handling taken on a call-back joins its chain, signed
with this machine's key as `kiosk ratings paper` signs the paper slips. Who acts is the clerk
or manager of `--clerk COUNTER`, signed in with their PIN (asked at a terminal, else the first
line of stdin) through the station's sign-in and its lock-out; the rules of what they see and
may do are CaseDesk's, the same as on the screens.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from enum import Enum
from typing import TypeVar

from kiosk.answers import Satisfaction
from kiosk.cli.case_text import (
    case_data,
    case_text,
    detail_data,
    detail_text,
    group_data,
    group_text,
    list_text,
    settings_data,
    settings_text,
)
from kiosk.cli.context import CliContext, fmt_moment
from kiosk.cli.parsing import parse_day, parse_moment
from kiosk.config import named_for
from kiosk.db.case_models import AnswerChannel, CaseSource, CaseState
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.paths import station_key_path
from kiosk.reports.decision_766 import office_group_766
from kiosk.services.case_desk import CaseDesk, CaseView
from kiosk.services.case_settings import CaseSettingsService
from kiosk.services.cases import Contact
from kiosk.services.clerks import list_clerks
from kiosk.services.offices import find_office
from kiosk.services.sign_in import SignInService
from kiosk.station_keys import StationSigner, load_station_signer
from kiosk.text import clean_optional, nfc

Word = TypeVar("Word", bound=Enum)
# Staff record what reached them on paper, by phone or by mail; the kiosk and ratings open the rest.
STAFF_SOURCES = (CaseSource.IN_PERSON, CaseSource.PHONE, CaseSource.MAIL)


def _station(ctx: CliContext) -> str:
    return named_for(ctx.settings, "manager").station_name


def _desk(ctx: CliContext, signer: StationSigner | None = None) -> CaseDesk:
    return CaseDesk(
        ctx.database().factory,
        station=_station(ctx),
        clock=ctx.clock,
        office_code=ctx.settings.office_code,
        signer=signer,
    )


def _signed_in(ctx: CliContext, counter: int) -> int:
    """The id of the clerk at `counter` whose PIN is given; a wrong PIN counts towards the lock."""
    if sys.stdin.isatty():
        pin = getpass.getpass(ctx.tr("PIN (counter {counter}): ", counter=counter))
    else:
        pin = sys.stdin.readline().strip()
    if not pin:
        raise InvalidInputError(N_("The PIN of counter {counter} is needed."), counter=counter)
    return ctx.use_cases(SignInService, station=_station(ctx)).sign_in(counter, pin).id


def _word(kind: type[Word], text: str, allowed: tuple[Word, ...] | None = None) -> Word:
    """One of an enum's values as typed (`in_person`, `in-person`), or a one-line error."""
    choices = allowed or tuple(kind)
    wanted = text.strip().lower().replace("-", "_")
    for member in choices:
        if member.value == wanted:
            return member
    raise InvalidInputError(
        N_("'{text}' is not one of: {choices}."),
        text=text[:40],
        choices=", ".join(str(m.value) for m in choices),
    )


def _period(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    first = parse_day(start) if start else None
    last = parse_day(end) if end else None
    if first and last and last < first:
        raise InvalidInputError(N_("The period ends before it starts."))
    return first, last


def _emit_case(ctx: CliContext, view: CaseView, message: str) -> None:
    ctx.emit(case_data(view), f"{message}\n{case_text(view, ctx.tr)}")


def list_cases(ctx: CliContext, args: argparse.Namespace) -> None:
    states = tuple(dict.fromkeys(_word(CaseState, s) for s in args.state or ()))
    first, last = _period(args.start, args.end)
    viewer = _signed_in(ctx, args.clerk)
    views = _desk(ctx).list(
        viewer,
        states=states,
        owner_id=args.owner,
        subject=nfc(args.subject) if args.subject else None,
        alerts_only=args.alerts,
        opened_from=first,
        opened_to=last,
    )
    ctx.emit([case_data(v) for v in views], list_text(views, ctx.tr))


def show_case(ctx: CliContext, args: argparse.Namespace) -> None:
    viewer = _signed_in(ctx, args.clerk)
    detail = _desk(ctx).show(args.number, viewer)
    months = ctx.use_cases(CaseSettingsService).show().contact_months
    with ctx.database().factory() as session:
        office = find_office(session, ctx.settings.office_code)
        staff = {c.id: c.display_name for c in list_clerks(session, office, include_inactive=True)}
    text = detail_text(detail, ctx.tr, contact_months=months, staff=staff)
    ctx.emit(detail_data(detail), text)


def open_case(ctx: CliContext, args: argparse.Namespace) -> None:
    source = _word(CaseSource, args.source, STAFF_SOURCES)
    name, phone = clean_optional(args.contact_name), clean_optional(args.contact_phone)
    if (name is None) != (phone is None):
        raise InvalidInputError(
            N_("To be called back, give both --contact-name and --contact-phone.")
        )
    if args.dossier and args.service:
        raise InvalidInputError(N_("Give --dossier or --service, not both: a dossier has one."))
    viewer = _signed_in(ctx, args.clerk)
    view = _desk(ctx).open(
        viewer,
        source=source,
        subject=args.subject,
        text=args.text,
        contact=Contact(name, phone) if name and phone else None,
        dossier_code=args.dossier,
        service_code=args.service,
        about_clerk_id=args.about_clerk,
    )
    message = ctx.tr(
        "Case {number} opened: the answer is due by {due}.",
        number=view.number,
        due=fmt_moment(view.due_at, ctx.tr.language),
    )
    ctx.emit(case_data(view), message)


def assign_case(ctx: CliContext, args: argparse.Namespace) -> None:
    viewer = _signed_in(ctx, args.clerk)
    view = _desk(ctx).assign(args.number, args.to, viewer)
    message = ctx.tr("Case {number} given to {name}.", number=view.number, name=view.owner_name)
    _emit_case(ctx, view, message)


def answer_case(ctx: CliContext, args: argparse.Namespace) -> None:
    channel = _word(AnswerChannel, args.channel)
    viewer = _signed_in(ctx, args.clerk)
    view = _desk(ctx).answer(args.number, args.text, channel, viewer)
    _emit_case(ctx, view, ctx.tr("Answer to case {number} recorded.", number=view.number))


def close_case(ctx: CliContext, args: argparse.Namespace) -> None:
    viewer = _signed_in(ctx, args.clerk)
    view = _desk(ctx).close(args.number, viewer)
    _emit_case(ctx, view, ctx.tr("Case {number} closed.", number=view.number))


def transfer(ctx: CliContext, args: argparse.Namespace) -> None:
    viewer = _signed_in(ctx, args.clerk)
    view = _desk(ctx).transfer(args.number, args.to, viewer)
    message = ctx.tr(
        "Case {number} transferred to {where}.", number=view.number, where=view.transferred_to
    )
    _emit_case(ctx, view, message)


def rate(ctx: CliContext, args: argparse.Namespace) -> None:
    satisfaction = _word(Satisfaction, args.satisfaction)
    called_at = parse_moment(args.called_at) if args.called_at else None
    if called_at is not None and called_at > ctx.clock():
        raise InvalidInputError(N_("The call cannot be later than now."))
    # The rating joins this station's chain, signed with this machine's key.
    signer = load_station_signer(station_key_path(ctx.settings.station_key_path))
    viewer = _signed_in(ctx, args.clerk)
    view = _desk(ctx, signer).rate(args.number, satisfaction, viewer, called_at=called_at)
    _emit_case(ctx, view, ctx.tr("The handling of case {number} is rated.", number=view.number))


def decision_766(ctx: CliContext, args: argparse.Namespace) -> None:
    first, last = parse_day(args.start), parse_day(args.end)
    _period(args.start, args.end)  # refuses a period that ends before it starts
    with ctx.database().factory() as session:
        office = find_office(session, ctx.settings.office_code)
        group = office_group_766(session, office.id, first, last, ctx.clock())
    ctx.emit(group_data(group, first, last), group_text(group, first, last, ctx.tr))


def settings(ctx: CliContext, args: argparse.Namespace) -> None:
    viewer = _signed_in(ctx, args.clerk)
    service = ctx.use_cases(CaseSettingsService, station=_station(ctx))
    if args.days is None and args.contact_months is None:
        current = service.show()
    else:
        current = service.change(viewer, case_days=args.days, contact_months=args.contact_months)
    text = settings_text(current, ctx.tr)
    if args.days is not None:
        text += "\n" + ctx.tr("Cases already opened keep their due dates.")
    ctx.emit(settings_data(current), text)
