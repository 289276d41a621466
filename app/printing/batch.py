"""Batch printing: many documents (notices, receipts) in one PDF, with progress and cancellation.

No PDF merging library is installed (pypdf is not a dependency), so the items are laid out in one reportlab
document: each item's flowables are produced only when the layout reaches it, page numbers restart per item
(an item marker starts a new numbering), and ``progress``/``cancelled`` are consulted between items. 1,000 pages
take ~30 s, so callers run this off the GUI thread. :func:`render_each` keeps the documents separate instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, PageBreak

from app.core.errors import Cancelled
from app.printing.document import BUSINESS, FormBuilder, ItemStart, PageLayout

T = TypeVar("T")
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class _BatchDone(ActionFlowable):
    def __init__(self, report: Callable[[], None]) -> None:
        super().__init__()
        self.report = report

    def apply(self, doc: BaseDocTemplate) -> None:
        self.report()


def render_batch(
    items: Sequence[T],
    add_item: Callable[[FormBuilder, T], object],
    *,
    title: str,
    layout: PageLayout = BUSINESS,
    landscape: bool = False,
    printed_by: str = "",
    author: str = "",
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> bytes:
    """Render every item into one PDF; each item starts on a new page with its own page numbers.

    ``add_item(builder, item)`` appends the item's blocks with the builder's methods (``header``,
    ``key_values``, ``table``, ``add_official`` from :mod:`app.printing.official`...). ``progress(done, total)``
    is called with 0 first and once after each item is laid out; when ``cancelled()`` turns true the build stops
    before the next item and :class:`Cancelled` is raised.
    """
    total = len(items)
    if not total:
        raise ValueError("render_batch needs at least one item")
    builder = FormBuilder(
        title, layout=layout, landscape=landscape, printed_by=printed_by, author=author or printed_by
    )

    def check(done: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    def producer(index: int, item: T) -> Callable[[], list[Flowable]]:
        def produce() -> list[Flowable]:
            check(index)
            builder.story = []
            add_item(builder, item)
            produced, builder.story = builder.story, []
            return produced

        return produce

    story: list[Flowable] = []
    for i, item in enumerate(items):
        if i:
            story.append(PageBreak())
        story.append(ItemStart(builder, producer(i, item)))
    story.append(_BatchDone(lambda: progress(total, total) if progress is not None else None))
    return builder.build(story)


def render_each(
    items: Sequence[T],
    render: Callable[[T], bytes],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> list[bytes]:
    """Render items as separate PDFs (one file per person, say), with the same progress/cancel contract."""
    out: list[bytes] = []
    total = len(items)
    for i, item in enumerate(items):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(i, total)
        out.append(render(item))
    if progress is not None:
        progress(total, total)
    return out
