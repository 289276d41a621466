"""Chinese fonts for printed forms: found once per process, embedded as TrueType subsets.

Official forms want a Song/FangSong face for the body and a Hei face for headings. reportlab embeds only
TrueType outlines, so Noto/Source Han CJK (PostScript/CFF outlines) and ``UnicodeCIDFont`` (not embedded at all,
the viewer substitutes a font) are never used. When nothing usable exists we raise ``DomainError("font_missing")``
so the view can tell the clerk what to install instead of printing boxes.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.core.errors import DomainError

log = logging.getLogger(__name__)

ENV_FONT = "JINGWU_PDF_FONT"
"""Environment variable naming one font file (``.ttf``/``.ttc``; ``path#index`` picks a collection member)."""

# (file name, subfont index) in order of preference; names are matched case-insensitively.
SONG_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("simfang.ttf", 0),  # 仿宋, the GB/T 9704 body face
    ("simsun.ttc", 0),  # 宋体
    ("simsun.ttf", 0),
    ("nsimsun.ttf", 0),
    ("uming.ttc", 0),  # AR PL UMing CN (Debian fonts-arphic-uming)
    ("uming.ttf", 0),
)
HEI_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("simhei.ttf", 0),  # 黑体
    ("msyh.ttc", 0),  # 微软雅黑 (TrueType outlines)
    ("msyh.ttf", 0),
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("droidsansfallbackfull.ttf", 0),
)
KAI_CANDIDATES: tuple[tuple[str, int], ...] = (("simkai.ttf", 0), ("ukai.ttc", 0))
TITLE_CANDIDATES: tuple[tuple[str, int], ...] = (("fzxbsjw.ttf", 0), ("方正小标宋简体.ttf", 0))
_REJECTED_MARKERS = ("noto", "sourcehan", "source-han")


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names and the files behind them."""

    body: str
    heading: str
    kai: str
    title: str
    files: tuple[str, ...]


_lock = threading.Lock()
_cache: dict[tuple[object, ...], FontSet] = {}


def default_search_dirs() -> list[Path]:
    """Font folders of Windows, Linux and macOS plus the project's and the user's ``fonts`` folders."""
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    if local := os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
        Path("/Library/Fonts"),
    ]
    from app.core.paths import resource

    dirs.append(resource("fonts"))
    return dirs


def _index_dirs(dirs: Iterable[Path]) -> dict[str, Path]:
    """Map lower-case file name -> first path found (earlier folders win)."""
    found: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for dirpath, _dirnames, filenames in os.walk(root):
            for name in filenames:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(dirpath) / name)
    return found


def _split_spec(spec: str | Path) -> tuple[Path, int]:
    text = str(spec)
    if "#" in text:
        path, _, index = text.rpartition("#")
        if index.isdigit():
            return Path(path), int(index)
    return Path(text), 0


def _try_register(path: Path, index: int) -> str | None:
    """Register one TrueType file; ``None`` when it is missing or not embeddable."""
    if any(m in path.name.lower() for m in _REJECTED_MARKERS) or path.suffix.lower() not in (".ttf", ".ttc"):
        log.warning("font %s skipped: only TrueType-outline .ttf/.ttc fonts can be embedded", path)
        return None
    name = f"JW-{path.stem}-{index}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except (TTFError, OSError, ValueError) as exc:
        log.warning("font %s#%d not usable: %s", path, index, exc)
        return None
    # CJK faces have no bold/italic: map every style to the same face so <b> in markup does not fail.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return name


def _first(candidates: Sequence[tuple[str, int]], index: dict[str, Path]) -> tuple[str, str] | None:
    for filename, sub in candidates:
        path = index.get(filename.lower())
        if path is not None and (name := _try_register(path, sub)):
            return name, f"{path}#{sub}"
    return None


def ensure_fonts(font_path: str | Path | None = None, search_dirs: Sequence[Path] | None = None) -> FontSet:
    """Find and register the fonts (cached per argument set); raise ``DomainError("font_missing")``.

    The body font is, in order: ``font_path``, the ``JINGWU_PDF_FONT`` variable, the settings file's
    ``[printing] font_path``, then the best Song/FangSong face found. ``search_dirs`` replaces the default
    folders, which is how tests simulate a machine without fonts.
    """
    env = os.environ.get(ENV_FONT) or None
    configured = _configured_font()
    key = (str(font_path or ""), env, configured, tuple(search_dirs) if search_dirs is not None else None)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        fonts = _resolve((font_path, env, configured), search_dirs)
        _cache[key] = fonts
        return fonts


def _configured_font() -> str:
    """The font file chosen in the settings dialog (``[printing] font_path`` of settings.ini), if any."""
    try:
        from app.core import config

        return config.get("printing", "font_path").strip()
    except Exception:  # a broken settings file must not stop printing
        log.warning("could not read the configured font", exc_info=True)
        return ""


def _resolve(specs: Sequence[str | Path | None], search_dirs: Sequence[Path] | None) -> FontSet:
    explicit: tuple[str, str] | None = None
    for spec in specs:
        if spec:
            path, sub = _split_spec(spec)
            if (name := _try_register(path, sub)) is not None:
                explicit = (name, f"{path}#{sub}")
                break
    index = _index_dirs(default_search_dirs() if search_dirs is None else search_dirs)
    song = explicit or _first(SONG_CANDIDATES, index)
    hei = _first(HEI_CANDIDATES, index)
    if song is None and hei is None:
        raise DomainError("font_missing")
    body = song or hei
    heading = hei or song
    assert body is not None and heading is not None
    kai = _first(KAI_CANDIDATES, index) or body
    title = _first(TITLE_CANDIDATES, index) or heading
    files = tuple(dict.fromkeys(f for _n, f in (body, heading, kai, title)))
    log.info("printing fonts: body=%s heading=%s", body[1], heading[1])
    return FontSet(body=body[0], heading=heading[0], kai=kai[0], title=title[0], files=files)


def clear_cache() -> None:
    """Forget resolved font sets (tests); registered reportlab fonts stay registered."""
    with _lock:
        _cache.clear()


def body_font() -> str:
    """Song/FangSong face for body text (falls back to the Hei face)."""
    return ensure_fonts().body


def heading_font() -> str:
    """Hei face for headings and table headers (falls back to the body face)."""
    return ensure_fonts().heading


def kai_font() -> str:
    """Kai face for second-level headings ``（一）`` (falls back to the body face)."""
    return ensure_fonts().kai


def title_font() -> str:
    """小标宋 for official titles when installed, else the Hei face."""
    return ensure_fonts().title
