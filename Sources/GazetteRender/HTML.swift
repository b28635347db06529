/// Escaping for HTML text and attribute values: the only way article text reaches a page.
///
/// Article text is hostile input: `<`, `>`, `&`, both quote characters and control characters that HTML
/// forbids are replaced, so no text can open an element or leave an attribute value.
public enum HTML {
    /// `text` escaped for element content and for double- or single-quoted attribute values.
    public static func escape(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if isForbidden(scalar) {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// Control characters and noncharacters, which an HTML document must not contain.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if (0xFDD0...0xFDEF).contains(value) { return true }
        return value & 0xFFFE == 0xFFFE
    }

    /// A URL query component: everything but unreserved characters percent-encoded (so the result is also
    /// safe inside an attribute value).
    public static func queryComponent(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"), UInt8(ascii: ":"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                output += "%"
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return output
    }

    /// What to call an article: its title when it has a visible one, else its id (links never have empty text).
    public static func displayTitle(_ title: String?, id: String) -> String {
        guard let title, !title.allSatisfy(\.isWhitespace) else { return id.isEmpty ? "(untitled)" : id }
        return title
    }

    /// A Wikidata item URL for ids of the form `Q` followed by digits; nil for anything else.
    public static func wikidataURL(_ id: String?) -> String? {
        guard let id, id.count > 1, id.first == "Q", id.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return "https://www.wikidata.org/wiki/" + id
    }
}
