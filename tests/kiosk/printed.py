"""What a reader, a scanner or a thermal printer gets out of a printed paper: its text, the QR
codes a scanner reads off the page, the QR data an ESC/POS printer is told to draw."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text in drawing order (a wrapped line reads on), spaces made plain."""
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())


def scanned(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[str]:
    """Every QR code a scanner reads off the printed pages (100 dpi: a poor scan)."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    for old in tmp_path.glob("scan*.png"):
        old.unlink()
    prefix = str(tmp_path / "scan")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), prefix], check=True)
    return [
        barcode.text
        for png in sorted(tmp_path.glob("scan*.png"))
        for barcode in zxingcpp.read_barcodes(Image.open(png))
    ]


def native_qr_payloads(data: bytes) -> list[str]:
    """The data of every "store QR data" command (GS ( k … 1 P 0) in ESC/POS bytes."""
    found, start = [], 0
    while (start := data.find(b"\x1d(k", start)) != -1:
        length = data[start + 3] + 256 * data[start + 4]
        body = data[start + 5 : start + 5 + length]
        if body[:3] == b"1P0":
            found.append(body[3:].decode("ascii"))
        start += 5 + length
    return found
