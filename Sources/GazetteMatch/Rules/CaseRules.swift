import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// How the case of a text token must agree with the gazetteer form's token.
public enum CaseRule: Sendable, Hashable {
    /// Any case ("premier", "van").
    case any
    /// The text token must start with a capital ("Turkey" but not "turkey").
    case capitalized
    /// The text token must be written exactly so ("US", "EU", "NATO").
    case exact(String)

    /// The rule for a form token: short capitals are exact, capitalised words need a capital.
    public static func forForm(_ token: String) -> CaseRule {
        // ASCII forms (nearly all) are classified on their bytes.
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var letters = 0
            var upper = 0
            for byte in token.utf8 {
                if (0x41...0x5A).contains(byte) {
                    letters += 1
                    upper += 1
                } else if (0x61...0x7A).contains(byte) {
                    letters += 1
                }
            }
            if letters > 0, upper == letters, letters <= 4 { return .exact(token) }
            if let first = token.utf8.first, (0x41...0x5A).contains(first) { return .capitalized }
            return .any
        }
        let letters = token.filter(\.isLetter)
        if !letters.isEmpty, letters.allSatisfy(\.isUppercase), letters.count <= 4 { return .exact(token) }
        if let first = token.first, first.isUppercase { return .capitalized }
        return .any
    }

    /// Whether a text token satisfies the rule.
    public func accepts(_ surface: Substring) -> Bool {
        switch self {
        case .any: return true
        case .capitalized: return surface.first?.isUppercase ?? false
        case .exact(let form): return surface == form
        }
    }
}

/// Whether text tokens are written as a gazetteer form's case rules ask.
extension EntityMatcher {
    /// Whether the tokens from `first` on are written as a form's case rules ask; with `trimLast`,
    /// the last token's possessive ending is left out.
    static func caseFits(_ caseRules: [CaseRule], tokens: [Token], from first: Int, utf8: Span<UInt8>, trimLast: Int) -> Bool {
        for (offset, rule) in caseRules.enumerated() {
            if case .any = rule { continue }
            let token = tokens[first + offset]
            let trimmed = trimLast > 0 && offset == caseRules.count - 1
            if let accepted = Self.asciiAccepts(rule, token, utf8, trimmed: trimmed) {
                if !accepted { return false }
                continue
            }
            var surface = Self.surface(token, utf8)
            if trimmed { surface = surface.dropLast(2) }
            if !rule.accepts(surface) { return false }
        }
        return true
    }

    /// `CaseRule.accepts` decided on the bytes of an ASCII token (its `keyHash` is set), or nil
    /// when the bytes cannot decide it and the token must be read as a string.
    ///
    /// A first ASCII character followed by another ASCII one is a grapheme of its own (ASCII
    /// characters extend none but CR LF), so it is upper case exactly when it is "A"…"Z"; an ASCII
    /// text equals an ASCII form exactly when their bytes are equal.
    @inline(__always)
    static func asciiAccepts(_ rule: CaseRule, _ token: Token, _ utf8: Span<UInt8>, trimmed: Bool) -> Bool? {
        guard token.keyHash != 0 else { return nil }
        // A trimmed ASCII token ends in "'s" or "'S": two bytes.
        let end = trimmed ? token.utf8End - 2 : token.utf8End
        switch rule {
        case .any:
            return true
        case .capitalized:
            let first = utf8[token.utf8Start]
            return (0x41...0x5A).contains(first)
        case .exact(let form):
            guard form.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return utf8.bytes(token.utf8Start..<end, equal: form.utf8)
        }
    }
}
