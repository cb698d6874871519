"""Declarative rule packs: rules a newsroom writes in TOML, without Python.

A pack is a TOML file.  Its ``[pack]`` header names it and says what it holds::

    [pack]
    name = "house-style"
    kind = "rules"          # rules | vocabulary | source-policy
    description = "..."

* ``rules`` packs hold ``[[rule]]`` tables, each of one *rule kind*:
  ``forbid``, ``substitute`` or ``require`` (schemas below and in
  docs/configuration.md).  Their rules are registered like built-in rules (code,
  name, severity, summary, examples) but run only when the pack is enabled: named
  in the config's ``packs = [...]``, or one of its rules named in ``select`` /
  ``extend-select``.  The default run never gets noisier because a pack exists.
* ``vocabulary`` packs are data other modules read (attribution cues, vague
  phrases, currency names): :func:`vocabulary` returns their contents.  A file in
  ``rules/`` without a ``[pack]`` header and without ``[[rule]]`` tables is a
  vocabulary pack.
* ``source-policy`` packs are lists of sources with policies (marks such as
  ``state-run media`` with names and patterns, and ``require_corroboration`` /
  ``flag`` lists), in the schema of ``rules/policies.toml``.  SRC003 reads them:
  naming one in ``packs`` adds it to SRC003's ``source_policy`` option.

The home of built-in packs is the top-level ``rules/`` folder (installed as the
package ``numcheck.packs``).  User regular expressions are compiled with
:mod:`numcheck.safe_regex` (re2, linear time).
"""
from __future__ import annotations

import os
import re
import string
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from numcheck import rules as registry
from numcheck.models import FIGURE_KINDS, SEVERITIES, Claim, Finding
from numcheck.rules import Rule, RuleContext
from numcheck.safe_regex import RegexError, compile_pattern, expand

# NC001/NC002 (suppression comments) are registered by numcheck.suppress.
import numcheck.suppress  # noqa: F401,E402  (registers NC rules)
from numcheck import fastre

PACK_KINDS = ("rules", "vocabulary", "source-policy")
RULE_KINDS = ("forbid", "substitute", "require")
CLAIM_KINDS = ("money", "percent", "count", "measure", "number", "date", "time", "duration", "set")
SOURCE_KINDS = ("named", "reference", "vague", "any", "none")
RESERVED_PREFIXES = ("CUR", "TIM", "FIG", "SRC", "NC")

