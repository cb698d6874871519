"""Static unit vocabulary: surface forms -> pint canonical unit names.

Kept static so extraction never builds a pint registry; ``tests/test_units.py``
checks every entry against a real registry (pint must accept the name and give it
back unchanged, i.e. the name is canonical) and checks the dimension tags.

``LONG`` forms match case-insensitively; ``SHORT`` forms (symbols and abbreviations)
match case-sensitively (``MB`` is a megabyte, ``Mb``/``mb`` a megabit).
Each value is ``(pint canonical name, dimension tag)``; the tag lets the extractor
link stated equivalents (``12 miles (19 km)``) without pint.
"""
from __future__ import annotations

L, A, V, M, T, E, P, S, D, F, ANG, PR = (
    "length", "area", "volume", "mass", "temperature", "energy", "power", "speed",
    "information", "frequency", "angle", "pressure")

LONG: dict[str, tuple[str, str]] = {}
SHORT: dict[str, tuple[str, str]] = {}


def _long(unit: str, dim: str, *forms: str) -> None:
    for f in forms:
        LONG[f.lower()] = (unit, dim)


def _short(unit: str, dim: str, *forms: str) -> None:
    for f in forms:
        SHORT[f] = (unit, dim)


# length
_long("kilometer", L, "kilometre", "kilometres", "kilometer", "kilometers", "kms", "klicks")
_short("kilometer", L, "km", "Km", "KM")
_long("meter", L, "metre", "metres", "meter", "meters")
_short("meter", L, "m")
_long("centimeter", L, "centimetre", "centimetres", "centimeter", "centimeters")
_short("centimeter", L, "cm")
_long("millimeter", L, "millimetre", "millimetres", "millimeter", "millimeters")
_short("millimeter", L, "mm")
_long("micrometer", L, "micrometre", "micrometres", "micrometer", "micrometers", "microns", "micron")
_short("micrometer", L, "µm", "μm")
_long("nanometer", L, "nanometre", "nanometres", "nanometer", "nanometers")
_short("nanometer", L, "nm")
_long("decimeter", L, "decimetre", "decimetres", "decimeter", "decimeters")
_short("decimeter", L, "dm")
_long("picometer", L, "picometre", "picometres", "picometer", "picometers")
_long("mile", L, "mile", "miles")
_short("mile", L, "mi")
_long("nautical_mile", L, "nautical mile", "nautical miles")
_long("foot", L, "foot", "feet")
_short("foot", L, "ft", "′")
_long("inch", L, "inch", "inches")
_short("inch", L, "in.", "″", "in")  # "in" only glued to its digits: "112mm (4.4in)"
_long("yard", L, "yard", "yards")
_short("yard", L, "yd", "yds")
_long("light_year", L, "light year", "light years", "light-year", "light-years")
# area
_long("kilometer ** 2", A, "square kilometre", "square kilometres", "square kilometer",
      "square kilometers", "sq km", "sq. km", "sq kms", "km2", "km²", "sqkm")
_long("meter ** 2", A, "square metre", "square metres", "square meter", "square meters",
      "sq m", "sq. m", "m2", "m²", "sqm")
_long("square_mile", A, "square mile", "square miles", "sq mi", "sq. mi", "sq miles", "sq. miles",
      "mi2", "mi²")
_long("square_foot", A, "square foot", "square feet", "sq ft", "sq. ft", "sq. ft.", "ft2", "ft²")
_long("centimeter ** 2", A, "square centimetre", "square centimetres", "square centimeter",
      "square centimeters", "cm2", "cm²")
_long("hectare", A, "hectare", "hectares")
_short("hectare", A, "ha")
_long("acre", A, "acre", "acres")
# volume
_long("liter", V, "litre", "litres", "liter", "liters")
_short("liter", V, "l", "L", "ltr")
_long("milliliter", V, "millilitre", "millilitres", "milliliter", "milliliters")
_short("milliliter", V, "ml", "mL")
_long("centiliter", V, "centilitre", "centilitres", "centiliter", "centiliters")
_short("centiliter", V, "cl", "cL")
_long("gallon", V, "gallon", "gallons")
_short("gallon", V, "gal")
_long("bushel", V, "bushel", "bushels")
_long("oil_barrel", V, "barrel", "barrels", "barrels of oil")
_short("oil_barrel", V, "bbl")
_long("meter ** 3", V, "cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³")
_long("foot ** 3", V, "cubic foot", "cubic feet", "ft3", "ft³")
_long("kilometer ** 3", V, "cubic kilometre", "cubic kilometres", "cubic kilometer",
      "cubic kilometers", "km3", "km³")
