"""`sitrep serve`: the offline map and JSON API over a sitrep database."""

from __future__ import annotations

import ipaddress
import socket

import click

from sitrep.cli.options import existing_db
from sitrep.errors import ConfigError
from sitrep.web.vendor import missing_vendor_files


@click.command("serve")
@click.option("--db", default=None,
              help="Database path or SQLAlchemy URL [setting: db]; must exist.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the data to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--tiles", default=None, metavar="URL",
              help="Optional XYZ tile URL template; without it the map uses the offline basemap.")
def command(db: str | None, host: str, port: int, tiles: str | None) -> None:
    """Serve the events, control timeline and review page at http://HOST:PORT/."""
    import uvicorn

    from sitrep.web.app import check_tile_url, create_app
    from sitrep.web.store_source import StoreSource

    if tiles:
        check_tile_url(tiles)
    check_bindable(host, port)
    source = StoreSource.open(existing_db(db))
    _warn_about(host)
    click.echo(f"sitrep: serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(create_app(source, tiles=tiles), host=host, port=port, log_level="warning")


def check_bindable(host: str, port: int) -> None:
    """Fail with a usable message, before opening anything, if the address is taken."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror}): "
                          "choose another --port or --host") from exc


def _warn_about(host: str) -> None:
    """Say so when the setup is not the offline, loopback-only default."""
    missing = missing_vendor_files()
    if missing:
        click.echo(f"sitrep: warning: map assets missing ({', '.join(missing)}): "
                   "run dev/setup (npm ci, then python -m sitrep.web.vendor)", err=True)
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        click.echo(f"sitrep: warning: binding {host} makes the data reachable from the network",
                   err=True)
