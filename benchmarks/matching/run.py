"""`make bench-matching`: Gazette's segmentation + matching beside spaCy, flashtext and pyahocorasick
over the same texts and the same gazetteer forms, plus gazetteer compile figures (the real files
and a generated 1,000,000-alias list). Appends a section to benchmarks/RESULTS.md.

All figures are CPU seconds of one process on one core (`taskset -c 0` when available), best of
the passes, so other work on the machine disturbs them less than wall time would.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys


def run_json(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", default=".build/release/gazette-bench")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--texts", required=True)
    parser.add_argument("--gazetteers", default="Gazetteers")
    parser.add_argument("--work", default="benchmarks/work")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--results", default="benchmarks/RESULTS.md")
    parser.add_argument("--synthetic-aliases", type=int, default=1_000_000)
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    pin = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []

    forms = os.path.join(arguments.work, "forms.txt")
    subprocess.run([arguments.bench, "export-forms", "--gazetteers", arguments.gazetteers, "--output", forms], check=True)
    gazette = run_json(pin + [arguments.bench, "matching", "--texts", arguments.texts, "--gazetteers", arguments.gazetteers,
                              "--passes", str(arguments.passes)])[0]
    synthetic_dir = os.path.join(arguments.work, "synthetic-gazetteer")
    subprocess.run([arguments.bench, "synthetic-gazetteer", "--aliases", str(arguments.synthetic_aliases),
                    "--base", arguments.gazetteers, "--output", synthetic_dir], check=True)
    # The same number of passes as the real gazetteer: a single cold pass pays page faults into the
    # 400 MB of tables that best-of-N over the real one does not, and would halve the ratio.
    synthetic = run_json(pin + [arguments.bench, "matching", "--texts", arguments.texts, "--gazetteers", synthetic_dir,
                                "--passes", str(arguments.passes)])[0]
    peers = run_json(pin + [arguments.python, "benchmarks/matching/peers.py", "--texts", arguments.texts, "--forms", forms,
                            "--passes", str(max(1, arguments.passes - 1))])

    gazette_mbs = gazette["segmentation_matching_mbs"]
    icu = gazette["icu_word_break_mbs"]
    by_name = {peer["peer"].split()[0].lower(): peer for peer in peers}
    lines = [
        "",
        f"## Segmentation + matching: Gazette vs spaCy, flashtext, pyahocorasick ({datetime.datetime.now():%Y-%m-%d %H:%M})",
        "",
        f"- Machine: {cpu_model()}, `nproc` = {os.cpu_count()}; one core{' (`taskset -c 0`)' if pin else ''}; CPU time, best of the passes.",
        f"- Command: `make bench-matching` (`python3 benchmarks/matching/run.py`). Texts: the `text` fields of "
        f"`{os.path.relpath(arguments.texts)}` ({gazette['texts']} texts, {gazette['bytes'] / 1048576:.1f} MiB). "
        f"Gazetteer: `{arguments.gazetteers}/` exported as {len(open(forms, encoding='utf-8').read().splitlines())} surface forms for the peers.",
        "",
        "| what | MB/s | vs spaCy | vs flashtext | vs ICU word break | matches |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| ICU word break alone (UTF-8 UText, rule status) | {icu:.1f} | | | 100 % | |",
        f"| Gazette tokenisation | {gazette['tokenization_mbs']:.1f} | | | {100 * gazette['tokenization_mbs'] / icu:.0f} % | {gazette['tokens']} tokens |",
        f"| Gazette segmentation (tokens + sentences) | {gazette['segmentation_mbs']:.1f} | | | {100 * gazette['segmentation_mbs'] / icu:.0f} % | |",
    ]
    spacy = by_name.get("spacy", {}).get("mbs")
    flash = by_name.get("flashtext", {}).get("mbs")
    def ratio(value, peer):
        return f"{value / peer:.1f}×" if peer else ""
    lines.append(f"| **Gazette segmentation + matching** | **{gazette_mbs:.1f}** | {ratio(gazette_mbs, spacy)} | {ratio(gazette_mbs, flash)} | "
                 f"{100 * gazette_mbs / icu:.0f} % | {gazette['entities']} entities |")
    for peer in peers:
        lines.append(f"| {peer['peer']} | {peer['mbs']:.1f} | {ratio(peer['mbs'], spacy)} | {ratio(peer['mbs'], flash)} | "
                     f"{100 * peer['mbs'] / icu:.0f} % | {peer['matches']} |")
    lines += [
        "",
        "Gazette's entities are not the peers' raw matches: Gazette applies case rules, surname and ambiguity rules "
        "and title patterns; the peers report every case-insensitive occurrence of a form.",
        "",
        "| gazetteer | forms | load s | compile s | memory MB | segmentation + matching MB/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| `Gazetteers/` (real) | {gazette['forms']} | {gazette['gazetteer_load_s']:.3f} | {gazette['gazetteer_compile_s']:.3f} | "
        f"{gazette['gazetteer_rss_mb']:.0f} | {gazette_mbs:.1f} |",
        f"| generated, {arguments.synthetic_aliases:,} person aliases added | {synthetic['forms']} | {synthetic['gazetteer_load_s']:.2f} | "
        f"{synthetic['gazetteer_compile_s']:.2f} | {synthetic['gazetteer_rss_mb']:.0f} | {synthetic['segmentation_matching_mbs']:.1f} "
        f"({100 * synthetic['segmentation_matching_mbs'] / gazette_mbs:.0f} % of real) |",
        "",
        "Memory is the growth of the resident set while loading and compiling.",
        "",
    ]
    with open(arguments.results, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
