import Foundation
import GazetteClean
@testable import GazetteEval
import GazetteCore
import GazetteTestSupport
import Testing

@Suite("Cleaning evaluation")
struct CleaningEvaluationTests {
    func expectation(_ body: String, title: String = "A headline", published: String? = "2025-06-01") -> CleaningExpectation {
        CleaningExpectation(title: title, published: published, body: body, language: "en")
    }

    @Test func tokensAreLowerCaseLetterAndDigitRunsWithMultiplicity() {
        #expect(CleaningScorer.tokens("The cat, the CAT's 3.75% café!") == ["the": 2, "cat": 2, "s": 1, "3": 1, "75": 1, "café": 1])
    }

    /// Expected "a b c d" (4 tokens), predicted "a b x" (3 tokens): overlap 2, P 2/3, R 2/4, F1 4/7.
    @Test func partialOverlapGivesHandComputedScores() {
        let score = CleaningScorer.score(
            name: "p", expected: expectation("a b\n\nc d"),
            predicted: CleaningPrediction(title: "A  headline", published: "2025-06-01", body: "A b x", language: "nl"))
        #expect(score.overlapTokens == 2)
        #expect(abs(score.precision - 2.0 / 3.0) < 1e-12)
        #expect(abs(score.recall - 0.5) < 1e-12)
        #expect(abs(score.f1 - 4.0 / 7.0) < 1e-12)
        #expect(score.titleMatches)  // whitespace is normalised
        #expect(score.dateMatches)
        #expect(!score.languageMatches)
    }

    /// Repeated tokens count only as often as expected; micro-averaging sums counts over pages.
    @Test func multiplicityAndMicroAveraging() {
        let first = CleaningScorer.score(
            name: "1", expected: expectation("x y"),
            predicted: CleaningPrediction(title: "Other", published: "2025-06-02", body: "x x x y", language: "en"))
        #expect(first.overlapTokens == 2 && first.predictedTokens == 4)
        #expect(!first.titleMatches && !first.dateMatches)
        let second = CleaningScorer.score(
            name: "2", expected: expectation("p q r s t u"),
            predicted: CleaningPrediction(title: "A headline", published: "2025-06-01T10:00:00Z", body: "p q r s t u", language: "en"))
        let total = CleaningScore(pages: [first, second])
        // overlap 2+6 = 8, predicted 4+6 = 10, expected 2+6 = 8.
        #expect(abs(total.precision - 0.8) < 1e-12)
        #expect(total.recall == 1)
        #expect(abs(total.f1 - 2 * 0.8 / 1.8) < 1e-12)
        #expect(total.titleExactMatch == 0.5)
        #expect(total.dateExactMatch == 0.5)
    }

    @Test func anEmptyPredictionScoresZero() {
        let score = CleaningScorer.score(
            name: "e", expected: expectation("some text"), predicted: CleaningPrediction(title: nil, published: nil, body: "", language: nil))
        #expect(score.precision == 0 && score.recall == 0 && score.f1 == 0 && !score.titleMatches)
    }

    @Test func aDocumentsPredictionIsItsTextWithoutTheTitle() {
        var document = Document(
            id: "d", source: SourceLocator(path: "d", format: .html), url: nil, title: "Title", published: "2025-01-02",
            language: "en", text: "Title\n\nFirst.\n\nSecond.")
        #expect(CleaningPrediction(document: document).body == "First.\n\nSecond.")
        document.text = "Lead only."
        #expect(CleaningPrediction(document: document).body == "Lead only.")
    }

    /// An external-set page is cleaned from its bytes as `gazette annotate` reads an HTML file: one that declares
    /// UTF-8 in a `<meta>` but holds a stray bad byte is read as UTF-8 with the byte replaced (not as windows-1252,
    /// which turns every "’" into "â€™"), and so is an undeclared one whose bytes are UTF-8 but for that byte; a
    /// `charset` on a `<script>` declares nothing about the page.
    @Test func aDeclaredUTF8PageWithAStrayBadByteIsReadAsUTF8() {
        let story = "<p>The harbour board’s plan, agreed on Monday, is to dredge the eastern channel before the winter storms.</p>"
        func page(_ head: String) -> ExternalCleaningPage {
            let html = Array("<html><head>\(head)<title>Dredging</title></head><body><div>\(story)\(story)</div>".utf8)
                + [0x80] + Array("</body></html>".utf8)
            return ExternalCleaningPage(id: "p", html: html, gold: .text(""))
        }
        let declared = ExternalCleaningSet.body(of: page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"))
        #expect(declared.contains("The harbour board’s plan"))
        let script = ExternalCleaningSet.body(of: page("<script src=\"/a.js\" charset=\"windows-1252\"></script>"))
        #expect(script.contains("The harbour board’s plan"))
    }

    /// The quality gate of the cleaning corpus: body F1 ≥ 0.92, title exact match ≥ 0.95, date exact match ≥ 0.9.
    @Test func cleaningCorpusQualityGate() throws {
        let corpus = try CleaningCorpus(directory: Repository.path("Corpora/cleaning"))
        #expect(corpus.pages.count >= 30)
        let score = corpus.evaluate().score
        #expect(score.f1 >= 0.92, "body F1 \(score.f1)")
        #expect(score.titleExactMatch >= 0.95, "title EM \(score.titleExactMatch)")
        #expect(score.dateExactMatch >= 0.9, "date EM \(score.dateExactMatch)")
        for page in score.pages {
            #expect(page.f1 >= 0.8, "\(page.name): body F1 \(page.f1)")
        }
    }
}
