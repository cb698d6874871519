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
