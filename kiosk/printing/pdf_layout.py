"""The reportlab pieces a slip is made of besides paragraphs: its QR code, rules, rows of cells."""

from __future__ import annotations

from collections.abc import Sequence

import qrcode
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

Cell = Sequence[Flowable]


# Any of the 8 masks decodes; letting qrcode score all 8 to pick one costs 4 ms a slip, a third
# of the PDF's budget. The tests read every form's code back with a scanner library.
QR_MASK = 0


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code's modules, quiet zone included, row by row (True: dark)."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, mask_pattern=QR_MASK
    )
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


class QrCode(Flowable):  # type: ignore[misc]
    """The kiosk's QR code, drawn as vector squares (sharp on any printer)."""

    def __init__(self, matrix: list[list[bool]], size: float) -> None:
        super().__init__()
        self.matrix = matrix
        self.size = size

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size

    def draw(self) -> None:
        cells = len(self.matrix)
        cell = self.size / cells
        # One rectangle per run of dark modules, in module units under one transformation:
        # the operators are written as integers, which keeps the PDF small and fast to make.
        runs = []
        for row, line in enumerate(self.matrix):
            column = 0
            while column < cells:
                if line[column]:
                    start = column
                    while column < cells and line[column]:
                        column += 1
                    runs.append(f"{start} {cells - row - 1} {column - start} 1 re")
                column += 1
        self.canv.saveState()
        self.canv.transform(cell, 0, 0, cell, (self.width - self.size) / 2, 0)
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.addLiteral("\n".join(runs) + "\nf")
        self.canv.restoreState()


class Rule(Flowable):  # type: ignore[misc]
    """A short line drawn centred under a heading (never a text underline: it would cut through
    the diacritics below the letters, as in "Hạnh phúc")."""

    def __init__(self, length: float, *, height: float = 1.6 * mm, thickness: float = 0.6) -> None:
        super().__init__()
        self.length, self.rule_height, self.thickness = length, height, thickness

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.length = min(self.length, available_width)
        return available_width, self.rule_height

    def draw(self) -> None:
        left = (self.width - self.length) / 2
        y = self.rule_height - self.thickness - 0.6 * mm
        self.canv.setLineWidth(self.thickness)
        self.canv.line(left, y, left + self.length, y)


class Rows(Flowable):  # type: ignore[misc]
    """Rows of two cells side by side, each cell a stack of flowables drawn from its row's top.

    A row is as tall as its taller cell, so what shares a row shares a line on paper: the
    masthead's number and date, the signature titles, their hints, the signers' names.
    """

    def __init__(self, rows: Sequence[tuple[Cell, Cell]], left_share: float = 0.5) -> None:
        super().__init__()
        self.rows = rows
        self.left_share = left_share
        self._sizes: list[list[list[float]]] = []
        self._heights: list[float] = []

    def _widths(self) -> tuple[float, float]:
        left = self.width * self.left_share
        return left, self.width - left

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        widths = self._widths()
        # Each flowable keeps the lines of its last wrap, at this width: drawing reuses them.
        self._sizes = [
            [
                [float(f.wrap(width, available_height)[1]) for f in cell]
                for cell, width in zip(row, widths, strict=True)
            ]
            for row in self.rows
        ]
        self._heights = [max(sum(cell) for cell in row) for row in self._sizes]
        self.height = sum(self._heights)
        return available_width, self.height

    def draw(self) -> None:
        widths = self._widths()
        top = self.height
        for row, sizes, row_height in zip(self.rows, self._sizes, self._heights, strict=True):
            x = 0.0
            for cell, cell_sizes, width in zip(row, sizes, widths, strict=True):
                y = top
                for flowable, height in zip(cell, cell_sizes, strict=True):
                    y -= height
                    flowable.drawOn(self.canv, x, y)
                x += width
            top -= row_height
