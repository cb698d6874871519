"""The rule registry.

Each rule is a small function registered explicitly with ``@rule(...)``: its code,
name, default severity, a one-line summary, a description, examples that fire and
examples that stay quiet, and its options with defaults.  It receives a
:class:`RuleContext` and yields :class:`~numcheck.models.Finding` objects made
with ``ctx.finding(...)``.  The engine never needs to change when a rule is added:
adding a module to ``RULE_MODULES`` is enough.

Examples are article snippets; a first line ``date YYYY-MM-DD`` sets the
publication date, exactly as numcheck reads a real article.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from numcheck.models import Finding

if TYPE_CHECKING:  # pragma: no cover
    from numcheck.engine import Analysis

# Modules that register built-in rules, imported on first use of the registry.
RULE_MODULES = (
    "numcheck.rules.cur",
    "numcheck.rules.tim",
    "numcheck.rules.fig",
    "numcheck.rules.src",
    "numcheck.rules.packs",
)

FAMILIES = {
    "CUR": "currency",
    "TIM": "timeline",
    "FIG": "figures",
    "SRC": "sourcing",
    "NC": "numcheck itself",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    description: str
    fires: tuple[str, ...]
    quiet: tuple[str, ...]
    options: Mapping[str, Any]
    func: Callable[["RuleContext"], Iterable[Finding]] = field(repr=False, compare=False)
    needs: frozenset[str] = frozenset()
    origin: str = "builtin"
    # options the examples run with, for rules that are quiet until configured (SRC003)
    example_options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return "".join(ch for ch in self.code if ch.isalpha())


_REGISTRY: dict[str, Rule] = {}
_LOADED = False


def rule(code: str, name: str, severity: str, summary: str, *, description: str = "",
         fires: Iterable[str] = (), quiet: Iterable[str] = (),
         options: Mapping[str, Any] | None = None,
         needs: Iterable[str] = (),
         example_options: Mapping[str, Any] | None = None) -> Callable:
    """Register a rule function.  ``needs`` names optional services the rule
    uses (``rates``, ``units``) so the engine can load them lazily.  ``example_options``
    are the options the examples assume, for a rule that is quiet until configured."""

    def deco(func: Callable[["RuleContext"], Iterable[Finding]]) -> Callable:
        register(Rule(code=code, name=name, severity=severity, summary=summary,
                      description=(description or func.__doc__ or summary).strip(),
                      fires=tuple(fires), quiet=tuple(quiet), options=dict(options or {}),
                      func=func, needs=frozenset(needs),
                      example_options=dict(example_options or {})))
        return func

    return deco


def register(r: Rule) -> None:
    if r.severity not in ("error", "warning", "info"):
        raise ValueError(f"rule {r.code}: bad severity {r.severity!r}")
    if r.code in _REGISTRY and _REGISTRY[r.code].func is not r.func:
        raise ValueError(f"rule {r.code} registered twice")
    _REGISTRY[r.code] = r


def load() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    for mod in RULE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:  # a family not built yet
            if exc.name != mod:
                raise


def all_rules() -> list[Rule]:
    load()
    return sorted(_REGISTRY.values(), key=lambda r: r.code)


def get(code_or_name: str) -> Rule | None:
    load()
    key = code_or_name.strip()
    if key.upper() in _REGISTRY:
        return _REGISTRY[key.upper()]
    for r in _REGISTRY.values():
        if r.name == key.lower():
            return r
    return None


def resolve_selector(selector: str) -> list[Rule]:
    """Rules matched by a code (``CUR002``), a prefix (``CUR``, ``TIM00``), a name
    (``conversion-mismatch``) or ``ALL``."""
    load()
    s = selector.strip()
    if s.upper() == "ALL":
        return all_rules()
    exact = get(s)
    if exact:
        return [exact]
    up = s.upper()
    return [r for r in all_rules() if r.code.startswith(up)] if up.isalnum() else []


class RuleContext:
    """What a rule sees: the analysed document and this rule's options."""

    __slots__ = ("analysis", "rule", "options")

    def __init__(self, analysis: "Analysis", rule_: Rule, options: Mapping[str, Any]) -> None:
        self.analysis = analysis
        self.rule = rule_
        self.options = options

    # Convenience views -------------------------------------------------
    @property
    def doc(self):
        return self.analysis.document

    @property
    def text(self) -> str:
        return self.analysis.document.text

    @property
    def claims(self):
        return self.analysis.claims

    @property
    def figures(self):
        return self.analysis.figures

    @property
    def temporal(self):
        return self.analysis.temporal

    def in_table_row(self, pos: int) -> bool:
        """True when ``pos`` is in a table row: a paragraph of cells the Markdown and HTML
        readers join with tabs, or a plain-text row opening with ``|``."""
        a = self.analysis
        if not a.paragraphs:
            return False
        par = a.paragraph_of(pos)
        row = self.analysis.document.text[par.start:par.end]
        return "\t" in row or row.lstrip().startswith("|")

    def option(self, key: str, default: Any = None) -> Any:
        if key in self.options:
            return self.options[key]
        return self.rule.options.get(key, default)

    def finding(self, start: int, end: int, message: str, *, notes: Iterable[str] = (),
                severity: str | None = None, key: str | None = None) -> Finding:
        """A finding of this rule over ``text[start:end]``.  ``key`` is the
        normalised text used in baseline fingerprints (defaults to the span)."""
        text = self.analysis.document.text
        return Finding(code=self.rule.code, name=self.rule.name,
                       severity=severity or self.rule.severity, message=message,
                       start=start, end=end, notes=tuple(notes),
                       fingerprint_text=key if key is not None else " ".join(text[start:end].split()))


def run_rule(r: Rule, ctx: RuleContext) -> Iterator[Finding]:
    yield from r.func(ctx)
