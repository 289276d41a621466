"""Standalone HTML pages for the government website: one file, inline style, no scripts, no outside resources.

Everything user-written is escaped, so a measure that mentions ``<`` or ``&`` shows as written and can never
add markup to the page. The page declares UTF-8 and zh-CN so any browser renders the Chinese correctly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

STYLE = """
body{margin:0;background:#f4f6f9;color:#222;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",
"WenQuanYi Micro Hei",sans-serif;line-height:1.8}
header{background:#0d3c84;color:#fff;padding:24px 16px;text-align:center}
header .org{font-size:15px;letter-spacing:2px;opacity:.9}
header h1{margin:6px 0 0;font-size:26px}
main{max-width:880px;margin:0 auto;padding:16px}
section{background:#fff;border-radius:6px;padding:8px 24px 16px;margin:16px 0;box-shadow:0 1px 3px #0002}
h2{color:#0d3c84;border-bottom:2px solid #0d3c84;padding-bottom:4px;font-size:20px}
h3{font-size:17px;margin:18px 0 4px}
p{margin:4px 0;text-indent:2em}
.meta{color:#666;font-size:13px;text-indent:0}
.intro{text-indent:2em}
nav ul{columns:2;list-style:none;padding:0}
nav a{color:#0d3c84;text-decoration:none}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccd;padding:6px 10px;text-align:left}
th{background:#eef2f8;width:40%}
td.num{text-align:right;font-weight:bold;color:#0d3c84}
footer{text-align:center;color:#666;font-size:13px;padding:16px}
"""


@dataclass(frozen=True)
class Block:
    """One section of a page: its heading, an anchor id and its already-escaped HTML body."""

    anchor: str
    heading: str
    html: str


def paragraphs(text: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return "".join(f"<p{cls}>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def figure_table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><th scope="row">{escape(k)}</th><td class="num">{escape(v)}</td></tr>' for k, v in rows
    )
    return f"<table>{cells}</table>"


def page(
    title: str,
    org: str,
    blocks: Sequence[Block],
    *,
    intro: str = "",
    footer_lines: Sequence[str] = (),
    toc: bool = True,
) -> str:
    """The whole document as a string (write it with UTF-8)."""
    nav = ""
    if toc and len(blocks) > 1:
        links = "".join(f'<li><a href="#{escape(b.anchor)}">{escape(b.heading)}</a></li>' for b in blocks)
        nav = f'<section id="toc"><nav aria-label="目录"><h2>目录</h2><ul>{links}</ul></nav></section>'
    body = "".join(
        f'<section id="{escape(b.anchor)}"><h2>{escape(b.heading)}</h2>{b.html}</section>' for b in blocks
    )
    intro_html = f'<section id="intro">{paragraphs(intro, "intro")}</section>' if intro.strip() else ""
    footer = "".join(f"<div>{escape(line)}</div>" for line in footer_lines if line)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{escape(org)}警务工作平台">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f'<body><header><div class="org">{escape(org)}</div><h1>{escape(title)}</h1></header>'
        f"<main>{intro_html}{nav}{body}</main><footer>{footer}</footer></body></html>\n"
    )
