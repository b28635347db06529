#!/usr/bin/env python3
"""Builds the generated gazetteer files from the open knowledge-base sources (stdlib only).

    python3 Gazetteers/generators/build_kb.py [--kb ../shared/dev/kb] [--out Gazetteers]

Reads the source material (see ../README.md, "Generated files") and writes, sorted and
byte-identical on every run over the same sources:

- persons.kb.tsv     persons with Wikidata ids where the source has them
- offices.kb.tsv     terms of office (heads of state/government, ministers, UN)
- countries.kb.tsv   historical states and the UK's constituent countries
- country_names.kb.tsv  their surface forms, each with its language
- cities.kb.tsv      world cities (GeoNames cities15000 joined with Natural Earth)

Every row has a `source` column. The hand-written files (persons.tsv, offices.tsv,
countries.tsv, country_names.tsv, cities.tsv) are an overrides layer: a generated person
that is a hand-written one (same Wikidata id or same folded name) is not written again, its
terms go to the hand-written id unless the hand-written file already has a term of that
person for that country or organisation overlapping in time; a generated city whose name
a hand-written city or country already has is left out.
"""
import argparse
import collections
import datetime
import csv
import io
import json
import lzma
import os
import re
import sys
import unicodedata
import zipfile

import kb_sources as sources
import kb_places as places
from kb_common import (fold, slug, read_tsv, write_tsv, surname_forms, is_usable_person_name,
                       date_of, overlaps, ROMAN)


def load_hand(out):
    """The hand-written rows (the overrides layer)."""
    hand = {
        'countries': read_tsv(os.path.join(out, 'countries.tsv')),
        'persons': read_tsv(os.path.join(out, 'persons.tsv')),
        'offices': read_tsv(os.path.join(out, 'offices.tsv')),
        'cities': read_tsv(os.path.join(out, 'cities.tsv')),
        'country_names': read_tsv(os.path.join(out, 'country_names.tsv'))
        + read_tsv(os.path.join(out, 'country_names.cldr.tsv')),
        'organisations': read_tsv(os.path.join(out, 'organisations.tsv')),
    }
    return hand


def short_name(name):
    """The folded first and last word of a name."""
    words = fold(name).split()
    return words[0] + ' ' + words[-1] if len(words) > 1 else fold(name)


class PersonRegistry:
    """Persons from all sources, reconciled by Wikidata id and by folded name."""

    def __init__(self, hand):
        self.hand_by_qid = {}
        self.hand_by_name = {}
        for row in hand['persons']:
            if row['wikidata']:
                self.hand_by_qid[row['wikidata']] = row['id']
            for name in [row['name']] + [a for a in row['aliases'].split('|') if a]:
                self.hand_by_name.setdefault(fold(name), row['id'])
        self.persons = {}  # key (qid or name:folded) -> dict
        self.by_name = {}  # folded name -> key
        self.by_short = {}  # folded first and last word -> key, or None when several persons share them

    def key_for(self, name, qid):
        """The registry key of a person, reconciled with persons seen before."""
        if qid and qid in self.persons:
            return qid
        folded = fold(name)
        if folded in self.by_name:
            other = self.by_name[folded]
            # Two Wikidata ids with the same name are two persons; a name without an id joins the id.
            if not qid or not other.startswith('Q') or other == qid:
                return other
        # "Benjamin William Mkapa" is "Benjamin Mkapa": a name without an id joins the one person whose first and
        # last words it shares.
        if not qid and self.by_short.get(short_name(name)):
            return self.by_short[short_name(name)]
        return qid or 'name:' + folded

    def add(self, name, qid, source, english=True):
        """Registers a person; returns its key. English names replace labels in other languages."""
        key = self.key_for(name, qid)
        person = self.persons.get(key)
        if person is None:
            person = {'name': name, 'qid': qid, 'sources': set(), 'english': english, 'aliases': set()}
            self.persons[key] = person
            self.by_name.setdefault(fold(name), key)
            short = short_name(name)
            self.by_short[short] = key if self.by_short.get(short, key) == key else None
        elif english and not person['english']:
            person['name'] = name
            person['english'] = True
            self.by_name.setdefault(fold(name), key)
        elif fold(name) != fold(person['name']):
            person['aliases'].add(name)
            self.by_name.setdefault(fold(name), key)
        person['sources'].add(source)
        return key

    def hand_id(self, key):
        """The hand-written person this one is, if any."""
        person = self.persons[key]
        if person['qid'] and person['qid'] in self.hand_by_qid:
            return self.hand_by_qid[person['qid']]
        for name in [person['name']] + sorted(person['aliases']):
            if fold(name) in self.hand_by_name:
                return self.hand_by_name[fold(name)]
            # "Abdullah II of Jordan" is the hand-written "Abdullah II".
            regnal = re.match(r'^(.+ [IVX]+) of ', name)
            if regnal and fold(regnal.group(1)) in self.hand_by_name:
                return self.hand_by_name[fold(regnal.group(1))]
        return None


