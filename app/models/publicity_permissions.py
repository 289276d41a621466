"""Permissions, states and channels of the 宣传平台 (publicity platform).

The publicity officer drafts the service rules and convenience measures and records every release; a
supervisor (a different person) approves each version before it may be released. Everyone who can open the
tab may read the rules, the guides and the release records. The defaults are written by migration
0006_publicity; after that the administrator's matrix in the database is what counts.
"""

from __future__ import annotations

from app.models.permissions import (
    ADMIN,
    CLERK,
    COMMUNITY,
    DISPATCHER,
    OFFICER,
    PUBLICITY,
    QT_TRANSLATE_NOOP,
    SUPERVISOR,
    SUPPORT,
    PermissionInfo,
    register,
)

PUBLICITY_VIEW = "publicity.view"
PUBLICITY_EDIT = "publicity.edit"
PUBLICITY_APPROVE = "publicity.approve"
PUBLICITY_PUBLISH = "publicity.publish"
PUBLICITY_FIGURES = "publicity.figures"

GROUP = "宣传平台"

# --- what is published ---------------------------------------------------------------------------------------
KIND_RULE = "rule"
KIND_MEASURE = "measure"
KIND_NAMES = {
    KIND_RULE: QT_TRANSLATE_NOOP("publicity", "服务规则"),
    KIND_MEASURE: QT_TRANSLATE_NOOP("publicity", "便民措施"),
}
NUMBER_PREFIX = {KIND_RULE: "GZ", KIND_MEASURE: "CS"}
SORT_BASE = {KIND_RULE: 0, KIND_MEASURE: 100_000}  # the rules come first in every list and output

# --- the life of a version -----------------------------------------------------------------------------------
DRAFT = "draft"
REVIEW = "review"
APPROVED = "approved"
PUBLISHED = "published"
WITHDRAWN = "withdrawn"
STATUS_NAMES = {
    DRAFT: QT_TRANSLATE_NOOP("publicity", "草稿"),
    REVIEW: QT_TRANSLATE_NOOP("publicity", "待审核"),
    APPROVED: QT_TRANSLATE_NOOP("publicity", "已批准"),
    PUBLISHED: QT_TRANSLATE_NOOP("publicity", "已发布"),
    WITHDRAWN: QT_TRANSLATE_NOOP("publicity", "已撤回"),
}
WORKING_STATUSES = (DRAFT, REVIEW, APPROVED)  # at most one such version per item
RELEASABLE_STATUSES = (APPROVED, PUBLISHED)

# --- channels ------------------------------------------------------------------------------------------------
CHANNEL_TV = "tv"
CHANNEL_FLYER = "flyer"
CHANNEL_WEBSITE = "website"
CHANNEL_MOBILE = "mobile"
CHANNEL_NAMES = {
    CHANNEL_TV: QT_TRANSLATE_NOOP("publicity", "县电视台"),
    CHANNEL_FLYER: QT_TRANSLATE_NOOP("publicity", "宣传单"),
    CHANNEL_WEBSITE: QT_TRANSLATE_NOOP("publicity", "政府网站"),
    CHANNEL_MOBILE: QT_TRANSLATE_NOOP("publicity", "手机报"),
}
REACH_NAMES = {
    CHANNEL_TV: QT_TRANSLATE_NOOP("publicity", "播出次数"),
    CHANNEL_FLYER: QT_TRANSLATE_NOOP("publicity", "印发份数"),
    CHANNEL_WEBSITE: QT_TRANSLATE_NOOP("publicity", "浏览次数"),
    CHANNEL_MOBILE: QT_TRANSLATE_NOOP("publicity", "阅读次数"),
}
REACH_UNITS = {CHANNEL_TV: "次", CHANNEL_FLYER: "份", CHANNEL_WEBSITE: "次", CHANNEL_MOBILE: "次"}

SUBJECT_RULES = "rules"
SUBJECT_FIGURES = "figures"
SUBJECT_NAMES = {
    SUBJECT_RULES: QT_TRANSLATE_NOOP("publicity", "服务规则与便民措施"),
    SUBJECT_FIGURES: QT_TRANSLATE_NOOP("publicity", "民生警务公开数据"),
}

_EVERYONE = (ADMIN, CLERK, COMMUNITY, DISPATCHER, OFFICER, PUBLICITY, SUPERVISOR, SUPPORT)
# Frozen into migration 0006_publicity (keep the two in step when this changes).
DEFAULTS: dict[str, set[str]] = {role: {PUBLICITY_VIEW} for role in _EVERYONE}
DEFAULTS[PUBLICITY] |= {PUBLICITY_EDIT, PUBLICITY_PUBLISH, PUBLICITY_FIGURES}
DEFAULTS[SUPERVISOR] |= {PUBLICITY_APPROVE, PUBLICITY_FIGURES}

register(
    [
        PermissionInfo(
            PUBLICITY_VIEW, QT_TRANSLATE_NOOP("perm", "查看服务规则、便民措施、办事指南和发布记录"), GROUP
        ),
        PermissionInfo(PUBLICITY_EDIT, QT_TRANSLATE_NOOP("perm", "起草和修改服务规则与便民措施"), GROUP),
        PermissionInfo(PUBLICITY_APPROVE, QT_TRANSLATE_NOOP("perm", "审核批准服务规则与便民措施"), GROUP),
        PermissionInfo(
            PUBLICITY_PUBLISH, QT_TRANSLATE_NOOP("perm", "发布到各宣传渠道、登记发布记录和宣传设置"), GROUP
        ),
        PermissionInfo(PUBLICITY_FIGURES, QT_TRANSLATE_NOOP("perm", "生成民生警务公开数据"), GROUP),
    ],
    DEFAULTS,
)
