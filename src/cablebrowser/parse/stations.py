"""Station data tables: origin codes, their written variants, ID corrections, countries.

Pure data, no logic beyond building one dict from another. ``STATIONS`` was
derived once from the 251,287 WikiLeaks IDs (cable2month list): the letters
between year and serial, minus the garbled codes that only occur in malformed
IDs (those are corrected through ``MALFORMED_IDS``/``INVALID_IDS`` or the glued
caption rules in ``ids.py``).

Direction of the merged codes (cable-format.md §4.2): the same post appears
under two codes sharing one serial space, so the canonical ID uses one of them.
``TAIPEI`` (2,300 IDs, 1989-2010) and ``AITTAIPEI`` (1,154 IDs, 2006-2010) are
both the American Institute in Taiwan; they canonicalise to ``AITTAIPEI``, the
post's proper name and the direction of cablemap's reference table.
``PARISFR`` and ``UNESCOPARIS`` canonicalise to ``UNESCOPARISFR`` (the UNESCO
mission). The stored WikiLeaks ID is never rewritten; only ``canonical_id`` is.
"""

from __future__ import annotations

STATIONS: frozenset[str] = frozenset(
    """
    ABIDJAN ABUDHABI ABUJA ACCRA ADANA ADDISABABA AITTAIPEI ALEXANDRIA ALGIERS ALMATY
    AMMAN AMSTERDAM ANKARA ANTANANARIVO APIA ASHGABAT ASMARA ASTANA ASUNCION ATHENS
    AUCKLAND BAGHDAD BAKU BAMAKO BANDARSERIBEGAWAN BANGKOK BANGUI BANJUL BARCELONA
    BASRAH BEIJING BEIRUT BELFAST BELGRADE BELIZE BELMOPAN BERLIN BERN BISHKEK BOGOTA
    BONN BRASILIA BRATISLAVA BRAZZAVILLE BRIDGETOWN BRUSSELS BUCHAREST BUDAPEST
    BUENOSAIRES BUJUMBURA CAIRO CALCUTTA CALGARY CANBERRA CAPETOWN CARACAS CASABLANCA
    CDGENEVA CHENGDU CHENNAI CHIANGMAI CHISINAU CIUDADJUAREZ COLOMBO CONAKRY COPENHAGEN
    COTONOU CURACAO DAKAR DAMASCUS DARESSALAAM DHAHRAN DHAKA DILI DJIBOUTI DOHA DUBAI
    DUBLIN DURBAN DUSHANBE DUSSELDORF FESTTWO FLORENCE FRANKFURT FREETOWN FSINFATC
    FUKUOKA GABORONE GENEVA GEORGETOWN GRENADA GUADALAJARA GUANGZHOU GUATEMALA GUAYAQUIL
    HALIFAX HAMBURG HAMILTON HANOI HARARE HAVANA HELSINKI HERMOSILLO HILLAH
    HOCHIMINHCITY HONGKONG HYDERABAD IRANRPODUBAI ISLAMABAD ISTANBUL IZMIR JAKARTA
    JEDDAH JERUSALEM JOHANNESBURG KABUL KADUNA KAMPALA KARACHI KATHMANDU KHARTOUM KIEV
    KIGALI KINGSTON KINSHASA KIRKUK KOLKATA KOLONIA KOROR KRAKOW KUALALUMPUR KUWAIT KYIV
    LAGOS LAHORE LAPAZ LEIPZIG LENINGRAD LIBREVILLE LILONGWE LIMA LISBON LJUBLJANA LOME
    LONDON LUANDA LUSAKA LUXEMBOURG MADRAS MADRID MAJURO MALABO MANAGUA MANAMA MANILA
    MAPUTO MARSEILLE MASERU MATAMOROS MBABANE MELBOURNE MERIDA MEXICO MILAN MINSK
    MOGADISHU MONROVIA MONTERREY MONTEVIDEO MONTREAL MOSCOW MOSUL MUMBAI MUNICH MUSCAT
    NAGOYA NAHA NAIROBI NAPLES NASSAU NDJAMENA NEWDELHI NIAMEY NICOSIA NOGALES
    NOUAKCHOTT NUEVOLAREDO OSAKAKOBE OSLO OTTAWA OUAGADOUGOU PANAMA PARAMARIBO PARIS
    PARISFR PARTO PERTH PESHAWAR PHNOMPENH PODGORICA PONTADELGADA PORTAUPRINCE PORTLOUIS
    PORTMORESBY PORTOFSPAIN PRAGUE PRAIA PRETORIA PRISTINA QUEBEC QUITO RABAT RANGOON
    RECIFE REYKJAVIK RIGA RIODEJANEIRO RIYADH ROME RPODUBAI SANAA SANJOSE SANSALVADOR
    SANTIAGO SANTODOMINGO SAOPAULO SAPPORO SARAJEVO SEOUL SHANGHAI SHENYANG SINGAPORE
    SKOPJE SOFIA STATE STOCKHOLM STPETERSBURG STRASBOURG SURABAYA SUVA SYDNEY TAIPEI
    TALLINN TASHKENT TBILISI TEGUCIGALPA TEHRAN TELAVIV THEHAGUE THESSALONIKI TIJUANA
    TIRANA TOKYO TORONTO TRIPOLI TUNIS ULAANBAATAR UNESCOPARIS UNESCOPARISFR UNROME
    UNVIEVIENNA USEUBRUSSELS USNATO USOSCE USTRGENEVA USUNNEWYORK VALLETTA VANCOUVER
    VATICAN VIENNA VIENTIANE VILNIUS VLADIVOSTOK WARSAW WASHDC WELLINGTON WINDHOEK
    YAOUNDE YEKATERINBURG YEREVAN ZAGREB
    """.split()
)