def assign_ids(registry, terms, hand):
    """Gives every generated person a stable id; hand-written persons keep theirs."""
    used = {row['id'] for row in hand['persons']}
    ids = {}
    latest = collections.defaultdict(str)
    for term in terms:
        latest[term['key']] = max(latest[term['key']], term['start'], term['end'] or '9999')
    # Most recent office holders first, so that a shared name goes to the one in the news.
    order = sorted(registry.persons, key=lambda k: (-int(latest[k][:4] or 0), k))
    for key in order:
        hand_id = registry.hand_id(key)
        if hand_id:
            ids[key] = hand_id
            continue
        person = registry.persons[key]
        base = 'person:' + slug(person['name'])
        candidate = base
        if candidate in used:
            candidate = base + '-' + (person['qid'] or 'x').lower()
        n = 2
        while candidate in used:
            candidate = f'{base}-{n}'
            n += 1
        used.add(candidate)
        ids[key] = candidate
    return ids


def clean_terms(terms):
    """De-duplicates terms and closes open-ended terms that a later holder's term ends."""
    merged = {}
    for term in terms:
        k = (term['key'], term['role'], term['of'], term['start'][:4])
        old = merged.get(k)
        if old is None:
            merged[k] = term
        else:
            # Keep the fuller dates: a day beats a year, a known end beats an open one.
            if len(term['start']) > len(old['start']):
                old['start'] = term['start']
            if term['end'] and (not old['end'] or term['end'] > old['end']):
                old['end'] = term['end']
            old['source'] = min(old['source'], term['source'])
    by_office = collections.defaultdict(list)
    for term in merged.values():
        by_office[(term['role'], term['of'])].append(term)
    for office_terms in by_office.values():
        office_terms.sort(key=lambda t: (t['start'], t['key']))
        for index, term in enumerate(office_terms):
            if term['end']:
                continue
            later = [t['start'] for t in office_terms[index + 1:] if t['key'] != term['key'] and t['start'] > term['start']]
            if later:
                term['end'] = min(later)
    return [t for t in merged.values() if not t['end'] or t['end'] >= t['start']]


