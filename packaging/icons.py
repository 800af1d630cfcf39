"""Render the app icon from its one SVG source (resources/icons/smaller.svg) for every platform.

    python packaging/icons.py OUT_DIR

writes, under OUT_DIR:
  hicolor/<N>x<N>/apps/<APP_ID>.png  for the Linux icon theme (freedesktop "usual sizes")
  hicolor/scalable/apps/<APP_ID>.svg
  smaller.ico                        Windows (PNG-compressed entries, 16 to 256 px)
  smaller.iconset/icon_*.png         macOS; `iconutil -c icns` turns it into smaller.icns

It uses Qt's SVG renderer (QtSvg ships in PySide6-Essentials), so no extra tool is needed on any
of the three build machines. Run it with the build environment's Python.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "smaller.svg"
APP_ID = "io.github.smaller.Smaller"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS iconset names: icon_<N>x<N>.png and the @2x variant (twice the pixels).
ICNS_SIZES = (16, 32, 128, 256, 512)


def _renderer():  # type: ignore[no-untyped-def]
    # A GUI application object is needed for QPainter; offscreen needs no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    return app, renderer


def render_png(renderer, size: int) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)  # transparent corners around the rounded square
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(path: Path, pngs: dict[int, bytes]) -> None:
    """An .ico holding one PNG per size (Vista+ format): header, directory, then the images."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(header + entries + blobs)


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    _app, renderer = _renderer()
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(renderer, size)
        return cache[size]

    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(size))
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)

    write_ico(out / "smaller.ico", {size: png(size) for size in ICO_SIZES})

    iconset = out / "smaller.iconset"
    iconset.mkdir(parents=True, exist_ok=True)
    for size in ICNS_SIZES:
        (iconset / f"icon_{size}x{size}.png").write_bytes(png(size))
        (iconset / f"icon_{size}x{size}@2x.png").write_bytes(png(size * 2))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
