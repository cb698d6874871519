"""Find and read ``numcheck.toml`` / ``[tool.numcheck]`` and build a :class:`Config`.

Discovery (like ruff): from the folder of each checked file, walk up to the
filesystem root; in each folder ``numcheck.toml`` wins over a ``pyproject.toml``
that has a ``[tool.numcheck]`` table (a pyproject.toml without one is skipped).
The nearest file wins; files are not merged.  ``--config FILE`` bypasses discovery.

Keys are kebab-case (``extend-select``); snake_case spellings are accepted too.
Every problem is a :class:`ConfigError` whose message is one line naming the file
and the key.  Parsed files are cached (by path and modification time), so many
articles under one config cost one parse.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import tomllib
from functools import lru_cache
from typing import Any, Mapping

from numcheck.config import DEFAULT, Config, ConfigError
from numcheck.models import SEVERITIES

CONFIG_NAMES = ("numcheck.toml", "pyproject.toml")

# TOML key -> Config field (settings.* go to Config.settings)
KEYS: dict[str, str] = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
    "fail-on": "fail_on",
    "date": "date",
    "severity": "severity",
    "packs": "packs",
    "house-currency": "settings.house_currency",
    "attribution-scope": "settings.attribution_scope",
    "rules": "options",
}
ATTRIBUTION_SCOPES = ("sentence", "paragraph")

# the settings shown by `numcheck config`, in order: (field, TOML key)
SHOWN = (
    ("select", "select"), ("extend_select", "extend-select"), ("ignore", "ignore"),
    ("per_file_ignores", "per-file-ignores"), ("fail_on", "fail-on"), ("date", "date"),
    ("severity", "severity"), ("packs", "packs"),
    ("settings.house_currency", "house-currency"),
    ("settings.attribution_scope", "attribution-scope"),
)
DEFAULT_SETTINGS = {"house_currency": None, "attribution_scope": "sentence"}


def display_path(path: str) -> str:
    """``path`` relative to the working folder when inside it, else absolute."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return path
    return path if rel.startswith("..") else rel


# -- discovery -------------------------------------------------------------------

def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return False
    return b"tool.numcheck" in raw


@lru_cache(maxsize=4096)
def _find_in(folder: str) -> str | None:
    cand = os.path.join(folder, "numcheck.toml")
    if os.path.isfile(cand):
        return cand
    cand = os.path.join(folder, "pyproject.toml")
    if os.path.isfile(cand) and _has_tool_table(cand):
        return cand
    parent = os.path.dirname(folder)
    if parent == folder:
        return None
    return _find_in(parent)


def find_config(path: str | None) -> str | None:
    """The nearest config file for the article at ``path`` (None: defaults)."""
    if not path or path.startswith("<"):
        folder = os.getcwd()
    else:
        full = os.path.abspath(path)
        folder = full if os.path.isdir(full) else os.path.dirname(full)
    return _find_in(folder)


def clear_cache() -> None:
    _find_in.cache_clear()
    _load_cached.cache_clear()


# -- loading ---------------------------------------------------------------------

def config_for(path: str | None, explicit: str | None = None) -> Config:
    """The settings in force for ``path``: ``explicit`` (``--config``) or the nearest
    config file, or the defaults.  Raises :class:`ConfigError`."""
    cfg_path = os.path.abspath(explicit) if explicit else find_config(path)
    if cfg_path is None:
        return DEFAULT
    return load_file(cfg_path)


def load_file(path: str) -> Config:
    path = os.path.abspath(path)
    try:
        st = os.stat(path)
    except OSError:
        raise ConfigError(f"{display_path(path)}: no such config file") from None
    result = _load_cached(path, st.st_mtime_ns, st.st_size)
    if isinstance(result, ConfigError):
        raise ConfigError(str(result))
    return result


@lru_cache(maxsize=256)
def _load_cached(path: str, mtime: int, size: int) -> "Config | ConfigError":
    try:
        return _load(path)
    except ConfigError as exc:
        return exc


def _load(path: str) -> Config:
    shown = display_path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not UTF-8 text") from None
    prefix = ""
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("numcheck", {})
        prefix = "tool.numcheck."
        if not isinstance(data, dict):
            raise ConfigError(f"{shown}: [tool.numcheck] must be a table")
    return from_mapping(data, source=shown, root=os.path.dirname(path), prefix=prefix)


