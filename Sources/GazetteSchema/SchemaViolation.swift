/// One way in which a JSON instance fails its schema.
///
/// `path` is the RFC 6901 JSON Pointer of the offending value inside the
/// instance (the empty string for the whole document, `/entities/3/start` for
/// the `start` member of the fourth entity); `keyword` is the schema keyword that
/// failed (`type`, `required`, `pattern`, …, or `json` when the line is not JSON
/// at all); `message` says what was expected.
public struct SchemaViolation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// JSON Pointer (RFC 6901) of the offending value in the instance; `""` is the root.
    public var path: String
    /// The schema keyword that failed, e.g. `"required"`; `"json"` for unparsable input.
    public var keyword: String
    /// A human-readable explanation of the failure.
    public var message: String

    /// Creates a violation.
    public init(path: String, keyword: String, message: String) {
        self.path = path
        self.keyword = keyword
        self.message = message
    }

    /// A one-line rendering such as `/entities/3/start: [minimum] -1 is less than the minimum 0`.
    public var description: String {
        "\(path.isEmpty ? "/" : path): [\(keyword)] \(message)"
    }
}

/// JSON Pointer (RFC 6901) helpers.
enum JSONPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Appends an object key to a pointer.
    static func appending(_ pointer: String, key: String) -> String {
        pointer + "/" + escape(key)
    }

    /// Appends an array index to a pointer.
    static func appending(_ pointer: String, index: Int) -> String {
        pointer + "/" + String(index)
    }

    /// Splits a pointer into unescaped tokens; nil if it does not start with `/` and is not empty.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
