import Foundation
@testable import GazetteGazetteer
import Testing

@Suite("Knowledge-base loading")
struct KnowledgeBaseLoadingTests {
    /// Writes files into a new temporary directory.
    func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func generatedLayersLoadAfterTheHandWrittenFilesWhichWin() throws {
        let url = try directory([
            "countries.tsv": "id\tiso2\tiso3\twikidata\tname\tcapital\ncountry:FR\tFR\tFRA\tQ142\tFrance\t\n",
            "countries.kb.tsv": "id\tiso2\tiso3\twikidata\tname\tcapital\tvalid_from\tvalid_to\tsuccessor\tsource\n"
                + "country:SUHH\tSU\tSUN\tQ15180\tSoviet Union\t\t1922-12-30\t1991-12-26\t\tiso3166-3\n",
            "persons.tsv": "id\tname\twikidata\taliases\tsurnames\nperson:a\tAnne Example\t\t\tExample\n",
            "persons.kb.tsv": "id\tname\twikidata\taliases\tsurnames\tsource\nperson:a\tAnne Example\tQ1\t\t\twikidata-id-by-name\n"
                + "person:b\tBen Example\tQ2\t\tExample\twikidata-p6-p35\n",
            "offices.kb.tsv": "person\trole\tof\tstart\tend\tsource\nperson:b\trole:head-of-state\tcountry:FR\t1990-01-01\t\twikidata-p6-p35\n",
            "sovereign_states.kb.tsv": "country\tmember_from\tsource\ncountry:FR\t1816-01-01\tcow-states2016\n",
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        let gazetteer = try GazetteerLoader.load(directory: url)
        #expect(gazetteer.persons.map(\.id) == ["person:a", "person:b"])
        #expect(gazetteer.persons[0].wikidata == "Q1")
        #expect(gazetteer.persons[0].source == "hand")
        #expect(gazetteer.historicalCountries.first?.validTo == "1991-12-26")
        #expect(gazetteer.historicalCountries.first?.isISO3166Part1 == false)
        #expect(gazetteer.offices.first?.source == "wikidata-p6-p35")
        #expect(gazetteer.sovereignStates["country:FR"] == "1816-01-01")
        #expect(GazetteerChecker().problems(in: gazetteer).filter { !$0.contains("role:head-of-state") }.isEmpty)
    }

    @Test func coverageCountsDaysAndListsGaps() {
        var gazetteer = Gazetteer()
        gazetteer.sovereignStates = ["country:FR": "1816-01-01"]
        gazetteer.offices = [
            Office(person: "person:a", role: "role:president", of: "country:FR", start: "2000-01-01", end: "2000-01-10"),
            Office(person: "person:b", role: "role:prime-minister", of: "country:FR", start: "2000-01-01"),
        ]
        let coverage = GazetteerCoverage(gazetteer, since: "2000-01-01", until: "2000-01-20")
        let state = coverage.entries.first { $0.kind == .headOfState }!
        #expect(state.days == 20 && state.covered == 10)
        #expect(state.gaps.map { "\($0.0)..\($0.1)" } == ["2000-01-11..2000-01-20"])
        #expect(coverage.entries.first { $0.kind == .headOfGovernment }!.share == 1)
    }

    @Test func dayNumbersRoundTrip() {
        #expect(GazetteerCoverage.dayNumber("1970-01-01") == 0)
        #expect(GazetteerCoverage.date(of: GazetteerCoverage.dayNumber("2024-02-29")!) == "2024-02-29")
    }
}
