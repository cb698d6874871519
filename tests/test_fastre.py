"""numcheck.fastre: a start-set hint never changes what a pattern finds."""
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck import fastre

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = ("Kelvin \u212a and \u0130stanbul, \u0131 and \u017fhip; \u0661\u0662 and \uff11\uff12 and \U0001d7ce\U0001d7cf "
           "digits; £5m, 12%, Oct. 7, at 5 p.m., aged 52, last week; İİ KK ſſ")


def _texts() -> list[str]:
    out = [HOSTILE]
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".md", ".html") and path.is_file():
            out.append(path.read_text(encoding="utf-8", errors="replace"))
    return out


def _project_patterns() -> list[re.Pattern[str]]:
    from numcheck.extract import attribution, figures, temporal
    from numcheck import segment, tense
    pats: list[re.Pattern[str]] = [rx for rx, _ in temporal._PATTERNS]
    for mod in (attribution, figures, temporal, segment, tense):
        pats.extend(v for v in vars(mod).values() if isinstance(v, re.Pattern))
    lex = attribution.lexicon()
    for cue in lex.cues:
        pats.extend(p for p in (cue.whole, cue.prefix, cue.suffix) if p is not None)
    pats.extend(p for p, _ in lex.vague)
    pats.extend((lex.verb_re, lex.skip_re))
    return pats


def _spans(rx: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_project_patterns_find_what_re_finds():
    texts = _texts()
    pats = _project_patterns()
    hinted = 0
    for rx in pats:
        plain = re.compile(rx.pattern, rx.flags)
        fast = fastre.compile(rx.pattern, rx.flags)
        hinted += fastre.first_chars(rx.pattern, rx.flags) is not None
        for text in texts:
            assert _spans(fast, text) == _spans(plain, text), rx.pattern[:120]
    assert hinted > len(pats) // 3  # the hint applies to most of them


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?<!\w)[Mm]onday", 0, {"M", "m"}),
    (r"(?i:may)", 0, {"m", "M"}),
    (r"(?i)sun", 0, {"s", "S", "\u017f"}),
    (r"(?i)kilo", 0, {"k", "K", "\u212a"}),
    (r"(?i)in\b", 0, {"i", "I", "\u0130", "\u0131"}),
    (r"(?:the\s+)?(?:\d+|first)", 0, {"t", fastre.DIGIT, "f"}),
    (r"(?:a|b)?c", 0, {"a", "b", "c"}),
    (r"£\d", 0, {"£"}),
    (r"(a)\1", 0, {"a"}),
])
def test_first_chars(pattern, flags, expected):
    assert fastre.first_chars(pattern, flags) == expected


@pytest.mark.parametrize("pattern", [
    r"\w+ed",            # \w: too wide to help
    r"(?:x)?",           # can match the empty string
    r".abc",             # any character
    r"[^a]bc",           # a negated class
    r"(?i)éclair",       # a letter folding outside ASCII: no hint rather than a wrong one
    r"\1?(a)",           # a back reference
])
def test_no_hint_where_none_is_safe(pattern):
    assert fastre.first_chars(pattern) is None


def test_ascii_letter_folds_match_the_engine():
    """The non-ASCII characters IGNORECASE folds onto each ASCII letter, listed by the
    engine itself over the first two planes, are the ones the hint adds."""
    import array
    planes = array.array("I", range(0x20000)).tobytes().decode("utf-32-le", "surrogatepass")
    for letter in "abcdefghijklmnopqrstuvwxyz":
        engine = set(re.findall("(?i)" + letter, planes))
        assert engine == fastre._cased(letter, True), letter


def test_unicode_digits_are_kept():
    rx = fastre.compile(r"(?<!\w)\d+ km")
    assert [m.group() for m in rx.finditer("\u0661\u0662 km, \uff11 km and 3 km")] == ["\u0661\u0662 km", "\uff11 km", "3 km"]


def test_falls_back_to_a_plain_compile_on_a_bad_pattern():
    with pytest.raises(re.error):
        fastre.compile(r"(unclosed")


def test_hinted_patterns_pickle():
    import pickle
    rx = fastre.compile(r"(?<!\w)[Mm]ay \d{1,2}")
    back = pickle.loads(pickle.dumps(rx))
    assert back.pattern == rx.pattern and back.findall("on May 7 and may 8") == ["May 7", "may 8"]