# Senders cited in REF lines that never appear as a Cablegate station.
OTHER_ORIGINS: frozenset[str] = frozenset(
    {"CDCATLANTAGA", "CHARLESTON", "SECDEF", "USDAFAS", "USDOC"}
)

# Real station codes that stand for the same post as another code (see module docstring).
STATION_MERGES: dict[str, str] = {
    "TAIPEI": "AITTAIPEI",
    "PARISFR": "UNESCOPARISFR",
    "UNESCOPARIS": "UNESCOPARISFR",
}

# Written origin name, squashed (upper case, letters only, digit 0 read as O) -> code.
# cable-format.md §4.2, plus the glued forms seen inside WikiLeaks IDs.
STATION_VARIANTS: dict[str, str] = {
    **dict.fromkeys(
        (
            "SECSTATE",
            "SECTSTATE",
            "SECTATE",
            "SECSATATE",
            "STAT",
            "STAE",
            "TATE",
            "STATAE",
            "SATTE",
        ),
        "STATE",
    ),
    **dict.fromkeys(("SECSTATEWASHDC", "WASHDC", "SECSTATEWASH"), "STATE"),
    **dict.fromkeys(
        ("USUN", "USUNNY", "USUNNEYORK", "USUNNEWYOR", "NEWYORK"), "USUNNEWYORK"
    ),
    **dict.fromkeys(
        ("USEU", "USEUBRUSS", "USEUBRUSEELS", "USEUBRUSSEL"), "USEUBRUSSELS"
    ),
    **dict.fromkeys(("UNVIE", "UNVIEVIEN", "UNVIENNA", "USUNVIE"), "UNVIEVIENNA"),
    **dict.fromkeys(
        ("USUNESCOPARISFR", "UNESCOPARISFR", "PARISFR", "USUNESCO", "UNESCO"),
        "UNESCOPARISFR",
    ),
    **dict.fromkeys(
        ("RIO", "RIODEJAN", "RIODEJANIERO", "RIODEJANERIO"), "RIODEJANEIRO"
    ),
    **dict.fromkeys(("SAOPAUO", "SAOPAUL", "SCOPAULO", "PAULO", "SAOPULO"), "SAOPAULO"),
    **dict.fromkeys(("PORTAUPR", "PAP", "PAUP", "PORTA"), "PORTAUPRINCE"),
    "POS": "PORTOFSPAIN",
    "HAGUE": "THEHAGUE",
    **dict.fromkeys(("MEXICOCITY", "MEX"), "MEXICO"),
    **dict.fromkeys(
        ("BA", "BUENSOAIRES", "BUENOSAIREDS", "BUENESAIRES"), "BUENOSAIRES"
    ),
    **dict.fromkeys(("BRAZIL", "BRASILA", "BRASIIA", "BRAZILIA"), "BRASILIA"),
    **dict.fromkeys(("HCMC", "HCM", "HOCHIMINH", "HOCHIMIN"), "HOCHIMINHCITY"),
    "HK": "HONGKONG",
    **dict.fromkeys(("KL", "KUALALUMP"), "KUALALUMPUR"),
    "BKK": "BANGKOK",
    **dict.fromkeys(("TAIPEI", "AIT"), "AITTAIPEI"),
    "VAT": "VATICAN",
    "TGG": "TEGUCIGALPA",
    **dict.fromkeys(("ADDIS", "ADDISABAB"), "ADDISABABA"),
    "DAR": "DARESSALAAM",
    **dict.fromkeys(("DELHI", "NEWDEHLI"), "NEWDELHI"),
    **dict.fromkeys(("TANA", "ANTAN"), "ANTANANARIVO"),
    "PETERSBURG": "STPETERSBURG",
    **dict.fromkeys(("PHNOMPEN", "PHNOMPEHN"), "PHNOMPENH"),
    "TRIPOLII": "TRIPOLI",
    **dict.fromkeys(("SECDEFWASH", "SECDEFWASHDC"), "SECDEF"),
    **dict.fromkeys(("USDA", "USDAFAS", "USDAFASWASHDC"), "USDAFAS"),
    **dict.fromkeys(("USDOC", "USDOCWASHDC", "DOC", "DEPTOFCOMMERCE"), "USDOC"),
    **dict.fromkeys(("CDC", "ATLANTA", "CDCATLANTA", "CDCATLANTAGA"), "CDCATLANTAGA"),
    "FSCCHARLESTON": "CHARLESTON",
    "OSAKA": "OSAKAKOBE",
    "BRUSSELSUSEU": "USEUBRUSSELS",
}

