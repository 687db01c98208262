"""Citizens' comments for the manager: newest first, filterable, marked "followed up" (audited)
but never edited or hidden — the rating they belong to is chained and append-only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from kiosk.answers import UNHAPPY, Satisfaction
from kiosk.clock import day_range
from kiosk.db.models import CommentFollowUp, Rating, Service
from kiosk.errors import ConflictError, NotFoundError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.offices import ratings_of
from kiosk.text import clean_optional


@dataclass(frozen=True)
class CommentView:
    rating_id: uuid.UUID
    at: datetime
    service_name: str
    satisfaction: Satisfaction
    reasons: list[str]
    comment: str
    followed_up_at: datetime | None
    follow_up_note: str | None


class CommentService(StationUseCases):
    def list(
        self,
        *,
        unhappy_only: bool = False,
        open_only: bool = False,
        limit: int = 200,
        period: tuple[date, date] | None = None,
    ) -> list[CommentView]:
        """Newest first; with `period`, only the comments given in it (the desk's period)."""
        query = (
            select(Rating, Service.name_vi, CommentFollowUp)
            .join(Service, Rating.service_id == Service.id)
            .outerjoin(CommentFollowUp, CommentFollowUp.rating_id == Rating.id)
            .where(Rating.comment.is_not(None))
            .order_by(Rating.created_at.desc())
            .limit(limit)
        )
        if unhappy_only:
            query = query.where(Rating.satisfaction.in_(UNHAPPY))
        if open_only:
            query = query.where(CommentFollowUp.id.is_(None))
        if period is not None:
            begin, finish = day_range(*period)
            query = query.where(Rating.created_at >= begin, Rating.created_at < finish)
        with self._factory() as session:
            query = query.where(ratings_of(session, self._office_id(session)))
            return [
                CommentView(
                    rating.id,
                    rating.created_at,
                    name,
                    rating.satisfaction,
                    list(rating.reasons),
                    rating.comment or "",
                    follow.at if follow else None,
                    follow.note if follow else None,
                )
                for rating, name, follow in session.execute(query)
            ]

    def follow_up(self, rating_id: uuid.UUID, note: str, *, clerk_id: int | None) -> None:
        with self._factory.begin() as session:
            rating = session.scalar(
                select(Rating).where(
                    Rating.id == rating_id, ratings_of(session, self._office_id(session))
                )
            )
            if rating is None or rating.comment is None:
                raise NotFoundError(N_("There is no comment {id}."), id=rating_id)
            if (
                session.scalar(
                    select(CommentFollowUp.id).where(CommentFollowUp.rating_id == rating_id)
                )
                is not None
            ):
                raise ConflictError(N_("This comment was already marked as followed up."))
            now = self._clock()
            session.add(
                CommentFollowUp(
                    rating_id=rating_id, clerk_id=clerk_id, at=now, note=clean_optional(note) or ""
                )
            )
            record_audit(
                session,
                at=now,
                station=self._station,
                clerk_id=clerk_id,
                action="comment.follow_up",
                subject=f"rating:{rating_id}",
            )
