import Foundation

/// A problem in a gazetteer file, with the file and line it is on.
public struct GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// A TSV file with a header row: records as column-name lookups, with their line numbers.
public struct TSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        public let line: Int
        let cells: [String]
        let columns: [String: Int]

        /// The cell of a column; empty when the column is missing or the cell is empty.
        public subscript(_ column: String) -> String {
            guard let index = columns[column], index < cells.count else { return "" }
            return cells[index]
        }

        /// A cell's `|`-separated list, without empty items.
        public func list(_ column: String) -> [String] {
            let cell = self[column]
            guard !cell.isEmpty else { return [] }
            return cell.split(separator: "|").compactMap { item in
                var slice = item
                while slice.first == " " { slice.removeFirst() }
                while slice.last == " " { slice.removeLast() }
                return slice.isEmpty ? nil : String(slice)
            }
        }

        /// The cell, or nil when it is empty.
        public func optional(_ column: String) -> String? {
            let value = self[column]
            return value.isEmpty ? nil : value
        }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Parses TSV text; `#` lines and blank lines are skipped, every row must have the header's width.
    public init(file: String, text: String, requiredColumns: [String]) throws(GazetteerError) {
        self.file = file
        var header: [String]?
        var columns: [String: Int] = [:]
        var rows: [Row] = []
        var lineNumber = 0
        // Lines and cells are split on UTF-8 bytes: gazetteers can have millions of rows.
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard let currentHeader = header else {
                header = cells
                for (index, name) in cells.enumerated() { columns[name] = index }
                for column in requiredColumns where columns[column] == nil {
                    throw GazetteerError(file: file, line: lineNumber, message: "missing column '\(column)' in the header")
                }
                continue
            }
            guard cells.count == currentHeader.count else {
                throw GazetteerError(
                    file: file, line: lineNumber,
                    message: "\(cells.count) cells where the header has \(currentHeader.count) columns")
            }
            rows.append(Row(line: lineNumber, cells: cells, columns: columns))
        }
        guard let header else { throw GazetteerError(file: file, line: 0, message: "no header row") }
        self.header = header
        self.rows = rows
    }

    /// Reads and parses a TSV file.
    public init(contentsOf url: URL, requiredColumns: [String]) throws(GazetteerError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GazetteerError(file: url.path, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GazetteerError(file: url.path, line: 0, message: "not valid UTF-8")
        }
        try self.init(file: url.lastPathComponent, text: text, requiredColumns: requiredColumns)
    }
}
