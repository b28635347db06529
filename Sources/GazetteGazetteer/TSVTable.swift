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
        // Lines and cells are split on the UTF-8 bytes with integer offsets (one pass, no generic collection
        // splitting): gazetteers have hundreds of thousands of rows and are parsed at every start.
        let bytes = Array(text.utf8)
        var cells: [String] = []
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { lineStart = next }
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            cells.removeAll(keepingCapacity: true)
            var cellStart = lineStart
            for position in lineStart...lineEnd where position == lineEnd || bytes[position] == 0x09 {
                cells.append(String(decoding: bytes[cellStart..<position], as: UTF8.self))
                cellStart = position + 1
            }
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