# Words written before an origin name that are not part of it ("AMEMBASSY PARIS 1234").
STATION_PREFIXES: tuple[str, ...] = (
    "AMEMBASSY",
    "AMCONSUL",
    "AMCONGEN",
    "USMISSION",
    "EMBASSY",
    "CONSULATE",
    "USINT",
    "USOFFICE",
)

# Caption words glued between year and origin in WikiLeaks IDs (``10EFTOKABUL668``).
GLUED_CAPTIONS: tuple[str, ...] = (
    "EFTO",
    "NOFORN",
    "AMEMBASSY",
    "EMBASSY",
    "SIFIED",
    "UNCLASSIFIED",
    "FSC",
)

# WikiLeaks ID -> correct ID, where the correct ID is also a WikiLeaks ID (a duplicate).
# The glued-caption and SECTION families are rules in ids.py, not rows here.
MALFORMED_IDS: dict[str, str] = {
    "06AITTAIPIE2654": "06TAIPEI2654",
    "06ANOI582": "06HANOI582",
    "06ASTANA": "06ASTANA204",
    "06BELGADE856": "06BELGRADE856",
    "06BRAILIA1079": "06BRASILIA1079",
    "06HONGKOG2054": "06HONGKONG2054",
    "06LINSK1234": "06MINSK1234",
    "06MAAMA2067": "06MANAMA2067",
    "06MAILA1222": "06MANILA1222",
    "06MILSK1226": "06MINSK1226",
    "06MINSI225": "06MINSK225",
    "06NDJAENA1382": "06NDJAMENA1382",
    "06PORTOFPAIN568": "06PORTOFSPAIN568",
    "06SARAEVO2307": "06SARAJEVO2307",
    "07ANILA1702": "07MANILA1702",
    "07ARAJEVO753": "07SARAJEVO753",
    "07BRASIIA1568": "07BRASILIA1568",
    "07GEORGETON514": "07GEORGETOWN514",
    "07POTAUPRINCE943": "07PORTAUPRINCE943",
    "07QXICO3307": "07MEXICO3307",
    "07RUSSELS1548": "07BRUSSELS1548",
    "07SECTION02OF03EIJING483": "07BEIJING483",
    "07SOIA828": "07SOFIA828",
    "07THEHAGE742": "07THEHAGUE742",
    "08BEIJIG3760": "08BEIJING3760",
    "08IHARTOUM1126": "08KHARTOUM1126",
    "08INSHASA1164": "08KINSHASA1164",
    "08SANODOMINGO1611": "08SANTODOMINGO1611",
    "08SANTOOMINGO1959": "08SANTODOMINGO1959",
    "08SECTION01GF02BISHIEK21": "08BISHKEK1021",
    "092OF5": "09STATE126780",
    "09BAU339": "09BAKU339",
    "09BEIRT96": "09BEIRUT96",
    "09BRUSELS1292": "09BRUSSELS1292",
    "09BRUSSLS1332": "09BRUSSELS1332",
    "09BRUSSQLS1235": "09BRUSSELS1235",
    "09BUSSELS1666": "09BRUSSELS1666",
    "09COPENHAEN13": "09COPENHAGEN13",
    "09KINHASA1056": "09KINSHASA1056",
    "09NDJAENA423": "09NDJAMENA423",
    "09NOUKKCHOTT514": "09NOUAKCHOTT514",
    "09NSSAU504": "09NASSAU504",
    "09SECTION01OF03BRUSSELS1234": "09USEUBRUSSELS1234",
    "09SECTION02OF03QRIPOLI583": "09TRIPOLI583",
    "09TILISI1526": "09TBILISI1526",
    "10AQNA272": "10ASTANA272",
}

