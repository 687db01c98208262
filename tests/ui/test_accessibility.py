"""The kiosk's accessibility promises: contrast, text size, target size, large text."""

import re

import pytest

from kiosk.config import Settings
from kiosk.paths import resources_dir
from ui.kiosk_window import KioskWindow
from ui.theme import LARGE_TEXT_FACTOR, desk_stylesheet, stylesheet
from ui.widgets.face_button import FaceButton
from ui.widgets.touch_button import TouchButton

MIN_CONTRAST = 4.5
MIN_POINTS = 24
MIN_TARGET_PX = 61  # 15 mm on a 21.5-inch 1920×1080 screen (0.248 mm a pixel)
STAFF_ONLY = {"QLabel#staffMark"}
BLOCK = re.compile(r"([^{}]+)\{([^}]*)\}")


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blocks(sheet=None):
    """Each rule of the stylesheets (the kiosk's and the desks') as (selector, properties)."""
    sheet = stylesheet() + desk_stylesheet() if sheet is None else sheet
    text = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    for selector, body in BLOCK.findall(text):
        props = dict(
            (k.strip(), v.strip())
            for k, v in (p.split(":", 1) for p in body.split(";") if ":" in p)
        )
        yield selector.strip(), props


def test_every_text_colour_stands_out_from_its_background():
    weak = [
        (selector, round(contrast(props["color"], props["background"]), 2))
        for selector, props in blocks()
        if props.get("color", "").startswith("#")
        and props.get("background", "").startswith("#")
        and contrast(props["color"], props["background"]) < MIN_CONTRAST
    ]
    assert weak == []


def test_colours_on_white_pages_stand_out():
    on_white = [
        (selector, props["color"])
        for selector, props in blocks()
        if "color" in props and "background" not in props and props["color"].startswith("#")
    ]
    assert on_white
    assert [s for s, c in on_white if contrast(c, "#ffffff") < MIN_CONTRAST] == []


def test_citizen_text_is_at_least_24_points():
    kiosk_sheet = (resources_dir() / "styles" / "10_kiosk.qss").read_text(encoding="utf-8")
    small = [
        (selector, props["font-size"])
        for selector, props in blocks(stylesheet())
        if "font-size" in props
        and selector not in STAFF_ONLY
        and int(props["font-size"].removesuffix("pt")) < MIN_POINTS
    ]
    assert small == [] and "font-size" in kiosk_sheet


def test_desk_text_is_at_least_12_points():
    sizes = [
        int(props["font-size"].removesuffix("pt"))
        for _selector, props in blocks(desk_stylesheet())
        if "font-size" in props
    ]
    assert sizes and min(sizes) >= 12


def test_large_text_mode_scales_every_size():
    normal = [int(n) for n in re.findall(r"(\d+)pt", stylesheet())]
    large = [int(n) for n in re.findall(r"(\d+)pt", stylesheet(large_text=True))]
    assert large == [round(n * LARGE_TEXT_FACTOR) for n in normal]


@pytest.mark.parametrize("large_text", [False, True])
def test_every_touch_target_is_at_least_15_mm(qtbot, qapp, large_text):
    qapp.setStyleSheet(stylesheet(large_text=large_text))
    window = KioskWindow(Settings(virtual_keyboard=False))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    too_small, too_tall = [], []
    for screen in dict.fromkeys(window.screens.values()):
        window.stack.setCurrentWidget(screen)
        qapp.processEvents()
        for target in screen.findChildren(TouchButton) + screen.findChildren(FaceButton):
            if target.isVisible() and min(target.width(), target.height()) < MIN_TARGET_PX:
                too_small.append((type(screen).__name__, target.text(), target.size()))
        # The window is as tall as the screen on show needs: each must fit on its own.
        if window.minimumSizeHint().height() > 1080:
            too_tall.append(type(screen).__name__)
    assert too_small == []
    assert too_tall == []  # nothing is pushed off the screen
    qapp.setStyleSheet(stylesheet())
