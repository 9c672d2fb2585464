"""The FastAPI application: a JSON API over a ``DataSource`` and the static map page.

Every response forbids the page from loading anything but its own server
(Content-Security-Policy), except a tile server the user configured.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from sitrep.errors import ConfigError, SitrepError
from sitrep.fuse.events import MergedEvent
from sitrep.web.extent import opening_extent
from sitrep.web.reviews import ACTIONS, EVENT_TYPES, ReviewError, make_review
from sitrep.web.source import DataSource
from sitrep.web.towns import Box, ReferencePlaces
from sitrep.web.vendor import missing_vendor_files
from sitrep.web.views import (
    Snapshot,
    SnapshotCache,
    control_json,
    event_json,
    events_json,
    places_json,
)

STATIC_DIR = Path(__file__).parent / "static"
DateParam = Annotated[date | None, Query(description="ISO date, YYYY-MM-DD")]


class ReviewIn(BaseModel):
    action: str = Field(description="confirm, reject, correct_type or correct_place")
    value: str | None = Field(default=None, description="the corrected type or place name")
    note: str | None = None


def content_security_policy(tiles: str | None) -> str:
    """Same-origin only; a configured tile server's origin may serve images."""
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles)
        host = parts.netloc.replace("{s}", "*")  # Leaflet's rotating subdomains
        img += f" {parts.scheme}://{host}"
    return (f"default-src 'self'; img-src {img}; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'")


def check_tile_url(tiles: str) -> str:
    """An XYZ template over http(s), or a ``ConfigError`` showing one."""
    parts = urlsplit(tiles)
    if parts.scheme not in ("http", "https") or not parts.netloc or not all(
            f"{{{axis}}}" in tiles for axis in "zxy"):
        raise ConfigError(f"tile URL {tiles!r} is not an XYZ template: "
                          "use e.g. https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    return tiles


def create_app(source: DataSource, tiles: str | None = None,
               towns: ReferencePlaces | None = None) -> FastAPI:
    """The app for one data source; ``tiles`` is an optional XYZ tile URL template,
    ``towns`` the reference places (by default the gazetteer's, read on first use)."""
    if tiles:
        check_tile_url(tiles)
    # no Swagger/ReDoc pages: they load their scripts from a CDN; /openapi.json stays
    app = FastAPI(title="sitrep", docs_url=None, redoc_url=None)
    policy = content_security_policy(tiles)

    async def secure(request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    app.add_middleware(BaseHTTPMiddleware, dispatch=secure)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_page_routes(app, tiles)
    cache = SnapshotCache(source)
    _add_data_routes(app, cache)
    _add_review_routes(app, cache)
    _add_reference_routes(app, towns or ReferencePlaces())
    return app


def _add_page_routes(app: FastAPI, tiles: str | None) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/api/config")
    def config() -> dict[str, Any]:
        """What the page needs before drawing: tile URL, missing assets, review choices."""
        return {"tiles": tiles, "vendor_missing": missing_vendor_files(),
                "event_types": list(EVENT_TYPES), "review_actions": list(ACTIONS)}


def _add_data_routes(app: FastAPI, cache: SnapshotCache) -> None:
    source, snapshot = cache.source, cache.get

    @app.get("/api/events")
    def events(since: DateParam = None, until: DateParam = None) -> list[dict[str, Any]]:
        """Merged events meeting [since, until], with evidence, sources and reviews."""
        return events_json(snapshot(), source.reviews(), since, until)

    @app.get("/api/events/{event_id}")
    def one_event(event_id: str) -> dict[str, Any]:
        snap = snapshot()
        return event_json(snap, _find(snap, event_id), source.reviews())

    @app.get("/api/control")
    def control(at: DateParam = None, place: str | None = None) -> list[dict[str, Any]]:
        """Per place, the control steps with evidence and the holder at ``at``."""
        return control_json(snapshot(), at, place)

    @app.get("/api/places")
    def places() -> list[dict[str, Any]]:
        return places_json(snapshot())

    @app.get("/api/contradictions")
    def contradictions() -> list[dict[str, Any]]:
        """Values the sources disagree on, each with every version and its evidence."""
        return snapshot().contradictions()

    @app.get("/api/extent")
    def extent() -> dict[str, Any]:
        """The box the map opens on: the densest group of events, its central 90%."""
        snap = snapshot()
        rows = events_json(snap, source.reviews()) or control_json(snap)
        return opening_extent([(r["lat"], r["lon"]) for r in rows
                               if r["lat"] is not None and r["lon"] is not None])

    @app.get("/api/range")
    def date_range() -> dict[str, str | None]:
        """First and last dates in the data: the slider's ends."""
        return snapshot().date_range()


def _add_review_routes(app: FastAPI, cache: SnapshotCache) -> None:
    source = cache.source

    @app.get("/api/reviews")
    def reviews() -> list[dict[str, Any]]:
        """Every review, each with the event it is about as it now reads."""
        snap = cache.get()
        by_id = {member: group for group in snap.events for member in group.ids}
        stored = source.reviews()
        return [{**r.to_dict(), "event": event_json(snap, by_id[r.event_id], stored)
                 if r.event_id in by_id else None} for r in stored]

    @app.post("/api/events/{event_id}/reviews", status_code=201)
    def add_review(event_id: str, body: ReviewIn) -> dict[str, Any]:
        """Store a review; returns the event as it reads with the review applied."""
        snap = cache.get()
        group = _find(snap, event_id)
        try:
            review = make_review(group.id, body.action, body.value, body.note)
        except ReviewError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc
        source.add_review(review)
        return event_json(snap, group, source.reviews())


def _add_reference_routes(app: FastAPI, towns: ReferencePlaces) -> None:
    @app.get("/api/reference/places")
    def reference_places(south: Annotated[float, Query(ge=-90, le=90)],
                         west: float,
                         north: Annotated[float, Query(ge=-90, le=90)],
                         east: float,
                         zoom: Annotated[int, Query(ge=0, le=20)]) -> dict[str, Any]:
        """Gazetteer places in the box worth a label at ``zoom`` (regions, then towns,
        then villages from zoom 11), for the map's reference layer."""
        whole = east - west >= 360
        box = Box(south, -180 if whole else _wrap(west), north, 180 if whole else _wrap(east))
        try:
            return {"places": towns.query(box, zoom), "error": None}
        except (SitrepError, OSError, sqlite3.Error) as exc:  # the map works without labels
            return {"places": [], "error": str(exc)}


def _wrap(lon: float) -> float:
    """A longitude from a panned world copy (Leaflet does not wrap them), back into [-180, 180]."""
    return (lon + 180) % 360 - 180 if not -180 <= lon <= 180 else lon


def _find(snap: Snapshot, event_id: str) -> MergedEvent:
    for group in snap.events:
        if event_id in group.ids:
            return group
    raise HTTPException(status_code=404, detail=f"no event with id {event_id}")