FRAGMENTS = [r"(?<!\w)", r"(?=[\w'])", r"[Mm]ay", r"\d{1,2}", r"(?i:june)", r"(?:the\s+)?", r"(?:a|b)",
             r"\s+", r"x?", r"(?i)k", r"s", r"[0-3]?\d", r"(?:st|nd)?", r"(?![\w])", r"\b", r"i"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5),
       st.text(alphabet="MmayJjunekKsSiI \u212a\u017f\u0130\u0131'0123456789\u0661the ab.", max_size=60))
def test_random_patterns_find_what_re_finds(parts, text):
    pattern = "".join(parts)
    try:
        plain = re.compile(pattern)
    except re.error:
        return
    fast = fastre.compile(pattern)
    assert _spans(fast, text) == _spans(plain, text)


def test_whole_runs_are_the_same_with_and_without_hints():
    """End to end: findings and the claims inventory over real articles are identical
    with the hints off."""
    import os
    import subprocess
    import sys
    paths = [str(ROOT / "fixtures" / d) for d in ("errors", "clean2", "timex", "attribution")]
    env = {k: v for k, v in os.environ.items() if k != "NUMCHECK_PLAIN_RE"}
    for cmd in (["check", "--exit-zero", "-j", "1"], ["extract"]):
        args = [sys.executable, "-m", "numcheck", *cmd, "--format", "json", *paths]
        hinted = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
        plain = subprocess.run(args, capture_output=True, text=True, env={**env, "NUMCHECK_PLAIN_RE": "1"},
                               timeout=300)
        assert hinted.returncode == plain.returncode == 0, hinted.stderr + plain.stderr
        assert len(hinted.stdout) > 10_000 and ('"claims"' in hinted.stdout or '"findings"' in hinted.stdout)
        assert hinted.stdout == plain.stdout


# -- the compiled-pattern cache ---------------------------------------------------------

def _run_py(code: str, env_extra: dict) -> str:
    import os
    import subprocess
    import sys
    env = {**os.environ, **env_extra}
    env.pop("NUMCHECK_PLAIN_RE", None)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


_CACHE_PROBE = """
import re
from numcheck import fastre
pats = [(r"(?<![\\w-])(?:said|says|told)\\b", re.I), (r"(?P<n>\\d+)\\s*(?:km|miles?)", 0), (r"\\bsince\\s+$", re.I)]
text = "He SAID it was 12 km, she says 3 miles since "
for p, f in pats:
    a, b = fastre.compile(p, f), re.compile(p, f)
    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], p
    assert a.groupindex == b.groupindex and a.groups == b.groups and a.flags == b.flags
    c = fastre.plain(p, f)
    assert c.pattern == b.pattern and c.flags == b.flags and [m.span() for m in c.finditer(text)] == [m.span() for m in b.finditer(text)]
print(len(fastre._CACHE), fastre._CACHE_NEW)
"""


def test_cache_is_written_once_and_read_back(tmp_path):
    env = {"NUMCHECK_CACHE_DIR": str(tmp_path)}
    first = _run_py(_CACHE_PROBE, env).split()
    assert first[1] == "True"  # compiled afresh, so written at exit
    files = list(tmp_path.glob("patterns-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_size > 0
    second = _run_py(_CACHE_PROBE, env).split()
    assert second[1] == "False"  # every pattern came from the file
    assert int(second[0]) >= 6


def test_a_broken_cache_file_is_ignored_and_rebuilt(tmp_path):
    env = {"NUMCHECK_CACHE_DIR": str(tmp_path)}
    _run_py(_CACHE_PROBE, env)
    [path] = tmp_path.glob("patterns-*.pickle")
    path.write_bytes(b"not a pickle at all")
    assert _run_py(_CACHE_PROBE, env).split()[1] == "True"
    import pickle
    assert isinstance(pickle.loads(path.read_bytes()), dict)


def test_cache_can_be_turned_off(tmp_path):
    _run_py(_CACHE_PROBE, {"NUMCHECK_CACHE_DIR": str(tmp_path), "NUMCHECK_NO_CACHE": "1"})
    assert list(tmp_path.iterdir()) == []


def test_cache_in_an_unwritable_place_costs_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    # the cache folder would have to be inside a file: writing fails quietly
    assert _run_py(_CACHE_PROBE, {"NUMCHECK_CACHE_DIR": str(blocker / "sub")}).split()[1] == "True"
