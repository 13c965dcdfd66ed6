"""Tests for cable ID canonicalisation, validation and recognition (parse/ids.py)."""

from __future__ import annotations

import gzip
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebrowser.parse.ids import (
    canonical_id,
    country_of,
    id_from_text,
    is_valid_id,
    normalize_station,
    split_id,
    station_of,
    year_of,
)
from cablebrowser.parse.stations import (
    GLUED_CAPTIONS,
    INVALID_IDS,
    MALFORMED_IDS,
    OTHER_ORIGINS,
    STATION_COUNTRY,
    STATION_MERGES,
    STATION_VARIANTS,
    STATIONS,
)

# cable-format.md §4.4, every row. Where the release itself contradicts the row the
# release wins; the comment names the row's original target.
MALFORMED_ROWS = [
    ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335"),
    ("08ECTION01OF02MANAMA492", "08MANAMA492"),
    ("09SECTION01OF03BRUSSELS1234", "09USEUBRUSSELS1234"),
    ("08SECTION01GF02BISHIEK21", "08BISHKEK1021"),
    ("09SECTIOQ1OF06HARARE876", "09HARARE876"),
    (
        "0901OF02RPODUBAI288",
        "09RPODUBAI288",
    ),  # row: 09DUBAI288; 09RPODUBAI288 is in the release
    ("07SOIA828", "07SOFIA828"),
    ("10AQNA272", "10ASTANA272"),
    ("07QXICO3307", "07MEXICO3307"),
    ("08IHARTOUM1126", "08KHARTOUM1126"),
    ("06AITTAIPIE2654", "06AITTAIPEI2654"),  # row: 06TAIPEI2654, merged into AITTAIPEI
    ("08AITTAIPIE1698", "08AITTAIPEI1698"),
    ("09SIFIEDABUJA1673", "09ABUJA1673"),
    ("85NOFORNMOGADISHU1643", "85MOGADISHU1643"),
    ("10EFTOKABUL668", "10KABUL668"),
    ("06EFTOBAKU1165", "06BAKU1165"),
    ("09EFTOLONDON2468", "09LONDON2468"),
    ("09AMEMBASSYHANOI1284", "09HANOI1284"),
    ("08FSCCHARLESTON1712", "08CHARLESTON1712"),
    ("06MADRID002583ZFR2585", "06MADRID2583"),
    ("07OSLO000160ZDK164", "07OSLO160"),
    ("08ACCRA001382SUSPECTEDDUPLICATE1392", "08ACCRA1392"),
    ("092OF5", "09STATE126780"),
    ("06ASTANA", "06ASTANA204"),
    ("7575LIBREVILLE1895", "75LIBREVILLE1895"),
    ("90STATE255577TOSEC140323", "90STATE255577"),
    (
        "09BRUSELS1292",
        "09BRUSSELS1292",
    ),  # row: 09USEUBRUSSELS1292; 09BRUSSELS1292 is in the release
]


@pytest.mark.parametrize(
    ("wikileaks_id", "expected"), MALFORMED_ROWS, ids=[row[0] for row in MALFORMED_ROWS]
)
def test_canonical_id_corrects_malformed_and_invalid_ids(
    wikileaks_id: str, expected: str
) -> None:
    assert canonical_id(wikileaks_id) == expected
    assert is_valid_id(canonical_id(wikileaks_id))


WRITTEN_FORMS = [
    ("05ALMATY3603", "05ALMATY3603"),
    ("05almaty3603", "05ALMATY3603"),
    ("  05ALMATY3603\n", "05ALMATY3603"),
    ("05 ALMATY 3603", "05ALMATY3603"),
    ("05-ALMATY-3603", "05ALMATY3603"),
    ("05ALMATY003603", "05ALMATY3603"),
    ("05ALMATY3603_a", "05ALMATY3603"),
    ("2005ALMATY3603", "05ALMATY3603"),
    ("05RIO123", "05RIODEJANEIRO123"),
    ("06SECSTATE1", "06STATE1"),
    ("06SECSTATE123", "06STATE123"),
    ("07USUN2", "07USUNNEWYORK2"),
    ("05EMBASSYVIENNA1", "05VIENNA1"),
    ("04TAIPEI3043", "04AITTAIPEI3043"),
    ("08PARISFR2144", "08UNESCOPARISFR2144"),
    ("09UNESCOPARIS1536", "09UNESCOPARISFR1536"),
    ("09WASHDC872", "09WASHDC872"),
    ("66BUENOSAIRES2481", "66BUENOSAIRES2481"),
    ("10SECDEF122723", "10SECDEF122723"),
]