_CODE = fastre.plain(r"^[A-Z]{1,6}[0-9]{1,4}$")
_NAME = fastre.plain(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

# keys every [[rule]] may have, then keys per kind
_COMMON_KEYS = {"code", "name", "kind", "severity", "summary", "description", "message",
                "fires", "quiet", "ignore-case"}
_KIND_KEYS = {
    "forbid": {"pattern"},
    "substitute": {"pattern", "replacement"},
    "require": {"claim", "min-value", "max-value", "noun", "sentence", "text",
                "currency", "source", "source-matches"},
}
_PLACEHOLDERS = {
    "forbid": {"match"},
    "substitute": {"match", "replacement"},
    "require": {"claim", "value", "noun", "source", "currency"},
}
_DEFAULT_MESSAGES = {
    "forbid": "'{match}' should not appear",
    "substitute": "house style: write '{replacement}', not '{match}'",
    "require": "'{claim}' does not meet the requirement of this rule",
}

# ISO 4217-style codes or dollars with a country prefix: an unambiguous currency
_CURRENCY_CODE = fastre.plain(r"(?<![A-Za-z])(?:[A-Z]{3}(?![A-Za-z])|(?:US|A|AU|C|CA|NZ|HK|S|SG|NT|R|Z|J|M)\$)")


class PackError(ValueError):
    """A pack that cannot be loaded: one line naming the file and the problem."""


@dataclass(frozen=True)
class Pack:
    name: str
    kind: str
    path: str
    description: str = ""
    builtin: bool = False
    data: Mapping[str, Any] = field(default_factory=dict, repr=False)
    codes: tuple[str, ...] = ()

    @property
    def ident(self) -> str:
        """What a config's ``packs`` list holds for this pack: its name when built
        in, its absolute path otherwise."""
        return self.name if self.builtin else self.path


# -- where packs live ---------------------------------------------------------

def packs_dir() -> Path:
    """The folder of built-in packs: ``numcheck.packs`` when installed, else the
    ``rules/`` folder beside the ``numcheck`` package in a source checkout."""
    from numcheck.data import packs_dir as where
    return where()


def builtin_pack_files() -> dict[str, Path]:
    d = packs_dir()
    if not d.is_dir():
        return {}
    return {p.stem: p for p in sorted(d.glob("*.toml"))}


def resolve_pack_ref(ref: str, base_dir: str | None = None) -> tuple[str, bool]:
    """(absolute path, builtin?) of a pack named in config: a built-in name
    (``house-style``) or a path to a .toml file (relative to ``base_dir``)."""
    ref = ref.strip()
    builtins = builtin_pack_files()
    if ref in builtins and "/" not in ref and not ref.endswith(".toml"):
        return str(builtins[ref]), True
    path = Path(os.path.expanduser(ref))
    if not path.is_absolute():
        path = Path(base_dir or os.getcwd()) / path
    path = Path(os.path.normpath(path))
    if not path.is_file():
        known = ", ".join(sorted(builtins)) or "none"
        raise PackError(f"no such pack {ref!r} (built-in packs: {known}; or give a path to a .toml file)")
    return str(path), False


# -- reading ------------------------------------------------------------------

def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise PackError(f"{path}: no such pack file") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: invalid TOML: {exc}") from None


def pack_kind(data: Mapping[str, Any]) -> str:
    header = data.get("pack")
    if isinstance(header, dict) and "kind" in header:
        return str(header["kind"])
    if "rule" in data:
        return "rules"
    if "mark" in data or "require_corroboration" in data or "flag" in data:
        return "source-policy"  # the shape SRC003 reads (rules/policies.toml)
    return "vocabulary"


_LOADED_PACKS: dict[str, Pack] = {}
_PACK_OF: dict[str, str] = {}  # rule code -> ident of the pack that defines it


def load_pack(ref: str, base_dir: str | None = None) -> Pack:
    """Load (once per process) and register the pack ``ref``; raise :class:`PackError`."""
    path, builtin = resolve_pack_ref(ref, base_dir)
    return _load_path(path, builtin)


def _load_path(path: str, builtin: bool) -> Pack:
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        mtime = 0
    key = f"{path}\0{mtime}"
    if key in _LOADED_PACKS:
        return _LOADED_PACKS[key]
    stale = [k for k in _LOADED_PACKS if k.split("\0", 1)[0] == path]
    data = _read_toml(path)
    display = _display(path)
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise PackError(f"{display}: [pack] must be a table")
    unknown = set(header) - {"name", "kind", "description", "version"}
    if unknown:
        raise PackError(f"{display}: unknown key {sorted(unknown)[0]!r} in [pack] "
                        "(expected name, kind, description)")
    kind = pack_kind(data)
    if kind not in PACK_KINDS:
        raise PackError(f"{display}: [pack] kind must be one of {', '.join(PACK_KINDS)}, not {kind!r}")
    name = str(header.get("name") or Path(path).stem)
    pack = Pack(name=name, kind=kind, path=path, description=str(header.get("description", "")),
                builtin=builtin, data=data)
    if kind == "rules":
        rules_data = data.get("rule", [])
        if not isinstance(rules_data, list) or not all(isinstance(r, dict) for r in rules_data):
            raise PackError(f"{display}: 'rule' must be an array of tables ([[rule]])")
        extra = set(data) - {"pack", "rule"}
        if extra:
            raise PackError(f"{display}: unknown top-level key {sorted(extra)[0]!r} "
                            "(a rules pack holds [pack] and [[rule]] tables)")
        previous = {c for k in stale for c in _LOADED_PACKS[k].codes}
        built = [_build_rule(pack, i, r, previous) for i, r in enumerate(rules_data)]
        codes = [r.code for r in built]
        dup = {c for c in codes if codes.count(c) > 1}
        if dup:
            raise PackError(f"{display}: rule code {sorted(dup)[0]} defined twice")
        for r in built:
            _PACK_OF[r.code] = pack.ident
            if r.code in previous:  # the file changed since it was loaded
                registry._REGISTRY.pop(r.code, None)
            registry.register(r)
        pack = Pack(name=pack.name, kind=kind, path=path, description=pack.description,
                    builtin=builtin, data=data, codes=tuple(codes))
    for k in stale:
        del _LOADED_PACKS[k]
    _LOADED_PACKS[key] = pack
    return pack


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return path
    return path if rel.startswith("..") else rel


# -- rule construction ----------------------------------------------------------

def _want(display: str, where: str, key: str, value: Any, typ: type | tuple, what: str) -> Any:
    if isinstance(value, bool) and typ in (int, float, (int, float)):
        raise PackError(f"{display}: {where}: '{key}' must be {what}")
    if not isinstance(value, typ):
        raise PackError(f"{display}: {where}: '{key}' must be {what}, not {type(value).__name__}")
    return value


def _str_list(display: str, where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"{display}: {where}: '{key}' must be a string or a list of strings")
    return tuple(value)


def _pattern(display: str, where: str, key: str, value: Any, ignore_case: bool):
    _want(display, where, key, value, str, "a string (a regular expression)")
    try:
        return compile_pattern(value, ignore_case)
    except RegexError as exc:
        raise PackError(f"{display}: {where}: '{key}': {exc}") from None


def _build_rule(pack: Pack, index: int, spec: dict[str, Any], previous: set[str]) -> Rule:
    display = _display(pack.path)
    where = f"rule #{index + 1}"
    code = spec.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise PackError(f"{display}: {where}: 'code' must be letters then digits, like 'HS001' "
                        f"(got {code!r})")
    where = f"rule {code}"
    kind = spec.get("kind")
    if kind not in RULE_KINDS:
        raise PackError(f"{display}: {where}: 'kind' must be one of {', '.join(RULE_KINDS)} (got {kind!r})")
    allowed = _COMMON_KEYS | _KIND_KEYS[kind]
    for key in spec:
        if key not in allowed:
            import difflib
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise PackError(f"{display}: {where}: unknown key {key!r} for a {kind} rule{hint}")
    family = "".join(ch for ch in code if ch.isalpha())
    if not pack.builtin and family in RESERVED_PREFIXES:
        raise PackError(f"{display}: {where}: the prefix {family} is reserved for built-in rules; "
                        "choose your own letters (e.g. 'XY001')")
    existing = registry._REGISTRY.get(code)
    if existing is not None and code not in previous:
        raise PackError(f"{display}: {where}: code {code} is already used by rule "
                        f"{existing.name!r} ({existing.origin})")
    name = spec.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise PackError(f"{display}: {where}: 'name' must be lower-case words joined by '-' (got {name!r})")
    clash = next((r for r in registry._REGISTRY.values() if r.name == name and r.code != code
                  and r.code not in previous), None)
    if clash is not None:
        raise PackError(f"{display}: {where}: name {name!r} is already used by {clash.code}")
    severity = spec.get("severity", "warning")
    if severity not in SEVERITIES:
        raise PackError(f"{display}: {where}: 'severity' must be error, warning or info (got {severity!r})")
    summary = spec.get("summary")
    _want(display, where, "summary", summary, str, "a one-line string")
    description = spec.get("description", "")
    _want(display, where, "description", description, str, "a string")
    fires = _str_list(display, where, "fires", spec.get("fires", []))
    quiet = _str_list(display, where, "quiet", spec.get("quiet", []))
    if not fires or not quiet:
        raise PackError(f"{display}: {where}: give at least one 'fires' and one 'quiet' example")
    ignore_case = _want(display, where, "ignore-case", spec.get("ignore-case", False), bool, "true or false")
    message = spec.get("message", _DEFAULT_MESSAGES[kind])
    _want(display, where, "message", message, str, "a string")
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
    except ValueError as exc:
        raise PackError(f"{display}: {where}: 'message': {exc}") from None
    bad = fields - _PLACEHOLDERS[kind]
    if bad:
        raise PackError(f"{display}: {where}: 'message' uses unknown placeholder {{{sorted(bad)[0]}}} "
                        f"(a {kind} rule knows {', '.join('{' + p + '}' for p in sorted(_PLACEHOLDERS[kind]))})")

    options: dict[str, Any] = {}
    builder: Callable[..., Callable[[RuleContext], Iterable[Finding]]]
    if kind in ("forbid", "substitute"):
        pat = _pattern(display, where, "pattern", spec.get("pattern"), ignore_case)
        replacement = None
        if kind == "substitute":
            replacement = _want(display, where, "replacement", spec.get("replacement"), str, "a string")
        func = _text_rule(pat, message, replacement)
    elif kind == "require":
        claim_filter = _claim_filter(display, where, spec, ignore_case, options)
        needs = {k: spec[k] for k in ("currency", "source", "source-matches") if k in spec}
        if not needs:
            raise PackError(f"{display}: {where}: a require rule needs 'currency', 'source' "
                            "or 'source-matches'")
        if "currency" in needs and needs["currency"] not in ("code", "unambiguous"):
            raise PackError(f"{display}: {where}: 'currency' must be \"code\" or \"unambiguous\" "
                            f"(got {needs['currency']!r})")
        source_kinds: tuple[str, ...] = ()
        if "source" in needs:
            source_kinds = _str_list(display, where, "source", needs["source"])
            for sk in source_kinds:
                if sk not in SOURCE_KINDS[:4]:
                    raise PackError(f"{display}: {where}: 'source' must be named, reference, vague "
                                    f"or any (got {sk!r})")
        source_pat = (_pattern(display, where, "source-matches", needs["source-matches"], ignore_case)
                      if "source-matches" in needs else None)
        func = _require_rule(claim_filter, message, needs.get("currency"), source_kinds, source_pat)

    return Rule(code=code, name=name, severity=severity, summary=summary.strip(),
                description=(description or summary).strip(), fires=fires, quiet=quiet,
                options=options, func=_gated(code, pack.ident, func),
                origin=f"pack {pack.name}")


# -- when a pack rule runs -----------------------------------------------------------

@lru_cache(maxsize=1024)
def _explicitly_selected(selectors: tuple[str, ...], code: str) -> bool:
    for sel in selectors:
        if sel.strip().upper() == "ALL":
            continue
        if any(r.code == code for r in registry.resolve_selector(sel)):
            return True
    return False


def pack_enabled(code: str, pack_ident: str, config: Any) -> bool:
    """A pack rule runs when its pack is named in ``config.packs`` or when the rule
    is named (by code, prefix or name, not ``ALL``) in select / extend-select."""
    packs = tuple(getattr(config, "packs", ()) or ())
    if pack_ident in packs:
        return True
    if any(os.path.isabs(p) and p == pack_ident for p in packs):
        return True
    return _explicitly_selected((*config.select, *config.extend_select), code)


def from_user_pack(code: str) -> bool:
    """Whether rule ``code`` comes from a pack outside numcheck's own ``rules/`` folder."""
    ident = _PACK_OF.get(code)
    return ident is not None and os.path.isabs(ident)


def pack_rule_active(r: Rule | None, config: Any) -> bool:
    """Whether ``r`` can fire under ``config``: always for built-in rules, and for
    pack rules when their pack is enabled (see :func:`pack_enabled`)."""
    if r is None:
        return False
    ident = _PACK_OF.get(r.code)
    return True if ident is None else pack_enabled(r.code, ident, config)


def _gated(code: str, ident: str, func: Callable[[RuleContext], Iterable[Finding]]):
    def run(ctx: RuleContext) -> Iterator[Finding]:
        if not pack_enabled(code, ident, ctx.analysis.config):
            return iter(())
        return iter(func(ctx))
    run.__doc__ = func.__doc__
    return run


# -- the rule kinds -------------------------------------------------------------------

class _Fields(dict):
    def __missing__(self, key: str) -> str:  # placeholders validated at load time
        return ""


def _fmt(message: str, **fields: Any) -> str:
    return message.format_map(_Fields(fields))


def _text_rule(pat, message: str, replacement: str | None):
    def run(ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        for m in pat.finditer(text):
            start, end = m.span()
            if end <= start:
                continue
            found = text[start:end]
            fields: dict[str, Any] = {"match": " ".join(found.split())}
            notes: tuple[str, ...] = ()
            if replacement is not None:
                try:
                    fields["replacement"] = expand(m, replacement)
                except RegexError:
                    fields["replacement"] = replacement
                notes = (f"suggested: {fields['replacement']}",)
            yield ctx.finding(start, end, _fmt(message, **fields), notes=notes)
    return run


def _claim_filter(display: str, where: str, spec: Mapping[str, Any], ignore_case: bool,
                  options: dict[str, Any]) -> Callable[[RuleContext, Claim], bool]:
    kinds = _str_list(display, where, "claim", spec.get("claim", "figure"))
    wanted: set[str] = set()
    for k in kinds:
        if k == "figure":
            wanted |= FIGURE_KINDS
        elif k in CLAIM_KINDS:
            wanted.add(k)
        else:
            raise PackError(f"{display}: {where}: 'claim' must be figure or one of "
                            f"{', '.join(CLAIM_KINDS)} (got {k!r})")
    for key in ("min-value", "max-value"):
        if key in spec:
            options[key.replace("-", "_")] = _want(display, where, key, spec[key], (int, float), "a number")
    pats = {key: _pattern(display, where, key, spec[key], ignore_case)
            for key in ("noun", "sentence", "text") if key in spec}

    def accept(ctx: RuleContext, c: Claim) -> bool:
        if c.kind not in wanted:
            return False
        lo, hi = ctx.option("min_value"), ctx.option("max_value")
        if lo is not None or hi is not None:
            v = c.value
            if v is None:
                return False
            top = c.high if c.high is not None else v
            if lo is not None and top < lo:
                return False
            if hi is not None and v > hi:
                return False
        if "noun" in pats and not pats["noun"].matches(c.noun or ""):
            return False
        if "text" in pats and not pats["text"].matches(c.text):
            return False
        if "sentence" in pats:
            s = ctx.analysis.sentence_of(c.start)
            if not pats["sentence"].matches(ctx.analysis.sentence_text(s)):
                return False
        return True
    return accept


def has_currency_code(c: Claim) -> bool:
    """Whether a money claim names its currency unambiguously: an ISO code (USD, EUR)
    or a dollar sign with a country prefix (US$, A$, HK$)."""
    return bool(_CURRENCY_CODE.search(c.currency_text or "") or _CURRENCY_CODE.search(c.text))


_BARE_DOLLAR = {"$", "dollar", "dollars"}


def has_unambiguous_currency(c: Claim) -> bool:
    """A currency code, or a sign or name that only one currency uses (£, €, euros):
    not a bare ``$`` / ``dollars``, and not flagged ambiguous by the extractor."""
    if has_currency_code(c):
        return True
    cur = (c.currency_text or "").strip().lower()
    return bool(cur) and cur not in _BARE_DOLLAR and not c.currency_ambiguous


def _fields(c: Claim) -> dict[str, Any]:
    value = "" if c.value is None else (f"{c.value:,.0f}" if float(c.value).is_integer() else f"{c.value:,}")
    return {"claim": " ".join(c.text.split()), "value": value, "noun": c.noun,
            "source": c.source.name if c.source else "no source",
            "currency": c.currency_text or c.unit}


def _require_rule(accept, message: str, currency: str | None, source_kinds: tuple[str, ...], source_pat):
    def run(ctx: RuleContext) -> Iterator[Finding]:
        for c in ctx.claims:
            if not accept(ctx, c):
                continue
            ok = True
            if currency and c.kind == "money":
                if not (has_currency_code(c) if currency == "code" else has_unambiguous_currency(c)):
                    ok = False
            if source_kinds or source_pat is not None:
                src = c.source
                if src is None:
                    ok = False
                else:
                    if source_kinds and "any" not in source_kinds and src.kind not in source_kinds:
                        ok = False
                    if source_pat is not None and not (source_pat.matches(src.text)
                                                       or source_pat.matches(src.name)):
                        ok = False
            if not ok:
                yield ctx.finding(c.start, c.end, _fmt(message, **_fields(c)))
    return run


# -- data packs -----------------------------------------------------------------------

def vocabulary(name: str) -> Mapping[str, Any]:
    """The contents of the built-in vocabulary pack ``rules/<name>.toml`` (without
    its ``[pack]`` header).  Raises :class:`PackError` when missing or broken."""
    files = builtin_pack_files()
    if name not in files:
        raise PackError(f"no built-in vocabulary pack {name!r}")
    data = dict(_read_toml(str(files[name])))
    data.pop("pack", None)
    return data


def data_packs(kind: str, config: Any = None) -> list[Pack]:
    """Built-in packs of ``kind`` (vocabulary, source-policy) plus those of that kind
    named in ``config.packs``."""
    out: list[Pack] = []
    seen: set[str] = set()
    for name, path in builtin_pack_files().items():
        try:
            data = _read_toml(str(path))
        except PackError:
            continue
        if pack_kind(data) == kind:
            header = data.get("pack") if isinstance(data.get("pack"), dict) else {}
            out.append(Pack(name=str(header.get("name") or name), kind=kind, path=str(path),
                            builtin=True, data=data))
            seen.add(str(path))
    for ref in getattr(config, "packs", ()) or ():
        try:
            path, builtin = resolve_pack_ref(ref, getattr(config, "root", None) or None)
        except PackError:
            continue
        if path in seen:
            continue
        data = _read_toml(path)
        if pack_kind(data) == kind:
            header = data.get("pack") if isinstance(data.get("pack"), dict) else {}
            out.append(Pack(name=str(header.get("name") or Path(path).stem), kind=kind, path=path,
                            builtin=builtin, data=data))
    return out


def _register_builtin_packs() -> None:
    for name, path in builtin_pack_files().items():
        try:
            data = _read_toml(str(path))
        except PackError:
            continue  # a broken vocabulary file is reported by whoever reads it
        if pack_kind(data) == "rules":
            _load_path(str(path), builtin=True)


_register_builtin_packs()