def factbook_gap_terms(kb, registry, terms, hand, iso2):
    """Heads of state and government from the CIA World Factbook editions (A3) for the days no other source covers:
    each holder's term runs from its "since" date to the next holder's; the last holder of the last edition is in
    office. Only terms of sovereign states that overlap no term of the same office from another source are kept."""
    sovereign = {row['country'] for row in places.sovereign_states(kb, hand, quiet=True)}
    known = collections.defaultdict(list)
    for term in terms:
        known[(term['of'], office_class(term['role']))].append((term['start'], term['end']))
    for row in hand['offices']:
        known[(row['of'], office_class(row['role']))].append((row['start'], row['end']))
    holders = collections.defaultdict(dict)
    last_year = 0
    for record in sources.factbook_leaders(kb):
        country = iso2.get(record['iso2'])
        last_year = max(last_year, record['year'])
        if country in sovereign:
            holders[(country, record['role'])].setdefault((record['since'], fold(record['name'])), record)
    derived = []
    for (country, role), by_start in sorted(holders.items()):
        ordered = [by_start[k] for k in sorted(by_start)]
        for index, record in enumerate(ordered):
            later = [r['since'] for r in ordered[index + 1:] if fold(r['name']) != fold(record['name'])]
            end = later[0] if later else ('' if record['year'] == last_year else str(record['year']))
            if end and end < record['since']:
                continue
            pieces = uncovered(record['since'], end, known[(country, office_class(role))])
            if not pieces:
                continue
            key = registry.add(record['name'], None, 'cia-factbook')
            for start, stop in pieces:
                derived.append({'key': key, 'role': role, 'of': country, 'start': start, 'end': stop, 'source': 'cia-factbook'})
    return derived


def uncovered(start, end, intervals, today='2026-12-31'):
    """The parts of the term [start, end] (an empty end is open) that none of the intervals covers, as ISO days;
    the whole term (with its own dates) when nothing overlaps it."""
    def day(value, high):
        padded = value + ('-12-31' if high else '-01-01') if len(value) == 4 else (value + ('-28' if high else '-01') if len(value) == 7 else value)
        return datetime.date.fromisoformat(padded[:10])
    if not any(overlaps(start, end, s, e) for s, e in intervals):
        return [(start, end)]
    first, last = day(start, False), day(end, True) if end else datetime.date.fromisoformat(today)
    covered = sorted((day(s, False), day(e, True) if e else datetime.date.fromisoformat(today)) for s, e in intervals)
    pieces, cursor = [], first
    for s, e in covered:
        if e < cursor or s > last:
            continue
        if s > cursor:
            pieces.append((cursor, s - datetime.timedelta(days=1)))
        cursor = max(cursor, e + datetime.timedelta(days=1))
    if cursor <= last:
        pieces.append((cursor, last))
    # Pieces shorter than a month are the seams of two sources' dates, not gaps.
    return [(a.isoformat(), '' if not end and b == datetime.date.fromisoformat(today) else b.isoformat())
            for a, b in pieces if (b - a).days >= 30]


def presidential_terms(terms):
    """Head-of-government terms derived from head-of-state terms in countries whose sources show one person holding
    both offices at once (a presidential system: the president heads the government): a head-of-state term that no
    head-of-government term overlaps is that country's head of government too."""
    by_country = collections.defaultdict(lambda: {'role:head-of-state': [], 'role:head-of-government': []})
    for term in terms:
        if term['role'] in ('role:head-of-state', 'role:head-of-government'):
            by_country[term['of']][term['role']].append(term)
    derived = []
    for country, roles in sorted(by_country.items()):
        states, governments = roles['role:head-of-state'], roles['role:head-of-government']
        both = any(s['key'] == g['key'] and overlaps(s['start'], s['end'], g['start'], g['end'])
                   for s in states for g in governments)
        if not both:
            continue
        for term in states:
            if not any(overlaps(term['start'], term['end'], g['start'], g['end']) for g in governments):
                derived.append(dict(term, role='role:head-of-government', source='derived-presidential-system'))
    return derived