# WikiLeaks ID -> the ID it should have had; that ID is not in the release.
INVALID_IDS: dict[str, str] = {
    "06ATANANARIVO1320": "06ANTANANARIVO1320",
    "06DAMASCCUS4435": "06DAMASCUS4435",
    "06KINSHAA1386": "06KINSHASA1386",
    "07BUENOSQRES633": "07BUENOSAIRES633",
    "07DULIN903": "07DUBLIN903",
    "07KAPALA518": "07KAMPALA518",
    "08ACCRA001382SUSPECTEDDUPLICATE1392": "08ACCRA1392",
    "08AITTAIPIE1698": "08TAIPEI1698",
    "08BANGOK1382": "08BANGKOK1382",
    "08THEHAGU799": "08THEHAGUE799",
    "09GUATEMLA692": "09GUATEMALA692",
}

# Country (present-day English name) -> its station codes, space-separated.
# Missions to an organisation give the organisation (EU, NATO, OSCE); UN missions and
# Washington senders give the host country; JERUSALEM (a consulate accredited to no
# state) keeps its city name.
_COUNTRY_STATIONS: dict[str, str] = {
    "Afghanistan": "KABUL",
    "Albania": "TIRANA",
    "Algeria": "ALGIERS",
    "Angola": "LUANDA",
    "Argentina": "BUENOSAIRES",
    "Armenia": "YEREVAN",
    "Australia": "CANBERRA MELBOURNE PERTH SYDNEY",
    "Austria": "VIENNA UNVIEVIENNA",
    "Azerbaijan": "BAKU",
    "Bahamas": "NASSAU",
    "Bahrain": "MANAMA",
    "Bangladesh": "DHAKA",
    "Barbados": "BRIDGETOWN",
    "Belarus": "MINSK",
    "Belgium": "BRUSSELS",
    "Belize": "BELIZE BELMOPAN",
    "Benin": "COTONOU",
    "Bermuda": "HAMILTON",
    "Bolivia": "LAPAZ",
    "Bosnia and Herzegovina": "SARAJEVO",
    "Botswana": "GABORONE",
    "Brazil": "BRASILIA RECIFE RIODEJANEIRO SAOPAULO",
    "Brunei": "BANDARSERIBEGAWAN",
    "Bulgaria": "SOFIA",
    "Burkina Faso": "OUAGADOUGOU",
    "Burma": "RANGOON",
    "Burundi": "BUJUMBURA",
    "Cambodia": "PHNOMPENH",
    "Cameroon": "YAOUNDE",
    "Canada": "CALGARY HALIFAX MONTREAL OTTAWA QUEBEC TORONTO VANCOUVER",
    "Cape Verde": "PRAIA",
    "Central African Republic": "BANGUI",
    "Chad": "NDJAMENA",
    "Chile": "SANTIAGO",
    "China": "BEIJING CHENGDU GUANGZHOU SHANGHAI SHENYANG",
    "Colombia": "BOGOTA",
    "Costa Rica": "SANJOSE",
    "Cote d'Ivoire": "ABIDJAN",
    "Croatia": "ZAGREB",
    "Cuba": "HAVANA",
    "Curacao": "CURACAO",
    "Cyprus": "NICOSIA",
    "Czech Republic": "PRAGUE",
    "Democratic Republic of the Congo": "KINSHASA",
    "Denmark": "COPENHAGEN",
    "Djibouti": "DJIBOUTI",
    "Dominican Republic": "SANTODOMINGO",
    "Ecuador": "GUAYAQUIL QUITO",
    "Egypt": "ALEXANDRIA CAIRO",
    "El Salvador": "SANSALVADOR",
    "Equatorial Guinea": "MALABO",
    "Eritrea": "ASMARA",
    "Estonia": "TALLINN",
    "Ethiopia": "ADDISABABA",
    "European Union": "USEUBRUSSELS",
    "Fiji": "SUVA",
    "Finland": "HELSINKI",
    "France": "MARSEILLE PARIS PARISFR STRASBOURG UNESCOPARIS UNESCOPARISFR",
    "Gabon": "LIBREVILLE",
    "Gambia": "BANJUL",
    "Georgia": "TBILISI",
    "Germany": "BERLIN BONN DUSSELDORF FRANKFURT HAMBURG LEIPZIG MUNICH",
    "Ghana": "ACCRA",
    "Greece": "ATHENS THESSALONIKI",
    "Grenada": "GRENADA",
    "Guatemala": "GUATEMALA",
    "Guinea": "CONAKRY",
    "Guyana": "GEORGETOWN",
    "Haiti": "PORTAUPRINCE",
    "Holy See": "VATICAN",
    "Honduras": "TEGUCIGALPA",
    "Hong Kong": "HONGKONG",
    "Hungary": "BUDAPEST",
    "Iceland": "REYKJAVIK",
    "India": "CALCUTTA CHENNAI HYDERABAD KOLKATA MADRAS MUMBAI NEWDELHI",
    "Indonesia": "JAKARTA SURABAYA",
    "Iran": "TEHRAN",
    "Iraq": "BAGHDAD BASRAH HILLAH KIRKUK MOSUL",
    "Ireland": "DUBLIN",
    "Israel": "TELAVIV",
    "Italy": "FLORENCE MILAN NAPLES ROME UNROME",
    "Jamaica": "KINGSTON",
    "Japan": "FUKUOKA NAGOYA NAHA OSAKAKOBE SAPPORO TOKYO",
    "Jerusalem": "JERUSALEM",
    "Jordan": "AMMAN",
    "Kazakhstan": "ALMATY ASTANA",
    "Kenya": "NAIROBI",
    "Kosovo": "PRISTINA",
    "Kuwait": "KUWAIT",
    "Kyrgyzstan": "BISHKEK",
    "Laos": "VIENTIANE",
    "Latvia": "RIGA",
    "Lebanon": "BEIRUT",
    "Lesotho": "MASERU",
    "Liberia": "MONROVIA",
    "Libya": "TRIPOLI",
    "Lithuania": "VILNIUS",
    "Luxembourg": "LUXEMBOURG",
    "Macedonia": "SKOPJE",
    "Madagascar": "ANTANANARIVO",
    "Malawi": "LILONGWE",
    "Malaysia": "KUALALUMPUR",
    "Mali": "BAMAKO",
    "Malta": "VALLETTA",
    "Marshall Islands": "MAJURO",
    "Mauritania": "NOUAKCHOTT",
    "Mauritius": "PORTLOUIS",
    "Mexico": "CIUDADJUAREZ GUADALAJARA HERMOSILLO MATAMOROS MERIDA MEXICO MONTERREY NOGALES NUEVOLAREDO TIJUANA",
    "Micronesia": "KOLONIA",
    "Moldova": "CHISINAU",
    "Mongolia": "ULAANBAATAR",
    "Montenegro": "PODGORICA",
    "Morocco": "CASABLANCA RABAT",
    "Mozambique": "MAPUTO",
    "Namibia": "WINDHOEK",
    "NATO": "USNATO",
    "Nepal": "KATHMANDU",
    "Netherlands": "AMSTERDAM THEHAGUE",
    "New Zealand": "AUCKLAND WELLINGTON",
    "Nicaragua": "MANAGUA",
    "Niger": "NIAMEY",
    "Nigeria": "ABUJA KADUNA LAGOS",
    "Norway": "OSLO",
    "Oman": "MUSCAT",
    "OSCE": "USOSCE",
    "Pakistan": "ISLAMABAD KARACHI LAHORE PESHAWAR",
    "Palau": "KOROR",
    "Panama": "PANAMA",
    "Papua New Guinea": "PORTMORESBY",
    "Paraguay": "ASUNCION",
    "Peru": "LIMA",
    "Philippines": "MANILA",
    "Poland": "KRAKOW WARSAW",
    "Portugal": "LISBON PONTADELGADA",
    "Qatar": "DOHA",
    "Republic of the Congo": "BRAZZAVILLE",
    "Romania": "BUCHAREST",
    "Russia": "LENINGRAD MOSCOW STPETERSBURG VLADIVOSTOK YEKATERINBURG",
    "Rwanda": "KIGALI",
    "Samoa": "APIA",
    "Saudi Arabia": "DHAHRAN JEDDAH RIYADH",
    "Senegal": "DAKAR",
    "Serbia": "BELGRADE",
    "Sierra Leone": "FREETOWN",
    "Singapore": "SINGAPORE",
    "Slovakia": "BRATISLAVA",
    "Slovenia": "LJUBLJANA",
    "Somalia": "MOGADISHU",
    "South Africa": "CAPETOWN DURBAN JOHANNESBURG PRETORIA",
    "South Korea": "SEOUL",
    "Spain": "BARCELONA MADRID",
    "Sri Lanka": "COLOMBO",
    "Sudan": "KHARTOUM",
    "Suriname": "PARAMARIBO",
    "Swaziland": "MBABANE",
    "Sweden": "STOCKHOLM",
    "Switzerland": "BERN CDGENEVA GENEVA USTRGENEVA",
    "Syria": "DAMASCUS",
    "Taiwan": "AITTAIPEI TAIPEI",
    "Tajikistan": "DUSHANBE",
    "Tanzania": "DARESSALAAM",
    "Thailand": "BANGKOK CHIANGMAI",
    "Timor-Leste": "DILI",
    "Togo": "LOME",
    "Trinidad and Tobago": "PORTOFSPAIN",
    "Tunisia": "TUNIS",
    "Turkey": "ADANA ANKARA ISTANBUL IZMIR",
    "Turkmenistan": "ASHGABAT",
    "Uganda": "KAMPALA",
    "Ukraine": "KIEV KYIV",
    "United Arab Emirates": "ABUDHABI DUBAI IRANRPODUBAI RPODUBAI",
    "United Kingdom": "BELFAST LONDON",
    "United States": "CDCATLANTAGA CHARLESTON FESTTWO FSINFATC PARTO SECDEF STATE USDAFAS USDOC USUNNEWYORK WASHDC",
    "Uruguay": "MONTEVIDEO",
    "Uzbekistan": "TASHKENT",
    "Venezuela": "CARACAS",
    "Vietnam": "HANOI HOCHIMINHCITY",
    "Yemen": "SANAA",
    "Zambia": "LUSAKA",
    "Zimbabwe": "HARARE",
}

STATION_COUNTRY: dict[str, str] = {
    station: country
    for country, stations in _COUNTRY_STATIONS.items()
    for station in stations.split()
}
