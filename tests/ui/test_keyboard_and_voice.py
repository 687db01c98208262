"""The voice speaks Vietnamese when turned on (the keyboard: tests/ui/test_touch_keyboard.py)."""

import subprocess
import wave
from pathlib import Path

from ui.voice import VoicePrompter, speech_command

ROOT = Path(__file__).resolve().parents[2]


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