def person_rows(registry, ids, hand, terms, extra_place_forms):
    """persons.kb.tsv rows: generated persons that are not hand-written and hold some term."""
    hand_ids = {row['id'] for row in hand['persons']}
    with_terms = {t['key'] for t in terms}
    names = collections.defaultdict(list)
    for key in sorted(with_terms):
        if ids[key] in hand_ids:
            continue
        names[fold(registry.persons[key]['name'])].append(key)
    hand_forms = set(registry.hand_by_name)
    # A surname that is also a place or demonym ("French", "Lincoln") would shadow it in the matcher.
    place_forms = {fold(r['form']) for r in hand['country_names']} | {fold(r['name']) for r in hand['countries']}
    place_forms |= {fold(r['name']) for r in hand['cities']} | {fold(a) for r in hand['cities'] for a in r['aliases'].split('|') if a}
    place_forms |= extra_place_forms
    rows = []
    # A hand-written person without a Wikidata id gets the id of the generated person it was reconciled with
    # by name: a row with the hand-written id that only fills that cell (the loader keeps the hand-written rest).
    hand_rows = {row['id']: row for row in hand['persons']}
    enriched = {}
    for key, person in registry.persons.items():
        hand_row = hand_rows.get(ids[key])
        if hand_row and not hand_row['wikidata'] and person['qid'] and key in with_terms:
            enriched.setdefault(hand_row['id'], set()).add(person['qid'])
    for identifier, qids in sorted(enriched.items()):
        if len(qids) == 1:
            rows.append({'id': identifier, 'name': hand_rows[identifier]['name'], 'wikidata': min(qids), 'aliases': '',
                         'surnames': '', 'source': 'wikidata-id-by-name'})
    for folded, keys in sorted(names.items()):
        if folded in hand_forms:
            continue
        # Two persons with one name: the name goes to the first (most recent, see assign_ids order); the others
        # are left out, since a name that names two persons cannot be matched to either.
        keys.sort(key=lambda k: ids[k])
        key = keys[0]
        person = registry.persons[key]
        aliases = sorted(a for a in person['aliases'] if fold(a) not in hand_forms and fold(a) not in names)
        rows.append({
            'id': ids[key], 'name': person['name'], 'wikidata': person['qid'] or '',
            'aliases': '|'.join(aliases), 'surnames': '|'.join(f for f in surname_forms(person['name']) if fold(f) not in place_forms),
            'source': '|'.join(sorted(person['sources'])),
        })
    return rows, {r['id'] for r in rows}


HEAD_OF_STATE_ROLES = {'role:head-of-state', 'role:president', 'role:king', 'role:queen', 'role:emir', 'role:sultan',
                       'role:emperor', 'role:grand-duke', 'role:pope', 'role:prince', 'role:co-prince', 'role:supreme-leader'}
HEAD_OF_GOVERNMENT_ROLES = {'role:head-of-government', 'role:prime-minister', 'role:chancellor'}


def office_class(role):
    """Which office a role is, for comparing hand-written and generated terms: a hand-written "president" term
    is the generated "head of state" term of the same person, not a "head of government" one."""
    if role in HEAD_OF_STATE_ROLES:
        return 'head-of-state'
    if role in HEAD_OF_GOVERNMENT_ROLES:
        return 'head-of-government'
    return role


def office_rows(terms, ids, hand, emitted):
    """offices.kb.tsv rows; a hand-written term of the same person and country or organisation wins."""
    hand_terms = collections.defaultdict(list)
    for row in hand['offices']:
        hand_terms[(row['person'], row['of'])].append(row)
    hand_ids = {row['id'] for row in hand['persons']}
    rows = set()
    for term in terms:
        person = ids[term['key']]
        if person not in emitted and person not in hand_ids:
            continue
        if any(office_class(h['role']) == office_class(term['role']) and overlaps(term['start'], term['end'], h['start'], h['end'])
               for h in hand_terms[(person, term['of'])]):
            continue
        rows.add((person, term['role'], term['of'], term['start'], term['end'], term['source']))
    return [dict(zip(['person', 'role', 'of', 'start', 'end', 'source'], r)) for r in sorted(rows)]


