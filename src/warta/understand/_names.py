"""Person names without a trained model: capitalised runs, titles kept apart.

"Gubernur Riau Abdul Wahid" is a run of capitalised words; the words that
make a role (titles, institutions, places, acronyms) are cut from its front,
and what remains at its end is the name: role "Gubernur Riau", name "Abdul
Wahid". Short forms ("Wahid") are linked to the longest name of the article
that holds them, as the entity stage links "Kim" to "Kim Jong Un".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ._stopwords import stop_words

TITLES = frozenset("""
presiden wapres wakil menteri menko wamen mendagri menkeu menlu menhan mensesneg menkes
gubernur wagub bupati wabup wali walikota wawali kepala ketua ketum direktur dirut sekretaris
sekjen sekda jenderal kapolri wakapolri kapolda kapolres kapolresta kapolsek kasat kasatreskrim
kabid kabag kasubdit dirreskrimum dirreskrimsus dirlantas kadis kadiv kasi kabareskrim kapuspen
camat lurah kades plt plh pj juru jubir anggota komisaris panglima kasad kasal kasau jaksa
hakim jpu rektor dekan pengamat ekonom analis peneliti pakar ceo founder senator ratu raja
pangeran perdana pm kanselir ipda iptu akp kompol akbp kombes brigjen irjen komjen mayjen
letjen laksamana marsekal kolonel letkol mayor kapten bripka brigadir aipda aiptu bripda
pak bu ibu bapak mbak mas dr prof ir h hj kh ustaz ustadz pendeta habib gus kiai sekretaris
manajer staf staff koordinator kasubbag kapendam dandim danrem pangdam kasatpol kalapas
deputi asisten duta dubes chief executive officer president kabiro kapusdatin kakanwil kajari kajati kapuskes irjen inspektur
dirjen sesjen wakapolda wakapolres kapolrestabes kabidhumas kasatlantas kasatnarkoba kanit panit kadinkes kadisdik
mentan mendag menhub menpora menaker mensos menag menpar menkum menkumham menkominfo menkomdigi mendikdasmen
mendikbud mendiktisaintek menperin menpupr menpan menlhk menbud wamenkeu wamenlu wamendagri mantan eks calon drs dra
politikus politisi pengacara kuasa advokat dosen guru aktivis legislator ahli pelatih pemain pengusaha petinggi
kontributor wartawan jurnalis reporter koresponden redaktur
""".split())  # fmt: skip

# Capitalised words that belong to roles and institutions, not to names.
INSTITUTION = frozenset("""
badan dinas komisi kementerian kantor dewan majelis mahkamah lembaga pusat daerah nasional
umum negeri dalam luar agama sosial kota kabupaten provinsi republik bidang humas satgas
polisi polri tni polda polres polresta polsek kodam korem kodim partai fraksi rumah sakit
bank universitas sekolah tim divisi direktorat biro bagian seksi unit umum utama besar tinggi
agung istana negara rakyat wilayah ri bumn pt tbk persero koperasi urusan hubungan pemuda
olahraga energi sumber daya mineral hukum ham desa kecamatan kelurahan pemprov pemkot pemkab
pemda pemerintah dprd dpr mpr dpd kpk bpk ojk bi bps bmkg basarnas bnpb kpu bawaslu
pajak bea cukai anggaran statistik distribusi jasa moneter ekonomi kebijakan departemen risiko
komunikasi layanan informasi energi pangan kreatif industri investasi digital lalu lintas senior
setdaprov setda asosiasi petani garam rakyat perusahaan holding grup group kabinet staf kepresidenan
organisasi yayasan institut koalisi aliansi forum serikat himpunan ikatan persatuan gerakan kelompok
komunitas perkumpulan golkar gerindra nasdem demokrat perindo hanura cabang ranting
university institute lingkungan hidup
""".split())  # fmt: skip

# Capitalised words that are never a person's name, even alone ("Nomor 5", "Pasal 31").
NOT_NAMES = frozenset("masyarakat nomor pasal ayat".split())
_INSTITUTION_AFFIX = re.compile(r"^(?:ke|pe|per|pem|pen|peng|peny|pel)[a-z]{3,}an$")
PARTICLES = frozenset({"bin", "binti", "van", "de", "der", "von", "al", "el", "dan"})
COUNTRIES = frozenset("""
indonesia malaysia singapura thailand vietnam filipina brunei myanmar kamboja laos timor
china tiongkok jepang korea utara selatan rusia ukraina amerika serikat inggris prancis
perancis jerman italia spanyol belanda belgia australia india pakistan iran irak suriah
israel palestina gaza mesir arab saudi turki qatar yordania lebanon yaman afrika kanada
meksiko brasil argentina eropa asia timur tengah barat pasifik moskow washington beijing
tokyo london paris canberra pyongyang seoul kyiv solo jogja yogya jabodetabek
jabar jateng jatim kaltim kalbar kalsel kalteng kaltara sulsel sulut sulteng sultra sulbar sumut sumbar
sumsel babel kepri jaksel jakut jaktim jakbar jakpus
""".split())  # fmt: skip

_GLUED_VERB = re.compile(
    r"(?<=[a-z]{3})(?:mengatakan|menyatakan|menyampaikan|menjelaskan|menegaskan|menyebut(?:kan)?"
    r"|mengungkapkan|menambahkan|menilai)$"
)
NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"  # "M." or a word; a full stop ends the run
# A run of capitalised words, allowing "(Menkeu)" and "ke-7" inside a role.
# A run never crosses a line break: "ucap Teddy\n\nTak lupa, ..." names Teddy.
RUN = re.compile(
    rf"{NAME_WORD}(?:[^\S\n]+(?:\([^()\n]{{1,30}}\)|ke-\d+|(?:{'|'.join(PARTICLES)})(?=\s+[A-Z])|{NAME_WORD}))*"
)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-case words of Indonesian region names (wilayah.json) and countries."""
    data = json.loads(files("warta.data").joinpath("wilayah.json").read_text(encoding="utf-8"))
    words = set(COUNTRIES)
    for name in data["regions"].values():
        name = re.sub(r"^(?:Kabupaten|Kota|Provinsi)\s+", "", name)
        words.update(w.lower() for w in name.split())
    return frozenset(words)


