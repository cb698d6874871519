"""Settings in force for a file: which rules run, their severities and options.

``Config`` is immutable.  ``numcheck.configfile`` finds and reads ``numcheck.toml``
/ ``[tool.numcheck]`` and turns it into a ``Config``; this module only defines the
object and how it selects rules.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Mapping

from numcheck.models import SEVERITIES


class ConfigError(Exception):
    """A bad setting: the message names the key and the file."""


def _ro(d: Mapping | None) -> Mapping:
    return MappingProxyType(dict(d or {}))


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # code -> severity override
    severity: Mapping[str, str] = field(default_factory=dict)
    # code -> {option: value}
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # document-wide settings every rule may read (house_currency, attribution_scope, ...)
    settings: Mapping[str, Any] = field(default_factory=dict)
    # glob -> codes/prefixes to ignore
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: str = "warning"
    date: dt.date | None = None
    date_until: dt.date | None = None
    # extra rule packs (paths) to load
    packs: tuple[str, ...] = ()
    # where each setting came from: key -> "default" | "path/numcheck.toml" | "command line"
    origins: Mapping[str, str] = field(default_factory=dict)
    root: str = ""

    def __post_init__(self) -> None:
        if self.fail_on not in SEVERITIES:
            raise ConfigError(f"fail-on must be one of error, warning, info, not {self.fail_on!r}")
        for key in ("severity", "options", "settings", "per_file_ignores", "origins"):
            object.__setattr__(self, key, _ro(getattr(self, key)))

    def evolve(self, **changes: Any) -> "Config":
        return replace(self, **changes)

    def rule_options(self, code: str) -> Mapping[str, Any]:
        opts = dict(self.settings)
        opts.update(self.options.get(code, {}))
        return opts

    def enabled_codes(self, path: str | None = None) -> set[str]:
        from numcheck import rules as registry

        codes: set[str] = set()
        for sel in (*self.select, *self.extend_select):
            codes.update(r.code for r in registry.resolve_selector(sel))
        ignored: list[str] = list(self.ignore)
        if path:
            rel = path
            if self.root and path.startswith(self.root.rstrip("/") + "/"):
                rel = path[len(self.root.rstrip("/")) + 1:]
            for pattern, sels in self.per_file_ignores.items():
                if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path, pattern) \
                        or fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern):
                    ignored.extend(sels)
        for sel in ignored:
            for r in registry.resolve_selector(sel):
                codes.discard(r.code)
        return codes

    def severity_of(self, code: str, default: str) -> str:
        return self.severity.get(code, default)


DEFAULT = Config()
