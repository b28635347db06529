import CICUShim

/// ICU's charset detector's best guess for some bytes.
public struct CharsetGuess: Sendable, Equatable {
    /// ICU's name of the charset ("windows-1252", "Big5", "EUC-KR", …).
    public let name: String
    /// ICU's confidence, 0 to 100.
    public let confidence: Int
}

/// Charset detection and conversion to UTF-8 through ICU (`ucsdet`, `ucnv`).
public enum CharsetConversion {
    /// The detector's guess for `bytes`, or nil when it has none. `declared` is a hint (a declaration the
    /// caller does not trust on its own). Only the first 64 KiB are looked at: enough for any guess.
    public static func detect(_ bytes: ArraySlice<UInt8>, declared: String? = nil) -> CharsetGuess? {
        let sample = bytes.prefix(65_536)
        guard !sample.isEmpty else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                gz_charset_detect(chars.baseAddress, Int32(chars.count), declared, &name, Int32(name.count), &status)
            }
        }
        guard gz_failure(status) == 0, confidence >= 0 else { return nil }
        let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? nil : CharsetGuess(name: text, confidence: Int(confidence))
    }

    /// Whether ICU can convert from `charset` (an IANA/MIME name or alias).
    public static func isKnown(_ charset: String) -> Bool { gz_charset_known(charset) != 0 }

    /// The bytes converted from `charset` to UTF-8 and how many bytes did not fit it (each became U+FFFD),
    /// or nil when ICU does not know the charset or the input is over 512 MiB.
    public static func utf8(from bytes: ArraySlice<UInt8>, charset: String) -> (bytes: [UInt8], substituted: Int)? {
        guard bytes.count < (1 << 29) else { return nil }
        let capacity = 3 * bytes.count + 16
        var status: Int32 = 0
        var substituted: Int32 = 0
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = bytes.withUnsafeBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { source in
                    buffer.withMemoryRebound(to: CChar.self) { dest in
                        Int(gz_convert_to_utf8(charset, source.baseAddress, Int32(source.count), dest.baseAddress,
                                               Int32(capacity), &substituted, &status))
                    }
                }
            }
        }
        guard gz_failure(status) == 0 else { return nil }
        return (output, Int(substituted))
    }
}

extension CharsetConversion {
    /// Text encoded in `charset` through ICU (for tests and seeds); unmappable characters become the charset's
    /// substitute byte.
    public static func encode(_ text: String, charset: String) -> [UInt8] {
        let source = Array(text.utf8)
        var status: Int32 = 0
        let capacity = 4 * source.count + 16
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = source.withUnsafeBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { chars in
                    buffer.withMemoryRebound(to: CChar.self) { dest in
                        Int(gz_convert_from_utf8(charset, chars.baseAddress, Int32(chars.count), dest.baseAddress,
                                                 Int32(capacity), &status))
                    }
                }
            }
        }
        return gz_failure(status) == 0 ? output : []
    }
}