def is_role_word(token: str) -> bool:
    """True for a word that belongs to a role or an institution, not a name."""
    low = token.strip(".").lower()
    if token.startswith("(") or token.startswith("ke-"):
        return True
    if low in TITLES or low in INSTITUTION or low in NOT_NAMES or low in places():
        return True
    if len(token) > 1 and token.isupper() and not token.endswith("."):
        return True  # an acronym: BPS, DPRD, AKBP
    return len(low) >= 7 and bool(_INSTITUTION_AFFIX.match(low))


@dataclass
class Who:
    """A speaker as the text gives it: a name and/or a role, with its place."""

    name: str | None
    role: str | None
    start: int
    end: int


# A token, or the words a lost space glued ("RikaRaffiudin", "BiologiIPB"): a
# capital after three lower-case letters starts a new word ("NasDem" stays one).
_TOKEN = re.compile(r"\([^()]*\)|\S+?(?=(?<=[a-z]{3})[A-Z]|\s|$)")


def split_run(run: str, offset: int) -> Who | None:
    """Cut a capitalised run into its role (front) and name (end); None when
    nothing but sentence openers remains ("Namun")."""
    tokens = [(m.group(), offset + m.start()) for m in _TOKEN.finditer(run)]
    while tokens and tokens[0][0].lower() in stop_words():  # "Awalnya Purbaya"
        tokens = tokens[1:]
    if not tokens:
        return None
    if _GLUED_VERB.search(tokens[-1][0]):  # "Bahlil Lahadaliamengatakan" (a lost space)
        token, at = tokens[-1]
        tokens[-1] = (_GLUED_VERB.sub("", token), at)
    while len(tokens) > 1 and tokens[-1][0].startswith("("):  # "Agus Harimurti Yudhoyono (AHY)"
        tokens = tokens[:-1]
    cut = 0
    for i, (token, _) in enumerate(tokens):
        if is_role_word(token) and not _surname_title(tokens, i, cut):
            cut = i + 1
    if cut == len(tokens) and not is_role_word(tokens[0][0]):
        # "Menurut Prabowo Indonesia tidak ...": a name, then the clause's subject.
        cut = next(i for i, (t, _) in enumerate(tokens) if is_role_word(t))
        tokens = tokens[:cut]
        cut = 0
    names = [t for t, _ in tokens[cut:]]
    if "dan" in names:  # "Prabowo dan Jokowi": the last one stands next to the verb
        names = names[len(names) - names[::-1].index("dan") :]
    if len(tokens) == 1 and _lone_name(tokens[0][0]):
        cut, names = 0, [tokens[0][0]]  # "Agung" is a name alone, "Mahkamah Agung" a role
    role = " ".join(t for t, _ in tokens[:cut] if not t.startswith("(")) or None
    name = " ".join(names) or None
    return Who(name, role, tokens[0][1], tokens[-1][1] + len(tokens[-1][0]))


def _surname_title(tokens: list[tuple[str, int]], i: int, cut: int) -> bool:
    """A title word after a name's first word ends the name ("Yusuf Hakim",
    "Rina Guru"): titles stand before names, not after them."""
    token = tokens[i][0]
    return i > cut and token.lower() in TITLES and not token.isupper() and i == len(tokens) - 1


def _lone_name(token: str) -> bool:
    low = token.lower()
    return low in INSTITUTION and low not in TITLES and not token.isupper() and len(token) > 3


