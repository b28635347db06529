import CICUShim

/// A failure reported by ICU, with its status code and symbolic name.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's `UErrorCode` value.
    public let status: Int32
    /// What Gazette was doing when ICU failed.
    public let operation: String

    /// ICU's name of the status ("U_ILLEGAL_ARGUMENT_ERROR").
    public var name: String { String(cString: gz_error_name(status)) }

    public var description: String { "ICU \(operation) failed: \(name)" }
}

/// Facts about the ICU library Gazette runs on.
public enum ICU {
    /// ICU's version, for example "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        gz_icu_version(&buffer, 32)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @usableFromInline
    static func check(_ status: Int32, _ operation: String) throws(ICUError) {
        if gz_failure(status) != 0 { throw ICUError(status: status, operation: operation) }
    }

    /// Runs an ICU call that writes UTF-8 into a buffer, growing the buffer once when it is too small.
    static func utf8Result(
        _ operation: String, capacity: Int,
        _ call: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> String {
        var status: Int32 = 0
        var buffer = [CChar](repeating: 0, count: max(capacity, 16))
        var needed = call(&buffer, Int32(buffer.count), &status)
        // U_BUFFER_OVERFLOW_ERROR is 15: retry once with the size ICU asked for.
        if status == 15 || Int(needed) > buffer.count {
            status = 0
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            needed = call(&buffer, Int32(buffer.count), &status)
        }
        try check(status, operation)
        return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs a UTF-8 to UTF-8 ICU transform over a string.
    static func transform(
        _ text: String, _ operation: String, growth: Int,
        _ call: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> String {
        let source = Array(text.utf8CString)
        let length = Int32(source.count - 1)
        return try source.withUnsafeBufferPointer { (chars: UnsafeBufferPointer<CChar>) -> Result<String, ICUError> in
            Result { () throws(ICUError) -> String in
                try utf8Result(operation, capacity: Int(length) * growth + 16) { dest, capacity, status in
                    call(chars.baseAddress, length, dest, capacity, &status)
                }
            }
        }.get()
    }
}
