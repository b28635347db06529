import Foundation
import GazetteFuzzHarness
import GazetteTestSupport
import Testing

/// Replays every input under Regressions/ through the fuzz target it was found by (see its README.md).
@Suite("Fuzz regressions")
struct RegressionTests {
    static let directory = Repository.path("Tests/GazetteRobustnessTests/Regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasPrefix("Fuzz") }.sorted()
    }

    @Test func everyRegressionInputNamesItsTarget() {
        for name in Self.inputs {
            let target = String(name.prefix { $0 != "-" })
            #expect(FuzzTarget(rawValue: target) != nil, "\(name) does not start with a fuzz target's name")
        }
    }

    @Test(arguments: inputs)
    func replays(_ name: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(name.prefix { $0 != "-" })))
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        // The harness traps on any broken invariant; coming back is the assertion.
        target.run(bytes)
    }

    /// The harness itself must catch what it claims to: an undocumented code or a bad span stops it.
    @Test func harnessAcceptsEveryTargetOnItsSeedsShape() {
        FuzzTarget.html.run(Array("<html><body><p>President Emmanuel Macron spoke.</p></body></html>".utf8))
        FuzzTarget.feed.run([0] + Array("<rss version=\"2.0\"><channel><item><title>T</title></item></channel></rss>".utf8))
        FuzzTarget.sgml.run(Array("<REUTERS NEWID=\"1\"><TEXT><TITLE>T</TITLE><BODY>Body.</BODY></TEXT></REUTERS>".utf8))
        FuzzTarget.warc.run(Array("WARC/1.1\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".utf8))
        FuzzTarget.jsonl.run(Array("{\"id\":1,\"text\":\"One.\"}\nnot json\n".utf8))
        FuzzTarget.annotate.run(Array("French President Emmanuel Macron met Dutch Prime Minister Dick Schoof.".utf8))
        FuzzTarget.newsml.run(Array("<newsItem guid=\"g\"><contentMeta><headline>H</headline></contentMeta></newsItem>".utf8))
        FuzzTarget.date.run(Array("Seg, 24 Set 2018 10:00:00 -0300".utf8))
    }

    /// The harness's list of allowed reject codes is exactly the table of docs/REJECT_CODES.md.
    @Test func harnessCodesAreTheDocumentedOnes() throws {
        let document = try String(contentsOf: Repository.path("docs/REJECT_CODES.md"), encoding: .utf8)
        var codes = Set<String>()
        for line in document.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            codes.insert(String(cell))
        }
        #expect(codes == FuzzHarness.documentedCodes)
    }
}
