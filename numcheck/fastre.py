"""Regular expressions that skip, in C, the characters no match can start with.

CPython's regex engine searches fast when a pattern begins with a literal or a
character class: it steps over text that cannot start a match without entering the
matcher.  Most of numcheck's patterns begin with a zero-width check instead
(``(?<!\\w)``: a match starts a word), which turns that optimisation off, so every
position of the text pays for a match attempt, once per pattern.  ``compile`` works out
the set of characters any match of the pattern can start with and hands it to the
engine as the search hint the engine would have computed itself for a pattern
beginning ``[...]``.  The hint only skips positions where no match can start, so a
pattern finds exactly what ``re.compile`` finds (``tests/test_fastre.py`` checks this
against the plain compile on the project's texts, pattern by pattern).

The engine's internals are private and change between Python versions: any surprise
(another layout, a validation error) falls back to the plain ``re.compile``.
"""
from __future__ import annotations

import array
import os
import re

import _sre

__all__ = ["compile", "first_chars", "plain"]

_PLAIN = os.environ.get("NUMCHECK_PLAIN_RE", "") not in ("", "0")

# at most this many characters in a start set (``\\d`` alone is 660); bigger sets skip
# too little to pay
_LIMIT = 1000

# characters outside ASCII that the engine folds onto an ASCII letter under IGNORECASE
# (checked against the engine's own case tables in tests/test_fastre.py)
_FOLDS_TO_ASCII = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


# stands for "any character ``\\d`` matches" in a start set: the hint keeps ``\\d`` as
# the engine's own category test rather than 660 characters checked one range at a time
DIGIT = "\\d"


def _cased(ch: str, ignorecase: bool) -> set[str] | None:
    if not ignorecase:
        return {ch}
    if not _sre.unicode_iscased(ord(ch)):
        return {ch}
    if not ch.isascii():
        return None  # folds outside ASCII: no hint rather than a wrong one
    low = ch.lower()
    return {low, ch.upper(), *_FOLDS_TO_ASCII.get(low, "")}


def _class_chars(items, ignorecase: bool) -> set[str] | None:
    from re import _constants as C
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            got = _cased(chr(av), ignorecase)
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > 128:
                return None
            got = set()
            for i in range(lo, hi + 1):
                one = _cased(chr(i), ignorecase)
                if one is None:
                    return None
                got |= one
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            got = {DIGIT}
        else:  # NEGATE, \w, \s, ...: too wide to help
            return None
        if got is None:
            return None
        out |= got
    return out


def _first(seq, flags: int) -> tuple[set[str] | None, bool]:
    """(characters a match of ``seq`` can start with, whether ``seq`` can match empty);
    None when the set is unknown or unbounded."""
    from re import _constants as C
    ignorecase = bool(flags & re.IGNORECASE)
    out: set[str] = set()
    for op, av in seq:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero width: the next item starts the match
        if op is C.LITERAL:
            got = _cased(chr(av), ignorecase)
            if got is None:
                return None, False
            return out | got, False
        if op is C.IN:
            got = _class_chars(av, ignorecase)
            if got is None:
                return None, False
            return out | got, False
        if op is C.SUBPATTERN:
            _group, add, remove, sub = av
            got, empty = _first(sub, (flags | add) & ~remove)
        elif op is C.BRANCH:
            got, empty = set(), False
            for sub in av[1]:
                one, one_empty = _first(sub, flags)
                if one is None:
                    return None, False
                got |= one
                empty = empty or one_empty
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            got, empty = _first(sub, flags)
            empty = empty or lo == 0
        elif op is getattr(C, "ATOMIC_GROUP", None):
            got, empty = _first(av, flags)
        else:  # ANY, NOT_LITERAL, GROUPREF, ...
            return None, False
        if got is None:
            return None, False
        out |= got
        if len(out) > _LIMIT:
            return None, False
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every non-empty match of ``pattern`` starts with, ``DIGIT``
    standing for every character ``\\d`` matches (None: unknown, unbounded, or the
    pattern can match the empty string)."""
    from re import _parser
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:
        return None
    return _start_set(parsed, flags)


def _start_set(parsed, flags: int) -> frozenset[str] | None:
    try:
        got, empty = _first(parsed.data, flags | parsed.state.flags)
    except Exception:
        return None
    if got is None or empty or not got or len(got) > _LIMIT:
        return None
    return frozenset(got)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, searching faster when a start set is known
    (``NUMCHECK_PLAIN_RE=1`` in the environment: a plain ``re.compile``)."""
    if _PLAIN:
        return re.compile(pattern, flags)
    try:
        return _compile(pattern, flags)
    except Exception:
        return re.compile(pattern, flags)


