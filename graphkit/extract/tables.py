"""Hand-written word tables for extraction: capitals, demonyms, extra names.

pycountry and ``data/states.ttl`` give the states' names in English and French;
what they lack is written here: the capitals news use for a government
("Pékin a rejeté", "Washington said"), demonyms ("chinois", "British"), and a
few short forms the press uses. Keys are ISO 3166-1 alpha-3 codes.
"""
from __future__ import annotations

__all__ = ["CAPITALS", "DEMONYMS", "EXTRA_NAMES"]

#: Capitals as used for the state's government, English and French spellings.
CAPITALS: dict[str, tuple[str, ...]] = {
    "CHN": ("Beijing", "Pékin", "Pekin"),
    "USA": ("Washington",),
    "GBR": ("London", "Londres"),
    "RUS": ("Moscow", "Moscou"),
    "FRA": ("Paris",),
    "DEU": ("Berlin",),
    "JPN": ("Tokyo",),
    "CAN": ("Ottawa",),
    "AUS": ("Canberra",),
    "TUR": ("Ankara",),
    "IRN": ("Tehran", "Téhéran"),
    "SAU": ("Riyadh", "Riyad"),
    "SYR": ("Damascus", "Damas"),
    "VEN": ("Caracas",),
    "CUB": ("Havana", "La Havane"),
    "PRK": ("Pyongyang",),
    "KOR": ("Seoul", "Séoul"),
    "BLR": ("Minsk",),
    "PAK": ("Islamabad",),
    "IND": ("New Delhi", "New Delhi"),
    "BRA": ("Brasilia", "Brasília"),
    "ZAF": ("Pretoria",),
    "EGY": ("Cairo", "Le Caire"),
    "ISR": ("Jerusalem", "Jérusalem"),
    "UKR": ("Kyiv", "Kiev"),
    "NLD": ("The Hague", "La Haye"),
    "ITA": ("Rome",),
    "ESP": ("Madrid",),
    "SWE": ("Stockholm",),
    "CHE": ("Berne", "Bern"),
}

#: Demonyms (adjective and noun forms) in English and French.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "CHN": ("Chinese", "chinois", "chinoise", "chinoises"),
    "USA": ("American", "américain", "américaine", "américains", "américaines"),
    "GBR": ("British", "britannique", "britanniques"),
    "RUS": ("Russian", "russe", "russes"),
    "FRA": ("French", "français", "française", "françaises"),
    "DEU": ("German", "allemand", "allemande", "allemands", "allemandes"),
    "JPN": ("Japanese", "japonais", "japonaise", "japonaises"),
    "CAN": ("Canadian", "canadien", "canadienne", "canadiens", "canadiennes"),
    "AUS": ("Australian", "australien", "australienne", "australiens", "australiennes"),
    "TUR": ("Turkish", "turc", "turque", "turcs", "turques"),
    "IRN": ("Iranian", "iranien", "iranienne", "iraniens", "iraniennes"),
    "SAU": ("Saudi", "saoudien", "saoudienne", "saoudiens", "saoudiennes"),
    "SYR": ("Syrian", "syrien", "syrienne", "syriens", "syriennes"),
    "VEN": ("Venezuelan", "vénézuélien", "vénézuélienne", "vénézuéliens"),
    "CUB": ("Cuban", "cubain", "cubaine", "cubains", "cubaines"),
    "PRK": ("North Korean", "nord-coréen", "nord-coréenne", "nord-coréens"),
    "KOR": ("South Korean", "sud-coréen", "sud-coréenne", "sud-coréens"),
    "BLR": ("Belarusian", "biélorusse", "biélorusses", "bélarussien", "bélarussienne"),
    "PAK": ("Pakistani", "pakistanais", "pakistanaise", "pakistanaises"),
    "IND": ("Indian", "indien", "indienne", "indiens", "indiennes"),
    "NLD": ("Dutch", "néerlandais", "néerlandaise", "néerlandaises"),
    "ITA": ("Italian", "italien", "italienne", "italiens", "italiennes"),
    "ESP": ("Spanish", "espagnol", "espagnole", "espagnols", "espagnoles"),
    "SWE": ("Swedish", "suédois", "suédoise", "suédoises"),
    "CHE": ("Swiss", "suisse", "suisses"),
    "UKR": ("Ukrainian", "ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"),
    "EGY": ("Egyptian", "égyptien", "égyptienne", "égyptiens", "égyptiennes"),
    "ISR": ("Israeli", "israélien", "israélienne", "israéliens", "israéliennes"),
    "MMR": ("Burmese", "birman", "birmane", "birmans", "birmanes"),
}

#: Short and press forms neither pycountry nor states.ttl spell this way.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "GBR": ("Britain", "Great Britain", "UK", "U.K.", "Grande-Bretagne"),
    "USA": ("US", "U.S.", "United States", "Etats-Unis", "États-Unis"),
    "ARE": ("UAE", "Emirats arabes unis", "Émirats arabes unis"),
    "RUS": ("Russia", "Russie"),
    "KOR": ("South Korea", "Corée du Sud"),
    "PRK": ("North Korea", "Corée du Nord"),
    "IRN": ("Iran",),
    "SYR": ("Syria", "Syrie"),
    "VEN": ("Venezuela",),
    "BOL": ("Bolivia", "Bolivie"),
    "TZA": ("Tanzania", "Tanzanie"),
    "VNM": ("Vietnam", "Viet Nam"),
    "LAO": ("Laos",),
    "CZE": ("Czech Republic", "Czechia", "République tchèque", "Tchéquie"),
    "MDA": ("Moldova", "Moldavie"),
    "COD": ("DR Congo", "RD Congo", "RDC", "DRC"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire"),
    "NLD": ("Netherlands", "Pays-Bas"),
    "TUR": ("Turkey", "Turquie"),
    "MMR": ("Myanmar", "Burma", "Birmanie"),
    "BLR": ("Belarus", "Bélarus", "Biélorussie"),
}
