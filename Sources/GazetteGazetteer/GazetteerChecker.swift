import Foundation
/// Finds mistakes in a loaded gazetteer: duplicate ids, dangling references, impossible dates.
public struct GazetteerChecker: Sendable {
    public init() {}

    /// Every problem found, as "file: message" lines; empty when the gazetteer is sound.
    public func problems(in gazetteer: Gazetteer) -> [String] {
        var problems: [String] = []
        var ids: [String: String] = [:]
        func register(_ id: String, _ file: String, prefix: String) {
            if !id.hasPrefix(prefix) { problems.append("\(file): id '\(id)' should start with '\(prefix)'") }
            if let other = ids[id] {
                problems.append("\(file): duplicate id '\(id)' (also in \(other))")
            } else {
                ids[id] = file
            }
        }
        for country in gazetteer.allCountries {
            register(country.id, "countries*.tsv", prefix: "country:")
            problems += Self.codeProblems(country)
        }
        for person in gazetteer.persons { register(person.id, "persons*.tsv", prefix: "person:") }
        for organisation in gazetteer.organisations {
            register(organisation.id, "organisations.tsv", prefix: organisation.kind == .government ? "gov:" : "org:")
        }
        for city in gazetteer.cities { register(city.id, "cities*.tsv", prefix: "city:") }
        for role in gazetteer.roles { register(role.id, "roles.tsv", prefix: "role:") }

        func known(_ id: String?, _ file: String, _ what: String) {
            guard let id, ids[id] == nil else { return }
            problems.append("\(file): \(what) '\(id)' is not defined")
        }
        for country in gazetteer.allCountries {
            known(country.capital, "countries*.tsv", "capital")
            known(country.successor, "countries*.tsv", "successor")
        }
        for form in gazetteer.countryForms { known(form.country, "country_names*.tsv", "country") }
        for organisation in gazetteer.organisations { known(organisation.country, "organisations.tsv", "country") }
        for city in gazetteer.cities { known(city.country, "cities.tsv", "country") }
        for office in gazetteer.offices {
            known(office.person, "offices*.tsv", "person")
            known(office.role, "offices*.tsv", "role")
            known(office.of, "offices*.tsv", "office holder of")
            for date in [office.start] + (office.end.map { [$0] } ?? []) where !Self.isPartialISODate(date) {
                problems.append("offices.tsv: '\(office.person)' has an impossible date '\(date)'")
            }
            if let end = office.end, Office.pad(end, high: true) < Office.pad(office.start, high: false) {
                problems.append("offices.tsv: '\(office.person)' as \(office.role) ends (\(end)) before it starts (\(office.start))")
            }
        }
        problems += collisions(in: gazetteer)
        for (form, resolution) in gazetteer.collisionRules.sorted(by: { $0.key < $1.key })
        where resolution != "none" && ids[resolution] == nil {
            problems.append("collisions.tsv: '\(form)' resolves to '\(resolution)', which is not defined")
        }
        return problems
    }

    /// Forms that name two entities of the same type without a rule in collisions.tsv.
    func collisions(in gazetteer: Gazetteer) -> [String] {
        var owners: [String: (form: String, ids: Set<String>)] = [:]
        func add(_ type: String, _ form: String, _ id: String) {
            let key = type + "\u{1}" + Gazetteer.fold(form)
            owners[key, default: (form, [])].ids.insert(id)
        }
        for country in gazetteer.allCountries { add("country", country.name, country.id) }
        for form in gazetteer.countryForms { add(form.kind == .demonym ? "demonym" : "country", form.form, form.country) }
        for person in gazetteer.persons { for name in [person.name] + person.aliases { add("person", name, person.id) } }
        for organisation in gazetteer.organisations {
            for name in [organisation.name] + organisation.aliases { add("org", name, organisation.id) }
        }
        for city in gazetteer.cities { for name in [city.name] + city.aliases { add("city", name, city.id) } }
        for role in gazetteer.roles { for form in role.forms { add("role", form.form, role.id) } }
        return owners.values.filter { $0.ids.count > 1 && gazetteer.collisionRule(for: $0.form) == nil }
            .map { "collision: '\($0.form)' names \($0.ids.sorted().joined(separator: " and ")); resolve it in collisions.tsv" }
            .sorted()
    }

