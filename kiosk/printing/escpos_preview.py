"""Reads the raster images back out of ESC/POS bytes: what a thermal printer would print."""

from __future__ import annotations

from PIL import Image

from kiosk.printing.escpos_slip import GS_V0


def raster_images(data: bytes) -> list[Image.Image]:
    images, start = [], 0
    while (start := data.find(GS_V0, start)) != -1:
        header = data[start + len(GS_V0) : start + len(GS_V0) + 4]
        width_bytes = header[0] + 256 * header[1]
        height = header[2] + 256 * header[3]
        body_start = start + len(GS_V0) + 4
        body = data[body_start : body_start + width_bytes * height]
        images.append(Image.frombytes("1", (width_bytes * 8, height), body))
        start = body_start + len(body)
    return images


def preview(data: bytes) -> Image.Image:
    """The slip's pictures one under the other, ink black on white (the QR is the printer's)."""
    images = raster_images(data)
    sheet = Image.new("1", (max(i.width for i in images), sum(i.height for i in images) + 10), 1)
    y = 0
    for image in images:
        sheet.paste(image.point(lambda v: 0 if v else 255), (0, y))
        y += image.height + 10
    return sheet
