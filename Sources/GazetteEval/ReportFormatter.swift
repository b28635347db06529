import Foundation
import GazetteCore

/// Renders an ``EvaluationReport`` as plain-text tables for a terminal.
public enum ReportFormatter {
    /// The whole report: documents, per-type entity table, counts, linking, confusion, relations, errors.
    public static func text(_ report: EvaluationReport) -> String {
        var out: [String] = []
        out += documents(report.documents)
        out.append("")
        out += entityTable(report.entities)
        out.append("")
        out += countTable(report.entities)
        out.append("")
        out.append(linking(report.entities.linking))
        out.append("")
        out += confusion(report.entities.confusion)
        out.append("")
        out += relationTable(report.relations)
        if let errors = report.entities.errors {
            out.append("")
            out += errorList("Entity errors (strict)", errors)
        }
        if let errors = report.relations.errors {
            out.append("")
            out += errorList("Relation errors", errors)
        }
        if let thresholds = report.thresholds, !thresholds.isEmpty {
            out.append("")
            out.append("Thresholds")
            for result in thresholds { out.append("  " + result.message) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "0.750", or "-" when undefined.
    public static func figure(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.3f", value)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let fill = String(repeating: " ", count: width - count)
        return right ? fill + text : text + fill
    }

    static func documents(_ summary: DocumentSummary) -> [String] {
        var lines = ["Documents: \(summary.gold) gold, \(summary.predicted) predicted, \(summary.scored) scored against a prediction"]
        let missing = summary.missingPredictions.filter { !summary.rejected.contains($0) }
        if !missing.isEmpty {
            lines.append("  no prediction (all gold counted as missed): \(missing.joined(separator: ", "))")
        }
        if !summary.rejected.isEmpty {
            lines.append("  prediction rejected (all gold counted as missed): \(summary.rejected.joined(separator: ", "))")
        }
        if !summary.textMismatches.isEmpty {
            lines.append("  prediction text differs (all gold counted as missed): \(summary.textMismatches.joined(separator: ", "))")
        }
        if !summary.missingGold.isEmpty {
            lines.append("  no gold (not scored): \(summary.missingGold.joined(separator: ", "))")
        }
        if !summary.skippedFiles.isEmpty {
            lines.append("  skipped (not gazette.article/1): \(summary.skippedFiles.joined(separator: ", "))")
        }
        if let types = summary.scoredTypes {
            lines.append("  entity types scored: \(types.joined(separator: ", "))")
        }
        if let ignored = summary.ignoredLabels, !ignored.isEmpty {
            let list = ignored.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  gold labels without a type mapping (dropped): \(list)")
        }
        return lines
    }

    /// Types in a stable order: Gazette's order first, then any other name.
    static func orderedTypes(_ names: some Sequence<String>) -> [String] {
        let known = EntityType.allCases.map(\.rawValue) + RelationType.allCases.map(\.rawValue)
        return Set(names).sorted {
            let (a, b) = (known.firstIndex(of: $0) ?? Int.max, known.firstIndex(of: $1) ?? Int.max)
            return a != b ? a < b : $0 < $1
        }
    }

    static func entityTable(_ entities: EntityReport) -> [String] {
        let schemes = Scheme.allCases
        var header = pad("Entities", 10) + pad("gold", 6, right: true) + pad("pred", 6, right: true)
        for scheme in schemes { header += "   " + pad("\(scheme.rawValue) P/R/F1", 17) }
        var lines = [String(header.reversed().drop { $0 == " " }.reversed())]
        func row(_ name: String, _ scores: [Score]) {
            var line = pad(name, 10) + pad(String(scores[0].gold), 6, right: true) + pad(String(scores[0].predicted), 6, right: true)
            for score in scores {
                line += "   " + [score.precision, score.recall, score.f1].map { pad(figure($0), 5, right: true) }.joined(separator: " ")
            }
            lines.append(line)
        }
        let names = orderedTypes(schemes.flatMap { entities.scheme($0).types.keys })
        for name in names {
            row(name, schemes.map { entities.scheme($0).types[name] ?? Score() })
        }
        row("overall", schemes.map { entities.scheme($0).overall })
        return lines
    }

    static func countTable(_ entities: EntityReport) -> [String] {
        let columns = ["COR", "INC", "PAR", "MIS", "SPU", "POS", "ACT"]
        var lines = [pad("Counts", 10) + columns.map { pad($0, 6, right: true) }.joined()]
        for scheme in Scheme.allCases {
            let counts = entities.scheme(scheme).counts
            let values = [counts.correct, counts.incorrect, counts.partial, counts.missed, counts.spurious,
                          counts.possible, counts.actual]
            lines.append(pad(scheme.rawValue, 10) + values.map { pad(String($0), 6, right: true) }.joined())
        }
        return lines
    }

    static func linking(_ counts: LinkingCounts) -> String {
        "Entity linking: \(counts.agreed) of \(counts.compared) aligned pairs with a kb on both sides agree"
            + " (accuracy \(figure(counts.accuracy))); kb only in gold: \(counts.goldOnly), only predicted: \(counts.predictedOnly)"
    }

    static func confusion(_ table: [String: [String: Int]]) -> [String] {
        let rows = orderedTypes(table.keys.filter { $0 != "-" }) + (table["-"] == nil ? [] : ["-"])
        let predictedNames = table.values.flatMap(\.keys)
        let columns = orderedTypes(predictedNames.filter { $0 != "-" }) + (predictedNames.contains("-") ? ["-"] : [])
        var lines = ["Entity type confusion (rows: gold, columns: predicted, -: no partner)"]
        lines.append(pad("gold\\pred", 10) + columns.map { pad($0, 9, right: true) }.joined())
        for row in rows {
            lines.append(pad(row, 10) + columns.map { pad(table[row]?[$0].map(String.init) ?? ".", 9, right: true) }.joined())
        }
        return lines
    }

    static func relationTable(_ relations: RelationReport) -> [String] {
        var lines = [pad("Relations", 16) + ["gold", "pred", "match", "P", "R", "F1"].map { pad($0, 7, right: true) }.joined()]
        func row(_ name: String, _ score: Score) {
            let values = [String(score.gold), String(score.predicted), String(Int(score.goldCredit)),
                          figure(score.precision), figure(score.recall), figure(score.f1)]
            lines.append(pad(name, 16) + values.map { pad($0, 7, right: true) }.joined())
        }
        for name in orderedTypes(relations.types.keys) { row(name, relations.types[name]!) }
        row("overall", relations.overall)
        return lines
    }

    static func errorList(_ title: String, _ errors: ErrorSamples) -> [String] {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var lines = ["\(title): \(count(errors.falseNegativeCount, "false negative")), "
            + "\(count(errors.falsePositiveCount, "false positive")) (showing up to \(errors.limit) of each)"]
        for item in errors.falseNegatives + errors.falsePositives {
            let partner = item.partner.map { item.kind == .falseNegative ? " (predicted \($0))" : " (gold \($0))" } ?? ""
            lines.append("  \(item.kind.rawValue) \(item.document): \(item.what)\(partner)")
            lines.append("      | \(item.sentence)")
        }
        return lines
    }
}
