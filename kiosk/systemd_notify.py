"""Tells systemd the station is up and still alive (sd_notify over $NOTIFY_SOCKET), so a unit
with WatchdogSec restarts a kiosk that hangs, not only one that dies. Does nothing when the
station was not started by systemd."""

from __future__ import annotations

import os
import socket


def _send(message: str) -> bool:
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        try:
            sock.sendto(message.encode("ascii"), address)
        except OSError:
            return False
    return True


def notify_ready() -> bool:
    return _send("READY=1")


def notify_alive() -> bool:
    return _send("WATCHDOG=1")


def watchdog_interval_ms() -> int | None:
    """Half the watchdog time systemd asked for (WATCHDOG_USEC), or None without one."""
    usec = os.environ.get("WATCHDOG_USEC")
    if not usec or not usec.isdigit() or int(usec) == 0:
        return None
    return max(1000, int(usec) // 2000)
