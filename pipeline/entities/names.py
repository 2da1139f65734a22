"""Pure functions on entity names: normalising, typing by head words, acronyms, alias tests.

Used by the entity stage to decide which mentions name the same entity and
whether an organisation is a company, a regulator or a court.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from pipeline.settings import TYPOGRAPHIC_FOLDING

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
# Legal forms that end a company name, as spaCy's English tokenizer splits them: the one list of corporate
# suffixes (the company-name matcher anchors on these tokens; name folding drops their folded forms).
LEGAL_FORMS = (
    "LLC", "L.L.C.", "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "Limited",
    "Co.", "plc", "PLC", "GmbH", "AG", "S.A.", "SA", "N.V.", "NV", "B.V.", "BV", "LLP", "L.P.", "LP", "S.p.A.",
    "SpA", "S.r.l.", "AB", "ASA", "Oy", "SE", "PLLC", "P.C.", "L.C.",
    # European legal forms as registers and enforcement decisions write them (Spain, Portugal, Italy, France,
    # Germany, the Nordics, Central and Eastern Europe): "Alava Norte, S.L.", "Ica S.R.L.", "Yay Ehf."
    "S.L.", "SL", "S.L.U.", "SLU", "S.A.U.", "SAU", "S.R.L.", "SRL", "Srl", "S.r.l", "S.p.A", "SPA", "Lda",
    "Lda.", "S.A.S.", "SAS", "SARL", "S.A.R.L.", "Sàrl", "GbR", "KG", "KGaA", "mbH", "OHG", "e.V.", "Oyj",
    "ApS", "Ehf.", "ehf.", "hf.", "s.r.o.", "a.s.", "d.o.o.", "Kft.", "Zrt.", "Nyrt.", "EOOD", "OOD", "BVBA",
)  # fmt: skip
# Folded words that end a name without identifying it: the legal forms, and the descriptive "company",
# "holdings", "group" ("Acme Holdings" is Acme).
CORPORATE_SUFFIXES = frozenset(
    {form.replace(".", "").casefold() for form in LEGAL_FORMS} | {"company", "holdings", "group"}
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "judge", "justice", "sir", "dame", "lord", "lady"})
# Words too generic to identify an entity on their own ("Bank" must not merge with "Bank of China").
GENERIC_WORDS = frozenset(
    {
        "bank", "company", "firm", "group", "court", "department", "office", "commission", "authority",
        "agency", "association", "board", "bureau", "council", "division", "service", "services", "state",
        "states", "united", "national", "federal", "us", "international", "trust", "fund", "financial",
        "capital", "securities", "exchange", "district", "government", "ministry", "regulator", "watchdog",
        "attorney", "general", "new", "american", "first", "global",
    }
)  # fmt: skip
# Joiners left at the end of a name once its corporate suffix is gone ("Goldman Sachs and Co").
NAME_JOINERS = frozenset({"&", "and"})
STOP_WORDS = frozenset({"the", "of", "and", "for", "a", "an", "in", "on", "at", "to", "de", "&"})
# Memoised results of the pure name functions: the entity stage compares every mention with every cluster,
# so the same few hundred names of a document are folded and split thousands of times. Bounded so a long
# run does not grow without limit.
NAME_CACHE_SIZE = 4096
# Shortest spacing-free name compared by :func:`is_compact_form` ("JPMorganChase"), so that two-letter
# keys do not match every name that starts with them.
MIN_COMPACT_CHARS = 6

# A legislature's committee or group, in the regulator heads and on its own.
LEGISLATIVE_BODY = (
    r"(house|senate|congressional|parliamentary|commons|lords|bundestag|legislative)\b[\w\s,&'-]{0,60}?"
    r"\b(committee|subcommittee|inquiry|group on)"
)
# Head words that make an organisation name a public enforcer or a court (checked on whole words).
REGULATOR_HEAD_PATTERN = re.compile(
    r"\b(commission|commissioner|authority|agency|department|ministry|attorney general|attorneys general|"
    r"regulator|watchdog|inspectorate|ombudsman|administration|bureau|directorate|"
    r"supervisor|prosecutor|prosecutors|procurator|treasury|police|fbi|office of|"
    r"attorney's office|attorneys office|attorney.s office|u\.s\. attorney|inspector general|strike force|"
    r"task force|litigation (section|branch)|(fraud|crimes?|enforcement|counterterrorism) section|"
    r"investigative service|sheriff'?s office|"
    # Federal law-enforcement agencies named "... Service" investigate and arrest ("U.S. Marshals Service",
    # "Diplomatic Security Service", "Postal Inspection Service"); "service" alone heads companies.
    r"marshals service|diplomatic security service|inspection service|"
    # State financial supervisors named for their field ("Massachusetts Securities Division", "Texas State
    # Securities Board", "Division of Banks", "Superintendent of Financial Services", "Insurance Commissioner")
    r"securities (division|board|bureau)|division of (banks|banking|securities|insurance|financial institutions|"
    r"consumer credit)|superintendent of (banks|banking|insurance|financial services|financial institutions)|"
    r"(banking|insurance|securities) (commissioner|superintendent|regulator)|"
    # Legislatures' committees and groups ("House Financial Services Committee", "Senate Permanent
    # Subcommittee on Investigations", "All-Party Parliamentary Group on Betting and Gaming"): regulators
    # where they hold an inquiry (the resolver checks the context, see LEGISLATIVE_BODY_PATTERN)
    + LEGISLATIVE_BODY
    + r")\b",
    re.IGNORECASE,
)
LEGISLATIVE_BODY_PATTERN = re.compile(r"\b" + LEGISLATIVE_BODY + r"\b", re.IGNORECASE)
# Words near a legislature's committee that show it investigating, the role the guidelines make a regulator
# ("a parliamentary committee holding an inquiry"); elsewhere it is a public body in another role.
INQUIRY_CUE_PATTERN = re.compile(
    r"^(inquir|enquir|investigat|probe|hearing|subpoena|testif|summon|question|grill|report|evidence|examin)",
    re.IGNORECASE,
)
# Authorities named for the service they run (a transit, port or housing authority) operate it and are
# sued or contracted like companies; "authority" alone heads regulators ("Financial Conduct Authority").
SERVICE_AUTHORITY_PATTERN = re.compile(
    r"\b(transit|transportation|port|ports|housing|airport|water|power|toll|parking|turnpike|bridge|tunnel|"
    r"school|hospital|redevelopment|development|sewer|sewerage|utilities|utility) authorit(y|ies)\b",
    re.IGNORECASE,
)
# Public bodies that are neither companies nor enforcers (victims, customers, defendants): not ORG. "State
# of" only opens a name ("State of Wisconsin"); inside one it is a group's ("Islamic State of Iraq").
PUBLIC_BODY_PATTERN = re.compile(
    r"\b(school district|public schools|board of education|county|city of|town of|city council|"
    r"university|college|detention center|correctional facility|national guard|navy|army|air force|"
    r"congress|parliament|cabinet|senate|house of representatives|general assembly|consulate|embassy|"
    r"medicare|medicaid|naval|marine corps|(?<!\w )state of|division of|"
    # a university's schools ("UMDNJ School of Medicine"), public bodies as "university" is
    r"school of (medicine|osteopathic medicine|law|dentistry|nursing|public health)|medical school|law school)\b",
    re.IGNORECASE,
)
# Heads that make a capitalised phrase a law, not an organisation ("Texas Deceptive Trade Practices Act").
LAW_HEAD_PATTERN = re.compile(r"\b(act|acts|code|guidelines|convention|directive|regulation|statute)$", re.I)
# Treaties are named head first ("Convention on International Trade in Endangered Species", "Treaty of Rome",
# "Protocol on ..."); "Convention of Scottish Local Authorities" (a body) takes "of" and stays out.
LAW_LEAD_PATTERN = re.compile(r"^(the )?((convention|protocol|covenant) (on|against)|treaty (of|on))\b", re.I)
# Last words of capitalised phrases the NER calls organisations that name something else: documents and
# registers ("Federal Register", "Permanent Resident Cards", "Forms I-9" ends otherwise), programmes and
# schemes ("Fair Housing Testing Program"), street addresses ("Fifth Street N.W."), facilities ("Palo Verde
# Nuclear Generating Station"), sporting and other events ("Norwich Union Grand Prix"), diseases.
NON_ORG_HEAD_PATTERN = re.compile(
    r"\b(register|registry|card|cards|forms?|certificates?|passports?|schedule|guidance|"
    r"program|programs|programme|programmes|initiative|scheme|"
    r"street|avenue|boulevard|road|lane|n\.w\.?|s\.w\.?|n\.e\.?|s\.e\.?|suite|"
    r"station|plant|reactor|refinery|headquarters|"
    r"grand prix|championships?|olympics|games|marathon|festival|awards|tournament|expo|exhibition|conference|"
    r"cup|trophy|semi-final|final|play-offs?|"
    r"summit|oscars|baftas|grammys|emmys|electronics show|motor show|air show|trade show|"
    r"virus|disease|syndrome|"
    # legal documents and release furniture of agencies' and courts' copy ("Order Instituting Proceedings",
    # "Written Agreement", "Civil Action No", "Litigation Releases", "Attachment 2", "Monthly Installments")
    r"order|orders|agreement|releases?|complaint|judgment|decree|attachment \d*|exhibit \w*|proceedings?|"
    r"petition|motion|docket|action no\.?|case no\.?|release no\.?|installments?|board of directors)$|"
    r"^(order|civil action|administrative order|written agreement|consent order|final judgment) ",
    re.IGNORECASE,
)
# File formats and databases that releases link to ("PDF", "EDGAR") and award ceremonies named alone ("the
# Oscars"): never an organisation of the story.
NON_ORG_WORDS = frozenset(
    {
        "pdf",
        "html",
        "edgar",
        "xbrl",
        "faq",
        "cease",
        "desist",
        "order",
        "complaint",
        "indictment",
        "judgment",
        "oscars",
        "baftas",
        "grammys",
        "emmys",
        "olympics",
    }
)
# A government form named by its number ("Forms I-9", "Form 1040", "Form W-2"): a document, not a body.
NUMBERED_FORM_PATTERN = re.compile(r"^forms? [a-z]{0,2}-?\d", re.IGNORECASE)
# Words of a job title ("Trial Attorneys", "GSA Inspector", "Home Secretary"): a phrase holding one names
# a person or a post, never an organisation (enforcers' titles are typed before: "Attorney General").
ROLE_TITLE_WORDS = frozenset(
    {
        "attorney", "attorneys", "agent", "agents", "inspector", "inspectors", "secretary", "senator",
        "congressman", "congresswoman", "minister", "chairman", "chairwoman", "spokesman", "spokeswoman",
        "spokesperson", "commander", "lieutenant", "sergeant", "detective", "governor", "mayor",
        # judicial and legal posts ("U.S. Magistrate Judge", "Special Litigation Counsel Hilary Axam")
        "judge", "judges", "magistrate", "counsel", "accountant",
        # company officers as releases abbreviate them ("the company's COO")
        "ceo", "coo", "cfo", "cto", "cio",
    }
)  # fmt: skip
# Letters after a person's name (British barristers and members of parliaments): "Guy Mansfield QC", "MSP".
POST_NOMINALS = frozenset({"qc", "kc", "mp", "msp", "mep", "am", "mla", "esq", "obe", "mbe", "cbe"})
# Political parties by the names news uses for them; the NER often calls them nationalities or groups
# (NORP) or people ("Lib Dem"), while the guidelines count parties as organisations.
POLITICAL_PARTIES = frozenset(
    {
        "conservative party", "conservatives", "tories", "tory", "labour", "labour party", "liberal democrats",
        "lib dems", "lib dem", "snp", "scottish national party", "plaid cymru", "ukip", "green party",
        "sinn fein", "dup", "democratic unionist party", "democrats", "democratic party", "republicans",
        "republican party", "gop", "christian democrats", "social democrats", "cdu", "spd", "anc", "bjp",
    }
)  # fmt: skip
COURT_HEAD_PATTERN = re.compile(r"\b(court|tribunal|judiciary|circuit)\b", re.IGNORECASE)
# Organisations with a regulator-like head word that are not public bodies.
NON_REGULATOR_PATTERN = re.compile(
    r"\b(inc|corp|ltd|llc|plc|company|co|bank|university|college|hospital|association|institute)\b\.?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold(text: str) -> str:
    """Case- and accent-folded text with typographic quotes made ASCII."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(TYPOGRAPHIC_FOLDING).casefold()


