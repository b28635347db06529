import Foundation
import GazetteClean
import GazetteCore

/// What a cleaner should get from one page: the expected file of `Corpora/cleaning/expected/NAME.json`.
public struct CleaningExpectation: Codable, Sendable, Equatable {
    public var title: String
    /// `YYYY-MM-DD`.
    public var published: String?
    /// Paragraphs joined by blank lines, without the title.
    public var body: String
    public var language: String?

    public init(title: String, published: String?, body: String, language: String?) {
        self.title = title
        self.published = published
        self.body = body
        self.language = language
    }
}

/// What a cleaner produced for one page (Gazette's, or another extractor's read from a predictions file).
public struct CleaningPrediction: Codable, Sendable, Equatable {
    public var title: String?
    public var published: String?
    public var body: String
    public var language: String?

    public init(title: String?, published: String?, body: String, language: String?) {
        self.title = title
        self.published = published
        self.body = body
        self.language = language
    }

    /// The prediction of a cleaned document: its text without the leading title paragraph.
    public init(document: Document) {
        var body = Substring(document.text)
        if let title = document.title, body.hasPrefix(title) {
            body = body.dropFirst(title.count).drop { $0.isNewline }
        }
        self.init(title: document.title, published: document.published, body: String(body), language: document.language)
    }
}

/// Scores of one page.
public struct PageCleaningScore: Sendable, Equatable {
    public var name: String
    /// Tokens expected, predicted, and in both (bag-of-words with multiplicity).
    public var expectedTokens: Int
    public var predictedTokens: Int
    public var overlapTokens: Int
    public var titleMatches: Bool
    public var dateMatches: Bool
    public var languageMatches: Bool

    public var precision: Double { predictedTokens == 0 ? (expectedTokens == 0 ? 1 : 0) : Double(overlapTokens) / Double(predictedTokens) }
    public var recall: Double { expectedTokens == 0 ? 1 : Double(overlapTokens) / Double(expectedTokens) }
    public var f1: Double { CleaningScorer.f1(precision: precision, recall: recall) }
}

/// Scores of a corpus: token-level precision, recall and F1 of the body, micro-averaged over pages (token
/// counts summed before dividing), and exact-match rates of title, date and language.
public struct CleaningScore: Sendable, Equatable {
    public var pages: [PageCleaningScore]

    public init(pages: [PageCleaningScore]) { self.pages = pages }

    public var precision: Double {
        let predicted = pages.reduce(0) { $0 + $1.predictedTokens }
        return predicted == 0 ? 0 : Double(pages.reduce(0) { $0 + $1.overlapTokens }) / Double(predicted)
    }
    public var recall: Double {
        let expected = pages.reduce(0) { $0 + $1.expectedTokens }
        return expected == 0 ? 0 : Double(pages.reduce(0) { $0 + $1.overlapTokens }) / Double(expected)
    }
    public var f1: Double { CleaningScorer.f1(precision: precision, recall: recall) }
    public var titleExactMatch: Double { rate(\.titleMatches) }
    public var dateExactMatch: Double { rate(\.dateMatches) }
    public var languageAccuracy: Double { rate(\.languageMatches) }

    private func rate(_ flag: KeyPath<PageCleaningScore, Bool>) -> Double {
        pages.isEmpty ? 0 : Double(pages.filter { $0[keyPath: flag] }.count) / Double(pages.count)
    }
}

