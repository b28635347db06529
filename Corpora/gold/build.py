#!/usr/bin/env python3
"""Builds Gazette's gold corpus from the hand-annotated sources in Corpora/gold/ann/.

Reads every `ann/<lang>-<nnn>.ann` (format: see GUIDELINES.md, "Source format"),
and writes, next to this script:

  src/<lang>-<nnn>.txt   the raw article (title line + one paragraph per line),
                         the input `gazette annotate Corpora/gold/src/*.txt` reads
  input.jsonl            the same articles as JSONL input (id, title, text = body,
                         published, language), so the system also sees the dates
  gold-en.jsonl,         the gold annotations, one `gazette.article/1` line per
  gold-nl.jsonl          article, validated against Schemas/gazette.article-1.schema.json
  README.md              what is there, with counts

Offsets are Unicode code points (Python str indices), [start, end).
Standard library only, except `jsonschema` (installed system-wide) for validation.
Any error makes the script exit with status 1 and write nothing.

Usage: python3 Corpora/gold/build.py [--gazetteers DIR] [--lint] [--show ID] [--check]
  --gazetteers DIR  gazetteer directory for kb ids (default: <repo>/Gazetteers)
  --lint            also list gazetteer surface forms that occur in a text but are
                    neither annotated nor marked as non-entities (warnings)
  --show ID         print one article with its mentions and relations, for hand-checking
  --check           verify that the written files are up to date; write nothing
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REL = "Corpora/gold"

TYPES = {"P": "PERSON", "C": "COUNTRY", "O": "ORG", "CI": "CITY", "R": "ROLE",
         "PERSON": "PERSON", "COUNTRY": "COUNTRY", "ORG": "ORG", "CITY": "CITY", "ROLE": "ROLE"}
KB_PREFIX = {"PERSON": "person:", "COUNTRY": "country:", "ORG": "org:", "CITY": "city:", "ROLE": "role:"}
RELATION_TYPES = {
    # type: (head types, tail types or None for `said`)
    "leader_of": ({"PERSON"}, {"COUNTRY", "ORG"}),
    "holds_role": ({"PERSON"}, {"ROLE"}),
    "citizen_of": ({"PERSON"}, {"COUNTRY"}),
    "affiliated_with": ({"PERSON"}, {"COUNTRY", "ORG"}),
    "member_of": ({"COUNTRY", "ORG"}, {"ORG"}),
    "said": ({"PERSON", "ORG", "COUNTRY"}, None),
}
ROLE_RELATIONS = {"leader_of", "holds_role", "affiliated_with"}

# Abbreviations after which a full stop does not end a sentence (compared without the dot).
ABBREVIATIONS = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev", "Sen", "Rep",
    "Gov", "Pres", "No", "Nos", "vs", "etc", "e.g", "i.e", "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "E.U", "D.C", "U.S.A", "V.S",
    "dhr", "mevr", "mr", "drs", "ir", "ing", "prof", "dr", "bijv", "o.a", "m.a.w", "d.w.z", "ca", "nr",
}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------- gazetteer

def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        header = None
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


class Gazetteer:
    """The ids, canonical names and Wikidata ids gold may refer to, and all surface forms (for --lint)."""

    def __init__(self, directory):
        needed = ["countries.tsv", "persons.tsv", "organisations.tsv", "cities.tsv", "roles.tsv"]
        missing = [name for name in needed if not os.path.exists(os.path.join(directory, name))]
        if missing:
            raise BuildError(f"gazetteer directory {directory} lacks {', '.join(missing)} (use --gazetteers DIR)")
        self.entries = {}  # kb -> (canonical, wikidata)
        self.forms = []  # (form, kb)
        for row in read_tsv(os.path.join(directory, "countries.tsv")):
            self.entries[row["id"]] = (row["name"], row["wikidata"] or None)
        for name in sorted(os.listdir(directory)):
            if name.startswith("country_names") and name.endswith(".tsv"):
                for row in read_tsv(os.path.join(directory, name)):
                    if row["lang"] in ("en", "nl"):
                        self.forms.append((row["form"], row["country"]))
        for row in read_tsv(os.path.join(directory, "persons.tsv")):
            self.entries[row["id"]] = (row["name"], row["wikidata"] or None)
            for form in [row["name"]] + row["aliases"].split("|") + row["surnames"].split("|"):
                if form:
                    self.forms.append((form, row["id"]))
        for row in read_tsv(os.path.join(directory, "organisations.tsv")):
            self.entries[row["id"]] = (row["name"], row["wikidata"] or None)
            for form in [row["name"]] + row["aliases"].split("|"):
                if form:
                    self.forms.append((form, row["id"]))
        for row in read_tsv(os.path.join(directory, "cities.tsv")):
            self.entries[row["id"]] = (row["name"], row["wikidata"] or None)
            for form in [row["name"]] + row["aliases"].split("|"):
                if form:
                    self.forms.append((form, row["id"]))
        self.role_names = set()
        for row in read_tsv(os.path.join(directory, "roles.tsv")):
            self.entries[row["id"]] = (row["name"], None)
            self.role_names.add(row["name"])
            if row["lang"] in ("en", "nl"):
                self.forms.append((row["form"], row["id"]))


# ---------------------------------------------------------------- text helpers

def collapse(text):
    """Whitespace.collapse of Gazette: runs of whitespace to one space, ends trimmed, controls dropped."""
    out = []
    pending = False
    for ch in text:
        if ch.isspace() or ch in "\u200b\ufeff":
            pending = bool(out)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
            continue
        else:
            if pending:
                out.append(" ")
            pending = False
            out.append(ch)
    return "".join(out)


def text_cleaner(raw):
    """Python mirror of Gazette's TextCleaner for a .txt file: (title, text)."""
    lines = [collapse(line) for line in re.split(r"\r\n|\r|\n", raw)]
    nonempty = [i for i, line in enumerate(lines) if line]
    if not nonempty:
        raise BuildError("empty text")
    inner = lines[nonempty[0]:nonempty[-1] + 1]
    if any(not line for line in inner):
        paragraphs, current = [], []
        for line in lines:
            if not line:
                if current:
                    paragraphs.append(" ".join(current))
                current = []
            else:
                current.append(line)
        if current:
            paragraphs.append(" ".join(current))
    else:
        paragraphs = [line for line in lines if line]
    return paragraphs[0], "\n\n".join(paragraphs)