def who_at(text: str, position: int) -> Who | None:
    """The capitalised run that starts at `position` of `text`, split into role
    and name; "Asisten II Setdaprov Riau, Helmi D" gives the name after the comma."""
    match = RUN.match(text, position)
    if match is None:
        return None
    end = match.end()
    while _ABBREVIATED_TITLE.search(text, match.start(), end) and text[end : end + 1] == ".":
        # "Prof. Dr. Siti Aminah": a title's full stop does not end the run.
        match = RUN.match(text, _SPACES.match(text, end + 1).end())
        if match is None:
            break
        end = match.end()
    who = split_run(text[position:end], position)
    return _listed_role(text, position, end, who) or apposition(text, end, who) or who


# "Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB Abdul Muhari":
# an institution's name that lists words goes on after "dan" to the name.
# Not a list of people: "Menteri Sosial, Rudi Hartono, dan Sekjen Budi".
_ROLE_LIST = re.compile(rf"(?:,\s+{NAME_WORD})+,?\s+(?:dan|serta)\s+(?=[A-Z])")


def _listed_role(text: str, position: int, end: int, who: Who | None) -> Who | None:
    if who is None or who.role is None or (match := _ROLE_LIST.match(text, end)) is None:
        return None
    last = RUN.match(text, match.end())
    tail = split_run(last.group(), last.start()) if last else None
    if tail is None or tail.name is None or tail.role is None:
        return None
    if tail.role.split()[0].lower().strip(".") in TITLES:
        return None  # another person's title: a list of people
    return Who(tail.name, f"{text[position : match.end()]}{tail.role}", position, tail.end)


_ABBREVIATED_TITLE = re.compile(r"\b(?:Prof|Dr|Drs|Dra|Ir|Hj|KH|Ny)$")
_SPACES = re.compile(r" *")
_COMMA_RUN = re.compile(rf",\s+({RUN.pattern})")


def apposition(text: str, end: int, who: Who | None, shift: int = 0) -> Who | None:
    """The name in ", Name" after a run that is (or ends in) a role."""
    if who is None or who.role is None:
        return None
    match = _COMMA_RUN.match(text, end)
    if match is None or len(match.group(1).split()) > 4:
        return None
    named = split_run(match.group(1), match.start(1) + shift)
    if named is not None and named.name is None and _places_only(named.role):
        # "Ketua LBH Cabang Kencong, Jember, Mohammad Khoiron": a place, then the name.
        match = _COMMA_RUN.match(text, match.end())
        named = split_run(match.group(1), match.start(1) + shift) if match else None
    if named is None or not _is_name(named.name) or not _ranks_only(named.role):
        return None
    # "Kasat Reskrim Polres Ciamis, AKP Carsono": a rank may stand before the name.
    role = " ".join(filter(None, (who.role, who.name, named.role)))
    return Who(named.name, role, named.start, named.end)


def _places_only(role: str | None) -> bool:
    return role is not None and all(w.lower() in places() for w in role.split())


def _ranks_only(role: str | None) -> bool:
    return role is None or all(w.lower().strip(".") in TITLES for w in role.split())


def _is_name(name: str | None) -> bool:
    """Not a degree after a name ("Siti Aminah, M.Si.": some word of three
    letters or more), nor the day in "kata Kapolres, Selasa (21/10)"."""
    if name is None or name.split()[0].lower() in _WEEKDAYS:
        return False
    return any(len(w) >= 3 and not w.endswith(".") for w in name.split())


_WEEKDAYS = frozenset("senin selasa rabu kamis jumat sabtu minggu".split())


def who_before(text: str, end: int, start: int = 0) -> Who | None:
    """The capitalised run that ends right at `end` (spaces allowed), if any."""
    head = text[start:end].rstrip(" ,")
    match = re.search(rf"(?:{RUN.pattern})$", head)
    if match is None:
        return None
    # A run after a preposition is an object ("ke Korea Utara"), not a subject.
    before = head[: match.start()].split()[-1:] or [""]
    if before[0].lower() in PREPOSITIONS:
        return None
    return split_run(match.group(), start + match.start())


PREPOSITIONS = frozenset(
    "ke di dari dengan untuk oleh kepada pada bagi terhadap antara bersama tentang soal atas".split()
)


def initials(name: str) -> str:
    """ "Shin Tae-yong" -> "STY": the letters an article may write for a name."""
    return "".join(part[0] for part in re.split(r"[\s-]+", name) if part).upper()


def canonical_names(names: list[str]) -> dict[str, str]:
    """Each name -> the longest name of the list whose words include all of its words."""
    ordered = sorted(set(names), key=lambda n: -len(n.split()))
    table = {}
    for name in names:
        words = set(name.split())
        table[name] = next((full for full in ordered if words <= set(full.split())), name)
    return table
