"""Money, imperial units, temperatures and dates in English dialogue, with a conversion.

Pure regular expressions over a segment's text: :func:`find` returns
:class:`Quantity` objects with character offsets, a label (``currency``,
``unit``, ``temperature``, ``date``) and a suggestion such as "5 miles ≈ 8 km".
Exchange rates change, so money gets no conversion, only the currency and a
note on writing it the target way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "thousand": 1000, "a thousand": 1000, "half a": 0.5, "a couple of": 2,
    "couple of": 2, "a few": 3, "a dozen": 12, "dozen": 12,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORDNUM = (
    rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|{_UNITS}|a hundred|a thousand|hundred|thousand|half an?|a couple of|couple of|"
    rf"a few|a dozen|dozen|an?)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUM = rf"(?:{_DIGITS}|{_WORDNUM})(?:\s+(?:hundred|thousand|million))?"


def parse_number(text: str) -> float | None:
    """'5' → 5, 'five' → 5, 'twenty-two' → 22, 'two hundred' → 200, 'half a' → 0.5."""
    t = text.lower().strip().replace(",", "")
    mult = 1.0
    for word, factor in (("million", 1e6), ("thousand", 1e3), ("hundred", 1e2)):
        if t.endswith(" " + word):
            t = t[: -len(word) - 1].strip()
            mult = factor
            break
    try:
        return float(t) * mult
    except ValueError:
        pass
    if t in ("half an", "half a"):
        return 0.5 * mult
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] * mult
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return (NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]) * mult
    return None


def fmt(value: float, digits: int = 1) -> str:
    """Round for a subtitler: 8.0 → '8', 1.8796 → '1.88' (digits=2), 63.5 → '63.5'."""
    if abs(value) >= 100:
        return f"{round(value):,}".replace(",", " ")
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass
class Quantity:
    """A quantity found in a text.

    Attributes:
        start: first character.
        end: end, exclusive.
        text: the matched text.
        label: ``currency``, ``unit``, ``temperature`` or ``date``.
        rule: rule slug (``unit-miles``, ``money-dollar`` …).
        gloss: what it is, in plain words.
        suggestion: the conversion or how to write it for the target.
    """

    start: int
    end: int
    text: str
    label: str
    rule: str
    gloss: str
    suggestion: str


# unit name -> (regex for the unit word, metric unit, factor, gloss)
UNITS: dict[str, tuple[str, str, float, str]] = {
    "miles": (r"miles?", "km", 1.609344, "imperial distance (mile = 1.609 km)"),
    "mph": (r"mph|miles (?:an|per) hour", "km/h", 1.609344, "speed in miles per hour"),
    "yards": (r"yards?|yds?", "m", 0.9144, "imperial length (yard = 0.91 m)"),
    "feet": (r"feet|foot|ft", "m", 0.3048, "imperial length (foot = 30.5 cm)"),
    "inches": (r"inch(?:es)?", "cm", 2.54, "imperial length (inch = 2.54 cm)"),
    "pounds": (r"pounds?|lbs?\.?", "kg", 0.45359237, "imperial weight (pound = 454 g)"),
    "ounces": (r"ounces?|oz\.?", "g", 28.349523, "imperial weight (ounce = 28 g)"),
    "stone": (r"stones?", "kg", 6.35029318, "British body weight (stone = 6.35 kg)"),
    "gallons": (r"gallons?", "l", 3.785411784, "US gallon (3.79 l; the UK gallon is 4.55 l)"),
    "pints": (r"pints?", "ml", 568.26, "pint (UK 568 ml, US 473 ml)"),
    "quarts": (r"quarts?", "l", 0.946353, "US quart (0.95 l)"),
    "acres": (r"acres?", "ha", 0.40468564, "land area (acre = 0.4 ha)"),
}
_WEIGHT_CUES = re.compile(
    r"\b(weigh\w*|weight|lost|lose|losing|gain\w*|put on|heavy|heavier|fat|diet\w*|scales?|lbs|kilos?|"
    r"bench|lift\w*|baby|born|pregnan\w*)\b",
    re.I,
)
_MONEY_CUES = re.compile(
    r"\b(pay|paid|cost\w*|owe\w*|buy|bought|sell|sold|price\w*|spen[dt]\w*|cash|money|worth|bet|"
    r"charg\w*|fine[ds]?|rent|wage\w*|salary|tip|quid|change|lend|borrow\w*|earn\w*|bucks?)\b|£",
    re.I,
)
CURRENCIES: dict[str, tuple[str, str]] = {
    "$": ("USD", "US dollars (or another dollar: Canadian, Australian …)"),
    "£": ("GBP", "British pounds"),
    "€": ("EUR", "euros"),
}
CURRENCY_WORDS: list[tuple[str, str, str, str]] = [
    # regex, currency, gloss, rule slug
    (r"bucks?", "USD", "dollars, informal (US/Canada/Australia)", "money-bucks"),
    (r"dollars?", "USD", "dollars", "money-dollar"),
    (r"cents?", "USD", "cents", "money-cent"),
    (r"quid", "GBP", "pounds sterling, informal (UK)", "money-quid"),
    (r"pence", "GBP", "pence (UK)", "money-pence"),
    (r"grand", "", "a thousand (dollars or pounds), informal", "money-grand"),
    (r"euros?", "EUR", "euros", "money-euro"),
    (r"nickels?", "USD", "5-cent coins (US)", "money-nickel"),
    (r"dimes?", "USD", "10-cent coins (US)", "money-dime"),
    (r"quarters?", "USD", "25-cent coins (US)", "money-quarter"),
]
MONEY_NOUNS: dict[str, tuple[float, str, str]] = {
    "fiver": (5, "GBP", "a five-pound note (UK; also $5 in the US)"),
    "tenner": (10, "GBP", "a ten-pound note (UK)"),
    "score": (20, "GBP", "twenty pounds, informal (UK)"),
    "ton": (100, "GBP", "a hundred pounds, informal (UK)"),
    "monkey": (500, "GBP", "five hundred pounds, slang (UK)"),
    "pony": (25, "GBP", "twenty-five pounds, slang (UK)"),
    "c-note": (100, "USD", "a hundred-dollar bill (US)"),
    "benjamin": (100, "USD", "a hundred-dollar bill (US)"),
    "sawbuck": (10, "USD", "a ten-dollar bill (US)"),
}
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_ORD_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|"
    "twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth|"
    "twenty-ninth|thirtieth|thirty-first"
)

_RE_MONEY_SYMBOL = re.compile(rf"(?<![\w$£€])([$£€])\s?({_DIGITS})(\s?(?:k|m|bn|million|billion|grand)\b)?", re.I)
_RE_MONEY_WORD = re.compile(
    rf"\b({NUM})(?:\s|-)({'|'.join(r for r, *_ in CURRENCY_WORDS)})\b", re.I
)
_RE_MONEY_NOUN = re.compile(rf"\b(?:an?|one|two|three|four|five|ten|twenty|a couple of)\s({'|'.join(MONEY_NOUNS)})s?\b", re.I)
_RE_FEET_INCHES = re.compile(
    rf"\b(\d|{_UNITS})\s?(?:foot|feet|ft|')\s?(\d{{1,2}}|{_UNITS}|ten|eleven)(?:\s?(?:inch(?:es)?|in\b|\"|”))?",
    re.I,
)
_RE_TEMP = re.compile(r"(-?\d{1,3}(?:\.\d)?)\s?(?:°\s?F\b|º\s?F\b|degrees? (?:Fahrenheit|F)\b)", re.I)
_RE_TEMP_BARE = re.compile(r"\b(-?\d{1,3})\s?(?:°|degrees)(?!\s?(?:C\b|Celsius|centigrade))", re.I)
#: what some patterns cannot match without (\d as they read it; the signs _RE_MONEY_SYMBOL starts with)
_RE_DIGIT = re.compile(r"\d")
_RE_CURRENCY_SIGN = re.compile(r"[$£€]")
_RE_DATE_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_RE_DATE_MONTH_DAY = re.compile(rf"\b({MONTHS})\.?\s{_ORD}\b(?!\s*(?:{'|'.join(['am', 'pm', 'o'])})\b)")
_RE_DATE_WORDY = re.compile(rf"\bthe\s({_ORD_WORDS}|\d{{1,2}}(?:st|nd|rd|th))\sof\s({MONTHS})\b", re.I)


def _unit_regex() -> re.Pattern[str]:
    names = "|".join(f"(?P<{key}>{rx})" for key, (rx, *_rest) in UNITS.items())
    return re.compile(rf"\b(?P<num>{NUM})(?:\s|-)(?:{names})(?![\w-])", re.I)


_RE_UNIT = _unit_regex()


HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "New Year's Day", (2, 14): "Valentine's Day", (3, 17): "St Patrick's Day (Irish)",
    (7, 4): "US Independence Day", (10, 31): "Halloween", (11, 5): "Bonfire Night (UK)",
    (11, 11): "Veterans Day (US) / Remembrance Day (UK, Commonwealth)", (12, 24): "Christmas Eve",
    (12, 25): "Christmas Day", (12, 26): "Boxing Day (UK, Commonwealth)", (12, 31): "New Year's Eve",
}
_MONTH_NUMBERS = {name[:3].lower(): i for i, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], 1)}


def _ordinal_value(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group(0))
    names = _ORD_WORDS.split("|")
    return names.index(word) + 1 if word in names else None


def _holiday_note(month_name: str, day: int | None) -> str:
    month = _MONTH_NUMBERS.get(month_name[:3].lower())
    name = HOLIDAYS.get((month or 0, day or 0))
    return f"; it names {name}: use the target's name for it or explain" if name else ""


def _overlaps(found: list[Quantity], start: int, end: int) -> bool:
    return any(q.start < end and start < q.end for q in found)


def find(text: str) -> list[Quantity]:
    """Every money amount, imperial quantity, Fahrenheit temperature and US-style date in ``text``."""
    found: list[Quantity] = []

    def add(m: re.Match[str], label: str, rule: str, gloss: str, suggestion: str, group: int = 0) -> None:
        start, end = m.span(group)
        if not _overlaps(found, start, end):
            found.append(Quantity(start, end, text[start:end], label, rule, gloss, suggestion))

    for m in _RE_FEET_INCHES.finditer(text):
        feet, inches = parse_number(m.group(1)), parse_number(m.group(2))
        if feet is None or inches is None or inches >= 12:
            continue
        metres = feet * 0.3048 + inches * 0.0254
        add(m, "unit", "unit-feet-inches", "height in feet and inches",
            f"{m.group(0).strip()} ≈ {fmt(metres, 2)} m")
    # four patterns need a digit and one a currency sign: most lines have neither, and skip those scans
    has_digit = _RE_DIGIT.search(text) is not None
    for m in _RE_TEMP.finditer(text) if has_digit else ():
        f = float(m.group(1))
        add(m, "temperature", "temperature-fahrenheit", "temperature in degrees Fahrenheit",
            f"{fmt(f)} °F ≈ {fmt((f - 32) * 5 / 9, 0)} °C")
    for m in _RE_MONEY_SYMBOL.finditer(text) if has_digit and _RE_CURRENCY_SIGN.search(text) else ():
        code, name = CURRENCIES[m.group(1)]
        amount = m.group(0).strip()
        add(m, "currency", f"money-{code.lower()}", name,
            f"{amount}: {name} ({code}); keep the amount and write it the target way (e.g. 5 $ / 5 dólares), "
            "or round to a target-culture figure if the exact sum does not matter")
    for m in _RE_MONEY_NOUN.finditer(text):
        key = m.group(1).lower()
        noun_value, code, gloss = MONEY_NOUNS[key]
        add(m, "currency", f"money-{key}", gloss,
            f"{m.group(0)} = {fmt(noun_value)} {code}; generalize ('a few quid' → 'some money') or use a target "
            "slang equivalent")
    for m in _RE_MONEY_WORD.finditer(text):
        unit = m.group(2).lower()
        for rx, code, gloss, rule in CURRENCY_WORDS:
            if re.fullmatch(rx, unit, re.I):
                if rule == "money-quarter" and not _MONEY_CUES.search(text):
                    break  # "a quarter" is mostly a fraction or a time
                if rule == "money-pence" and not re.match(r"\d", m.group(1)):
                    break
                value = parse_number(m.group(1))
                extra = f" ({fmt(value * 1000)} {code or 'dollars or pounds'})" if rule == "money-grand" and value else ""
                add(m, "currency", rule, gloss,
                    f"{m.group(0)}{extra}: {gloss}; keep the amount and currency or generalize "
                    "if the exact sum does not matter")
                break
    for m in _RE_UNIT.finditer(text):
        key = next(k for k in UNITS if m.group(k))
        _rx, metric, factor, gloss = UNITS[key]
        value = parse_number(m.group("num"))
        if value is None:
            continue
        if key == "pounds":
            is_weight = bool(_WEIGHT_CUES.search(text)) or bool(re.search(r"lbs?", m.group(0), re.I))
            is_money = bool(_MONEY_CUES.search(text))
            if is_money and not is_weight:
                add(m, "currency", "money-pound", "British pounds (money)",
                    f"{m.group(0)}: British pounds (GBP); keep the amount and currency or generalize")
                continue
            if not is_weight:
                add(m, "unit", "unit-pounds", "pounds: money (GBP) or weight",
                    f"{m.group(0)}: money (GBP) or weight ≈ {fmt(value * factor)} kg — check the context")
                continue
        metric_value = value * factor
        unit_out = metric
        if metric == "ml" and metric_value >= 1000:
            metric_value, unit_out = metric_value / 1000, "l"
        if metric == "m" and metric_value >= 1000:
            metric_value, unit_out = metric_value / 1000, "km"
        if metric == "cm" and metric_value >= 100:
            metric_value, unit_out = metric_value / 100, "m"
        digits = 2 if unit_out == "m" and metric_value < 3 else 1
        label_unit = m.group(0)[len(m.group("num")):].strip(" -")
        add(m, "unit", f"unit-{key}", gloss,
            f"{m.group('num')} {label_unit} ≈ {fmt(metric_value, digits)} {unit_out}")
    for m in _RE_TEMP_BARE.finditer(text) if has_digit else ():
        f = float(m.group(1))
        if _overlaps(found, *m.span()) or not 50 <= f <= 120:
            continue  # only an unmistakably Fahrenheit reading (50–120 would be scalding or fatal in °C)
        if not re.search(r"\b(hot|cold|warm|degrees|outside|weather|heat|freezing|temperature|fever)\b", text, re.I):
            continue
        add(m, "temperature", "temperature-fahrenheit",
            "temperature, very likely in degrees Fahrenheit (US)",
            f"{fmt(f)} °F ≈ {fmt((f - 32) * 5 / 9, 0)} °C")
    for m in _RE_DATE_WORDY.finditer(text):
        note = _holiday_note(m.group(2), _ordinal_value(m.group(1)))
        add(m, "date", "date-ordinal", "a date written the spoken way",
            f"{m.group(0)}: write it as the target does (day, month){note}")
    for m in _RE_DATE_MONTH_DAY.finditer(text) if has_digit else ():
        day = int(m.group(2))
        if not 1 <= day <= 31:
            continue
        add(m, "date", "date-month-day", "a date in US order (month, day)",
            f"{m.group(0)} → {day} {m.group(1)} (day before month in most target languages)"
            f"{_holiday_note(m.group(1), day)}")
    for m in _RE_DATE_NUMERIC.finditer(text) if has_digit else ():
        a, b = int(m.group(1)), int(m.group(2))
        if not (1 <= a <= 12 and 1 <= b <= 31) or (m.group(3) is None and b <= 12 and a <= 12 and b < 1):
            continue
        year = f"/{m.group(3)}" if m.group(3) else ""
        if b > 12:
            suggestion = f"{m.group(0)} is month/day (US): write {b}/{a}{year} (day first) for most targets"
        else:
            suggestion = f"{m.group(0)} is ambiguous: US month/day ({b}/{a}{year} day first) or day/month"
        add(m, "date", "date-numeric", "a numeric date", suggestion)
    found.sort(key=lambda q: q.start)
    return found
