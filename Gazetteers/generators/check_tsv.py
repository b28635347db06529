#!/usr/bin/env python3
"""Sanity checks for the Gazette gazetteer TSV files (stdlib only).

    python3 Gazetteers/generators/check_tsv.py [GAZETTEER_DIR]

Checks: UTF-8, header present, every row has the header's number of cells,
no leading/trailing spaces in cells, ids unique per file (roles: one name and
leader value per id, (id, lang, form) unique), every referenced id exists,
dates are YYYY, YYYY-MM or YYYY-MM-DD and valid, start <= end, and (when
Debian's iso-codes is installed) the ISO 3166-1 codes agree with it.
Exits 1 on any error.
"""
import datetime, glob, json, os, re, sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
HEADERS = {
    'countries.tsv': ['id', 'iso2', 'iso3', 'wikidata', 'name', 'capital'],
    'persons.tsv': ['id', 'name', 'wikidata', 'aliases', 'surnames'],
    'offices.tsv': ['person', 'role', 'of', 'start', 'end'],
    'organisations.tsv': ['id', 'name', 'wikidata', 'kind', 'country', 'aliases'],
    'cities.tsv': ['id', 'name', 'country', 'wikidata', 'aliases'],
    'roles.tsv': ['id', 'name', 'leader', 'lang', 'form'],
}
errors = []
def err(msg): errors.append(msg)

def load(name, header):
    path = os.path.join(ROOT, name)
    rows = []
    try:
        text = open(path, encoding='utf-8').read()
    except (OSError, UnicodeDecodeError) as e:
        err(f'{name}: {e}'); return rows
    lines = text.split('\n')
    if lines and lines[-1] == '': lines.pop()
    else: err(f'{name}: no final newline')
    data = [(i + 1, l) for i, l in enumerate(lines) if not l.startswith('#')]
    if not data or data[0][1].split('\t') != header:
        err(f'{name}: header is not {header}'); return rows
    for n, l in data[1:]:
        cells = l.split('\t')
        if len(cells) != len(header):
            err(f'{name}:{n}: {len(cells)} cells, expected {len(header)}'); continue
        for c in cells:
            if c != c.strip(): err(f'{name}:{n}: cell with surrounding space: {c!r}')
            if '||' in c or c.startswith('|') or c.endswith('|'): err(f'{name}:{n}: empty list item in {c!r}')
        rows.append((n, dict(zip(header, cells))))
    return rows

def unique(name, rows, key):
    seen = {}
    for n, r in rows:
        k = r[key] if isinstance(key, str) else tuple(r[x] for x in key)
        if k in seen: err(f'{name}:{n}: duplicate {key} {k!r} (first at line {seen[k]})')
        seen[k] = n

DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')
def date_ok(name, n, s):
    if not DATE.match(s): err(f'{name}:{n}: bad date {s!r}'); return False
    parts = [int(x) for x in s.split('-')] + [1, 1]
    try: datetime.date(parts[0], parts[1], parts[2])
    except ValueError: err(f'{name}:{n}: invalid date {s!r}'); return False
    return True
def date_key(s, end=False):
    p = s.split('-')
    return (int(p[0]), int(p[1]) if len(p) > 1 else (12 if end else 1), int(p[2]) if len(p) > 2 else (31 if end else 1))

T = {name: load(name, h) for name, h in HEADERS.items()}
names = {}
for path in sorted(glob.glob(os.path.join(ROOT, 'country_names*.tsv'))):
    b = os.path.basename(path)
    if b.endswith('.kb.tsv'):
        continue  # generated layers (build_kb.py) are checked by `gazette gazetteer check`
    names[b] = load(b, ['country', 'lang', 'form', 'kind'])

for name, key in [('countries.tsv', 'id'), ('persons.tsv', 'id'), ('organisations.tsv', 'id'), ('cities.tsv', 'id')]:
    unique(name, T[name], key)
unique('roles.tsv', T['roles.tsv'], ('id', 'lang', 'form'))
unique('offices.tsv', T['offices.tsv'], ('person', 'role', 'of', 'start'))
allnames = [(b, n, r) for b, rows in names.items() for n, r in rows]
seen = {}
for b, n, r in allnames:
    k = (r['country'], r['lang'], r['form'])
    if k in seen: err(f'{b}:{n}: form {k} already in {seen[k]}')
    seen[k] = f'{b}:{n}'