def name_words(text: str) -> list[str]:
    """Words of a name, folded, without possessive 's, punctuation, leading determiners, corporate suffixes."""
    return list(_name_words(text))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_words(text: str) -> tuple[str, ...]:
    """:func:`name_words` as an immutable (cacheable) tuple."""
    folded = re.sub(r"'s\b", "", fold(text))
    folded = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", folded)  # U.S. -> us, D.C. -> dc
    words = [w for w in re.split(r"[^\w&]+", folded) if w]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    while len(words) > 1 and (words[-1] in CORPORATE_SUFFIXES or words[-1] in NAME_JOINERS):
        words = words[:-1]  # "Goldman Sachs and Co" -> goldman sachs; "JPMorgan Chase & Co." -> jpmorgan chase
    return tuple(words)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def normalize_name(text: str) -> str:
    """The comparison key of a name: 'The Nebraska Beef, Ltd.' -> 'nebraska beef'."""
    return " ".join(_name_words(text))


def content_words(text: str) -> frozenset[str]:
    """Words of a name that carry meaning (no stop words)."""
    return frozenset(w for w in _name_words(text) if w not in STOP_WORDS)


def is_distinctive(words: frozenset[str]) -> bool:
    """True when the words hold at least one non-generic word."""
    return bool(words - GENERIC_WORDS)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def initials(text: str) -> str:
    """Upper-case initials of a name's content words: 'Stichting Data Bescherming Nederland' -> 'SDBN'."""
    words = [w for w in re.split(r"[^\w]+", text) if w and w.casefold() not in STOP_WORDS]
    return "".join(w[0] for w in words).upper()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def looks_like_acronym(text: str) -> bool:
    """'SDBN', 'U.S. EPA', 'FTC' -- short, upper-case, no spaces beyond dotted forms."""
    letters = re.sub(r"[.\s&-]", "", text)
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short`` is the acronym of ``long`` (initials of its content words, or of all its words)."""
    letters = re.sub(r"[.\s&-]", "", short).upper()
    if not looks_like_acronym(short) or len(long.split()) < 2:
        return False
    all_initials = "".join(w[0] for w in re.split(r"[^\w]+", long) if w).upper()
    bare = _name_words(long)  # without its legal form: 'BP' ~ 'British Petroleum Co PLC'
    bare_initials = "".join(w[0] for w in bare if w not in STOP_WORDS).upper() if len(bare) > 1 else ""
    return letters in (initials(long), all_initials, bare_initials, formless_initials(long))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def formless_initials(text: str) -> str:
    """Initials of every word of a name but its legal form, a leading "The" included: 'The Ticket Reserve Inc.'
    -> 'TTR' (a company whose name starts with the article abbreviates it so)."""
    words = [w for w in re.split(r"[^\w]+", text.replace(".", "")) if w]
    while len(words) > 1 and fold(words[-1]) in _LEGAL_FORM_KEYS:
        words = words[:-1]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


_LEGAL_FORM_KEYS = frozenset(form.replace(".", "").casefold() for form in LEGAL_FORMS)


def has_legal_form(text: str) -> bool:
    """True when a name ends in a legal form ("Acme, Inc.", "Quontic Bank Holdings Corp.", "Alava Norte S.L.")."""
    words = [w for w in re.split(r"[^\w]+", fold(text).replace(".", "")) if w]
    return len(words) > 1 and words[-1] in _LEGAL_FORM_KEYS


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_short_form(short: str, long: str) -> bool:
    """True when ``short`` names the same organisation as ``long`` by a leading part of its words.

    'Nebraska Beef' ~ 'Nebraska Beef Ltd.', 'Amazon' ~ 'Amazon.com', 'Lucite' ~ 'Lucite International Inc.';
    never on generic words alone ('Bank' !~ 'Bank of China'), and never for a name that carries its own legal
    form: 'Pedcor Financial, LLC' is a complete company name, another than 'Pedcor Financial Bancorp'.
    """
    s, lw = _name_words(short), _name_words(long)
    if not s or len(s) >= len(lw) or lw[: len(s)] != s or has_legal_form(short):
        return False
    return is_distinctive(frozenset(s) - STOP_WORDS)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_compact_form(short: str, long: str) -> bool:
    """True when two names differ in spacing only: 'JP Morgan Chase' ~ 'JPMorgan Chase & Co.', or the first
    is a leading part of the other written so ('JP Morgan' ~ 'JPMorgan Chase')."""
    sw, lw = _name_words(short), _name_words(long)
    compact = "".join(sw)
    if len(compact) < MIN_COMPACT_CHARS or sw == lw or not is_distinctive(frozenset(sw) - STOP_WORDS):
        return False
    if has_legal_form(short):  # a complete company name: all of the other, or another company
        return "".join(lw) == compact
    return any("".join(lw[:k]) == compact for k in range(1, len(lw) + 1))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_last_word_of(short: str, long: str) -> bool:
    """True when a one-word name is the last word of a longer organisation's name without its legal form:
    'Disney' ~ 'Walt Disney Company', 'Thiokol' ~ 'Morton Thiokol Inc'. News refers to companies by their
    most distinctive word; never on generic words ('Group', 'Bank')."""
    s, lw = _name_words(short), _name_words(long)
    return len(s) == 1 and len(lw) > 1 and lw[-1] == s[0] and len(s[0]) > 2 and is_distinctive(frozenset(s))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def surname_of(text: str) -> str | None:
    """The surname a person is referred to by on second mention ('Mr Aitken' -> 'aitken')."""
    words = [w for w in re.split(r"[^\w'-]+", fold(text)) if w]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    while words and words[-1] in {"jr", "sr", "ii", "iii"}:
        words = words[:-1]
    return words[-1] if words else None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def org_kind(text: str) -> str:
    """'COURT', 'REGULATOR', 'LAW', 'PUBLIC_BODY' (no enforcing role) or 'ORG' from a name's words."""
    if COURT_HEAD_PATTERN.search(text) and not NON_REGULATOR_PATTERN.search(text):
        return "COURT"
    if SERVICE_AUTHORITY_PATTERN.search(text):
        return "PUBLIC_BODY"
    if REGULATOR_HEAD_PATTERN.search(text) and not NON_REGULATOR_PATTERN.search(text):
        return "REGULATOR"
    if (LAW_HEAD_PATTERN.search(text.rstrip(". ")) or LAW_LEAD_PATTERN.search(text)) and len(text.split()) > 1:
        return "LAW"
    if PUBLIC_BODY_PATTERN.search(text) and not NON_REGULATOR_PATTERN.search(text):
        return "PUBLIC_BODY"
    return "ORG"


