"""SQLAlchemy entities and domain rules (no Qt).

Importing this package registers every table on :data:`Base.metadata`.
"""

from app.models import accounts, audit, change_log, citizen, org, settings  # noqa: F401
from app.models.base import Base

__all__ = ["Base"]
