"""Spoken prompts with espeak-ng's Vietnamese (or English) voice, when the office turns them on."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QObject, QProcess

VOICES = {"vi": "vi", "en": "en"}


def speech_command(text: str, language: str, *, to_file: str | None = None) -> list[str] | None:
    """The espeak-ng call that says `text`; None when espeak-ng is not installed."""
    program = shutil.which("espeak-ng")
    if program is None or not text.strip():
        return None
    command = [program, "-v", VOICES.get(language, "vi"), "-s", "150"]
    if to_file:
        command += ["-w", to_file]
    return [*command, "--", text]


class VoicePrompter(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False
        self._process: QProcess | None = None

    def say(self, text: str, language: str) -> None:
        if not self.enabled:
            return
        command = speech_command(text, language)
        if command is None:
            return
        if self._process is not None:
            self._process.kill()  # a new screen interrupts the last prompt
        self._process = QProcess(self)
        self._process.start(command[0], command[1:])