def is_word_char(ch):
    return ch.isalnum()


def occurrences(text, surface, ignore_case=False):
    """Start offsets of `surface` in `text` that are not glued to letters or digits on either side."""
    haystack = text.lower() if ignore_case else text
    needle = surface.lower() if ignore_case else surface
    result = []
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before_ok = start == 0 or not is_word_char(text[start - 1]) or not is_word_char(surface[0])
        after_ok = end == len(text) or not is_word_char(text[end]) or not is_word_char(surface[-1])
        if before_ok and after_ok:
            result.append(start)
        start = haystack.find(needle, start + 1)
    return result


def split_sentences(text):
    """Sentence spans: paragraphs (split on newlines), then [.!?] (+ closing quote) + space + capital."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        para_start, para = match.start(), match.group()
        start = 0
        for boundary in re.finditer(r"[.!?][\"”’')]*(?= [\"“‘(]?[A-Z\u00C0-\u00DE])", para):
            end = boundary.end()
            if para[boundary.start()] == ".":
                word = re.search(r"(\S+)\.$", para[start:boundary.start() + 1])
                token = word.group(1) if word else ""
                token = token.lstrip("\"“‘(")
                if token in ABBREVIATIONS or re.fullmatch(r"[A-Z]", token) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
                    continue
            spans.append([para_start + start, para_start + end])
            start = end + 1
        if start < len(para):
            spans.append([para_start + start, para_start + len(para)])
    return spans


def sentence_of(spans, offset):
    for index, (start, end) in enumerate(spans):
        if start <= offset < end:
            return index
    raise BuildError(f"offset {offset} lies in no sentence")


# ---------------------------------------------------------------- source parsing

MARKUP = re.compile(r"\[([^\[\]{}<>]+)\]\{([^{}]*)\}|<<|>>")


class Article:
    pass


def parse_line(line, base, mentions, nots, statements, open_statements, where):
    """Strips the markup of one paragraph line; returns its plain text. Offsets are shifted by `base`."""
    plain = []
    length = 0
    position = 0
    for match in MARKUP.finditer(line):
        chunk = line[position:match.start()]
        plain.append(chunk)
        length += len(chunk)
        position = match.end()
        token = match.group(0)
        if token == "<<":
            open_statements.append(base + length)
        elif token == ">>":
            if not open_statements:
                raise BuildError(f"{where}: '>>' without '<<'")
            statements.append([open_statements.pop(), base + length])
        else:
            surface, spec = match.group(1), match.group(2).strip()
            start = base + length
            plain.append(surface)
            length += len(surface)
            if spec in ("-", "NOT"):
                nots.append((start, start + len(surface), surface))
                continue
            canonical = None
            if "=" in spec:
                spec, canonical = spec.split("=", 1)
                canonical = canonical.strip()
            parts = spec.split()
            if not parts or parts[0] not in TYPES:
                raise BuildError(f"{where}: bad mention spec {{{match.group(2)}}} on [{surface}]")
            etype = TYPES[parts[0]]
            kb = None
            if len(parts) > 2:
                raise BuildError(f"{where}: too many fields in {{{match.group(2)}}} on [{surface}]")
            if len(parts) == 2 and parts[1] != "-":
                kb = parts[1] if ":" in parts[1] else KB_PREFIX[etype] + parts[1]
            mentions.append({"type": etype, "start": start, "end": start + len(surface), "text": surface,
                             "kb": kb, "canonical": canonical})
    rest = line[position:]
    plain.append(rest)
    result = "".join(plain)
    for bad in "[]{}<>":
        if bad in result:
            raise BuildError(f"{where}: stray markup character {bad!r} in text: {result}")
    return result


def parse_ann(path):
    name = os.path.basename(path)[:-len(".ann")]
    match = re.fullmatch(r"(en|nl)-(\d{3})", name)
    if not match:
        raise BuildError(f"{path}: file name must be en-NNN.ann or nl-NNN.ann")
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle]
    lines = [line for line in lines if not line.startswith("#")]
    if "---" in lines:
        cut = lines.index("---")
        body, relation_lines = lines[:cut], lines[cut + 1:]
    else:
        body, relation_lines = lines, []
    body = [line for line in body if line.strip()]
    if len(body) < 3:
        raise BuildError(f"{path}: needs a date line, a title line and at least one paragraph")
    article = Article()
    article.name = name
    article.language = match.group(1)
    article.published = body[0].strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published):
        raise BuildError(f"{path}: first line must be the published date YYYY-MM-DD, not {body[0]!r}")
    article.mentions, article.nots, article.statements = [], [], []
    open_statements = []
    paragraphs = []
    base = 0
    for number, line in enumerate(body[1:], start=2):
        if collapse(line) != line:
            raise BuildError(f"{path}: paragraph line {number} has extra whitespace")
        plain = parse_line(line, base, article.mentions, article.nots, article.statements, open_statements,
                           f"{path} line {number}")
        paragraphs.append(plain)
        base += len(plain) + 2
    if open_statements:
        raise BuildError(f"{path}: '<<' without '>>'")
    article.title = paragraphs[0]
    article.body = "\n\n".join(paragraphs[1:])
    article.text = "\n\n".join(paragraphs)
    words = len(article.body.split())
    if not 80 <= words <= 250:
        raise BuildError(f"{path}: the body has {words} words; articles have 80-250")
    article.relation_lines = [line for line in relation_lines if line.strip()]
    article.path = path
    return article


# ---------------------------------------------------------------- annotation

def resolve_article(article, gazetteer):
    text = article.text
    where = article.path
    for mention in article.mentions:
        if text[mention["start"]:mention["end"]] != mention["text"]:
            raise BuildError(f"{where}: offset error on {mention['text']}")
    mentions = sorted(article.mentions, key=lambda m: m["start"])
    for previous, current in zip(mentions, mentions[1:]):
        if current["start"] < previous["end"]:
            raise BuildError(f"{where}: overlapping mentions {previous['text']!r} and {current['text']!r}")
    sentences = split_sentences(text)
    # Every occurrence of an annotated surface must be annotated or marked non-entity.
    covered = {(m["start"], m["end"]) for m in mentions} | {(s, e) for s, e, _ in article.nots}
    spans_all = [(m["start"], m["end"]) for m in mentions] + [(s, e) for s, e, _ in article.nots]
    for surface in sorted({m["text"] for m in mentions}):
        for start in occurrences(text, surface):
            end = start + len(surface)
            if (start, end) in covered:
                continue
            if any(s <= start and end <= e for s, e in spans_all):
                continue  # inside a longer mention ("Trump" in "Donald Trump")
            raise BuildError(f"{where}: {surface!r} at {start} is neither annotated nor marked [..]{{-}}: "
                             f"...{text[max(0, start - 30):end + 30]}...")
    # Canonical names, kb checks.
    for index, mention in enumerate(mentions):
        kb = mention["kb"]
        if kb is not None:
            if kb not in gazetteer.entries:
                raise BuildError(f"{where}: unknown kb id {kb} on {mention['text']!r}")
            canonical, wikidata = gazetteer.entries[kb]
            if mention["canonical"] and mention["canonical"] != canonical:
                raise BuildError(f"{where}: canonical {mention['canonical']!r} differs from the gazetteer's {canonical!r}")
            mention["canonical"], mention["wikidata"] = canonical, wikidata
            mention["source"] = "gazetteer"
        else:
            mention["wikidata"] = None
            mention["source"] = "pattern"
            if not mention["canonical"]:
                if mention["type"] == "PERSON":
                    longer = [m for m in mentions[:index] if m["type"] == "PERSON" and m["kb"] is None
                              and m["text"] != mention["text"] and m["text"].endswith(" " + mention["text"])]
                    mention["canonical"] = longer[-1]["canonical"] if longer else mention["text"]
                elif mention["type"] == "ROLE":
                    mention["canonical"] = mention["text"].lower()
                else:
                    mention["canonical"] = mention["text"]
        mention["id"] = f"e{index + 1}"
        mention["sentence"] = sentence_of(sentences, mention["start"])
    by_surface = collections.defaultdict(list)
    for mention in mentions:
        by_surface[mention["text"]].append(mention)

    def mention_ref(ref, head=None):
        if ref.startswith("~"):
            kb = ref[1:]
            # The nearest mention of that country (COUNTRY mentions only) or organisation.
            candidates = [m for m in mentions if m["kb"] == kb and m["type"] in ("COUNTRY", "ORG")]
            if not candidates or head is None:
                raise BuildError(f"{where}: no mention of {kb} for {ref}")
            return min(candidates, key=lambda m: (abs(m["start"] - head["start"]), m["start"] > head["start"]))
        surface, _, number = ref.rpartition("#") if re.search(r"#\d+$", ref) else (ref, "", None)
        found = by_surface.get(surface, [])
        if number is None:
            if head is not None and found:
                # A tail without '#n' is the mention with that surface nearest to the head.
                return min(found, key=lambda m: (abs(m["start"] - head["start"]), m["start"] > head["start"]))
            number = "1"
        if int(number) < 1 or int(number) > len(found):
            raise BuildError(f"{where}: no annotated mention {ref!r} (there are {len(found)} with that surface)")
        return found[int(number) - 1]

    relations = []
    facts = set()
    for line in expand_macros(article.relation_lines, where):
        fields = [field.strip() for field in line.split("|")]
        if len(fields) != 5:
            raise BuildError(f"{where}: relation needs 5 fields 'type | head | tail | role | trigger': {line}")
        rtype, head_ref, tail_ref, role, trigger = fields
        if rtype not in RELATION_TYPES:
            raise BuildError(f"{where}: unknown relation type {rtype}")
        head_types, tail_types = RELATION_TYPES[rtype]
        head = mention_ref(head_ref)
        if head["type"] not in head_types:
            raise BuildError(f"{where}: {rtype} head {head_ref} is {head['type']}")
        statement = None
        tail = None
        if rtype == "said":
            match = re.fullmatch(r"S(\d+)", tail_ref)
            if not match or not 1 <= int(match.group(1)) <= len(article.statements):
                raise BuildError(f"{where}: said needs a statement S1..S{len(article.statements)}, got {tail_ref}")
            statement = article.statements[int(match.group(1)) - 1]
            arg_spans = [statement]
        else:
            tail = mention_ref(tail_ref, head)
            if tail["type"] not in tail_types:
                raise BuildError(f"{where}: {rtype} tail {tail_ref} is {tail['type']}")
            arg_spans = [[tail["start"], tail["end"]]]
        role = None if role == "-" else role
        if rtype in ROLE_RELATIONS:
            if role is None or role not in gazetteer.role_names:
                raise BuildError(f"{where}: {rtype} needs a role name from roles.tsv, got {role!r}")
            if rtype == "holds_role" and tail["kb"] and tail["canonical"] != role:
                raise BuildError(f"{where}: holds_role role {role!r} but the ROLE mention is {tail['canonical']!r}")
        elif role is not None:
            raise BuildError(f"{where}: {rtype} takes no role")
        # Trigger: nearest occurrence to the head, or the n-th occurrence in the text with '#n'.
        trigger_surface, number = (trigger.rsplit("#", 1) if re.search(r"#\d+$", trigger) else (trigger, None))
        starts = occurrences(text, trigger_surface)
        if not starts:
            raise BuildError(f"{where}: trigger {trigger_surface!r} not in text")
        if number is not None:
            if int(number) > len(starts):
                raise BuildError(f"{where}: trigger {trigger!r}: only {len(starts)} occurrences")
            trigger_start = starts[int(number) - 1]
        else:
            trigger_start = min(starts, key=lambda s: abs(s - head["start"]))
        trigger_span = [trigger_start, trigger_start + len(trigger_surface)]
        spans = [[head["start"], head["end"]], trigger_span] + arg_spans
        evidence = [min(s for s, _ in spans), max(e for _, e in spans)]
        if "\n" in text[evidence[0]:evidence[1]] and rtype != "said" and not tail_ref.startswith("~"):
            raise BuildError(f"{where}: {rtype} evidence crosses a paragraph: {line}")
        key_head = head["kb"] or head["canonical"]
        if rtype == "said":
            key = (rtype, key_head, tuple(statement))
        else:
            key = (rtype, key_head, tail["kb"] or tail["canonical"], role)
        if key in facts:
            raise BuildError(f"{where}: duplicate fact {line}")
        facts.add(key)
        relations.append({
            "type": rtype, "head": head, "tail": tail, "role": role, "statement": statement,
            "sentence": sentence_of(sentences, trigger_start), "evidence": evidence, "trigger": trigger_surface,
        })
    used = {tuple(r["statement"]) for r in relations if r["statement"]}
    for statement in article.statements:
        if tuple(statement) not in used:
            raise BuildError(f"{where}: statement {text[statement[0]:statement[1]]!r} has no said relation")
    relations.sort(key=lambda r: (r["evidence"][0], r["head"]["start"], list(RELATION_TYPES).index(r["type"])))
    article.sentences = sentences
    article.resolved = mentions
    article.relations = relations


MACROS = {
    # macro: relations it stands for ("+c" adds citizen_of(head -> tail))
    "L": ["leader_of", "holds_role"],
    "LD": ["leader_of", "holds_role", "+c"],
    "A": ["affiliated_with", "holds_role"],
    "AD": ["affiliated_with", "holds_role", "+c"],
    "H": ["holds_role"],
    "HD": ["holds_role", "+c"],
}


def expand_macros(lines, where):
    """Expands shorthand lines 'L | head | tail | role | role word' (see GUIDELINES.md) into relation lines."""
    result = []
    for line in lines:
        fields = [field.strip() for field in line.split("|")]
        if fields[0] not in MACROS:
            result.append(line)
            continue
        if len(fields) != 5:
            raise BuildError(f"{where}: macro needs 5 fields: {line}")
        macro, head, tail, role, trigger = fields
        for rtype in MACROS[macro]:
            if rtype == "holds_role":
                result.append(f"holds_role | {head} | {trigger} | {role} | {trigger}")
            elif rtype == "+c":
                result.append(f"citizen_of | {head} | {tail} | - | {tail.lstrip('~')}")
            else:
                result.append(f"{rtype} | {head} | {tail} | {role} | {trigger}")
    return result


def gold_line(article):
    id_ = f"{REL}/src/{article.name}.txt"
    entities = [{
        "id": m["id"], "type": m["type"], "start": m["start"], "end": m["end"], "text": m["text"], "kb": m["kb"],
        "canonical": m["canonical"], "wikidata": m["wikidata"], "sentence": m["sentence"], "source": m["source"],
    } for m in article.resolved]
    relations = [{
        "id": f"r{index + 1}", "type": r["type"], "head": r["head"]["id"],
        "tail": r["tail"]["id"] if r["tail"] else None, "role": r["role"], "statement": r["statement"],
        "sentence": r["sentence"], "evidence": r["evidence"], "trigger": r["trigger"], "source": "pattern",
        "confidence": 1,
    } for index, r in enumerate(article.relations)]
    return {
        "schema": "gazette.article/1",
        "id": id_,
        "source": {"path": id_, "format": "text", "index": 0},
        "url": None,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "sentences": article.sentences,
        "entities": entities,
        "relations": relations,
        "meta": {"as_of": article.published},
    }


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def lint(article, gazetteer):
    """Gazetteer forms found in the text that no mention or non-entity mark covers."""
    text = article.text
    spans = [(m["start"], m["end"]) for m in article.resolved] + [(s, e) for s, e, _ in article.nots]
    warnings = set()
    for form, kb in gazetteer.forms:
        ignore_case = form == form.lower()
        for start in occurrences(text, form, ignore_case=ignore_case):
            end = start + len(form)
            if any(s < end and start < e for s, e in spans):
                continue
            warnings.add((start, text[start:end], kb))
    forms = collections.defaultdict(set)
    for form, kb in gazetteer.forms:
        forms[form].add(kb)
    for mention in article.resolved:
        for name in (mention["text"], mention["canonical"]):
            if mention["kb"] is None and name in forms:
                warnings.add((mention["start"], name, "kb is null but the gazetteer has " + "|".join(sorted(forms[name]))))
    return sorted(warnings)


def show(article):
    text = article.text
    print(f"== {article.name} ({article.published})")
    for index, (start, end) in enumerate(article.sentences):
        print(f"  s{index}: {text[start:end]}")
    for m in article.resolved:
        print(f"  {m['id']:>4} {m['type']:<7} {m['text']!r:<32} {m['kb'] or '-':<32} {m['canonical']} s{m['sentence']}")
    for index, r in enumerate(article.relations):
        if r["tail"]:
            arg = f"{r['tail']['text']!r}({r['tail']['id']})"
        else:
            arg = repr(text[r["statement"][0]:r["statement"][1]])
        print(f"  r{index + 1:<3} {r['type']:<15} {r['head']['text']!r}({r['head']['id']}) -> {arg} "
              f"role={r['role']} trigger={r['trigger']!r} s{r['sentence']}")
        print(f"        evidence: {text[r['evidence'][0]:r['evidence'][1]]!r}")


# ---------------------------------------------------------------- README

def readme(articles, lines_by_lang):
    counts = collections.Counter(a.language for a in articles)
    entity_counts = {lang: collections.Counter() for lang in ("en", "nl")}
    relation_counts = {lang: collections.Counter() for lang in ("en", "nl")}
    with_relations = collections.Counter()
    no_entities = []
    words = {lang: [] for lang in ("en", "nl")}
    for a in articles:
        entity_counts[a.language].update(m["type"] for m in a.resolved)
        relation_counts[a.language].update(r["type"] for r in a.relations)
        if a.relations:
            with_relations[a.language] += 1
        if not a.resolved:
            no_entities.append(a.name)
        words[a.language].append(len(a.body.split()))

    def table(counter_by_lang, keys):
        rows = ["| type | en | nl | total |", "|---|---:|---:|---:|"]
        for key in keys:
            en, nl = counter_by_lang["en"][key], counter_by_lang["nl"][key]
            rows.append(f"| {key} | {en} | {nl} | {en + nl} |")
        en, nl = sum(counter_by_lang["en"].values()), sum(counter_by_lang["nl"].values())
        rows.append(f"| **all** | {en} | {nl} | {en + nl} |")
        return "\n".join(rows)

    article_rows = ["| id | date | words | entities | relations | title |", "|---|---|---:|---:|---:|---|"]
    for a in articles:
        article_rows.append(f"| {a.name} | {a.published} | {len(a.body.split())} | {len(a.resolved)} | "
                            f"{len(a.relations)} | {a.title.replace('|', '/')} |")
    return f"""# Gold corpus