@pytest.mark.parametrize(
    ("written", "expected"),
    WRITTEN_FORMS,
    ids=[row[0].strip() or "blank" for row in WRITTEN_FORMS],
)
def test_canonical_id_normalises_written_forms(written: str, expected: str) -> None:
    assert canonical_id(written) == expected


UNPARSEABLE = [
    ("iran nuclear", "IRAN NUCLEAR"),
    ("  unknown ", "UNKNOWN"),
    ("05NOWHERE12", "05NOWHERE12"),
    ("", ""),
    ("05ALMATY0", "05ALMATY0"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    UNPARSEABLE,
    ids=[row[0].strip() or "empty" for row in UNPARSEABLE],
)
def test_canonical_id_returns_unparseable_ids_upper_cased(
    text: str, expected: str
) -> None:
    assert canonical_id(text) == expected
    assert split_id(text) is None
    assert station_of(text) is None


@given(st.text(max_size=80))
def test_canonical_id_is_idempotent_and_total(text: str) -> None:
    once = canonical_id(text)
    assert canonical_id(once) == once


@given(st.from_regex(r"\A\d{2}[A-Z]{2,12}0{0,3}[1-9]\d{0,5}(_a)?\Z"))
def test_canonical_id_is_idempotent_on_id_shapes(text: str) -> None:
    once = canonical_id(text)
    assert canonical_id(once) == once


def test_split_station_and_year() -> None:
    assert split_id("05ALMATY003603") == (5, "ALMATY", 3603)
    assert station_of("06SECSTATE1") == "STATE"
    assert year_of("66BUENOSAIRES2481") == 1966
    assert year_of("05ALMATY3603") == 2005
    assert year_of("10KABUL668") == 2010
    assert year_of("garbage") is None


VALIDITY = [
    ("05ALMATY3603", True),
    ("04TAIPEI3043", True),
    ("10SECDEF122723", True),
    ("05almaty3603", False),
    ("05ALMATY03603", False),
    ("06SECSTATE1", False),
    ("08AITTAIPIE1698", False),
    ("05NOWHERE12", False),
    ("05ALMATY", False),
]


@pytest.mark.parametrize(("text", "valid"), VALIDITY, ids=[row[0] for row in VALIDITY])
def test_is_valid_id(text: str, valid: bool) -> None:
    assert is_valid_id(text) is valid


STATION_NAMES = [
    ("USUN NE YORK", "USUNNEWYORK"),
    ("USUN NEW YORK", "USUNNEWYORK"),
    ("RIO DE JAN", "RIODEJANEIRO"),
    ("BUENOS AIRES", "BUENOSAIRES"),
    ("PORT-AU-PRINCE", "PORTAUPRINCE"),
    ("PORT-OF-SPAIN", "PORTOFSPAIN"),
    ("N'DJAMENA", "NDJAMENA"),
    ("ST. PETERSBURG", "STPETERSBURG"),
    ("0TTAWA", "OTTAWA"),
    ("COTON0U", "COTONOU"),
    ("SECSTATE", "STATE"),
    ("SECSTATE WASHDC", "STATE"),
    ("WASHDC", "STATE"),
    ("SECDEF WASH", "SECDEF"),
    ("EMBASSY VIENNA", "VIENNA"),
    ("UNVIE", "UNVIEVIENNA"),
    ("AMEMBASSY PARIS", "PARIS"),
    ("PARIS FR", "UNESCOPARISFR"),
    ("HCMC", "HOCHIMINHCITY"),
    ("MEXICO CITY", "MEXICO"),
    ("TAIPEI", "AITTAIPEI"),
    ("AIT TAIPEI", "AITTAIPEI"),
    ("Kabul", "KABUL"),
    ("USDA FAS", "USDAFAS"),
    ("IRAN", None),
    ("PAGE", None),
    ("UNSCR", None),
    ("", None),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    STATION_NAMES,
    ids=[row[0] or "empty" for row in STATION_NAMES],
)
def test_normalize_station(name: str, expected: str | None) -> None:
    assert normalize_station(name) == expected


COUNTRIES = [
    ("ALMATY", "Kazakhstan"),
    ("STATE", "United States"),
    ("SECDEF", "United States"),
    ("USUNNEWYORK", "United States"),
    ("USEUBRUSSELS", "European Union"),
    ("BRUSSELS", "Belgium"),
    ("USNATO", "NATO"),
    ("TAIPEI", "Taiwan"),
    ("VATICAN", "Holy See"),
    ("HCMC", "Vietnam"),
    ("NOWHERE", None),
]


@pytest.mark.parametrize(
    ("station", "country"), COUNTRIES, ids=[row[0] for row in COUNTRIES]
)
def test_country_of(station: str, country: str | None) -> None:
    assert country_of(station) == country


def test_every_station_has_a_country() -> None:
    assert STATIONS | OTHER_ORIGINS <= set(STATION_COUNTRY)


def test_station_tables_point_at_known_codes() -> None:
    known = STATIONS | OTHER_ORIGINS
    assert set(STATION_VARIANTS.values()) <= known
    assert set(STATION_MERGES.values()) <= STATIONS
    assert not set(STATION_MERGES.values()) & set(STATION_MERGES)


@pytest.mark.parametrize(
    "table", [MALFORMED_IDS, INVALID_IDS], ids=["malformed", "invalid"]
)
def test_correction_tables_give_valid_ids(table: dict[str, str]) -> None:
    assert all(is_valid_id(canonical_id(target)) for target in table.values())


TYPED = [
    ("05ALMATY3603", None, "05ALMATY3603"),
    ("05 ALMATY 3603", None, "05ALMATY3603"),
    ("05 almaty 3603", None, "05ALMATY3603"),
    ("05ALMATY003603", None, "05ALMATY3603"),
    ("05ALMATY3603_a", None, "05ALMATY3603"),
    ("ALMATY 3603", 2005, "05ALMATY3603"),
    ("08SCTION02OF02SAOPAULO335", None, "08SAOPAULO335"),
    ("092OF5", None, "09STATE126780"),
    ("https://wikileaks.org/cable/2005/10/05ALMATY3603.html", None, "05ALMATY3603"),
    ("https://wikileaks.org/plusd/cables/05ALMATY3603_a.html", None, "05ALMATY3603"),
    (
        "https://cablegatesearch.wikileaks.org/cable.php?id=05ALMATY3603",
        None,
        "05ALMATY3603",
    ),
    ("ALMATY 3603", None, None),
    ("iran nuclear", None, None),
    ("iran nuclear", 2005, None),
    ("nuclear 2005", 2005, None),
    ("05 nowhere 12", None, None),
    ("https://example.org/about.html", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    TYPED,
    ids=[f"{row[0] or 'empty'}|{row[1]}" for row in TYPED],
)
def test_id_from_text(text: str, year: int | None, expected: str | None) -> None:
    assert id_from_text(text, year=year) == expected


@given(st.text(max_size=120), st.one_of(st.none(), st.integers(1966, 2010)))
def test_id_from_text_is_total_and_returns_valid_ids(
    text: str, year: int | None
) -> None:
    result = id_from_text(text, year=year)
    assert result is None or is_valid_id(result)


_LOOSE_ID_PATTERN = re.compile(r"^\d\d([A-Z]+)\d+$")


@pytest.mark.slow
def test_stations_match_the_release_id_list(shared_data) -> None:
    """Every ID of the release canonicalises; STATIONS is exactly the clean codes in use."""
    with gzip.open(shared_data / "cable2month_heuer-cablemap.csv.gz", "rt") as handle:
        ids = [line.split(",", 1)[0] for line in handle if line.strip()]
    assert len(ids) == 251_287
    assert all(is_valid_id(canonical_id(reference_id)) for reference_id in ids)
    corrected = MALFORMED_IDS.keys() | INVALID_IDS.keys()
    in_use = {
        match.group(1)
        for reference_id in ids
        if reference_id not in corrected
        and (match := _LOOSE_ID_PATTERN.match(reference_id))
        and not match.group(1).startswith(GLUED_CAPTIONS)
    }
    assert in_use == STATIONS
