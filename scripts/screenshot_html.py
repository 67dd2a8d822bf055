"""Screenshot an HTML report with headless Chromium and check the PNG is not blank.

Usage: python scripts/screenshot_html.py REPORT.html OUT.png [--size 1400,2400]

Exit status 0 when the screenshot exists and shows more than a handful of
colours; 1 otherwise; 2 when Chromium is not installed. The PNG is decoded with
zlib only (no Pillow), see :func:`png_stats`.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
MIN_COLOURS = 16
"""A page with text, gauges and chips has far more; a blank or failed render has one or two."""


def find_browser() -> str | None:
    """Path of a Chromium-like browser, or None."""
    for name in BROWSERS:
        if path := shutil.which(name):
            return path
    return None


def screenshot(html: Path, out: Path, size: tuple[int, int] = (1400, 2400), timeout: float = 90.0) -> None:
    """Render ``html`` (a local file, so no network is needed) to ``out`` with headless Chromium."""
    browser = find_browser()
    if browser is None:
        raise FileNotFoundError("chromium is not installed")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    with tempfile.TemporaryDirectory(prefix="clausecheck-chromium-") as profile:
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}", f"--screenshot={out.resolve()}",
            html.resolve().as_uri(),
        ]
        subprocess.run(command, check=False, capture_output=True, timeout=timeout)


def png_stats(path: Path, max_rows: int | None = None) -> tuple[int, int, int]:
    """``(width, height, distinct colours)`` of an 8-bit RGB/RGBA PNG, over the first ``max_rows`` rows."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat = 8, bytearray()
    width = height = depth = colour_type = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos: pos + 8])
        chunk = data[pos + 8: pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
        pos += 12 + length
    channels = {2: 3, 6: 4}.get(colour_type)
    if depth != 8 or channels is None:
        raise ValueError(f"{path}: unsupported PNG (bit depth {depth}, colour type {colour_type})")
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows = height if max_rows is None else min(height, max_rows)
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(rows):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1: start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        # every 7th pixel is plenty to tell a page from a blank one
        colours.update(bytes(line[i: i + 3]) for i in range(0, stride, 7 * channels))
        previous = line
    return width, height, len(colours)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1400,2400", help="window size WIDTH,HEIGHT (default 1400,2400)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split(","))
    if find_browser() is None:
        print("chromium is not installed", file=sys.stderr)
        return 2
    screenshot(args.html, args.out, (width, height))
    if not args.out.exists() or args.out.stat().st_size == 0:
        print(f"{args.out}: no screenshot was written", file=sys.stderr)
        return 1
    w, h, colours = png_stats(args.out, max_rows=600)
    print(f"{args.out}: {w}x{h}, {args.out.stat().st_size} bytes, {colours} colours in the first rows")
    if colours < MIN_COLOURS:
        print(f"{args.out}: the screenshot looks blank", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
