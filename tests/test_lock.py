"""The lock files hold every package the installed project needs, extras included.

`make install` installs the lock with --no-deps, so nothing is resolved at install time; that is
safe only if the lock is closed: every requirement of every pinned package (with the extras a
dependent asks for) is itself pinned, at a version that satisfies it, with the extra carried on
its line. An extra the lock strips ('smart-open' where weasel asks for 'smart-open[http]') is
what broke a fresh install once: pip then resolved the extra against the live index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements"
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[([^\]]*)\])?==([^\s\\;]+)")


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    extras: frozenset[str]
    hashed: bool


def read_pins(path: Path) -> dict[str, Pin]:
    pins: dict[str, Pin] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if not match:
            continue
        name, extras, version = match.groups()
        hashed = number + 1 < len(lines) and "--hash=sha256:" in lines[number + 1]
        extra_set = frozenset(e.strip() for e in (extras or "").split(",") if e.strip())
        pins[canonicalize_name(name)] = Pin(name, Version(version), extra_set, hashed)
    return pins


LOCK = read_pins(REQUIREMENTS / "lock.txt") | read_pins(REQUIREMENTS / "model.txt")


def unpinned_requirements(
    requirements: list[str], extras: frozenset[str], pins: dict[str, Pin]
) -> list[str]:
    problems = []
    for text in requirements:
        requirement = Requirement(text)
        applies = requirement.marker is None or any(
            requirement.marker.evaluate({"extra": extra}) for extra in {"", *extras}
        )
        if not applies:
            continue
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None:
            problems.append(f"{text}: not in the lock")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{text}: the lock pins {pin.version}")
        elif not set(requirement.extras) <= pin.extras:
            problems.append(f"{text}: the lock line drops the extras {sorted(requirement.extras)}")
    return problems


def test_every_line_is_pinned_and_hashed() -> None:
    for path in ("lock.txt", "model.txt", "tools.txt"):
        pins = read_pins(REQUIREMENTS / path)
        assert pins, path
        assert all(pin.hashed for pin in pins.values()), path


def test_the_installer_itself_is_pinned() -> None:
    assert "pip" in read_pins(REQUIREMENTS / "tools.txt")


@pytest.mark.parametrize("name", sorted(LOCK), ids=sorted(LOCK))
def test_each_pinned_package_has_its_requirements_pinned(name: str) -> None:
    pin = LOCK[name]
    try:
        distribution = metadata.distribution(pin.name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{pin.name} is locked but not installed: run make install")
    assert Version(distribution.version) == pin.version
    assert unpinned_requirements(distribution.requires or [], pin.extras, LOCK) == []


def test_the_project_requirements_are_pinned() -> None:
    project = metadata.distribution("extractor")
    extras = frozenset({"dev", "dask"})
    assert unpinned_requirements(project.requires or [], extras, LOCK) == []


def test_a_stripped_extra_is_caught() -> None:
    stripped = dict(LOCK)
    smart_open = stripped["smart-open"]
    stripped["smart-open"] = Pin(smart_open.name, smart_open.version, frozenset(), True)
    assert unpinned_requirements(["smart-open[http]>=5.2.1"], frozenset(), stripped) == [
        "smart-open[http]>=5.2.1: the lock line drops the extras ['http']"
    ]
