import ArgumentParser
import Foundation
import GazetteBytes
import GazetteCore
import GazetteGazetteer
import GazetteICU
import GazetteMatch
import GazetteSegment

/// Benchmarks of Gazette's stages, measured in-process so that only the stage is timed.
/// `make bench` runs them beside the peers and writes benchmarks/RESULTS.md.
@main
struct GazetteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench",
        abstract: "Measure Gazette's segmentation and matching; generate and export gazetteers for peers.",
        subcommands: [Matching.self, ByteRoutines.self, SyntheticGazetteer.self, ExportForms.self])
}

/// Peak resident set size of this process, in bytes (from /proc/self/status VmHWM).
func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Int($0) }
        return (digits.first ?? 0) * 1024
    }
    return 0
}

/// Current resident set size in bytes (VmRSS).
func currentRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }
    return 0
}

/// The `text` fields of a JSONL file.
func loadTexts(_ path: String, limit: Int?) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var texts: [String] = []
    for line in data.split(separator: 0x0A) {
        if let limit, texts.count >= limit { break }
        guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let text = object["text"] as? String, !text.isEmpty
        else { continue }
        texts.append(text)
    }
    return texts
}

/// CPU seconds the process spends in `body` (not wall-clock time, so other processes on the
/// machine disturb the figure less; the benchmark is single-threaded).
func seconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
}