@lru_cache(maxsize=NAME_CACHE_SIZE)
def names_no_organisation(text: str) -> bool:
    """True when a capitalised phrase the NER called an organisation names something else by its words: a
    document, programme, address, facility or event (``NON_ORG_HEAD_PATTERN``), a job title or a person
    with one ("Trial Attorneys Jennifer Ambuehl", "Guy Mansfield QC"), a generic word alone ("Departments").
    Names with a legal form ("Acme Cards Inc.") are always organisations."""
    words = [w for w in re.split(r"[^\w&.'-]+", fold(text)) if w]
    plain = [w.strip(".") for w in words]
    if not plain or plain[-1] in CORPORATE_SUFFIXES:
        return False
    if len(plain) > 1 and (NON_ORG_HEAD_PATTERN.search(text.rstrip(", ")) or NUMBERED_FORM_PATTERN.match(text)):
        return True
    if any(w in ROLE_TITLE_WORDS for w in plain) or plain[-1] in POST_NOMINALS:
        return True
    if "," in text and all(w in GENERIC_WORDS for w in plain):
        return True  # a list of kinds the NER read as one name: "Federal, State and local partners"
    if len(plain) == 1 and plain[0] in NON_ORG_WORDS:
        return True
    return generic_alone(text)


def is_political_party(text: str) -> bool:
    """True for the name of a political party as news writes it ("the Tories", "Lib Dem", "Democrats")."""
    return normalize_name(text) in POLITICAL_PARTIES


