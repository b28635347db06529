import Foundation
import GazetteOutput

extension RunSummary {
    /// The run's figures as one JSON object, as `--stats FILE` writes them (schema `gazette.stats/1`):
    /// documents, rejects by error code, bytes, seconds, rates, per-stage time and share, peak RSS, and what the
    /// readers decided on the way (records skipped, charsets, bytes replaced, documents read in part).
    public var statisticsJSON: String {
        var json = JSONWriter()
        json.beginObject()
        json.string("schema", "gazette.stats/1")
        json.int("documents", read)
        json.int("annotated", annotated)
        json.int("rejected", rejected)
        json.int("skipped", skipped)
        json.beginObject("rejects_by_code")
        for (code, count) in rejectsByCode.sorted(by: { $0.key < $1.key }) { json.int(code, count) }
        json.endObject()
        if let outputLines { json.int("output_lines", outputLines) } else { json.null("output_lines") }
        if let rejectLines { json.int("reject_lines", rejectLines) } else { json.null("reject_lines") }
        json.bool("balanced", balanced)
        json.int("input_bytes", inputBytes)
        json.int("text_bytes", bytes)
        json.double("seconds", seconds)
        json.double("docs_per_second", documentsPerSecond)
        json.double("mb_per_second", megabytesPerSecond)
        json.int("workers", workers)
        json.beginObject("stages")
        let total = Double(max(stages.total, 1))
        for stage in stages.named {
            json.beginObject(stage.name)
            json.double("seconds", Double(stage.nanoseconds) / 1e9)
            json.double("share", Double(stage.nanoseconds) / total)
            json.endObject()
        }
        json.endObject()
        if let peakResidentBytes { json.int("peak_rss_bytes", peakResidentBytes) } else { json.null("peak_rss_bytes") }
        json.beginObject("reading")
        json.int("files", reading.files)
        json.int("replaced_bytes", reading.replacedBytes)
        for (name, counts) in [("skipped_records", reading.skippedRecords), ("charsets", reading.allCharsets),
                               ("partial", reading.partial)] {
            json.beginObject(name)
            for (key, count) in counts.sorted(by: { $0.key < $1.key }) { json.int(key, count) }
            json.endObject()
        }
        json.endObject()
        json.endObject()
        return json.output
    }

    /// Writes `statisticsJSON` and a newline to a file (through `LineSink`: a regular file atomically, a FIFO
    /// or device in place).
    public func writeStatistics(to path: String) throws(PipelineError) {
        let sink = try LineSink(.file(path))
        try sink.write(statisticsJSON)
        try sink.close()
    }
}
