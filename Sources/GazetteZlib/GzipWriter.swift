import CZlib

/// Streaming gzip compression (deflate with a gzip header and trailer): bytes in, compressed bytes out.
///
/// Feed data with `compress(_:)` and end the stream with `finish()`; each call returns the compressed
/// bytes ready so far, which the caller writes wherever it likes. Not thread-safe.
public final class GzipWriter {
    private var stream = z_stream()
    private var finished = false
    private var output = [UInt8](repeating: 0, count: 1 << 16)

    /// Starts a gzip stream at a compression level from 1 (fast) to 9 (small); 6 is zlib's default.
    public init(level: Int32 = 6) throws(GzipError) {
        // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of a zlib one.
        let status = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw GzipError(kind: .compression, message: "deflateInit2 failed with status \(status)") }
    }

    deinit { deflateEnd(&stream) }

    /// Compresses more input; returns the compressed bytes produced (possibly none yet).
    public func compress(_ bytes: [UInt8]) throws(GzipError) -> [UInt8] {
        try run(bytes, flush: Z_NO_FLUSH)
    }

    /// Compresses more input and flushes so that a reader can decompress everything given so far.
    public func flush(_ bytes: [UInt8] = []) throws(GzipError) -> [UInt8] {
        try run(bytes, flush: Z_SYNC_FLUSH)
    }

    /// Ends the stream: the last compressed bytes and the gzip trailer (CRC-32 and length).
    public func finish() throws(GzipError) -> [UInt8] {
        guard !finished else { return [] }
        finished = true
        return try run([], flush: Z_FINISH)
    }

    private func run(_ input: [UInt8], flush: Int32) throws(GzipError) -> [UInt8] {
        var result: [UInt8] = []
        var failure: Int32?
        var input = input
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced = output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                    stream.next_out = outputBuffer.baseAddress
                    stream.avail_out = UInt32(outputBuffer.count)
                    let status = deflate(&stream, flush)
                    if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR { failure = status }
                    return outputBuffer.count - Int(stream.avail_out)
                }
                result.append(contentsOf: output[0..<produced])
                if failure != nil { break }
                // Output full: go round again; otherwise zlib has taken all input and said all it can.
            } while stream.avail_out == 0
            stream.next_in = nil
        }
        if let failure { throw GzipError(kind: .compression, message: "deflate failed with status \(failure)") }
        return result
    }
}

/// One-shot gzip decompression that throws, for reading back what `GzipWriter` wrote.
public enum GzipReader {
    /// Decompresses gzip bytes. A stream cut short (a killed run's partial file) gives what could be
    /// decompressed when `allowTruncated` is true, and an error otherwise.
    public static func decompress(_ bytes: [UInt8], allowTruncated: Bool = false) throws(GzipError) -> [UInt8] {
        let result = Gzip.decompress(bytes)
        if let error = result.error {
            if allowTruncated && error.kind == .truncated { return result.bytes }
            throw error
        }
        return result.bytes
    }
}
