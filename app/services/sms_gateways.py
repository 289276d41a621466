"""SMS gateways: how a queued text leaves the building.

A gateway has a ``name`` and one method, ``send(phone, text) -> provider_message_id``, where ``text`` is the
whole text as the citizen reads it (signature included). It raises :class:`GatewayError`, saying whether
trying again later may help (``temporary``) or not. The file gateway is the default, so a fresh install never
texts anyone by accident; the HTTP gateway talks to a real provider with nothing but the standard library.
Secrets are never stored: the HTTP gateway reads its credential from an environment variable named in the
settings.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from app.core.errors import DomainError
from app.core.paths import data_dir
from app.models.base import utcnow

log = logging.getLogger(__name__)

OUTBOX_FILE = "sms_outbox.log"
DEFAULT_TIMEOUT = 10.0
DEFAULT_BODY: dict[str, Any] = {"phone": "{phone}", "text": "{text}"}
_PLACEHOLDERS = ("{phone}", "{text}", "{signature}", "{content}")


class GatewayError(Exception):
    """Sending failed. ``temporary``: the same text may go through later (5xx, timeout, no network)."""

    def __init__(self, message: str, *, temporary: bool) -> None:
        super().__init__(message)
        self.temporary = temporary


@runtime_checkable
class SmsGateway(Protocol):
    name: str

    def send(self, phone: str, text: str) -> str: ...


class FileGateway:
    """Appends one JSON line per text to ``sms_outbox.log`` in the user data folder (no text leaves the PC)."""

    name = "file"

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else data_dir() / OUTBOX_FILE
        self._lock = threading.Lock()

    def send(self, phone: str, text: str) -> str:
        message_id = f"file-{uuid.uuid4().hex}"
        line = json.dumps(
            {"id": message_id, "at": utcnow().isoformat(), "phone": phone, "text": text}, ensure_ascii=False
        )
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as fh:
                    fh.write(line + "\n")
        except OSError as exc:
            raise GatewayError(f"无法写入短信日志文件：{exc}", temporary=True) from exc
        return message_id


def _fill(template: Any, values: Mapping[str, str]) -> Any:
    """Replace the placeholders in every string of a JSON-like template (keys and structure untouched)."""
    if isinstance(template, str):
        out = template
        for placeholder in _PLACEHOLDERS:
            out = out.replace(placeholder, values[placeholder[1:-1]])
        return out
    if isinstance(template, Mapping):
        return {k: _fill(v, values) for k, v in template.items()}
    if isinstance(template, list):
        return [_fill(v, values) for v in template]
    return template


def _dig(data: Any, path: str) -> Any:
    for part in path.split(".") if path else []:
        if isinstance(data, Mapping):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


class HttpGateway:
    """A provider's HTTP API: a JSON body built from a template, an auth header from the environment.

    HTTP 5xx, 408, 429, timeouts and unreachable hosts are temporary; any other 4xx is permanent (the
    provider refused this text and would refuse it again).
    """

    name = "http"

    def __init__(
        self,
        url: str,
        *,
        method: str = "POST",
        body_template: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        auth_header: str = "Authorization",
        auth_env: str = "",
        auth_prefix: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        id_field: str = "id",
        signature: str = "",
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise DomainError("sms_gateway_invalid", detail="网关地址须以 http:// 或 https:// 开头")
        self.url = url
        self.method = method.upper()
        self.body_template = dict(body_template) if body_template is not None else dict(DEFAULT_BODY)
        self.headers = dict(headers or {})
        self.auth_header = auth_header
        self.auth_env = auth_env
        self.auth_prefix = auth_prefix
        self.timeout = timeout
        self.id_field = id_field
        self.signature = signature

    def _request(self, phone: str, text: str) -> urllib.request.Request:
        content = text.removeprefix(self.signature) if self.signature else text
        values = {"phone": phone, "text": text, "signature": self.signature, "content": content}
        body = json.dumps(_fill(self.body_template, values), ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", **self.headers}
        if self.auth_env:
            secret = os.environ.get(self.auth_env)
            if not secret:
                raise GatewayError(f"环境变量 {self.auth_env} 未设置，无法向短信网关认证", temporary=True)
            headers[self.auth_header] = self.auth_prefix + secret
        return urllib.request.Request(self.url, data=body, headers=headers, method=self.method)

    def send(self, phone: str, text: str) -> str:
        request = self._request(phone, text)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:200].decode("utf-8", "replace")
            temporary = exc.code >= 500 or exc.code in (408, 429)
            raise GatewayError(f"短信网关返回 HTTP {exc.code}：{detail}", temporary=temporary) from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            raise GatewayError(f"无法连接短信网关：{exc}", temporary=True) from exc
        try:
            found = _dig(json.loads(raw.decode("utf-8")), self.id_field)
        except ValueError:
            found = None
        return str(found)[:64] if found not in (None, "") else f"http-{uuid.uuid4().hex}"


def validate_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """Check a gateway setting before it is stored; returns a clean copy."""
    cfg = dict(config)
    kind = cfg.get("kind", "file")
    if kind == "file":
        return {"kind": "file", **({"path": str(cfg["path"])} if cfg.get("path") else {})}
    if kind != "http":
        raise DomainError("sms_gateway_invalid", detail=f"未知的网关类型“{kind}”")
    url = str(cfg.get("url", ""))
    if not url.startswith(("http://", "https://")):
        raise DomainError("sms_gateway_invalid", detail="网关地址须以 http:// 或 https:// 开头")
    if any(k.lower() in ("token", "password", "secret", "api_key") for k in cfg):
        raise DomainError("sms_gateway_invalid", detail="密钥不能保存在设置中，请填写存放密钥的环境变量名")
    headers = cfg.get("headers") or {}
    if not isinstance(headers, Mapping) or any(
        word in str(name).lower() for name in headers for word in ("auth", "token", "key", "secret")
    ):
        raise DomainError("sms_gateway_invalid", detail="认证信息不能写在请求头设置中，请使用环境变量")
    if str(cfg.get("method", "POST")).upper() not in ("POST", "PUT"):
        raise DomainError("sms_gateway_invalid", detail="请求方法只能是 POST 或 PUT")
    try:
        timeout = float(cfg.get("timeout", DEFAULT_TIMEOUT))
    except (TypeError, ValueError) as exc:
        raise DomainError("sms_gateway_invalid", detail="超时须为秒数") from exc
    if not 0 < timeout <= 120:
        raise DomainError("sms_gateway_invalid", detail="超时须在 0 到 120 秒之间")
    body = cfg.get("body_template", DEFAULT_BODY)
    if not isinstance(body, Mapping):
        raise DomainError("sms_gateway_invalid", detail="请求体模板须为 JSON 对象")
    cfg.update(method=str(cfg.get("method", "POST")).upper(), timeout=timeout, body_template=dict(body))
    return cfg


def from_config(config: Mapping[str, Any] | None, *, signature: str = "") -> SmsGateway:
    """The gateway a stored setting describes (the file gateway when nothing is set)."""
    cfg = validate_config(config or {"kind": "file"})
    if cfg["kind"] == "file":
        return FileGateway(cfg.get("path"))
    return HttpGateway(
        cfg["url"],
        method=cfg["method"],
        body_template=cfg["body_template"],
        headers=cfg.get("headers") or {},
        auth_header=cfg.get("auth_header", "Authorization"),
        auth_env=cfg.get("auth_env", ""),
        auth_prefix=cfg.get("auth_prefix", ""),
        timeout=cfg["timeout"],
        id_field=cfg.get("id_field", "id"),
        signature=signature,
    )
