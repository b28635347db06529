/// A request to the browser views, as the application sees it: method, path and decoded query parameters.
public struct BrowserRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    /// Query parameters in order; a name may repeat (`entity=a&entity=b`).
    public var parameters: [(name: String, value: String)]

    /// A request with parameters already decoded.
    public init(method: String = "GET", path: String, parameters: [(name: String, value: String)] = []) {
        self.method = method
        self.path = path
        self.parameters = parameters
    }

    /// Parses a raw query string as browsers send forms: `&`-separated pairs, `+` for space, percent escapes
    /// (malformed escapes are kept as typed; bytes that are not UTF-8 become U+FFFD).
    public init(method: String, path: String, rawQuery: String) {
        self.init(method: method, path: path, parameters: Self.parse(rawQuery))
    }

    /// Every value given for `name`.
    public func values(_ name: String) -> [String] { parameters.filter { $0.name == name }.map(\.value) }

    /// The first value given for `name`, nil when absent or empty.
    public func value(_ name: String) -> String? { values(name).first { !$0.isEmpty } }

    static func parse(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// `+` to space and `%XX` to bytes, decoded as UTF-8.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
                      let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Same method, path and parameters in the same order.
    public static func == (lhs: BrowserRequest, rhs: BrowserRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name) && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }
}

/// What the application answers: a status, a content type and a body (headers common to all answers are added
/// by `BrowserResponse.headers`).
public struct BrowserResponse: Sendable {
    /// The HTTP statuses the application uses.
    public enum Status: Int, Sendable {
        case ok = 200
        case badRequest = 400
        case notFound = 404
        case methodNotAllowed = 405
        case internalServerError = 500

        /// The reason phrase of the status line.
        public var reason: String {
            switch self {
            case .ok: "OK"
            case .badRequest: "Bad Request"
            case .notFound: "Not Found"
            case .methodNotAllowed: "Method Not Allowed"
            case .internalServerError: "Internal Server Error"
            }
        }
    }

    /// The content types the application sends.
    public enum ContentType: String, Sendable {
        case html = "text/html; charset=utf-8"
        case json = "application/json; charset=utf-8"
    }

    public var status: Status
    public var contentType: ContentType
    public var body: String

    /// An answer with this status, type and body.
    public init(status: Status, contentType: ContentType, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// Headers sent with every answer: the content type and a policy that allows no script, no external
    /// resource and no framing, so even markup that escaped escaping could not run.
    public var headers: [(name: String, value: String)] {
        [
            ("Content-Type", contentType.rawValue),
            ("Content-Security-Policy",
             "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cache-Control", "no-store"),
        ]
    }
}
