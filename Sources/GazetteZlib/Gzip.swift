import CZlib

/// Why a gzip stream could not be fully decompressed.
public struct GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was.
    public enum Kind: String, Sendable {
        /// The stream ends in the middle of a member.
        case truncated = "gzip_truncated"
        /// The bytes are not gzip, or a member is damaged (bad header, data or checksum).
        case corrupt = "gzip_corrupt"
        /// The decompressed size passed the caller's limit.
        case tooLarge = "gzip_too_large"
        /// zlib could not compress (only when writing).
        case compression = "gzip_compression"
    }

    /// The category of the failure.
    public let kind: Kind
    /// What went wrong, for a person.
    public let message: String

    public var description: String { message }
}

/// What a gzip decompression produced: all output, how much of it came from complete members, and any error.
public struct GzipResult: Sendable {
    /// Every byte decompressed, including a partial last member when the stream is damaged.
    public var bytes: [UInt8]
    /// How many leading bytes of `bytes` come from members that ended with a valid checksum.
    public var completeLength: Int
    /// How many members ended completely.
    public var members: Int
    /// The failure, or nil when the whole input was read.
    public var error: GzipError?
}

/// gzip compression and decompression over zlib, in memory.
public enum Gzip {
    /// The two magic bytes every gzip member starts with.
    public static let magic: [UInt8] = [0x1F, 0x8B]

    /// Whether the bytes start like gzip.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: magic) }

    /// Decompresses every member of a gzip stream (`.warc.gz` holds one member per record).
    ///
    /// Never throws: a damaged or truncated stream returns what was decoded plus the error, so a reader can keep
    /// the records of the complete members. Output past `limit` bytes stops decoding with `.tooLarge`.
    public static func decompress(_ input: [UInt8], limit: Int = Int.max) -> GzipResult {
        decompress(input, limit: limit, windowBits: 15 + 16)
    }

    /// Decompresses an HTTP `Content-Encoding: deflate` body: zlib-wrapped as the standard says, or raw deflate as
    /// many servers send it (tried when the zlib reading fails at once). Never throws, as `decompress`.
    public static func inflateHTTPDeflate(_ input: [UInt8], limit: Int = Int.max) -> GzipResult {
        let wrapped = decompress(input, limit: limit, windowBits: 15 + 32)
        guard wrapped.error?.kind == .corrupt, wrapped.bytes.isEmpty else { return wrapped }
        return decompress(input, limit: limit, windowBits: -15)
    }

    /// `decompress` with zlib's window bits: 15 + 16 gzip only, 15 + 32 zlib or gzip, -15 raw deflate.
    static func decompress(_ input: [UInt8], limit: Int, windowBits: Int32) -> GzipResult {
        var result = GzipResult(bytes: [], completeLength: 0, members: 0, error: nil)
        guard !input.isEmpty else {
            result.error = GzipError(kind: .corrupt, message: "the gzip input is empty")
            return result
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            result.error = GzipError(kind: .corrupt, message: "zlib could not start a decompressor")
            return result
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var offset = 0
        var inMember = false
        input.withUnsafeBufferPointer { inputBuffer in
            let base = UnsafeMutablePointer(mutating: inputBuffer.baseAddress!)
            while offset < input.count {
                if !inMember {
                    // Trailing zero padding after the last member is tolerated, as gzip(1) does.
                    if input[offset...].allSatisfy({ $0 == 0 }) { offset = input.count; break }
                    inMember = true
                }
                stream.next_in = base + offset
                stream.avail_in = UInt32(clamping: input.count - offset)
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let consumed = (input.count - offset) - Int(stream.avail_in)
                offset += consumed
                let produced = chunk.count - Int(stream.avail_out)
                result.bytes.append(contentsOf: chunk[..<produced])
                if result.bytes.count > limit {
                    result.error = GzipError(kind: .tooLarge, message: "the decompressed data passes \(limit) bytes")
                    return
                }
                switch status {
                case Z_STREAM_END:
                    result.members += 1
                    result.completeLength = result.bytes.count
                    inMember = false
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    break
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    result.error = GzipError(kind: .corrupt, message: "gzip member \(result.members + 1) is damaged: \(reason)")
                    return
                }
            }
            if inMember {
                result.error = GzipError(
                    kind: .truncated,
                    message: "the gzip stream ends inside member \(result.members + 1) (\(result.bytes.count - result.completeLength) bytes of it decoded)")
            }
        }
        return result
    }

    /// Compresses bytes as one gzip member.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        // Failures (only an invalid level in practice) give no bytes, as before.
        guard let writer = try? GzipWriter(level: level), let body = try? writer.compress(input),
            let tail = try? writer.finish()
        else { return [] }
        return body + tail
    }
}