_long("cup", V, "cup", "cups")
_long("tablespoon", V, "tablespoon", "tablespoons")
_short("tablespoon", V, "tbsp")
_long("teaspoon", V, "teaspoon", "teaspoons")
_short("teaspoon", V, "tsp")
_long("pint", V, "pint", "pints")
_long("fluid_ounce", V, "fluid ounce", "fluid ounces", "fl oz", "fl. oz")
# mass
_long("kilogram", M, "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
_short("kilogram", M, "kg", "kgs", "Kg")
_long("gram", M, "gram", "grams", "gramme", "grammes")
_short("gram", M, "g", "gr")
_long("milligram", M, "milligram", "milligrams", "milligramme", "milligrammes")
_short("milligram", M, "mg")
_long("microgram", M, "microgram", "micrograms", "microgramme", "microgrammes")
_short("microgram", M, "µg", "μg", "mcg")
_long("metric_ton", M, "tonne", "tonnes", "metric ton", "metric tons", "metric tonne",
      "metric tonnes")
_short("metric_ton", M, "t", "mt")
_long("ton", M, "ton", "tons", "short ton", "short tons")
_long("long_ton", M, "long ton", "long tons")
_long("pound", M, "pound", "pounds")
_short("pound", M, "lb", "lbs", "lb.", "lbs.")
_long("ounce", M, "ounce", "ounces")
_short("ounce", M, "oz")
_long("stone", M, "stone")
_long("carat", M, "carat", "carats")
# temperature
_long("degree_Celsius", T, "degrees celsius", "degree celsius", "degrees centigrade",
      "degree centigrade", "celsius", "celcius", "centigrade", "deg c", "deg celsius",
      "degrees c", "degree c", "°c", "° c", "ºc", "℃")
_long("degree_Fahrenheit", T, "degrees fahrenheit", "degree fahrenheit", "fahrenheit",
      "farenheit", "deg f", "deg fahrenheit", "degrees f", "degree f", "°f", "° f", "ºf",
      "℉", "degrees farenheit")
_short("degree_Celsius", T, "C")
_short("degree_Fahrenheit", T, "F")
_long("kelvin", T, "kelvin", "kelvins")
_long("degree", ANG, "degrees", "degree", "deg", "deg.", "°", "º")
# energy
_long("joule", E, "joule", "joules")
_short("joule", E, "J")
_short("kilojoule", E, "kJ")
_short("megajoule", E, "MJ")
_short("gigajoule", E, "GJ")
_long("kilojoule", E, "kilojoule", "kilojoules")
_long("megajoule", E, "megajoule", "megajoules")
_long("gigajoule", E, "gigajoule", "gigajoules")
_long("watt_hour", E, "watt hour", "watt hours", "watt-hour", "watt-hours")
_short("watt_hour", E, "Wh")
for _p, _sym in (("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T")):
    _long(f"{_p}watt_hour", E, f"{_p}watt hour", f"{_p}watt hours", f"{_p}watt-hour",
          f"{_p}watt-hours", f"{_p}watthours", f"{_p}watt-hrs")
    _short(f"{_p}watt_hour", E, f"{_sym}Wh", f"{_sym}WH")
    _long(f"{_p}watt", P, f"{_p}watt", f"{_p}watts")
    _short(f"{_p}watt", P, f"{_sym}W")
_short("kilowatt_hour", E, "kwh")
_long("calorie", E, "calorie", "calories")
_long("kilocalorie", E, "kilocalorie", "kilocalories")
_short("kilocalorie", E, "kcal")
_long("british_thermal_unit", E, "btu", "btus", "british thermal units")
_short("electron_volt", E, "eV")
_short("teraelectron_volt", E, "TeV")
_short("gigaelectron_volt", E, "GeV")
_long("electron_volt", E, "electronvolt", "electronvolts", "electron volts")
# power
_long("watt", P, "watt", "watts")
_short("watt", P, "W")
_long("horsepower", P, "horsepower")
_short("horsepower", P, "hp", "bhp")
# speed
_long("mile_per_hour", S, "miles per hour", "mile per hour", "miles an hour", "mile an hour",
      "miles a hour", "mph", "m.p.h.")
_long("kilometer_per_hour", S, "kilometres per hour", "kilometers per hour", "kilometre per hour",
      "kilometer per hour", "kilometres an hour", "kilometers an hour", "km/h", "km/hr", "kmh",
      "kph", "kmph", "km per hour", "km an hour")
_long("meter / second", S, "metres per second", "meters per second", "metre per second",
      "meter per second", "m/s")
_long("knot", S, "knot", "knots")
_short("knot", S, "kt", "kts")
# information
for _p, _sym in (("", ""), ("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T"),
                 ("peta", "P"), ("exa", "E")):
    _long(f"{_p}byte", D, f"{_p}byte", f"{_p}bytes")
    _long(f"{_p}bit", D, f"{_p}bit", f"{_p}bits")
    if _sym:
        _short(f"{_p}byte", D, f"{_sym}B")
        _short(f"{_p}bit", D, f"{_sym}b", f"{_sym}bit", f"{_sym.lower()}b")
_short("kilobyte", D, "KB", "kB")
_short("kilobit", D, "Kb", "kbit")
_long("megabit / second", D, "mbps", "megabits per second", "mbit/s")
_long("gigabit / second", D, "gbps", "gigabits per second", "gbit/s")
# frequency
_long("hertz", F, "hertz")
_short("hertz", F, "Hz")
for _p, _sym in (("kilo", "k"), ("mega", "M"), ("giga", "G")):
    _long(f"{_p}hertz", F, f"{_p}hertz")
    _short(f"{_p}hertz", F, f"{_sym}Hz")
# pressure
_short("pound_force_per_square_inch", PR, "psi")
_long("hectopascal", PR, "hectopascal", "hectopascals")
_short("hectopascal", PR, "hPa")
_long("millibar", PR, "millibar", "millibars")
_short("millibar", PR, "mb", "mbar")
# angle
_long("radian", ANG, "radian", "radians")
_long("turn", ANG, "turns", "revolutions")
_short("radian", ANG, "rad")

# electric charge (battery capacity)
_long("milliampere_hour", "charge", "milliamp hour", "milliamp hours", "milliampere hour", "milliampere hours")
_short("milliampere_hour", "charge", "mAh")
_short("ampere_hour", "charge", "Ah")

# sound, radiation, concentration, blood pressure, fuel economy, air quality
_long("decibel", "level", "decibel", "decibels")
_short("decibel", "level", "dB", "db")
_long("millisievert", "dose", "millisievert", "millisieverts")
_short("millisievert", "dose", "mSv")
_long("microsievert", "dose", "microsievert", "microsieverts")
_short("microsievert", "dose", "µSv", "μSv", "uSv")
_long("sievert", "dose", "sievert", "sieverts")
_short("sievert", "dose", "Sv")
_long("ppm", "ratio", "parts per million", "ppm")
_long("millimeter_Hg", PR, "mmhg", "millimetres of mercury", "millimeters of mercury")
_long("mile / gallon", "fuel", "mpg", "miles per gallon", "miles a gallon")
_long("microgram / meter ** 3", "concentration", "micrograms per cubic metre",
      "micrograms per cubic meter", "µg/m3", "µg/m³", "μg/m3", "μg/m³", "ug/m3")

# image resolution
_long("megapixel", "resolution", "megapixel", "megapixels")
_short("megapixel", "resolution", "MP", "Mp", "mp")

# The megabit/millibar clash: "mb" after a data context is rare in news; keep megabit.
SHORT["mb"] = ("megabit", D)

# Units whose symbol is a single letter or otherwise clashes with words: only accepted
# glued to the digits ("48m", "100t", "40C") or, with a space, after a decimal/grouped numeral.
GLUED_ONLY = frozenset({"MP", "Mp", "mp", "m", "t", "g", "l", "L", "C", "F", "W", "J", "B", "b", "ha", "gr", "mt",
                        "in.", "in", "kt", "rad", "gal", "hp", "cl", "dm"})

# Forms that must not be read as a unit in front of certain words ("in" is never a unit
# on its own; "pounds" may be money, handled by the money grammar).
DIMENSION_OF = {unit: dim for unit, dim in list(LONG.values()) + list(SHORT.values())}