# -- validation ------------------------------------------------------------------

class _Ctx:
    def __init__(self, source: str, prefix: str) -> None:
        self.source = source
        self.prefix = prefix

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.prefix}{key}: {problem}")


def _norm_key(key: str) -> str:
    return key.strip().replace("_", "-").lower()


def _suggest(key: str, choices) -> str:
    close = difflib.get_close_matches(key, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _str_list(ctx: _Ctx, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ctx.fail(key, f"expected a list of strings, not {_describe(value)}")
    return tuple(v.strip() for v in value if v.strip())


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _selectors(ctx: _Ctx, key: str, value: Any) -> tuple[str, ...]:
    from numcheck import rules as registry

    sels = _str_list(ctx, key, value)
    for sel in sels:
        if not registry.resolve_selector(sel):
            raise ctx.fail(key, f"unknown rule code, prefix or name {sel!r} (see 'numcheck rules')")
    return sels


def parse_date(value: Any) -> tuple[dt.date, dt.date | None]:
    """A TOML date, ``YYYY-MM-DD`` or a range ``YYYY-MM-DD..YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        raise ValueError(f"expected a date like 2024-05-01, not {_describe(value)}")
    text = value.strip()
    try:
        if ".." in text:
            a, b = (p.strip() for p in text.split("..", 1))
            start, end = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
            if end < start:
                raise ValueError(f"the range {text!r} ends before it starts")
            return start, end
        return dt.date.fromisoformat(text), None
    except ValueError as exc:
        if "ends before" in str(exc):
            raise
        raise ValueError(f"expected a date like 2024-05-01 or a range 2004-01-01..2005-12-31, "
                         f"not {text!r}") from None


def _option_value(ctx: _Ctx, key: str, value: Any, default: Any) -> Any:
    if default is None:
        return value
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ctx.fail(key, f"expected true or false, not {_describe(value)}")
        return value
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ctx.fail(key, f"expected a whole number, not {_describe(value)}")
        if isinstance(value, float):
            if not value.is_integer():
                raise ctx.fail(key, f"expected a whole number, not {value}")
            value = int(value)
        if value < 0:
            raise ctx.fail(key, f"expected a number of zero or more, not {value}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ctx.fail(key, f"expected a number, not {_describe(value)}")
        if value < 0:
            raise ctx.fail(key, f"expected a number of zero or more, not {value}")
        return float(value)
    if isinstance(default, str):
        # an empty default means "unset"; such options may also take a list of strings
        if isinstance(value, list) and not default and all(isinstance(v, str) for v in value):
            return value
        if not isinstance(value, str):
            raise ctx.fail(key, f"expected a string, not {_describe(value)}")
        return value
    if isinstance(default, (list, tuple)):
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            raise ctx.fail(key, f"expected a list, not {_describe(value)}")
        return value
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise ctx.fail(key, f"expected a table, not {_describe(value)}")
        return value
    return value


def from_mapping(data: Mapping[str, Any], *, source: str = "command line", root: str = "",
                 prefix: str = "") -> Config:
    """Validate a ``numcheck.toml``-shaped mapping and build a :class:`Config`."""
    from numcheck import rules as registry

    ctx = _Ctx(source, prefix)
    seen: dict[str, str] = {}
    for raw in data:
        key = _norm_key(raw)
        if key not in KEYS:
            raise ConfigError(f"{source}: unknown key {prefix + raw!r}{_suggest(key, KEYS)}")
        if key in seen:
            raise ctx.fail(raw, f"given twice (as {seen[key]!r} and {raw!r})")
        seen[key] = raw
    get = {_norm_key(k): (k, v) for k, v in data.items()}
    changes: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    origins: dict[str, str] = {}

    # packs first: their rules must be registered before selectors are checked
    if "packs" in get:
        from numcheck.rules import packs as packmod
        raw, value = get["packs"]
        idents = []
        policy_paths: list[str] = []
        for ref in _str_list(ctx, raw, value):
            try:
                pack = packmod.load_pack(ref, root or None)
            except packmod.PackError as exc:
                raise ctx.fail(raw, str(exc)) from None
            if pack.kind == "rules":
                idents.append(pack.ident)
            elif pack.kind == "source-policy":  # read by SRC003 (its source_policy option)
                idents.append(pack.ident)
                policy_paths.append(pack.path)
            else:
                raise ctx.fail(raw, f"{ref!r} is a {pack.kind} pack; only rules and "
                                    "source-policy packs can be named here")
        changes["packs"] = tuple(idents)

    for key in ("select", "extend-select", "ignore"):
        if key in get:
            raw, value = get[key]
            changes[KEYS[key]] = _selectors(ctx, raw, value)

    if "per-file-ignores" in get:
        raw, value = get["per-file-ignores"]
        if not isinstance(value, dict):
            raise ctx.fail(raw, f"expected a table of glob = [codes], not {_describe(value)}")
        pfi: dict[str, tuple[str, ...]] = {}
        for glob, sels in value.items():
            pfi[glob] = _selectors(ctx, f"{raw}.{glob!r}" if " " in glob else f"{raw}.{glob}", sels)
        changes["per_file_ignores"] = pfi

    if "fail-on" in get:
        raw, value = get["fail-on"]
        if value not in SEVERITIES:
            raise ctx.fail(raw, f"expected error, warning or info, not {_describe(value)}")
        changes["fail_on"] = value

    if "date" in get:
        raw, value = get["date"]
        try:
            start, until = parse_date(value)
        except ValueError as exc:
            raise ctx.fail(raw, str(exc)) from None
        changes["date"], changes["date_until"] = start, until

    if "severity" in get:
        raw, value = get["severity"]
        if not isinstance(value, dict):
            raise ctx.fail(raw, f"expected a table of code = \"error|warning|info\", not {_describe(value)}")
        sev: dict[str, str] = {}
        for sel, level in value.items():
            found = registry.resolve_selector(sel)
            if not found:
                raise ctx.fail(f"{raw}.{sel}", "unknown rule code, prefix or name (see 'numcheck rules')")
            if level not in SEVERITIES:
                raise ctx.fail(f"{raw}.{sel}", f"expected error, warning or info, not {_describe(level)}")
            for r in found:
                sev[r.code] = level
        changes["severity"] = sev

    if "house-currency" in get:
        raw, value = get["house-currency"]
        if not (isinstance(value, str) and len(value.strip()) == 3 and value.strip().isalpha()):
            raise ctx.fail(raw, f"expected a three-letter currency code like \"USD\", not {_describe(value)}")
        settings["house_currency"] = value.strip().upper()
    if "attribution-scope" in get:
        raw, value = get["attribution-scope"]
        if value not in ATTRIBUTION_SCOPES:
            raise ctx.fail(raw, f"expected \"sentence\" or \"paragraph\", not {_describe(value)}")
        settings["attribution_scope"] = value

    options: dict[str, dict[str, Any]] = {}
    if "rules" in get:
        raw, value = get["rules"]
        if not isinstance(value, dict):
            raise ctx.fail(raw, f"expected tables like [rules.SRC001], not {_describe(value)}")
        for sel, table in value.items():
            r = registry.get(sel)
            where = f"{raw}.{sel}"
            if r is None:
                raise ctx.fail(where, "unknown rule (give a code like SRC001 or a name; see 'numcheck rules')")
            if not isinstance(table, dict):
                raise ctx.fail(where, f"expected a table of options, not {_describe(table)}")
            known = {k.replace("_", "-"): k for k in r.options}
            opts = options.setdefault(r.code, {})
            for okey, oval in table.items():
                norm = _norm_key(okey)
                if norm not in known:
                    if known:
                        listed = ", ".join(sorted(known))
                        hint = _suggest(norm, known) or f" (options: {listed})"
                    else:
                        hint = f" ({r.code} has no options)"
                    raise ConfigError(f"{source}: {prefix}{where}: unknown option {okey!r}{hint}")
                name = known[norm]
                opts[name] = _option_value(ctx, f"{where}.{okey}", oval, r.options[name])
                origins[f"options.{r.code}.{name}"] = source
        changes["options"] = options

    if "packs" in get and policy_paths and registry.get("SRC003") is not None:
        r = registry.get("SRC003")
        if "source_policy" in r.options:
            opts = options.setdefault("SRC003", {})
            given = opts.get("source_policy") or []
            given = [given] if isinstance(given, str) else list(given)
            opts["source_policy"] = given + [p for p in policy_paths if p not in given]
            origins.setdefault("options.SRC003.source_policy", source)
            changes["options"] = options

    for key, (raw, _) in get.items():
        fld = KEYS[key]
        if fld != "options":
            origins[fld] = source
    if "date" in changes:
        origins["date_until"] = source
    if settings:
        changes["settings"] = settings
    try:
        return DEFAULT.evolve(**changes, origins=origins, root=root)
    except ConfigError as exc:  # pragma: no cover - validated above
        raise ConfigError(f"{source}: {exc}") from None


# -- describing the settings in force ------------------------------------------------

def origin_of(cfg: Config, fld: str) -> str:
    return cfg.origins.get(fld, "default")


def _value_of(cfg: Config, fld: str) -> Any:
    if fld.startswith("settings."):
        name = fld.split(".", 1)[1]
        return cfg.settings.get(name, DEFAULT_SETTINGS.get(name))
    if fld == "date":
        if cfg.date is None:
            return None
        return f"{cfg.date}..{cfg.date_until}" if cfg.date_until else str(cfg.date)
    value = getattr(cfg, fld)
    if isinstance(value, Mapping):
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in value.items()}
    if isinstance(value, tuple):
        return list(value)
    return value


def describe(path: str, cfg: Config, config_file: str | None) -> dict[str, Any]:
    """The settings in force for ``path`` and where each came from (for ``numcheck config``)."""
    from numcheck import rules as registry

    settings = []
    for fld, key in SHOWN:
        settings.append({"key": key, "value": _value_of(cfg, fld), "origin": origin_of(cfg, fld)})
    options = []
    for code in sorted(cfg.options):
        r = registry.get(code)
        for name, value in cfg.options[code].items():
            options.append({"rule": code, "option": name.replace("_", "-"), "value": value,
                            "default": r.options.get(name) if r else None,
                            "origin": cfg.origins.get(f"options.{code}.{name}", "default")})
    try:
        from numcheck.rules.packs import pack_rule_active
    except ImportError:  # pragma: no cover
        def pack_rule_active(r, c):  # type: ignore[misc]
            return True
    enabled = sorted(c for c in cfg.enabled_codes(path) if pack_rule_active(registry.get(c), cfg))
    return {"path": path, "config_file": display_path(config_file) if config_file else None,
            "settings": settings, "options": options, "enabled_rules": enabled}


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(map(str, value)) if value else "(none)"
    if isinstance(value, dict):
        if not value:
            return "(none)"
        return "; ".join(f"{k} = {_show(v)}" for k, v in value.items())
    return str(value)


def format_text(info: Mapping[str, Any]) -> str:
    lines = [f"settings for {info['path']}",
             f"config file: {info['config_file'] or '(none: defaults)'}", ""]
    rows = [(s["key"], _show(s["value"]), s["origin"]) for s in info["settings"]]
    rows += [(f"rules.{o['rule']}.{o['option']}", f"{_show(o['value'])} (default {_show(o['default'])})",
              o["origin"]) for o in info["options"]]
    w1 = max(len(r[0]) for r in rows)
    w2 = max(len(r[1]) for r in rows)
    for k, v, o in rows:
        lines.append(f"{k:<{w1}}  {v:<{w2}}  {o}")
    lines.append("")
    lines.append(f"enabled rules ({len(info['enabled_rules'])}): {', '.join(info['enabled_rules'])}")
    return "\n".join(lines)


def settings_for(path: str, *, explicit: str | None = None, overrides: Mapping[str, Any] | None = None
                 ) -> tuple[Config, str | None]:
    """Config for ``path`` with command-line ``overrides`` (Config field names),
    their origins marked ``command line``; and the config file used."""
    cfg_file = os.path.abspath(explicit) if explicit else find_config(path)
    cfg = config_for(path, explicit=explicit)
    if overrides:
        origins = dict(cfg.origins)
        for k in overrides:
            origins[k] = "command line"
        cfg = cfg.evolve(**overrides, origins=origins)
    return cfg, cfg_file