@lru_cache(maxsize=NAME_CACHE_SIZE)
def generic_alone(text: str) -> bool:
    """True for one generic word standing alone ("Department", "Departments", "Authority"): a reference
    to an entity named elsewhere, never a name itself."""
    return len(text.split()) == 1 and fold(singular_name(text.strip(". "))) in GENERIC_WORDS


# -- scraped copy without apostrophes ------------------------------------------------------------------
# Heads of an owning body in "Justice Departments Civil Division" (scraped copy lost the apostrophe).
# Not "service": "General Services Administration", "Human Services" are plural in the name itself.
OWNER_HEADS = frozenset(
    {
        "department", "division", "agency", "commission", "bureau", "administration", "office", "ministry",
        "authority", "board", "court", "section", "branch", "directorate", "inspectorate",
    }
)  # fmt: skip
# Words a name keeps in the plural ("Veterans Affairs", "Attorneys General", "Human Services").
PLURAL_ENDINGS = ("ss", "us", "is", "ys'", "'s")


def _bare_possessive_owner(word: str) -> bool:
    """True when ``word`` reads as an owner whose possessive lost its apostrophe ('Departments', 'GSAs')."""
    if len(word) < 3 or not word.endswith("s") or word.endswith(PLURAL_ENDINGS) or not word[0].isupper():
        return False
    stem = word[:-1]
    return (stem.isupper() and stem.isalpha()) or stem.lower() in OWNER_HEADS


