#!/usr/bin/env python3
"""Writes Fixtures/articles.jsonl: six hand-written gazette.article/1 records for the index tests.

The texts, entities and relations are written by hand below; this script only computes the
Unicode-scalar offsets (Python str indices) so they are exact. Run it from this directory.
"""
import json

# (id, url, title, published, language, paragraphs, entities, relations)
# entities: (type, mention, kb, canonical, occurrence) - occurrence counts from 0 in the text.
# relations: (type, head entity index, tail entity index or None, role, evidence text)
DOCUMENTS = [
    ("fx-1", "https://example.invalid/nato-hague", "NATO leaders meet in The Hague", "2025-06-24", "en",
     ["Leaders of NATO gathered in The Hague on Tuesday to agree on higher defence spending.",
      "Secretary General Mark Rutte welcomed the host, Dutch Prime Minister Dick Schoof, and thanked the Netherlands."],
     [("ORG", "NATO", "org:nato", "NATO", 0), ("CITY", "The Hague", "city:the-hague", "The Hague", 0),
      ("PERSON", "Mark Rutte", "person:mark-rutte", "Mark Rutte", 0),
      ("PERSON", "Dick Schoof", "person:dick-schoof", "Dick Schoof", 0),
      ("COUNTRY", "Netherlands", "country:NL", "Netherlands", 0),
      ("ROLE", "Prime Minister", "role:prime-minister", "prime minister", 0)],
     [("leader_of", 3, 4, "prime minister", "Dutch Prime Minister Dick Schoof"),
      ("leader_of", 2, 0, "secretary general", "Secretary General Mark Rutte")]),
    ("fx-2", "https://example.invalid/eu-frozen-assets", "EU leaders debate frozen assets", "2025-10-23", "en",
     ["European Commission President Ursula von der Leyen asked the summit to lend the frozen assets of Russia to Ukraine.",
      "Emmanuel Macron said France would support the loan if the legal risks were shared."],
     [("ORG", "European Commission", "org:european-commission", "European Commission", 0),
      ("PERSON", "Ursula von der Leyen", "person:ursula-von-der-leyen", "Ursula von der Leyen", 0),
      ("COUNTRY", "Russia", "country:RU", "Russia", 0), ("COUNTRY", "Ukraine", "country:UA", "Ukraine", 0),
      ("PERSON", "Emmanuel Macron", "person:emmanuel-macron", "Emmanuel Macron", 0),
      ("COUNTRY", "France", "country:FR", "France", 0)],
     [("leader_of", 1, 0, "president", "European Commission President Ursula von der Leyen"),
      ("said", 4, None, None, "Emmanuel Macron said France would support the loan if the legal risks were shared")]),
    ("fx-3", "https://example.invalid/macron-merz-paris", "Macron and Merz meet in Paris", "2025-05-07", "en",
     ["President Emmanuel Macron received Chancellor Friedrich Merz in Paris on his first day in office.",
      "Macron said France and Germany must lead together on defence."],
     [("PERSON", "Macron", "person:emmanuel-macron", "Emmanuel Macron", 0),
      ("PERSON", "Emmanuel Macron", "person:emmanuel-macron", "Emmanuel Macron", 0),
      ("PERSON", "Friedrich Merz", "person:friedrich-merz", "Friedrich Merz", 0),
      ("CITY", "Paris", "city:paris", "Paris", 1),
      ("PERSON", "Macron", "person:emmanuel-macron", "Emmanuel Macron", 2),
      ("COUNTRY", "France", "country:FR", "France", 0), ("COUNTRY", "Germany", "country:DE", "Germany", 0)],
     [("leader_of", 1, 5, "president", "President Emmanuel Macron"),
      ("leader_of", 2, 6, "chancellor", "Chancellor Friedrich Merz")]),
    ("fx-4", "https://example.invalid/schoof-macron", "Schoof spreekt met Macron over Oekraïne", "2025-09-04", "nl",
     ["Premier Dick Schoof heeft donderdag met de Franse president Emmanuel Macron gesproken over Oekraïne.",
      "Volgens Schoof staat Nederland klaar om bij te dragen aan de veiligheidsgaranties."],
     [("PERSON", "Schoof", "person:dick-schoof", "Dick Schoof", 0),
      ("PERSON", "Macron", "person:emmanuel-macron", "Emmanuel Macron", 0),
      ("COUNTRY", "Oekraïne", "country:UA", "Ukraine", 0),
      ("ROLE", "Premier", "role:prime-minister", "prime minister", 0),
      ("PERSON", "Dick Schoof", "person:dick-schoof", "Dick Schoof", 0),
      ("COUNTRY", "Franse", "country:FR", "France", 0),
      ("PERSON", "Emmanuel Macron", "person:emmanuel-macron", "Emmanuel Macron", 0),
      ("COUNTRY", "Oekraïne", "country:UA", "Ukraine", 1),
      ("PERSON", "Schoof", "person:dick-schoof", "Dick Schoof", 2),
      ("COUNTRY", "Nederland", "country:NL", "Netherlands", 0)],
     [("holds_role", 4, 3, "prime minister", "Premier Dick Schoof"),
      ("citizen_of", 6, 5, None, "Franse president Emmanuel Macron")]),
    ("fx-5", "https://example.invalid/poland-grain", "Polish farmers block the border", "2025-03-12", "en",
     ["Farmers in Poland blocked border crossings with Ukraine over grain imports.",
      "Prime Minister Donald Tusk said the assets of the farm fund would not be frozen."],
     [("COUNTRY", "Poland", "country:PL", "Poland", 0), ("COUNTRY", "Ukraine", "country:UA", "Ukraine", 0),
      ("PERSON", "Donald Tusk", "person:donald-tusk", "Donald Tusk", 0)],
     [("leader_of", 2, 0, "prime minister", "Prime Minister Donald Tusk")]),
    ("fx-6", None, "Witkoff meets Zelensky in Kyiv", None, "en",
     ["American envoy Steve Witkoff met President Volodymyr Zelensky in Kyiv.",
      "Witkoff said the talks on a ceasefire were useful."],
     [("PERSON", "Witkoff", None, "Witkoff", 0), ("COUNTRY", "American", "country:US", "United States", 0),
      ("PERSON", "Steve Witkoff", None, "Witkoff", 0),
      ("PERSON", "Volodymyr Zelensky", "person:volodymyr-zelensky", "Volodymyr Zelensky", 0),
      ("CITY", "Kyiv", "city:kyiv", "Kyiv", 1), ("PERSON", "Witkoff", None, "Witkoff", 2)],
     [("citizen_of", 2, 1, None, "American envoy Steve Witkoff")]),
]


