"""Reading a run's files back: each checked against its recorded size and SHA-256, a damaged one moved aside.

JSON files that commit something (a backup's state, a run's manifest) are sealed with a checksum of their content, so
a file that still parses but was cut or edited is caught too. Nothing damaged is ever loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from helpers.fingerprints import file_sha256
from helpers.messages import bilingual
from helpers.validation import check_epoch_seconds, check_history


class RunDamagedError(Exception):
    """A file of a run is incomplete, does not parse, or does not match its recorded size or hash."""

    def __init__(self, path: Path, korean: str, english: str):
        super().__init__(f"{path}: {english}")
        self.path, self.korean, self.english = Path(path), korean, english


def _checksum(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def seal(content: dict) -> dict:
    """The content with a checksum of itself."""
    return {**content, "check": _checksum(content)}


def read_json(path: Path, sealed: bool = False) -> dict:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunDamagedError(path, "파일이 없음", "missing") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RunDamagedError(path, "JSON으로 읽을 수 없음", f"unreadable JSON: {error.__class__.__name__}") from None
    if not isinstance(content, dict):
        raise RunDamagedError(path, "JSON 객체가 아님", "not a JSON object")
    if sealed and content.pop("check", None) != _checksum(content):
        raise RunDamagedError(path, "검사값이 맞지 않음", "checksum mismatch")
    return content


def verify_file(path: Path, record) -> None:
    """`path` has the size and SHA-256 that `record` (a `files.file_record`) says."""
    if not isinstance(record, dict):
        raise RunDamagedError(path, "크기와 해시의 기록이 없음", "no record of its size and hash")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RunDamagedError(path, "파일이 없음", "missing") from None
    if size != record.get("size"):
        raise RunDamagedError(
            path, f"{record.get('size')}바이트여야 하는데 {size}바이트", f"{size} bytes instead of {record.get('size')}"
        )
    if file_sha256(path) != record.get("sha256"):
        raise RunDamagedError(path, "SHA-256이 기록과 다름", "SHA-256 mismatch")


def checked_history(content: dict, path: Path) -> tuple[dict, list]:
    try:
        history = check_history(content.get("history"), required=("loss", "val_loss"))
        seconds = check_epoch_seconds(content.get("epoch_seconds") or None, len(history["loss"]))  # []: not timed
    except (TypeError, ValueError):
        raise RunDamagedError(path, "훈련 기록이 올바르지 않음", "invalid history") from None
    return history, seconds


def load_weights(model, path: Path) -> None:
    try:
        model.load_weights(path)
    except Exception as error:  # h5py and Keras raise many kinds for a file they cannot read
        raise RunDamagedError(
            path, "가중치를 불러올 수 없음", f"weights do not load: {error.__class__.__name__}"
        ) from None


def set_aside(folder: Path, paths: list[Path], damage: RunDamagedError, next_ko: str, next_en: str) -> Path:
    """Move damaged files into `<folder>.damaged-<UTC time>/` (kept for a look, never loaded) and say so."""
    target = folder.with_name(f"{folder.name}.damaged-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S.%fZ')}")
    for path in paths:
        if path.exists():
            destination = target / path.relative_to(folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
    print(
        bilingual(
            f"저장된 훈련 결과가 손상되었습니다: {damage.path.name}({damage.korean}). "
            f"손상된 파일을 {target}로 옮겼습니다. {next_ko}",
            f"A stored training file is damaged: {damage.path.name} ({damage.english}). "
            f"Moved the damaged files to {target}. {next_en}",
        ),
        flush=True,
    )
    return target
