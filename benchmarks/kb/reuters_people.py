"""Reuters-21578 person-label recall: of the `people` labels Reuters attached to its articles
(`reagan`, `james-baker`), the share for which Gazette found a PERSON in that article whose
`text` or `canonical` contains the label's last name part as a word (case and accents folded).

    python3 benchmarks/kb/reuters_people.py --docs ../shared/corpora/reuters21578/reuters21578.jsonl \
        --pred /tmp/reuters.pred.jsonl [--misses 30]

The prediction file is `gazette annotate --input-format jsonl` output over the same JSONL.
Articles are joined on `id` (Gazette keeps the input id). Standard library only.
"""
import argparse
import collections
import json
import re
import unicodedata


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text):
    return set(re.findall(r"[a-z0-9]+", fold(text)))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--pred", required=True)
    parser.add_argument("--misses", type=int, default=0, help="print the N most frequent missed labels")
    arguments = parser.parse_args()
    labels = {}
    with open(arguments.docs, encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            if document.get("people"):
                labels[str(document["id"])] = document["people"]
    persons = collections.defaultdict(set)
    with open(arguments.pred, encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            identifier = str(article.get("id"))
            if identifier not in labels:
                continue
            for entity in article.get("entities", []):
                if entity.get("type") == "PERSON":
                    persons[identifier] |= words(entity.get("text", "")) | words(entity.get("canonical", "") or "")
    found = 0
    total = 0
    missed = collections.Counter()
    for identifier, people in labels.items():
        for label in people:
            total += 1
            surname = label.split("-")[-1]
            if surname in persons[identifier]:
                found += 1
            else:
                missed[label] += 1
    print(json.dumps({"labels": total, "found": found, "recall": round(found / total, 4) if total else 0.0}))
    for label, count in missed.most_common(arguments.misses):
        print(f"{count}\t{label}")


if __name__ == "__main__":
    main()