ids = {r['id'] for rows in (T['countries.tsv'], T['persons.tsv'], T['organisations.tsv'], T['cities.tsv'], T['roles.tsv']) for _, r in rows}
def ref(name, n, value, prefixes, allow_empty=False):
    if not value:
        if not allow_empty: err(f'{name}:{n}: empty reference')
        return
    if not value.startswith(prefixes): err(f'{name}:{n}: {value!r} should start with {prefixes}')
    elif value not in ids: err(f'{name}:{n}: unknown id {value!r}')

ISO2 = re.compile(r'^[A-Z]{2}$'); ISO3 = re.compile(r'^[A-Z]{3}$'); QID = re.compile(r'^Q[1-9]\d*$')
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for name in ('countries.tsv', 'persons.tsv', 'organisations.tsv', 'cities.tsv'):
    for n, r in T[name]:
        if r['wikidata'] and not QID.match(r['wikidata']): err(f'{name}:{n}: bad wikidata {r["wikidata"]!r}')
        if not r['name']: err(f'{name}:{n}: empty name')
for n, r in T['countries.tsv']:
    if r['id'] != 'country:' + r['iso2'] or not ISO2.match(r['iso2']) or not ISO3.match(r['iso3']):
        err(f'{name}:{n}: bad codes {r["id"]} {r["iso2"]} {r["iso3"]}')
    ref('countries.tsv', n, r['capital'], ('city:',), allow_empty=True)
for n, r in T['persons.tsv']:
    if not r['id'].startswith('person:') or not SLUG.match(r['id'][7:]): err(f'persons.tsv:{n}: bad id {r["id"]!r}')
for n, r in T['cities.tsv']:
    if not r['id'].startswith('city:') or not SLUG.match(r['id'][5:]): err(f'cities.tsv:{n}: bad id {r["id"]!r}')
    ref('cities.tsv', n, r['country'], ('country:',))
KINDS = {'international', 'eu-institution', 'alliance', 'government'}
for n, r in T['organisations.tsv']:
    if r['kind'] not in KINDS: err(f'organisations.tsv:{n}: bad kind {r["kind"]!r}')
    if r['kind'] == 'government':
        ref('organisations.tsv', n, r['country'], ('country:',))
        if r['id'] != 'gov:' + r['country'][8:]: err(f'organisations.tsv:{n}: gov id does not match country')
    elif r['country']: ref('organisations.tsv', n, r['country'], ('country:',))
    if not r['aliases']: err(f'organisations.tsv:{n}: no aliases')
role_name, role_leader = {}, {}
for n, r in T['roles.tsv']:
    if r['leader'] not in ('yes', 'no'): err(f'roles.tsv:{n}: leader must be yes/no')
    if r['lang'] not in ('en', 'nl', 'de', 'fr'): err(f'roles.tsv:{n}: bad lang {r["lang"]!r}')
    if role_name.setdefault(r['id'], r['name']) != r['name']: err(f'roles.tsv:{n}: {r["id"]} has two names')
    if role_leader.setdefault(r['id'], r['leader']) != r['leader']: err(f'roles.tsv:{n}: {r["id"]} has two leader values')
for b, n, r in allnames:
    ref(b, n, r['country'], ('country:',))
    if r['lang'] not in ('en', 'nl', 'de', 'fr'): err(f'{b}:{n}: bad lang {r["lang"]!r}')
    if r['kind'] not in ('name', 'short', 'colloquial', 'demonym'): err(f'{b}:{n}: bad kind {r["kind"]!r}')
    if not r['form']: err(f'{b}:{n}: empty form')
for n, r in T['offices.tsv']:
    ref('offices.tsv', n, r['person'], ('person:',))
    ref('offices.tsv', n, r['role'], ('role:',))
    ref('offices.tsv', n, r['of'], ('country:', 'org:'))
    ok = date_ok('offices.tsv', n, r['start'])
    if r['end']:
        ok = date_ok('offices.tsv', n, r['end']) and ok
        if ok and date_key(r['start']) > date_key(r['end'], True): err(f'offices.tsv:{n}: start after end')

try:
    iso = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json', encoding='utf-8'))['3166-1']
    want = {x['alpha_2']: x['alpha_3'] for x in iso}
    have = {r['iso2']: r['iso3'] for _, r in T['countries.tsv']}
    if want != have:
        err(f'countries.tsv: differs from iso-codes: missing {sorted(set(want) - set(have))}, extra {sorted(set(have) - set(want))}, '
            f'alpha-3 {sorted(k for k in want if k in have and want[k] != have[k])}')
except OSError:
    pass

counts = {k: len(v) for k, v in T.items()} | {k: len(v) for k, v in names.items()}
print(' '.join(f'{k}={v}' for k, v in sorted(counts.items())))
for e in errors: print('error:', e)
print(f'{len(errors)} errors')
sys.exit(1 if errors else 0)
