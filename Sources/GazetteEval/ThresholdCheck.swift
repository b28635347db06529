import Foundation
import GazetteCore

/// A minimum a figure of the report must reach, from `--min-f1 KEY=VALUE`.
///
/// Keys (case-insensitive for entity types):
/// - `PERSON`, `overall`: strict entity F1 of a type, or overall; `entities.` may prefix any entity key;
/// - `partial.PERSON`, `type.overall`, …: the F1 of another scheme (strict, exact, partial, type);
/// - `relations.leader_of`, `relations.overall` (or just `relations`): relation F1;
/// - `linking`: entity linking accuracy (not an F1, but checked the same way).
public struct Threshold: Sendable, Hashable, Codable {
    /// What a threshold measures.
    public enum Metric: Sendable, Hashable, Codable {
        /// Entity F1 under a scheme, for a type or (nil) overall.
        case entity(Scheme, EntityType?)
        /// Relation F1 for a type or (nil) overall.
        case relation(RelationType?)
        /// Entity linking accuracy.
        case linking
    }

    /// The key as given.
    public var key: String
    public var metric: Metric
    public var minimum: Double

    public init(key: String, metric: Metric, minimum: Double) {
        self.key = key
        self.metric = metric
        self.minimum = minimum
    }

    /// Parses `KEY=VALUE` (VALUE between 0 and 1).
    public init(parsing text: String) throws(EvalInputError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)), value >= 0, value <= 1 else {
            throw EvalInputError(path: "--min-f1", message: "'\(text)' is not KEY=VALUE with VALUE between 0 and 1")
        }
        let key = parts[0].trimmingCharacters(in: .whitespaces)
        self.init(key: key, metric: try Self.metric(key), minimum: value)
    }

    static func metric(_ key: String) throws(EvalInputError) -> Metric {
        var words = key.split(separator: ".").map { String($0) }
        let bad = EvalInputError(
            path: "--min-f1",
            message: "unknown key '\(key)': use TYPE, SCHEME.TYPE, overall, relations.TYPE, relations.overall or linking")
        if words.first?.lowercased() == "entities" { words.removeFirst() }
        guard let first = words.first else { throw bad }
        switch first.lowercased() {
        case "linking" where words.count == 1:
            return .linking
        case "relations":
            if words.count == 1 || (words.count == 2 && words[1].lowercased() == "overall") { return .relation(nil) }
            guard words.count == 2, let type = RelationType(rawValue: words[1].lowercased()) else { throw bad }
            return .relation(type)
        default:
            var scheme = Scheme.strict
            if words.count == 2 {
                guard let named = Scheme(rawValue: first.lowercased()) else { throw bad }
                scheme = named
                words.removeFirst()
            }
            guard words.count == 1 else { throw bad }
            if words[0].lowercased() == "overall" { return .entity(scheme, nil) }
            guard let type = EntityType(rawValue: words[0].uppercased()) else { throw bad }
            return .entity(scheme, type)
        }
    }

    /// The figure this threshold reads from a report; nil when it is undefined (nothing on either side).
    public func value(in report: EvaluationReport) -> Double? {
        switch metric {
        case .entity(let scheme, let type):
            let result = report.entities.scheme(scheme)
            guard let type else { return result.overall.f1 }
            return result.types[type.rawValue]?.f1
        case .relation(let type):
            guard let type else { return report.relations.overall.f1 }
            return report.relations.types[type.rawValue]?.f1
        case .linking:
            return report.entities.linking.accuracy
        }
    }
}

/// The outcome of one threshold.
public struct ThresholdResult: Sendable, Hashable, Codable {
    public var key: String
    public var minimum: Double
    /// The figure found; nil when undefined, which fails the threshold.
    public var actual: Double?
    public var passed: Bool
    /// `ok PERSON F1 0.812 >= 0.800` or `FAILED …`.
    public var message: String
}

/// Checks thresholds against a report; the CLI exits 1 when any fails.
public enum ThresholdCheck {
    /// One result per threshold, in the given order.
    public static func check(_ thresholds: [Threshold], against report: EvaluationReport) -> [ThresholdResult] {
        thresholds.map { threshold in
            let actual = threshold.value(in: report)
            let passed = actual.map { $0 + 1e-9 >= threshold.minimum } ?? false
            let figure = threshold.metric == .linking ? "accuracy" : "F1"
            let found = actual.map { String(format: "%.3f", $0) } ?? "undefined (nothing on either side)"
            let message = passed
                ? "ok \(threshold.key) \(figure) \(found) >= \(String(format: "%.3f", threshold.minimum))"
                : "FAILED \(threshold.key) \(figure) \(found) < \(String(format: "%.3f", threshold.minimum))"
            return ThresholdResult(key: threshold.key, minimum: threshold.minimum, actual: actual, passed: passed, message: message)
        }
    }
}