def build_persons(kb, hand, extra_place_forms=frozenset()):
    iso3 = {row['iso3']: row['id'] for row in hand['countries'] if row['iso3']}
    iso2 = {row['iso2']: row['id'] for row in hand['countries'] if row['iso2']}
    qid_country = {row['wikidata']: row['id'] for row in hand['countries'] if row['wikidata']}
    registry = PersonRegistry(hand)
    raw_terms = []
    # English labels first, so that Wikidata's Portuguese labels only name persons nobody else names.
    for record in sources.leaders_2021(kb, qid_country):
        registry.add(record['name'], record['qid'], record['source'])
    for record in sources.foreign_ministers_2023(kb, qid_country):
        key = registry.add(record['name'], record['qid'], record['source'])
        raw_terms.append(dict(record['term'], key=key, source=record['source']))
    for record in sources.un_holders(kb):
        key = registry.add(record['name'], record['qid'], record['source'])
        raw_terms.append(dict(record['term'], key=key, source=record['source']))
    for record in sources.wikidata_leaders(kb, iso3):
        key = registry.add(record['name'], record['qid'], record['source'], english=record['english'])
        if record['term']:
            raw_terms.append(dict(record['term'], key=key, source=record['source']))
    for record in sources.uk_ministers(kb):
        key = registry.add(record['name'], None, record['source'])
        raw_terms.append(dict(record['term'], key=key, source=record['source']))
    for record in sources.cia_ministers_2019(kb, hand):
        key = registry.add(record['name'], None, record['source'])
        raw_terms.append(dict(record['term'], key=key, source=record['source']))
    # Persons known only by a label that is no usable English name are left out.
    usable = {k for k, p in registry.persons.items() if is_usable_person_name(p['name']) and p['english']}
    terms = clean_terms([t for t in raw_terms if t['key'] in usable])
    terms += presidential_terms(terms)
    terms += factbook_gap_terms(kb, registry, terms, hand, iso2)
    ids = assign_ids(registry, terms, hand)
    persons, emitted = person_rows(registry, ids, hand, terms, extra_place_forms)
    offices = office_rows(terms, ids, hand, emitted)
    return persons, offices


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    parser.add_argument('--kb', default=os.path.join(root, '..', 'shared', 'dev', 'kb'))
    parser.add_argument('--out', default=os.path.join(root, 'Gazetteers'))
    arguments = parser.parse_args()
    kb, out = arguments.kb, arguments.out
    hand = load_hand(out)
    countries, names = places.historical_countries(kb, hand)
    cities = places.world_cities(kb, hand, countries)
    extra = {fold(row['form']) for row in names} | {fold(row['name']) for row in cities if row['large']}
    persons, offices = build_persons(kb, hand, extra)
    sovereign = places.sovereign_states(kb, hand)
    write_tsv(os.path.join(out, 'persons.kb.tsv'), ['id', 'name', 'wikidata', 'aliases', 'surnames', 'source'], persons,
              'generated by generators/build_kb.py; do not edit (hand-written rows go to persons.tsv)')
    write_tsv(os.path.join(out, 'offices.kb.tsv'), ['person', 'role', 'of', 'start', 'end', 'source'], offices,
              'generated by generators/build_kb.py; do not edit (hand-written rows go to offices.tsv)')
    write_tsv(os.path.join(out, 'countries.kb.tsv'),
              ['id', 'iso2', 'iso3', 'wikidata', 'name', 'capital', 'valid_from', 'valid_to', 'successor', 'source'], countries,
              'generated by generators/build_kb.py; do not edit')
    write_tsv(os.path.join(out, 'country_names.kb.tsv'), ['country', 'lang', 'form', 'kind', 'source'], names,
              'generated by generators/build_kb.py; do not edit')
    write_tsv(os.path.join(out, 'cities.kb.tsv'),
              ['id', 'name', 'country', 'wikidata', 'aliases', 'population', 'source'], cities,
              'generated by generators/build_kb.py from GeoNames (CC BY 4.0) and Natural Earth; do not edit')
    write_tsv(os.path.join(out, 'sovereign_states.kb.tsv'), ['country', 'member_from', 'source'], sovereign,
              'generated by generators/build_kb.py: sovereign states (Correlates of War state system, 2016)')
    print(f'persons {len(persons)}, offices {len(offices)}, countries {len(countries)}, country names {len(names)}, '
          f'cities {len(cities)}', file=sys.stderr)


if __name__ == '__main__':
    main()
