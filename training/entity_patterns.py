"""Token patterns for the bundled pipeline's rule-based ``entity_ruler``.

The ruler is added after training by ``training/train.py`` (last in the pipeline, so
POS and dependency labels of the statistical components can be used in patterns).
Labels: CARDINAL, ORDINAL, PERCENT, MONEY, DATE, TIME, DURATION.

Overlaps are resolved by the ruler: the longest match wins ("40%" is a PERCENT, not
a CARDINAL plus "%"; "three months" is a DURATION, not a CARDINAL).  Patterns of
equal length are written so that they never match the same span with two labels.
"""

from __future__ import annotations

RULER_CONFIG = {"overwrite_ents": True, "validate": True}
# answerlint_quantities matches only around trigger tokens (a digit, a currency
# symbol or one of TRIGGER_WORDS); every pattern must contain one (checked when the
# pipeline is packaged).

ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = ["hundred", "thousand", "million", "billion", "trillion"]
NUMBER_WORDS = ONES + TENS + SCALES + ["dozen"]

ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
    "fortieth", "fiftieth", "hundredth", "thousandth",
]
ORDINAL_DIGITS_RE = r"^\d+(st|nd|rd|th)$"

MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
]
MONTH_ABBR = ["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
              "oct.", "nov.", "dec.", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
              "sept", "oct", "nov", "dec"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = ["spring", "summer", "fall", "autumn", "winter"]
PERIODS = ["year", "month", "week", "quarter", "decade", "semester", "term",
           "season", "weekend", "century"] + SEASONS
RELATIVE = ["last", "next", "this", "past", "previous", "coming", "current", "following"]
DURATION_UNITS = [
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
    "decade", "decades", "quarter", "quarters", "semester", "semesters",
    "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
    "second", "seconds", "sprint", "sprints",
]
CURRENCY_WORDS = [
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "cent", "cents", "yen",
    "bucks", "usd", "eur", "gbp", "cad", "aud", "chf", "inr", "rupees",
]
CURRENCY_CODES = ["usd", "eur", "gbp", "cad", "aud", "chf", "inr"]
MONEY_SCALES = ["k", "m", "mm", "bn", "b", "million", "billion", "thousand", "trillion"]
PERCENT_WORDS = ["percent", "per cent", "pct", "percentage"]

YEAR_RE = r"^(1[89]|20)\d\d$"
DIGITS_RE = r"^\d[\d,]*(\.\d+)?$"  # 5, 5,000, 1.5
SHORT_SCALE_RE = r"(?i)^\d+(\.\d+)?(k|m|mm|bn|b)$"  # 5k, 2.5bn (one token)
DAY_RE = r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
CLOCK_RE = r"^([01]?\d|2[0-3])(:[0-5]\d)?$"
CLOCK_AMPM_RE = r"(?i)^([01]?\d|2[0-3])(:[0-5]\d)?(am|pm|a\.m\.|p\.m\.)$"
CLOCK_COLON_RE = r"^([01]?\d|2[0-3]):[0-5]\d$"
NUMERIC_DATE_RE = r"^\d{1,4}[/.]\d{1,2}[/.]\d{2,4}$"
QUARTER_RE = r"^(Q[1-4]|H[12]|FY\d{2}|FY\d{4}|FY'\d{2})$"
DECADE_RE = r"^(1[89]|20)\d0s$|^'?\d0s$"

TIME_WORDS = ["noon", "midnight", "tonight", "morning", "afternoon", "evening", "night"]
TRIGGER_WORDS = sorted(set(
    NUMBER_WORDS + ORDINAL_WORDS + MONTHS + MONTH_ABBR + WEEKDAYS + PERIODS
    + DURATION_UNITS + CURRENCY_WORDS + CURRENCY_CODES + TIME_WORDS
    + ["yesterday", "today", "tomorrow"]
))

# --- token specs -----------------------------------------------------------

# Any number token (digits or number word), used inside larger entities where the
# context (unit, currency, %) makes the reading clear.
ANY_NUM = {"LOWER": {"REGEX": r"^\d[\d,]*(\.\d+)?$|^(" + "|".join(NUMBER_WORDS) + ")$"}}
HYPHEN = {"ORTH": {"IN": ["-", "–"]}}


def _num_seq(first_extra: dict | None = None) -> list[list[dict]]:
    """Number phrases: "5", "5,000", "twenty - five", "two hundred", "1.5 million", "5k"."""
    num = dict(ANY_NUM)
    if first_extra:
        num.update(first_extra)
    return [
        [num],
        [num, {"LOWER": {"IN": SCALES + ["dozen"]}}],
        [num, {"LOWER": {"IN": SCALES}}, {"LOWER": {"IN": SCALES}}],
        [num, HYPHEN, {"LOWER": {"IN": ONES[1:10]}}],
        [num, {"LOWER": {"IN": ONES[1:10]}}],
        [num, {"LOWER": "hundred"}, {"LOWER": "and", "OP": "?"}, ANY_NUM],
        [{"TEXT": {"REGEX": SHORT_SCALE_RE}}],
        [num, {"LOWER": {"IN": ["k", "m", "bn"]}}],
    ]


def patterns() -> list[dict]:
    pats: list[dict] = []

    def add(label: str, *token_patterns: list[dict]) -> None:
        for p in token_patterns:
            pats.append({"label": label, "pattern": p})

    nums = _num_seq()

    # --- CARDINAL ----------------------------------------------------------
    # digits; year-like 4-digit tokens are DATEs (no DEP here: answerlint tags without the
    # parser and parses only the sentences its rules need, so ruler patterns cannot use DEP)
    add("CARDINAL",
        [{"TEXT": {"REGEX": r"^(?!(1[89]|20)\d\d$)\d[\d,]*(\.\d+)?$"}}],
        [{"TEXT": {"REGEX": SHORT_SCALE_RE}}],
        # number words: only when tagged as numbers ("five engineers", not "the one who")
        [{"LOWER": {"IN": NUMBER_WORDS}, "POS": "NUM"}],
        [{"LOWER": "a"}, {"LOWER": "dozen"}],
    )
    for p in nums[1:]:
        if len(p) > 1:  # multi-token numbers: "two hundred", "twenty - five", "1.5 million"
            add("CARDINAL", p)

    # --- ORDINAL -----------------------------------------------------------
    add("ORDINAL",
        [{"LOWER": {"IN": ORDINAL_WORDS}}],
        [{"LOWER": {"REGEX": ORDINAL_DIGITS_RE}}],
        [{"LOWER": {"IN": TENS}}, HYPHEN, {"LOWER": {"IN": ORDINAL_WORDS[:9]}}])

    # --- PERCENT -----------------------------------------------------------
    for p in nums:
        add("PERCENT",
            p + [{"ORTH": "%"}],
            p + [{"LOWER": {"IN": ["percent", "pct", "percentage"]}}],
            p + [{"LOWER": "per"}, {"LOWER": "cent"}],
            p + [{"LOWER": "percentage"}, {"LOWER": "points"}])
    add("PERCENT", [{"TEXT": {"REGEX": r"^\d+(\.\d+)?%$"}}])

    # --- MONEY -------------------------------------------------------------
    for p in nums:
        add("MONEY",
            [{"IS_CURRENCY": True}] + p,
            [{"IS_CURRENCY": True}] + p + [{"LOWER": {"IN": MONEY_SCALES}}],
            p + [{"LOWER": {"IN": CURRENCY_WORDS}}],
            p + [{"LOWER": {"IN": MONEY_SCALES}}, {"LOWER": {"IN": CURRENCY_WORDS}}],
            [{"LOWER": {"IN": CURRENCY_CODES}}] + p,
            [{"LOWER": {"IN": CURRENCY_CODES}}] + p + [{"LOWER": {"IN": MONEY_SCALES}}])
    add("MONEY", [{"IS_CURRENCY": True}, {"TEXT": {"REGEX": SHORT_SCALE_RE}}])

    # --- DATE --------------------------------------------------------------
    month = {"LOWER": {"IN": MONTHS + MONTH_ABBR}, "IS_LOWER": False}
    day = {"TEXT": {"REGEX": DAY_RE}}
    year = {"TEXT": {"REGEX": YEAR_RE}}
    comma = {"ORTH": ",", "OP": "?"}
    add("DATE",
        # "March 2023", "March 5, 2023", "March 5th", "5 March 2023", "March of 2023"
        [month, year],
        [month, {"LOWER": "of"}, year],
        [month, day],
        [month, day, comma, year],
        [day, month],
        [day, month, year],
        [{"LOWER": "the"}, day, {"LOWER": "of"}, month],
        [{"LOWER": "the"}, day, {"LOWER": "of"}, month, comma, year],
        # a month on its own ("in March"); "May" only when tagged as a proper noun
        # and not sentence-initial ("May I ask ...?")
        [{"LOWER": {"IN": [m for m in MONTHS if m != "may"]}, "IS_TITLE": True}],
        [{"LOWER": "may", "IS_TITLE": True, "POS": "PROPN", "IS_SENT_START": False}],
        # years: "2019", "2019 - 2021", "2019 to 2021", "from 2019 to 2021" (years only)
        [{"TEXT": {"REGEX": YEAR_RE}}],
        [year, HYPHEN, year],
        [year, {"LOWER": {"IN": ["to", "through", "until"]}}, year],
        [{"LOWER": {"IN": ["early", "mid", "late"]}}, year],
        [{"LOWER": {"IN": ["early", "mid", "late"]}}, HYPHEN, year],
        [{"TEXT": {"REGEX": DECADE_RE}}],
        [{"LOWER": "the"}, {"TEXT": {"REGEX": DECADE_RE}}],
        [{"ORTH": "'"}, {"TEXT": {"REGEX": r"^\d0s$"}}],
        # numeric dates: "3/5/2023", "2023-03-05"
        [{"TEXT": {"REGEX": NUMERIC_DATE_RE}}],
        [{"TEXT": {"REGEX": r"^\d{4}$"}}, HYPHEN, {"TEXT": {"REGEX": r"^\d{2}$"}},
         HYPHEN, {"TEXT": {"REGEX": r"^\d{2}$"}}],
        # quarters and fiscal periods: "Q3", "Q3 2023", "H1", "FY2023"
        [{"TEXT": {"REGEX": QUARTER_RE}}],
        [{"TEXT": {"REGEX": QUARTER_RE}}, year],
        [{"TEXT": {"REGEX": r"^Q[1-4]$"}}, {"TEXT": {"REGEX": r"^'?\d{2}$"}}],
        [{"LOWER": "fy"}, year],
        # relative: "last year", "the past month", "this quarter", "next summer"
        [{"LOWER": {"IN": RELATIVE}}, {"LOWER": {"IN": PERIODS}}],
        [{"LOWER": "the"}, {"LOWER": {"IN": RELATIVE}}, {"LOWER": {"IN": PERIODS}}],
        [{"LOWER": {"IN": ["yesterday", "today", "tomorrow"]}}],
        [{"LOWER": {"IN": SEASONS}}, year],
        [{"LOWER": {"IN": SEASONS}}, {"LOWER": "of"}, year],
        [{"LOWER": {"IN": WEEKDAYS}, "IS_TITLE": True}],
        [{"LOWER": {"IN": RELATIVE}}, {"LOWER": {"IN": WEEKDAYS}}],
    )
    # "five years ago", "a year ago", "two months earlier"
    unit = {"LOWER": {"IN": DURATION_UNITS}}
    for p in nums:
        add("DATE", p + [unit, {"LOWER": {"IN": ["ago", "earlier", "later"]}}])
    add("DATE", [{"LOWER": {"IN": ["a", "an"]}}, unit, {"LOWER": "ago"}],
        [{"LOWER": {"IN": RELATIVE}}, {"LOWER": {"IN": ONES[2:] + TENS}}, unit],
        [{"LOWER": "the"}, {"LOWER": {"IN": RELATIVE}}, ANY_NUM, unit])

    # --- DURATION ----------------------------------------------------------
    for p in nums:
        add("DURATION",
            p + [unit],
            p + [HYPHEN, unit],
            p + [{"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}, unit],
            p + [unit, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}],
            p + [{"LOWER": "plus"}, unit],
            p + [{"ORTH": "+"}, unit])
    add("DURATION",
        [{"TEXT": {"REGEX": r"^\d+\+$"}}, unit],
        [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["few", "couple"]}},
         {"LOWER": "of", "OP": "?"}, unit],
        [{"LOWER": "several"}, unit],
        [{"LOWER": "half"}, {"LOWER": "a"}, unit],
        [{"LOWER": {"IN": ["a", "an"]}}, unit, {"LOWER": "and"}, {"LOWER": "a"},
         {"LOWER": "half"}])

    # --- TIME --------------------------------------------------------------
    ampm = {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m."]}}
    add("TIME",
        [{"TEXT": {"REGEX": CLOCK_RE}}, ampm],
        [{"TEXT": {"REGEX": CLOCK_AMPM_RE}}],
        [{"TEXT": {"REGEX": CLOCK_COLON_RE}}],
        [{"TEXT": {"REGEX": CLOCK_RE}}, {"LOWER": "o'clock"}],
        [{"LOWER": {"IN": ONES[1:13]}}, {"LOWER": "o'clock"}],
        [{"LOWER": {"IN": ["noon", "midnight", "tonight"]}}],
        [{"LOWER": {"IN": ["this", "tomorrow", "yesterday"]}},
         {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}}],
        [{"LOWER": "last"}, {"LOWER": "night"}])
    return pats
