import Foundation

/// A one-line progress display on standard error, redrawn in place (`\r`) at most a few times a second:
/// documents and bytes done, docs/s, MB/s, rejects, and an ETA when the input size is known.
///
/// Draws nothing unless enabled; `ProgressReporter.standardError(quiet:totalBytes:)` enables it only when
/// standard error is a terminal.
public final class ProgressReporter {
    /// Whether anything is drawn.
    public let enabled: Bool
    /// The input size in bytes, when known, for the ETA.
    public let totalBytes: Int?
    private let interval: UInt64
    private let write: (String) -> Void
    private let started = StageClock.now()
    private var lastDrawn: UInt64?
    private var drawnAnything = false

    /// A reporter writing through `write`; `interval` is the least time between redraws.
    public init(enabled: Bool, totalBytes: Int?, interval: Double = 0.25, write: @escaping (String) -> Void) {
        self.enabled = enabled
        self.totalBytes = totalBytes
        self.interval = UInt64(interval * 1e9)
        self.write = write
    }

    /// The reporter for the CLI: on when standard error is a terminal and `quiet` is off. The input
    /// size (a walk over the inputs) is only worked out when something will be drawn.
    public static func standardError(quiet: Bool, totalBytes: @autoclosure () -> Int?) -> ProgressReporter {
        let enabled = !quiet && isatty(2) == 1
        return ProgressReporter(enabled: enabled, totalBytes: enabled ? totalBytes() : nil) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Records progress; redraws when enough time has passed since the last redraw.
    public func update(documents: Int, bytes: Int, rejects: Int) {
        guard enabled else { return }
        let now = StageClock.now()
        if let lastDrawn, now &- lastDrawn < interval { return }
        lastDrawn = now
        drawnAnything = true
        write("\r" + Self.line(documents: documents, bytes: bytes, rejects: rejects,
                               seconds: Double(now &- started) / 1e9, totalBytes: totalBytes) + "\u{1B}[K")
    }

    /// Clears the progress line so the summary starts on a clean line.
    public func finish() {
        guard enabled && drawnAnything else { return }
        write("\r\u{1B}[K")
    }

    /// The text of the progress line.
    public static func line(documents: Int, bytes: Int, rejects: Int, seconds: Double, totalBytes: Int?) -> String {
        let megabytes = Double(bytes) / 1_000_000
        let docsPerSecond = seconds > 0 ? Double(documents) / seconds : 0
        let megabytesPerSecond = seconds > 0 ? megabytes / seconds : 0
        var text = String(format: "%d docs, %.1f MB, %.0f docs/s, %.2f MB/s, %d rejected",
                          documents, megabytes, docsPerSecond, megabytesPerSecond, rejects)
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            text += String(format: ", %.0f%%", fraction * 100)
            if bytes > 0 && seconds > 0.5 {
                let remaining = Double(totalBytes - bytes) / (Double(bytes) / seconds)
                text += ", ETA " + duration(max(0, remaining))
            }
        }
        return text
    }

    /// "1:05:09", "4:07" or "12s".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        let hours = whole / 3600, minutes = whole / 60 % 60, rest = whole % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