def _unknown(_: str) -> bool:
    return False


def bare_possessive_split(words: list[str], *, is_known: Callable[[str], bool] = _unknown) -> int | None:
    """Index of the owner's last word in a name glued to its owner without an apostrophe, else None.

    'Justice Departments Civil Division' -> 1 (owner 'Justice Department', unit 'Civil Division');
    'GSAs Office of Inspector General' -> 0.  ``is_known`` tells names the caller knows as one entity
    ('Department of Health and Human Services'), which are never split.  'Attorneys General' stays whole.
    """
    if is_known(" ".join(words)):
        return None
    for i, word in enumerate(words[:-1]):
        rest = words[i + 1 :]
        if not rest[0][:1].isupper() or all(fold(w) in GENERIC_WORDS for w in rest):
            continue
        owner = " ".join(words[: i + 1])
        if is_known(owner) or not word.endswith("s"):
            continue
        if _bare_possessive_owner(word) or (not word.endswith(PLURAL_ENDINGS) and is_known(owner[:-1])):
            return i
    return None


def singular_name(text: str) -> str:
    """The name with its bare possessive 's' dropped: 'Justice Departments' -> 'Justice Department'.

    A candidate only ('Texas' -> 'Texa'): callers accept it where the gazetteer or another mention knows it.
    """
    return text[:-1] if text.endswith("s") and not text.endswith(PLURAL_ENDINGS) else text
