/// Decimal integers written straight into a buffer.
enum JSONNumbers {
    /// The most bytes an `Int` takes: a sign and 19 digits.
    static let maximumIntegerLength = 20

    /// Writes the decimal digits of `value` (with a minus sign when negative); returns their count.
    @inline(__always)
    static func write(_ value: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
        if value >= 0 && value < 10 {
            output[0] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value)
            return 1
        }
        var written = 0
        if value < 0 {
            output[0] = UInt8(ascii: "-")
            written = 1
        }
        var magnitude = value.magnitude
        var digits = 0
        var rest = magnitude
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        var position = written + digits
        repeat {
            position -= 1
            output[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return written + digits
    }
}