def plain(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` exactly (no hint), through the compiled-pattern cache."""
    if _PLAIN:
        return re.compile(pattern, flags)
    try:
        return _compile(pattern, flags, hint=False)
    except Exception:
        return re.compile(pattern, flags)


# -- the compiled-pattern cache ---------------------------------------------------------
#
# Parsing and compiling numcheck's few hundred patterns is Python code in the ``re``
# package and takes most of a cold start.  What it produces, the engine's code list, is a
# pure function of the pattern, its flags, the Python version and this module, so it is
# kept in a file under the user's cache folder (``NUMCHECK_CACHE_DIR``, else
# ``$XDG_CACHE_HOME/numcheck`` or ``~/.cache/numcheck``) and handed straight to the engine
# on later starts.  The file's name carries the engine's version and a digest of this
# module; anything unreadable is ignored and rebuilt; ``NUMCHECK_NO_CACHE=1`` turns it off.

_CACHE: dict | None = None
_CACHE_NEW = False


_FILE: list = []  # the cache file's path, once worked out (None: no usable name)


def _cache_file():
    if not _FILE:
        _FILE.append(_cache_path())
    return _FILE[0]


def _cache_path():
    from pathlib import Path
    import hashlib
    import sys

    base = os.environ.get("NUMCHECK_CACHE_DIR")
    if base:
        folder = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "numcheck"
    try:
        digest = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=6).hexdigest()
    except OSError:
        return None
    return folder / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}-{digest}.pickle"


def _load_cache() -> dict:
    global _CACHE
    _CACHE = {}
    if os.environ.get("NUMCHECK_NO_CACHE", "") not in ("", "0"):
        return _CACHE
    import atexit
    import pickle

    path = _cache_file()
    if path is not None:
        try:
            with open(path, "rb") as fh:
                got = pickle.load(fh)
            if isinstance(got, dict):
                _CACHE = got
        except Exception:  # missing, unreadable or from elsewhere: rebuilt
            pass
    atexit.register(_save_cache)
    return _CACHE


def _save_cache() -> None:
    """Write the cache back when this process compiled a pattern it did not hold."""
    if not _CACHE_NEW or _CACHE is None:
        return
    import pickle
    import tempfile

    path = _cache_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(_CACHE, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: parallel workers never see half a file
    except Exception:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:
            pass


_OBJECTS: dict = {}      # this process's compiled patterns, as re's own cache keeps them
_CACHE_LIMIT = 2000      # entries kept on disk (numcheck itself compiles a few hundred)
# an array type code whose items are the engine's code words
_WORD = next((t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE), "I")


def _compile(pattern: str, flags: int, hint: bool = True) -> re.Pattern[str]:
    global _CACHE_NEW
    key = (pattern, flags, hint)
    done = _OBJECTS.get(key)
    if done is not None:
        return done
    cache = _CACHE if _CACHE is not None else _load_cache()
    got = cache.get(key)
    compiled = None
    if got is not None:
        try:
            code = array.array(_WORD)
            code.frombytes(got[1])
            compiled = _sre.compile(pattern, got[0], code.tolist(), *got[2:])
        except Exception:
            compiled = None  # a stale or foreign entry: compiled afresh below
    if compiled is None:
        args = _compile_args(pattern, flags, hint)
        compiled = _sre.compile(pattern, *args)
        if len(cache) < _CACHE_LIMIT:
            # the code as packed machine words: a file of bytes loads far faster than lists of ints
            cache[key] = (args[0], array.array(_WORD, args[1]).tobytes()) + args[2:]
            _CACHE_NEW = True
    _OBJECTS[key] = compiled
    return compiled


def _compile_args(pattern: str, flags: int, hint: bool = True) -> tuple:
    """The engine's arguments after the pattern: flags, code, groups, group names."""
    from re import _compiler, _parser
    from re import _constants as C

    if not isinstance(pattern, str):
        raise TypeError("str patterns only")
    parsed = _parser.parse(pattern, flags)
    start = _start_set(parsed, flags) if hint else None
    code = _compiler._code(parsed, flags)
    # a hint only where the engine has none of its own (a literal prefix is better)
    if start is not None and code[0] is C.INFO and code[1] == 4 and code[2] == 0 and code[3] > 0:
        items = [(C.LITERAL, ord(ch)) for ch in sorted(start) if ch != DIGIT]
        if DIGIT in start:
            if (flags | parsed.state.flags) & re.ASCII:
                items.append((C.RANGE, (48, 57)))
            else:
                items.append((C.CATEGORY, C.CATEGORY_DIGIT))
        charset, hascased = _compiler._optimize_charset(items)
        if not hascased:
            info = [C.INFO, 0, C.SRE_INFO_CHARSET, code[3], code[4]]
            _compiler._compile_charset(charset, flags | parsed.state.flags, info)
            info[1] = len(info) - 1
            code = info + code[5:]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), [int(x) for x in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))
