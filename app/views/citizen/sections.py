"""The screens of the 民生警务 tab."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.models import permissions as P
from app.views.app_context import AppContext
from app.views.platforms import Section


def _citizen_register(ctx: AppContext) -> QWidget:
    from app.services.citizens import CITIZEN_SPEC
    from app.views.common.entity_screen import EntityScreen

    return EntityScreen(CITIZEN_SPEC, ctx.actor, feed=ctx.signals)


SECTIONS = [Section("citizens", QT_TRANSLATE_NOOP("platform", "群众信息"), P.CITIZEN_VIEW, _citizen_register)]
