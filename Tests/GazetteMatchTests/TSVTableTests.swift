import Testing
import GazetteGazetteer

/// The TSV reader every gazetteer file goes through: lines, cells, comments and the errors it names.
@Suite("TSV tables")
struct TSVTableTests {
    @Test func readsRowsWithTheirLineNumbers() throws {
        let text = "# a comment\nname\tcountry\tforms\n\nBerlin\tDE\tBerlín | Berlino\r\nZürich\tCH\t\nÅrhus\tDK\tAarhus"
        let table = try TSVTable(file: "places.tsv", text: text, requiredColumns: ["name"])
        #expect(table.header == ["name", "country", "forms"])
        #expect(table.rows.map(\.line) == [4, 5, 6])
        #expect(table.rows.map { $0["name"] } == ["Berlin", "Zürich", "Århus"])
        #expect(table.rows[0].list("forms") == ["Berlín", "Berlino"], "CR dropped, items trimmed")
        #expect(table.rows[1].optional("forms") == nil && table.rows[1]["missing column"] == "")
        #expect(table.rows[2]["forms"] == "Aarhus", "a last line without a newline")
    }

    @Test func emptyCellsKeepTheirPlaces() throws {
        let table = try TSVTable(file: "t.tsv", text: "a\tb\tc\n\t\tz\n", requiredColumns: [])
        #expect(table.rows.count == 1 && table.rows[0]["a"] == "" && table.rows[0]["c"] == "z")
    }

    @Test func errorsNameTheFileAndLine() {
        #expect(throws: GazetteerError(file: "t.tsv", line: 3, message: "1 cells where the header has 2 columns")) {
            try TSVTable(file: "t.tsv", text: "a\tb\n1\t2\nonly\n", requiredColumns: [])
        }
        #expect(throws: GazetteerError(file: "t.tsv", line: 2, message: "missing column 'id' in the header")) {
            try TSVTable(file: "t.tsv", text: "# header next\nname\n", requiredColumns: ["id"])
        }
        #expect(throws: GazetteerError(file: "t.tsv", line: 0, message: "no header row")) {
            try TSVTable(file: "t.tsv", text: "# only a comment\n\n", requiredColumns: [])
        }
    }
}
