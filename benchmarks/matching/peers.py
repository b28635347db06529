"""Peer matchers for Gazette's matching benchmark, over the same texts and the same gazetteer forms.

Each peer gets the surface forms exported by `gazette-bench export-forms` and the `text` fields of
a JSONL file, and is timed on one core doing only tokenisation (where it has any) and matching:
- spaCy: spacy.blank("en") tokenizer + PhraseMatcher on the LOWER attribute;
- flashtext: KeywordProcessor, case-insensitive;
- pyahocorasick: an automaton over lower-cased forms, matches kept only at word boundaries.
Prints one JSON object per peer: MB/s (best of the passes, CPU time), matches, build seconds.
"""
import argparse
import json
import time


def load_texts(path, limit):
    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record.get("text")
            if text:
                texts.append(text)
            if limit and len(texts) >= limit:
                break
    return texts


def timed(function, passes):
    best = float("inf")
    result = None
    for _ in range(passes):
        start = time.process_time()
        result = function()
        best = min(best, time.process_time() - start)
    return best, result


def spacy_peer(forms, texts, passes):
    import spacy
    from spacy.matcher import PhraseMatcher

    start = time.process_time()
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("GAZETTE", list(nlp.tokenizer.pipe(forms)))
    build = time.process_time() - start

    def run():
        count = 0
        for doc in nlp.tokenizer.pipe(texts, batch_size=256):
            count += len(matcher(doc))
        return count

    seconds, matches = timed(run, passes)
    return {"peer": f"spaCy {spacy.__version__} blank('en') + PhraseMatcher(LOWER)", "seconds": seconds, "matches": matches,
            "build_s": build}


def flashtext_peer(forms, texts, passes):
    from flashtext import KeywordProcessor

    start = time.process_time()
    processor = KeywordProcessor(case_sensitive=False)
    for form in forms:
        processor.add_keyword(form)
    build = time.process_time() - start

    def run():
        return sum(len(processor.extract_keywords(text, span_info=True)) for text in texts)

    seconds, matches = timed(run, passes)
    return {"peer": "flashtext 2.7 KeywordProcessor (case-insensitive)", "seconds": seconds, "matches": matches, "build_s": build}


def ahocorasick_peer(forms, texts, passes):
    import ahocorasick

    start = time.process_time()
    automaton = ahocorasick.Automaton()
    for form in forms:
        key = form.lower()
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    build = time.process_time() - start

    def run():
        count = 0
        for text in texts:
            lower = text.lower()
            size = len(lower)
            for end, length in automaton.iter(lower):
                start_index = end - length + 1
                before = lower[start_index - 1] if start_index > 0 else " "
                after = lower[end + 1] if end + 1 < size else " "
                if not before.isalnum() and not after.isalnum():
                    count += 1
        return count

    seconds, matches = timed(run, passes)
    return {"peer": f"pyahocorasick {ahocorasick.__version__ if hasattr(ahocorasick, '__version__') else ''} + word-boundary check".replace("  ", " "),
            "seconds": seconds, "matches": matches, "build_s": build}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", required=True)
    parser.add_argument("--forms", required=True)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--peers", default="spacy,flashtext,ahocorasick")
    arguments = parser.parse_args()
    texts = load_texts(arguments.texts, arguments.limit)
    with open(arguments.forms, encoding="utf-8") as handle:
        forms = [line.rstrip("\n") for line in handle if line.strip()]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1048576
    peers = {"spacy": spacy_peer, "flashtext": flashtext_peer, "ahocorasick": ahocorasick_peer}
    for name in arguments.peers.split(","):
        result = peers[name](forms, texts, arguments.passes)
        result["mbs"] = megabytes / result["seconds"]
        result["texts"] = len(texts)
        result["forms"] = len(forms)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