Hand-annotated news articles for evaluating Gazette (entities and relations),
written by the team for this project (no text is copied from any outlet; quotes
are invented and no quotation is a real statement of the person named).
How to annotate: [GUIDELINES.md](GUIDELINES.md). This file is generated by
`python3 Corpora/gold/build.py` (do not edit by hand; edit `build.py` or the sources).

## Files

- `ann/<lang>-<nnn>.ann`: the sources, written and annotated by hand (inline markup, see GUIDELINES.md).
- `build.py`: turns the sources into everything below, checks them (offsets, kb ids against
  `Gazetteers/`, duplicate facts, unannotated repeats of annotated names) and validates every gold line
  against `Schemas/gazette.article-1.schema.json`. `--show ID` prints an article for hand-checking,
  `--lint` lists gazetteer forms left unannotated, `--check` fails if the generated files are stale.
- `src/<lang>-<nnn>.txt`: the raw articles (title line, one paragraph per line), the system's input:
  `gazette annotate Corpora/gold/src/*.txt`. The document id the system gives a text file is its path as
  given, `Corpora/gold/src/en-001.txt`; the gold `id` is that same path.
- `input.jsonl`: the same articles as JSONL records (`id`, `title`, `text` = body without the title,
  `published`, `language`), so that the system also knows the publication date (which a `.txt` cannot
  carry). Cleaning a record gives the same `text` (title + blank line + body) as cleaning the `.txt`.
