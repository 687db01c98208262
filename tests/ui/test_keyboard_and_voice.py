"""The on-screen keyboard comes up in Vietnamese; the voice speaks Vietnamese when turned on."""

import subprocess
import sys
import wave
from pathlib import Path

from ui.voice import VoicePrompter, speech_command

ROOT = Path(__file__).resolve().parents[2]

KEYBOARD_PROBE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from ui.app import enable_virtual_keyboard

enable_virtual_keyboard()
app = QApplication([])
comment = QPlainTextEdit()
comment.show()
comment.setFocus()

def report():
    with open("/proc/self/maps") as maps:
        loaded = "qtvirtualkeyboardplugin" in maps.read()
    print(loaded, app.inputMethod().locale().name())
    app.quit()

QTimer.singleShot(300, report)
app.exec()
"""


def test_comment_box_gets_qt_virtual_keyboard_in_vietnamese():
    result = subprocess.run(
        [sys.executable, "-c", KEYBOARD_PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.stdout.split() == ["True", "vi_VN"], result.stderr


def test_vietnamese_prompt_is_spoken(tmp_path):
    out = tmp_path / "prompt.wav"
    command = speech_command(
        "Ông/Bà có hài lòng với việc giải quyết hồ sơ không?", "vi", to_file=str(out)
    )
    assert command[command.index("-v") + 1] == "vi"
    subprocess.run(command, check=True, timeout=30)
    with wave.open(str(out)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    assert 1.5 < seconds < 15


def test_voice_is_silent_unless_the_office_turns_it_on(qtbot):
    voice = VoicePrompter()
    assert not voice.enabled
    voice.say("Xin chào", "vi")
    assert voice._process is None  # noqa: SLF001 - nothing was started