struct Matching: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time ICU word break alone, segmentation, and segmentation + matching over JSONL texts; print JSON.")

    @Option(help: "JSONL file whose `text` fields are the benchmark texts.") var texts: String
    @Option(help: "Gazetteer directory.") var gazetteers: String = "Gazetteers"
    @Option(help: "Passes over the texts; the best pass counts.") var passes: Int = 3
    @Option(help: "Use only the first N texts.") var limit: Int?
    @Option(help: "Only match, this many times, over segmented texts (for profiling the matcher).") var profileMatching: Int?
    @Option(help: "Only segment, this many times (for profiling the segmenter).") var profileSegmentation: Int?

    func run() throws {
        let corpus = try loadTexts(texts, limit: limit)
        let bytes = corpus.reduce(0) { $0 + $1.utf8.count }
        if let profileSegmentation {
            let segmenter = try Segmenter()
            var documents = corpus.map { Document(id: "", source: SourceLocator(path: "", format: "text"), language: "en", text: $0) }
            let time = try seconds {
                for _ in 0..<profileSegmentation { for index in documents.indices { try segmenter.segment(&documents[index]) } }
            }
            print("segmentation only: \(Double(bytes) * Double(profileSegmentation) / 1_048_576 / time) MB/s")
            return
        }
        if let profileMatching {
            let gazetteer = try GazetteerLoader.load(directory: URL(fileURLWithPath: gazetteers))
            let matcher = try EntityMatcher(compiled: try CompiledGazetteer(gazetteer: gazetteer))
            let segmenter = try Segmenter()
            var documents = corpus.map { Document(id: "", source: SourceLocator(path: "", format: "text"), language: "en", text: $0) }
            for index in documents.indices { try segmenter.segment(&documents[index]) }
            let time = seconds {
                for _ in 0..<profileMatching { for index in documents.indices { matcher.match(&documents[index]) } }
            }
            print("matching only: \(Double(bytes) * Double(profileMatching) / 1_048_576 / time) MB/s")
            return
        }
        let rssBefore = currentRSS()
        var gazetteer = Gazetteer()
        var compiled: CompiledGazetteer!
        let loadSeconds = try seconds { gazetteer = try GazetteerLoader.load(directory: URL(fileURLWithPath: gazetteers)) }
        let compileSeconds = try seconds { compiled = try CompiledGazetteer(gazetteer: gazetteer) }
        let gazetteerRSS = currentRSS() - rssBefore

        let words = try BreakIterator(kind: .word, locale: "en")
        var wordBreak = Double.infinity
        var segments = 0
        for _ in 0..<passes {
            segments = 0
            let time = try seconds {
                for text in corpus {
                    var copy = text
                    try copy.withUTF8 { utf8 in
                        try words.forEachSegment(in: utf8) { _, _, _ in segments += 1 }
                    }
                }
            }
            wordBreak = min(wordBreak, time)
        }

        let segmenter = try Segmenter()
        var tokenization = Double.infinity
        for _ in 0..<passes {
            let time = try seconds { for text in corpus { _ = try segmenter.tokens(of: text) } }
            tokenization = min(tokenization, time)
        }
        let matcher = try EntityMatcher(compiled: compiled)
        var segmentation = Double.infinity
        var matching = Double.infinity
        var entities = 0
        var tokens = 0
        for _ in 0..<passes {
            var documents = corpus.map { Document(id: "", source: SourceLocator(path: "", format: "text"), language: "en", text: $0) }
            let segmentTime = try seconds {
                for index in documents.indices { try segmenter.segment(&documents[index]) }
            }
            entities = 0
            tokens = documents.reduce(0) { $0 + $1.tokens.count }
            let matchTime = seconds {
                for index in documents.indices {
                    matcher.match(&documents[index])
                    entities += documents[index].entities.count
                }
            }
            segmentation = min(segmentation, segmentTime)
            matching = min(matching, segmentTime + matchTime)
        }
        let megabytes = Double(bytes) / 1_048_576
        let result: [String: Any] = [
            "texts": corpus.count, "bytes": bytes, "tokens": tokens, "entities": entities, "segments": segments,
            "forms": compiled.formCount, "gazetteer_load_s": loadSeconds, "gazetteer_compile_s": compileSeconds,
            "gazetteer_rss_mb": Double(gazetteerRSS) / 1_048_576, "peak_rss_mb": Double(peakRSS()) / 1_048_576,
            "icu_word_break_mbs": megabytes / wordBreak, "segmentation_mbs": megabytes / segmentation,
            "tokenization_mbs": megabytes / tokenization,
            "segmentation_matching_mbs": megabytes / matching,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

struct SyntheticGazetteer: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a gazetteer directory with N generated person aliases (plus the real files' other tables).")

    @Option(help: "Number of generated aliases.") var aliases: Int = 1_000_000
    @Option(help: "The real gazetteer to extend.") var base: String = "Gazetteers"
    @Option(help: "Output directory.") var output: String

    func run() throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: output)
        try fileManager.createDirectory(atPath: output, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: base) where name.hasSuffix(".tsv") && name != "persons.tsv" {
            try fileManager.copyItem(atPath: base + "/" + name, toPath: output + "/" + name)
        }
        var text = try String(contentsOfFile: base + "/persons.tsv", encoding: .utf8)
        // Deterministic pseudo-random names from syllables: "Kalomir Veradun", two aliases a person.
        let syllables = ["ka", "lo", "mir", "ve", "ra", "dun", "sha", "tel", "bo", "rin", "za", "ko", "pel", "us", "an",
                         "dre", "vik", "ton", "mel", "gar", "os", "li", "ne", "qua", "ber", "fi", "hol", "jan", "wu", "xe"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(syllables.count))
        }
        func word(_ count: Int) -> String {
            var result = ""
            for _ in 0..<count { result += syllables[next()] }
            return result.prefix(1).uppercased() + result.dropFirst()
        }
        var persons = 0
        var written = 0
        while written < aliases {
            let first = word(2 + next() % 2)
            let last = word(2 + next() % 2)
            let alias = word(2) + " " + last
            text += "person:synthetic-\(persons)\t\(first) \(last)\t\t\(alias)\t\(last)\n"
            persons += 1
            written += 3
        }
        try text.write(toFile: output + "/persons.tsv", atomically: true, encoding: .utf8)
        print("wrote \(output): \(persons) synthetic persons, \(written) forms")
    }
}

struct ExportForms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every surface form of the gazetteer, one per line, for the peer matchers.")

    @Option(help: "Gazetteer directory.") var gazetteers: String = "Gazetteers"
    @Option(help: "Output file.") var output: String

    func run() throws {
        let gazetteer = try GazetteerLoader.load(directory: URL(fileURLWithPath: gazetteers))
        var forms: [String] = []
        forms += gazetteer.allCountries.map(\.name)
        forms += gazetteer.countryForms.map(\.form)
        for person in gazetteer.persons { forms += [person.name] + person.aliases + person.surnames }
        for organisation in gazetteer.organisations { forms += [organisation.name] + organisation.aliases }
        for city in gazetteer.cities { forms += [city.name] + city.aliases }
        for role in gazetteer.roles { forms += role.forms.map(\.form) }
        var seen = Set<String>()
        let unique = forms.filter { !$0.isEmpty && seen.insert($0).inserted }
        try (unique.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        print("wrote \(unique.count) forms to \(output)")
    }
}
