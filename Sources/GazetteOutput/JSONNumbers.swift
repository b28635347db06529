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

    /// The most bytes a `[start,end]` pair takes.
    static let maximumSpanLength = 3 + 2 * maximumIntegerLength

    /// Writes `[start,end]`; returns its byte count.
    @inline(__always)
    static func writeSpan(_ start: Int, _ end: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output[0] = UInt8(ascii: "[")
        var written = 1 + write(start, to: output + 1)
        output[written] = UInt8(ascii: ",")
        written += 1
        written += write(end, to: output + written)
        output[written] = UInt8(ascii: "]")
        return written + 1
    }
}

extension JSONNumbers {
    /// The JSON text of a number as `JSONWriter.double` writes it: integral values below 10^15 without a
    /// fraction, other finite values as Swift prints them, `null` for infinities and NaN.
    static func text(_ value: Double) -> [UInt8] {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return [UInt8](unsafeUninitializedCapacity: maximumIntegerLength) { buffer, count in
                count = write(Int(value), to: buffer.baseAddress!)
            }
        }
        return value.isFinite ? Array(String(value).utf8) : Array("null".utf8)
    }

    /// `text` of k/100 for k in 0...100: a confidence rounded to hundredths is nearly always one of these.
    static let hundredths: [[UInt8]] = (0...100).map { text(Double($0) / 100) }

    /// Writes `(value * 100).rounded() / 100` as `text` would, from `hundredths` when it is one of them.
    static func writeHundredths(_ value: Double, into line: inout LineBuffer) {
        let scaled = (value * 100).rounded()
        // `scaled` is a whole number, so `scaled / 100` is exactly the table's `Double(k) / 100`.
        if scaled >= 0 && scaled <= 100 {
            hundredths[Int(scaled)].withUnsafeBufferPointer { line.append($0) }
        } else {
            text(scaled / 100).withUnsafeBufferPointer { line.append($0) }
        }
    }
}
