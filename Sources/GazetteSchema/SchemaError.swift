/// The error thrown by every throwing API of `GazetteSchema` (always as a typed throw).
///
/// It covers three situations, told apart by ``kind``:
/// a schema file that cannot be read, text that is not valid JSON (with the
/// 1-based ``line`` and ``column`` of the problem), and a JSON document that is
/// not a schema this validator understands (with the JSON Pointer of the
/// offending schema location in ``schemaPath``).
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: Sendable, Equatable {
        /// The schema file could not be read from disk.
        case unreadable
        /// The text is not valid JSON (RFC 8259), or not valid UTF-8.
        case malformedJSON
        /// The JSON is well formed but is not a schema this validator supports.
        case invalidSchema
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// A human-readable explanation, without the position prefix.
    public var message: String
    /// 1-based line of a JSON syntax error (``Kind/malformedJSON`` only).
    public var line: Int?
    /// 1-based column, counted in Unicode scalars, of a JSON syntax error (``Kind/malformedJSON`` only).
    public var column: Int?
    /// JSON Pointer into the schema document of the bad schema location (``Kind/invalidSchema`` only).
    public var schemaPath: String?

    /// Creates an error; normally only the library itself creates these.
    public init(kind: Kind, message: String, line: Int? = nil, column: Int? = nil, schemaPath: String? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.schemaPath = schemaPath
    }

    /// A one-line rendering such as `invalid JSON at line 1, column 7: expected ':' after object key`.
    public var description: String {
        switch kind {
        case .unreadable:
            return "unreadable schema: \(message)"
        case .malformedJSON:
            if let line, let column {
                return "invalid JSON at line \(line), column \(column): \(message)"
            }
            return "invalid JSON: \(message)"
        case .invalidSchema:
            return "invalid schema at \(schemaPath.map { $0.isEmpty ? "#" : "#" + $0 } ?? "#"): \(message)"
        }
    }
}
