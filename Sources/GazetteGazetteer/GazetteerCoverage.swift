import Foundation

/// The two leading offices of a state whose coverage `gazette gazetteer stats --coverage` reports.
public enum LeaderKind: String, Sendable, CaseIterable {
    case headOfState = "head of state"
    case headOfGovernment = "head of government"

    /// The roles that count as this office. A president counts as head of state; in presidential systems the
    /// sources list the president as head of government too, with the role `role:head-of-government`.
    var roles: Set<String> {
        switch self {
        case .headOfState:
            return ["role:head-of-state", "role:president", "role:king", "role:queen", "role:emir", "role:sultan",
                    "role:emperor", "role:grand-duke", "role:pope", "role:prince", "role:co-prince", "role:supreme-leader"]
        case .headOfGovernment:
            return ["role:head-of-government", "role:prime-minister", "role:chancellor"]
        }
    }
}

extension LeaderKind {
    /// The roles of both leading offices: a title of one of them ("prime minister") and a term of
    /// another ("head of government") name the same kind of leadership.
    public static let leadingRoles: Set<String> = LeaderKind.headOfState.roles.union(LeaderKind.headOfGovernment.roles)
}

/// Per sovereign state and leading office: the share of days since a start day that some term covers, and the gaps.
public struct GazetteerCoverage: Sendable {
    /// The coverage of one office of one country.
    public struct Entry: Sendable {
        public let country: String
        public let kind: LeaderKind
        public let days: Int
        public let covered: Int
        /// Uncovered stretches as (first day, last day), "YYYY-MM-DD".
        public let gaps: [(String, String)]
        public var share: Double { days == 0 ? 1 : Double(covered) / Double(days) }
    }

    public let entries: [Entry]

    /// Coverage of every sovereign state's offices from `since` (or the day it became a state, if later) to `until`.
    public init(_ gazetteer: Gazetteer, since: String = "1990-01-01", until: String) {
        let first = Self.dayNumber(since) ?? 0
        let last = Self.dayNumber(until) ?? first
        var terms: [String: [(Int, Int)]] = [:]
        for office in gazetteer.offices {
            guard let start = Self.dayNumber(Office.pad(office.start, high: false)) else { continue }
            let end = office.end.flatMap { Self.dayNumber(Office.pad($0, high: true)) } ?? last
            for kind in LeaderKind.allCases where kind.roles.contains(office.role) {
                terms[office.of + "\u{1}" + kind.rawValue, default: []].append((start, end))
            }
        }
        var entries: [Entry] = []
        for (country, memberFrom) in gazetteer.sovereignStates.sorted(by: { $0.key < $1.key }) {
            let from = max(first, Self.dayNumber(memberFrom) ?? first)
            for kind in LeaderKind.allCases {
                let intervals = (terms[country + "\u{1}" + kind.rawValue] ?? []).sorted { $0.0 < $1.0 }
                entries.append(Self.entry(country, kind, intervals, from: from, to: last))
            }
        }
        self.entries = entries
    }

    static func entry(_ country: String, _ kind: LeaderKind, _ intervals: [(Int, Int)], from: Int, to: Int) -> Entry {
        var covered = 0
        var gaps: [(String, String)] = []
        var cursor = from
        for (start, end) in intervals where end >= cursor && start <= to {
            if start > cursor { gaps.append((date(of: cursor), date(of: start - 1))) }
            let coveredFrom = max(start, cursor)
            let coveredTo = min(end, to)
            if coveredTo >= coveredFrom { covered += coveredTo - coveredFrom + 1 }
            cursor = max(cursor, coveredTo + 1)
        }
        if cursor <= to { gaps.append((date(of: cursor), date(of: to))) }
        return Entry(country: country, kind: kind, days: max(0, to - from + 1), covered: covered, gaps: gaps)
    }

    /// Printable lines: one per country and office (share and gaps), then the totals.
    public var lines: [String] {
        var lines: [String] = []
        for entry in entries {
            let gaps = entry.gaps.map { $0.0 == $0.1 ? $0.0 : "\($0.0)..\($0.1)" }.joined(separator: ", ")
            lines.append("\(entry.country)\t\(entry.kind.rawValue)\t\(String(format: "%.1f", entry.share * 100)) %"
                + (gaps.isEmpty ? "" : "\tgaps: \(gaps)"))
        }
        for kind in LeaderKind.allCases {
            let ofKind = entries.filter { $0.kind == kind }
            let days = ofKind.reduce(0) { $0 + $1.days }
            let covered = ofKind.reduce(0) { $0 + $1.covered }
            let share = days == 0 ? 0 : Double(covered) * 100 / Double(days)
            lines.append("total\t\(kind.rawValue)\t\(String(format: "%.1f", share)) % of \(days) sovereign-state days in \(ofKind.count) states")
        }
        return lines
    }

    /// Days since 1970-01-01 of a "YYYY-MM-DD" date (proleptic Gregorian), or nil.
    static func dayNumber(_ date: String) -> Int? {
        let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The "YYYY-MM-DD" date of a day number.
    static func date(of day: Int) -> String {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