def find(text, needle, occurrence):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start


def main():
    lines = []
    for doc_id, url, title, published, language, paragraphs, entities, relations in DOCUMENTS:
        text = "\n\n".join([title] + paragraphs)
        sentences, offset = [], 0
        for paragraph in [title] + paragraphs:
            sentences.append([offset, offset + len(paragraph)])
            offset += len(paragraph) + 2
        def sentence_of(position):
            return next(i for i, (s, e) in enumerate(sentences) if s <= position <= e)
        records = []
        for index, (etype, mention, kb, canonical, occurrence) in enumerate(entities):
            start = find(text, mention, occurrence)
            records.append({"id": f"e{index + 1}", "type": etype, "start": start, "end": start + len(mention),
                            "text": mention, "kb": kb, "canonical": canonical,
                            "wikidata": None, "sentence": sentence_of(start),
                            "source": "gazetteer" if kb else "pattern"})
        rels = []
        for index, (rtype, head, tail, role, evidence) in enumerate(relations):
            start = text.index(evidence)
            span = [start, start + len(evidence)]
            statement = None
            if rtype == "said":
                said = text.index(" said ", start) + len(" said ")
                statement = [said, span[1]]
            rels.append({"id": f"r{index + 1}", "type": rtype, "head": f"e{head + 1}",
                         "tail": None if tail is None else f"e{tail + 1}", "role": role, "statement": statement,
                         "quote": "reported" if rtype == "said" else None, "sentence": sentence_of(start), "evidence": span,
                         "trigger": evidence.split()[0], "source": "pattern", "confidence": 0.9})
        record = {"schema": "gazette.article/1", "id": doc_id,
                  "source": {"path": f"fixtures/{doc_id}.txt", "format": "text", "index": 0},
                  "url": url, "title": title, "published": published, "language": language, "text": text,
                  "sentences": sentences, "entities": records, "relations": rels,
                  "meta": {"as_of": published or "2025-09-04", "version": "0.1.0"}}
        lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    with open("Fixtures/articles.jsonl", "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
