"""Helpers shared by the knowledge-base generators: folding, slugs, TSV reading and writing, names, dates."""
import os
import re
import unicodedata

ROMAN = re.compile(r'^(?:[IVX]+|[IVX]+\.)$')
PARTICLES = {'von', 'van', 'der', 'den', 'de', 'ter', 'te', 'la', 'le', 'du', 'da', 'di', 'dos', 'das', 'del', 'al', 'el', 'bin', 'ben', 'ibn', 'zu'}
SUFFIXES = {'Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV', 'V', 'VI'}
# Words that make a label a title or a description rather than a person's name.
NOT_NAME_WORDS = {'Conde', 'Count', 'Duke', 'Prince', 'King', 'Queen', 'Sultan', 'Emir', 'Bishop', 'Sir', 'Lord', 'Baroness',
                  'Dame', 'Rei', 'Rainha', 'Príncipe', 'Duque', 'Bispo'}
PORTUGUESE_LINK = re.compile(r' (?:da|do|dos|das|de) [A-ZÁÉÍÓÚÂÊÔ]')


def fold(text):
    """Lower case without diacritics, typographic apostrophes made plain, spaces collapsed."""
    text = unicodedata.normalize('NFKD', text.replace('’', "'"))
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return ' '.join(text.casefold().split())


def slug(text):
    """An id slug: folded, ASCII letters and digits joined by hyphens."""
    return re.sub(r'[^a-z0-9]+', '-', fold(text)).strip('-') or 'x'


def read_tsv(path):
    """Rows of a gazetteer TSV as dicts (comment lines skipped); [] when the file is missing."""
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as handle:
        lines = [line.rstrip('\n') for line in handle if not line.startswith('#')]
    header = lines[0].split('\t')
    return [dict(zip(header, line.split('\t'))) for line in lines[1:] if line]


def clean_cell(value):
    """A TSV cell: no tabs, newlines or surrounding spaces."""
    return ' '.join(str(value).replace('\t', ' ').split())


def write_tsv(path, header, rows, comment):
    """Writes rows sorted by their cells, with a header and one comment line."""
    lines = sorted({'\t'.join(clean_cell(row.get(column, '')) for column in header) for row in rows})
    with open(path, 'w', encoding='utf-8', newline='\n') as handle:
        handle.write('\t'.join(header) + '\n')
        handle.write('# ' + comment + '\n')
        for line in lines:
            handle.write(line + '\n')


def is_usable_person_name(name):
    """Whether a label can be matched as a person's full name: Latin script, two words or more, no Wikidata
    placeholder, no Portuguese regnal label ("Isabel II do Reino Unido"), no title words."""
    if not name or name.startswith('Q') and name[1:].isdigit() or name.startswith('http'):
        return False
    words = name.split()
    if len(words) < 2:
        return False
    if any(w in NOT_NAME_WORDS for w in words) or ',' in name or '(' in name:
        return False
    if any(ROMAN.match(w) for w in words) and PORTUGUESE_LINK.search(name):
        return False
    letters = [c for c in name if c.isalpha()]
    return all('LATIN' in unicodedata.name(c, '') for c in letters)


def surname_forms(name):
    """Short forms of a person's name that may refer to the person after a full mention: the last name with its
    particles ("von der Leyen"), none for regnal names ("Charles III") or names whose last word is a suffix."""
    words = name.split()
    while words and words[-1] in SUFFIXES and not ROMAN.match(words[-1]):
        words.pop()
    if len(words) < 2 or ROMAN.match(words[-1]):
        return []
    last = len(words) - 1
    first = last
    while first - 1 > 0 and words[first - 1] in PARTICLES:
        first -= 1
    surname = ' '.join(words[first:])
    # A single letter or an initial is no surname.
    if len(surname.replace('.', '')) < 3:
        return []
    forms = [surname]
    if first < last:
        forms.append(words[last])
    return forms


def date_of(value):
    """An ISO date (or year, year-month) from a source cell, or '' when it is missing or unknown."""
    value = (value or '').strip()
    match = re.match(r'^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?', value)
    if not match or value.startswith('http'):
        return ''
    year, month, day = match.groups()
    if year == '0000':
        return ''
    return '-'.join(part for part in (year, month, day) if part)


def _pad(date, high):
    if len(date) == 4:
        return date + ('-12-31' if high else '-01-01')
    if len(date) == 7:
        return date + ('-31' if high else '-01')
    return date[:10]


def overlaps(start_a, end_a, start_b, end_b):
    """Whether two terms share a day (an empty end is open)."""
    a0, a1 = _pad(start_a, False), _pad(end_a, True) if end_a else '9999-12-31'
    b0, b1 = _pad(start_b, False), _pad(end_b, True) if end_b else '9999-12-31'
    return a0 <= b1 and b0 <= a1