    /// Code problems of a country: an ISO 3166-1 row has its alpha-2 code as id and an alpha-3 code; a historical
    /// state or constituent country (it has a source other than "hand", or validity dates) may have ISO 3166-3
    /// codes or none, but its dates must be dates.
    static func codeProblems(_ country: Country) -> [String] {
        let historical = country.validTo != nil || country.validFrom != nil || (country.source ?? "hand") != "hand"
        var problems: [String] = []
        if historical {
            if !country.iso2.isEmpty && country.iso2.count != 2 { problems.append("countries*.tsv: '\(country.id)' has alpha-2 '\(country.iso2)'") }
            if !country.iso3.isEmpty && country.iso3.count != 3 { problems.append("countries*.tsv: '\(country.id)' has alpha-3 '\(country.iso3)'") }
            for date in [country.validFrom, country.validTo].compactMap({ $0 }) where !isPartialISODate(date) {
                problems.append("countries*.tsv: '\(country.id)' has an impossible date '\(date)'")
            }
            return problems
        }
        if country.iso2.count != 2 || "country:\(country.iso2)" != country.id {
            problems.append("countries.tsv: '\(country.id)' has alpha-2 '\(country.iso2)'")
        }
        if country.iso3.count != 3 { problems.append("countries.tsv: '\(country.id)' has alpha-3 '\(country.iso3)'") }
        return problems
    }

    /// "2017", "2017-05" or "2017-05-14" with a real month and day.
    static func isPartialISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year > 0 else { return false }
        guard parts.count > 1 else { return true }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard parts[2].count == 2, let day = Int(parts[2]) else { return false }
        return (1...days).contains(day)
    }
}

/// Counts of a gazetteer, per file, type and language.
public struct GazetteerStatistics: Sendable {
    /// Printable lines.
    public let lines: [String]

    public init(_ gazetteer: Gazetteer) {
        var lines = [
            "countries.tsv\t\(gazetteer.countries.count) countries",
            "country_names*.tsv\t\(gazetteer.countryForms.count) forms",
        ]
        var byLanguage: [String: Int] = [:]
        var byKind: [String: Int] = [:]
        for form in gazetteer.countryForms {
            byLanguage[form.language, default: 0] += 1
            byKind[form.kind.rawValue, default: 0] += 1
        }
        lines += byLanguage.sorted { $0.key < $1.key }.map { "  lang \($0.key)\t\($0.value)" }
        lines += byKind.sorted { $0.key < $1.key }.map { "  kind \($0.key)\t\($0.value)" }
        lines.append("persons*.tsv\t\(gazetteer.persons.filter { $0.wikidata != nil }.count) persons with a Wikidata id")
        lines.append("offices*.tsv\t\(gazetteer.offices.filter { GazetteerChecker.isPartialISODate($0.start) }.count) terms with dates")
        lines.append("persons.tsv\t\(gazetteer.persons.count) persons, \(gazetteer.persons.reduce(0) { $0 + 1 + $1.aliases.count }) full names, \(gazetteer.persons.reduce(0) { $0 + $1.surnames.count }) surnames")
        lines.append("offices.tsv\t\(gazetteer.offices.count) terms, \(gazetteer.offices.filter { $0.end == nil }.count) current")
        lines.append("organisations.tsv\t\(gazetteer.organisations.count) organisations (\(gazetteer.organisations.filter { $0.kind == .government }.count) government metonyms)")
        lines.append("cities*.tsv\t\(gazetteer.cities.count) cities (\(gazetteer.cities.filter(\.isHandWritten).count) hand-written)")
        lines.append("countries*.tsv\t\(gazetteer.historicalCountries.count) historical or constituent countries, \(gazetteer.sovereignStates.count) sovereign states")
        var roleLanguages: [String: Int] = [:]
        for role in gazetteer.roles { for form in role.forms { roleLanguages[form.language, default: 0] += 1 } }
        lines.append("roles.tsv\t\(gazetteer.roles.count) roles (\(gazetteer.roles.filter(\.leader).count) leading), \(roleLanguages.values.reduce(0, +)) forms")
        lines += roleLanguages.sorted { $0.key < $1.key }.map { "  lang \($0.key)\t\($0.value)" }
        self.lines = lines
    }
}