- `gold-en.jsonl`, `gold-nl.jsonl`: the gold, one `gazette.article/1` line per article, in id order.
  `meta.as_of` is the publication date; `source` of entities is `gazetteer` when `kb` is set, else
  `pattern`; relations are `source: pattern`, `confidence: 1` (both meaningless in gold).

## Counts

Articles: {counts['en']} English, {counts['nl']} Dutch, {len(articles)} in all;
with at least one relation: {with_relations['en']} en, {with_relations['nl']} nl;
without any entity: {', '.join(no_entities) or 'none'}.
Body length in words: en {min(words['en'] or [0])}–{max(words['en'] or [0])}, nl {min(words['nl'] or [0])}–{max(words['nl'] or [0])}.

Entity mentions:

{table(entity_counts, ["PERSON", "COUNTRY", "ORG", "CITY", "ROLE"])}

Relations:

{table(relation_counts, list(RELATION_TYPES))}

## Articles

{chr(10).join(article_rows)}
"""


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description="Build the gold corpus")
    parser.add_argument("--gazetteers", default=os.path.join(REPO, "Gazetteers"))
    parser.add_argument("--lint", action="store_true")
    parser.add_argument("--show", action="append", default=[])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    try:
        import jsonschema
    except ImportError:
        print("build.py: python3 module jsonschema is needed for validation", file=sys.stderr)
        return 1
    try:
        gazetteer = Gazetteer(args.gazetteers)
        with open(os.path.join(REPO, "Schemas", "gazette.article-1.schema.json"), encoding="utf-8") as handle:
            schema = json.load(handle)
        validator = jsonschema.Draft202012Validator(schema)
        ann_dir = os.path.join(HERE, "ann")
        names = sorted(n for n in os.listdir(ann_dir) if n.endswith(".ann"))
        articles = []
        errors = []
        for name in names:
            try:
                article = parse_ann(os.path.join(ann_dir, name))
                resolve_article(article, gazetteer)
                articles.append(article)
            except BuildError as error:
                errors.append(str(error))
        if errors:
            raise BuildError("\n".join(errors))
        outputs = {}
        lines_by_lang = {"en": [], "nl": []}
        inputs = []
        for article in articles:
            raw = article.title + "\n" + "\n".join(article.body.split("\n\n")) + "\n"
            title, cleaned = text_cleaner(raw)
            if (title, cleaned) != (article.title, article.text):
                raise BuildError(f"{article.name}: the .txt would not clean to the gold text")
            record_text = article.title + "\n\n" + "\n\n".join(collapse(p) for p in article.body.split("\n\n"))
            if record_text != article.text:
                raise BuildError(f"{article.name}: the JSONL record would not clean to the gold text")
            outputs[os.path.join(HERE, "src", article.name + ".txt")] = raw
            gold = gold_line(article)
            problems = sorted(validator.iter_errors(gold), key=lambda e: list(e.path))
            if problems:
                raise BuildError(f"{article.name}: schema: " + "; ".join(
                    f"{'/'.join(map(str, p.path))}: {p.message}" for p in problems))
            for entity in gold["entities"]:
                if gold["text"][entity["start"]:entity["end"]] != entity["text"]:
                    raise BuildError(f"{article.name}: {entity['id']} offsets do not give its text")
            lines_by_lang[article.language].append(dumps(gold))
            inputs.append(dumps({"id": gold["id"], "title": article.title, "text": article.body,
                                 "published": article.published, "language": article.language}))
        for lang in ("en", "nl"):
            outputs[os.path.join(HERE, f"gold-{lang}.jsonl")] = "".join(line + "\n" for line in lines_by_lang[lang])
        outputs[os.path.join(HERE, "input.jsonl")] = "".join(line + "\n" for line in inputs)
        outputs[os.path.join(HERE, "README.md")] = readme(articles, lines_by_lang)
        for name in args.show:
            for article in articles:
                if article.name == name:
                    show(article)
        if args.lint:
            for article in articles:
                for start, form, kb in lint(article, gazetteer):
                    print(f"lint {article.name} @{start}: {form!r} ({kb}) not annotated")
        if args.check:
            stale = []
            for path, content in outputs.items():
                existing = open(path, encoding="utf-8").read() if os.path.exists(path) else None
                if existing != content:
                    stale.append(os.path.relpath(path, REPO))
            expected = {os.path.join(HERE, "src", a.name + ".txt") for a in articles}
            extra = [n for n in os.listdir(os.path.join(HERE, "src"))
                     if os.path.join(HERE, "src", n) not in expected] if os.path.isdir(os.path.join(HERE, "src")) else []
            if stale or extra:
                raise BuildError("stale: " + ", ".join(stale + [f"src/{n} (no source)" for n in extra]))
            print(f"build.py: {len(articles)} articles up to date")
            return 0
        os.makedirs(os.path.join(HERE, "src"), exist_ok=True)
        for path, content in outputs.items():
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
    except BuildError as error:
        print(f"build.py: error: {error}", file=sys.stderr)
        return 1
    counts = collections.Counter(a.language for a in articles)
    entities = collections.Counter(m["type"] for a in articles for m in a.resolved)
    relations = collections.Counter(r["type"] for a in articles for r in a.relations)
    print(f"build.py: {len(articles)} articles ({counts['en']} en, {counts['nl']} nl), "
          f"{sum(entities.values())} entities {dict(entities)}, {sum(relations.values())} relations {dict(relations)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