/// Compares predictions with expectations.
public enum CleaningScorer {
    /// Lower-case word tokens: maximal runs of letters and digits; everything else separates.
    public static func tokens(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                counts[current, default: 0] += 1
                current = ""
            }
        }
        if !current.isEmpty { counts[current, default: 0] += 1 }
        return counts
    }

    /// Scores one page.
    public static func score(name: String, expected: CleaningExpectation, predicted: CleaningPrediction) -> PageCleaningScore {
        let want = tokens(expected.body)
        let got = tokens(predicted.body)
        var overlap = 0
        for (token, count) in got { overlap += min(count, want[token] ?? 0) }
        let expectedTitle = Whitespace.collapse(expected.title)
        return PageCleaningScore(
            name: name, expectedTokens: want.values.reduce(0, +), predictedTokens: got.values.reduce(0, +),
            overlapTokens: overlap,
            titleMatches: predicted.title.map { Whitespace.collapse($0) == expectedTitle } ?? false,
            dateMatches: expected.published == predicted.published.map { String($0.prefix(10)) },
            languageMatches: expected.language == predicted.language)
    }

    static func f1(precision: Double, recall: Double) -> Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// The pages of a cleaning corpus: `pages/NAME.html` with `expected/NAME.json`, sorted by name.
public struct CleaningCorpus: Sendable {
    /// One page and what a cleaner should get from it.
    public struct Page: Sendable {
        public var name: String
        public var html: [UInt8]
        public var expected: CleaningExpectation
    }

    public var pages: [Page]

    /// Total size of the pages' HTML.
    public var bytes: Int { pages.reduce(0) { $0 + $1.html.count } }

    /// Loads every page that has an expected file; throws when the directory or a file cannot be read.
    public init(directory: URL) throws {
        let pagesDirectory = directory.appendingPathComponent("pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: pagesDirectory.path)
            .filter { $0.hasSuffix(".html") }.sorted()
        pages = try names.map { file in
            let name = String(file.dropLast(5))
            let html = [UInt8](try Data(contentsOf: pagesDirectory.appendingPathComponent(file)))
            let expectedData = try Data(contentsOf: directory.appendingPathComponent("expected/\(name).json"))
            return Page(name: name, html: html, expected: try JSONDecoder().decode(CleaningExpectation.self, from: expectedData))
        }
    }

    /// The raw document of a page, as the readers would hand it to the cleaner.
    public func raw(_ page: Page) -> RawDocument {
        RawDocument(id: page.name, source: SourceLocator(path: "pages/\(page.name).html", format: .html), format: .html, bytes: page.html)
    }

    /// Cleans every page with Gazette's cleaner and scores it; a rejected page scores as an empty prediction.
    public func evaluate(cleaner: ArticleCleaner = ArticleCleaner()) -> (score: CleaningScore, predictions: [String: CleaningPrediction]) {
        var predictions: [String: CleaningPrediction] = [:]
        for page in pages {
            let prediction: CleaningPrediction
            do {
                prediction = CleaningPrediction(document: try cleaner.clean(raw(page)))
            } catch {
                prediction = CleaningPrediction(title: nil, published: nil, body: "", language: nil)
            }
            predictions[page.name] = prediction
        }
        return (score(predictions), predictions)
    }

    /// Scores predictions by page name; a missing page scores as an empty prediction.
    public func score(_ predictions: [String: CleaningPrediction]) -> CleaningScore {
        CleaningScore(pages: pages.map { page in
            CleaningScorer.score(
                name: page.name, expected: page.expected,
                predicted: predictions[page.name] ?? CleaningPrediction(title: nil, published: nil, body: "", language: nil))
        })
    }

    /// Reads predictions written by another extractor: `DIR/NAME.json` with the keys of `CleaningPrediction`.
    public func readPredictions(directory: URL) throws -> [String: CleaningPrediction] {
        var result: [String: CleaningPrediction] = [:]
        for page in pages {
            let url = directory.appendingPathComponent("\(page.name).json")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            result[page.name] = try JSONDecoder().decode(CleaningPrediction.self, from: Data(contentsOf: url))
        }
        return result
    }

    /// Cleans all pages `repeat` times and returns the seconds that took (cleaning only: files are already in memory).
    public func timeCleaning(repeat count: Int, cleaner: ArticleCleaner = ArticleCleaner()) -> Double {
        let raws = pages.map(raw)
        var sink = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<count {
                for raw in raws {
                    if let document = try? cleaner.clean(raw) { sink &+= document.text.utf8.count }
                }
            }
        }
        precondition(sink >= 0)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
