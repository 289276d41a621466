"""The registers support staff keep about each officer: personnel files (人事档案), health checks (健康体检),
training and exams (教育培训), awards and discipline (表彰奖惩). Each officer reads their own; support staff
write them for everyone in their scope."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.support_people import SupportAward, SupportHealthCheck, SupportPersonnel, SupportTraining
from app.models.support_permissions import AWARD, HEALTH, PERSONNEL, TRAINING
from app.services.entity_spec import (
    BOOL,
    CHOICE,
    DATE,
    DECIMAL,
    ID_NUMBER,
    MULTILINE,
    PHONE,
    EntitySpec,
    Field,
    Filter,
    register,
)
from app.services.support_common import (
    choices,
    common_filters,
    date_between,
    eq,
    own_base,
    owned_writer,
    permissions_for,
    person_field,
    scoped_base,
    search_person,
    unit_field,
)

GENDERS = {"男": "男", "女": "女"}
POLITICAL = {"中共党员": "中共党员", "中共预备党员": "中共预备党员", "共青团员": "共青团员", "群众": "群众"}
EDUCATION = {"研究生": "研究生", "大学本科": "大学本科", "大学专科": "大学专科", "高中及以下": "高中及以下"}
RANKS = {
    r: r
    for r in (
        "一级警监",
        "二级警监",
        "三级警监",
        "一级警督",
        "二级警督",
        "三级警督",
        "一级警司",
        "二级警司",
        "三级警司",
        "一级警员",
        "二级警员",
        "无警衔",
    )
}
HEALTH_KINDS = {"annual": "年度体检", "special": "专项体检", "recheck": "复查"}
CONCLUSIONS = {
    "normal": "正常",
    "attention": "基本正常，注意观察",
    "recheck": "异常，需复查",
    "treat": "异常，需治疗",
}
TRAINING_KINDS = {"course": "业务培训", "exam": "考试", "drill": "实战演练", "political": "政治轮训"}
AWARD_KINDS = {"award": "表彰奖励", "discipline": "处分"}
AWARD_LEVELS = {
    name: name
    for name in (
        "嘉奖",
        "三等功",
        "二等功",
        "一等功",
        "优秀公务员",
        "优秀共产党员",
        "先进个人",
        "警告",
        "记过",
        "记大过",
        "降级",
        "撤职",
    )
}

_REGISTER_WF: tuple[str, ...] = ()  # registers have no workflow: edits always allowed inside the scope


def _register_writer(function: str, entity: str) -> Any:
    return owned_writer(function, entity, workflow=_REGISTER_WF, open_states=None)


PERSONNEL_FIELDS = (
    person_field("姓名"),
    unit_field(),
    Field("gender", "性别", CHOICE, choices=choices(GENDERS), width=50),
    Field("birth_date", "出生日期", DATE, width=100),
    Field("id_number", "身份证号", ID_NUMBER, width=160, in_list=False),
    Field("ethnicity", "民族", max_length=16, width=60, default="汉族"),
    Field("political_status", "政治面貌", CHOICE, choices=choices(POLITICAL), width=90),
    Field("education", "学历", CHOICE, choices=choices(EDUCATION), width=90),
    Field("police_rank", "警衔", CHOICE, choices=choices(RANKS), width=90),
    Field("position", "职务", max_length=32, width=110),
    Field("joined_on", "参加公安工作", DATE, width=110),
    Field("phone", "手机号", PHONE, width=120),
    Field("notes", "简历及备注", MULTILINE, in_list=False),
)

PERSONNEL_SPEC = register(
    EntitySpec(
        key="support_personnel",
        title="人事档案",
        model=SupportPersonnel,
        fields=PERSONNEL_FIELDS,
        permissions=permissions_for(PERSONNEL, delete=True),
        label_field="position",
        default_sort=("id", False),
        search=search_person(SupportPersonnel),
        search_hint="姓名",
        filters=(
            *common_filters(SupportPersonnel),
            Filter("rank", "警衔", "choice", eq(SupportPersonnel.police_rank), choices(RANKS)),
        ),
        unique_fields=("user_id",),
        base_query=scoped_base(SupportPersonnel, PERSONNEL),
        before_write=_register_writer(PERSONNEL, "人事档案"),
    )
)

HEALTH_SPEC = register(
    EntitySpec(
        key="support_health",
        title="健康体检",
        model=SupportHealthCheck,
        fields=(
            person_field(),
            unit_field(),
            Field("checked_on", "体检日期", DATE, required=True, sortable=True, width=100),
            Field("kind", "类别", CHOICE, required=True, choices=choices(HEALTH_KINDS), width=80),
            Field("institution", "体检机构", max_length=64, width=140),
            Field("conclusion", "结论", CHOICE, required=True, choices=choices(CONCLUSIONS), width=130),
            Field("follow_up", "需复查", BOOL, width=60),
            Field("findings", "主要异常及建议", MULTILINE, width=220),
        ),
        permissions=permissions_for(HEALTH, delete=True),
        label_field="kind",
        default_sort=("checked_on", True),
        search=search_person(SupportHealthCheck),
        search_hint="民警姓名",
        filters=(
            *common_filters(SupportHealthCheck),
            Filter("conclusion", "结论", "choice", eq(SupportHealthCheck.conclusion), choices(CONCLUSIONS)),
            Filter(
                "follow_up", "需复查", "bool", lambda s, _v: s.where(SupportHealthCheck.follow_up.is_(True))
            ),
        ),
        base_query=scoped_base(SupportHealthCheck, HEALTH),
        before_write=_register_writer(HEALTH, "体检记录"),
    )
)


def _training_fields(with_person: bool = True) -> tuple[Field, ...]:
    person = (person_field(), unit_field()) if with_person else ()
    return (
        *person,
        Field("course", "培训/考试项目", required=True, max_length=100, width=180),
        Field("kind", "类别", CHOICE, required=True, choices=choices(TRAINING_KINDS), width=80),
        Field("start_date", "日期", DATE, required=True, sortable=True, width=100),
        Field("hours", "学时", DECIMAL, required=True, width=60, example="8"),
        Field("score", "成绩", DECIMAL, width=60),
        Field("passed", "合格", BOOL, width=50),
        Field("organizer", "组织单位", max_length=64, width=120),
    )


def _training_rules(session: Session, values: dict[str, Any]) -> dict[str, str]:
    hours = values.get("hours")
    if hours is not None and not 0 < hours <= 2000:
        return {"hours": "学时应大于 0"}
    return {}


_TRAINING_WRITER = owned_writer(TRAINING, "培训记录", workflow=(), open_states=None)

TRAINING_SPEC = register(
    EntitySpec(
        key="support_training",
        title="教育培训",
        model=SupportTraining,
        fields=_training_fields(),
        permissions=permissions_for(TRAINING, delete=True),
        label_field="course",
        default_sort=("start_date", True),
        search=search_person(SupportTraining),
        search_hint="民警姓名",
        filters=(
            *common_filters(SupportTraining),
            Filter("kind", "类别", "choice", eq(SupportTraining.kind), choices(TRAINING_KINDS)),
            Filter("start_date", "日期", "date_range", date_between(SupportTraining.start_date)),
        ),
        base_query=scoped_base(SupportTraining, TRAINING),
        check=_training_rules,
        before_write=_TRAINING_WRITER,
    )
)

MY_TRAINING_SPEC = register(
    EntitySpec(
        key="support_my_training",
        title="我的培训",
        model=SupportTraining,
        fields=_training_fields(False),
        permissions=permissions_for(TRAINING),
        label_field="course",
        default_sort=("start_date", True),
        base_query=own_base(SupportTraining, TRAINING),
        check=_training_rules,
        before_write=_TRAINING_WRITER,
    )
)

AWARD_SPEC = register(
    EntitySpec(
        key="support_award",
        title="表彰奖惩",
        model=SupportAward,
        fields=(
            person_field(),
            unit_field(),
            Field("kind", "类别", CHOICE, required=True, choices=choices(AWARD_KINDS), width=80),
            Field("level", "名称/等级", CHOICE, required=True, choices=choices(AWARD_LEVELS), width=100),
            Field("decided_on", "决定日期", DATE, required=True, sortable=True, width=100),
            Field("authority", "批准机关", max_length=64, width=140),
            Field("document_no", "文号", max_length=64, width=140),
            Field("reason", "事由", MULTILINE, required=True, width=240),
        ),
        permissions=permissions_for(AWARD, delete=True),
        label_field="level",
        default_sort=("decided_on", True),
        search=search_person(SupportAward),
        search_hint="民警姓名",
        filters=(
            *common_filters(SupportAward),
            Filter("kind", "类别", "choice", eq(SupportAward.kind), choices(AWARD_KINDS)),
            Filter("decided_on", "决定日期", "date_range", date_between(SupportAward.decided_on)),
        ),
        base_query=scoped_base(SupportAward, AWARD),
        before_write=_register_writer(AWARD, "奖惩记录"),
    )
)


def my_personnel_id(session: Session, user_id: int) -> int | None:
    return session.execute(select(SupportPersonnel.id).where(SupportPersonnel.user_id == user_id)).scalar()
