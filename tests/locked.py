"""Reading requirements.lock: the exact versions the book's environment is installed from."""

from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"


def locked_versions(lock: Path = LOCK) -> dict[str, str]:
    """Name → exact version for this machine's platform and Python (lines whose markers do not apply are skipped)."""
    versions = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-")):
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", f"requirements.lock: {line!r} is not an exact pin"
            versions[requirement.name] = specifier.version
    return versions


def all_locked_names() -> set[str]:
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    return {Requirement(line).name for line in lines if line.strip() and not line.lstrip().startswith(("#", "-"))}
