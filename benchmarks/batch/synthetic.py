"""Writes N synthetic news records as JSONL to standard output (default 1,000,000), for the
peak-RSS benchmark: short varied articles with known entities, unique ids, some with dates."""
import json
import sys

PEOPLE = ["President Emmanuel Macron", "Prime Minister Dick Schoof", "Chancellor Friedrich Merz",
          "President Volodymyr Zelensky", "European Commission President Ursula von der Leyen",
          "NATO Secretary General Mark Rutte", "Prime Minister Giorgia Meloni"]
PLACES = ["France", "the Netherlands", "Germany", "Ukraine", "Italy", "Poland", "Brussels", "The Hague"]
VERBS = ["met", "called", "visited", "spoke with", "wrote to"]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = sys.stdout
    for index in range(count):
        person = PEOPLE[index % len(PEOPLE)]
        other = PEOPLE[(index * 3 + 1) % len(PEOPLE)]
        place = PLACES[(index * 7) % len(PLACES)]
        text = (f"{person} {VERBS[index % len(VERBS)]} {other} in {place} on day {index}. "
                f"\"We stand together,\" {person.split()[-1]} said after talks on trade and security.")
        record = {"id": f"s{index:09d}", "title": f"Talks {index}", "text": text}
        if index % 4 == 0:
            record["date"] = f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}"
        out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
