import Foundation

/// Reads the TSV files of a gazetteer directory (see `Gazetteers/README.md`).
public enum GazetteerLoader {
    /// Loads every gazetteer file of a directory; missing optional files are fine, malformed ones are errors.
    public static func load(directory: URL) throws(GazetteerError) -> Gazetteer {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GazetteerError(file: directory.path, line: 0, message: "gazetteer directory not found")
        }
        var gazetteer = Gazetteer()
        func table(_ name: String, _ columns: [String]) throws(GazetteerError) -> TSVTable? {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try TSVTable(contentsOf: url, requiredColumns: columns)
        }

        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        for name in layered(files, "countries") {
            guard let countries = try table(name, ["id", "iso2", "iso3", "wikidata", "name", "capital"]) else { continue }
            for row in countries.rows {
                let isISO = name == "countries.tsv"
                let country = Country(id: row["id"], iso2: row["iso2"], iso3: row["iso3"], wikidata: row.optional("wikidata"),
                            name: row["name"], capital: row.optional("capital"), validFrom: row.optional("valid_from"),
                            validTo: row.optional("valid_to"), successor: row.optional("successor"),
                            source: row.optional("source") ?? "hand")
                if isISO { gazetteer.countries.append(country) } else { gazetteer.historicalCountries.append(country) }
            }
        }
        for name in files where name.hasPrefix("country_names") && name.hasSuffix(".tsv") {
            guard let names = try table(name, ["country", "lang", "form", "kind"]) else { continue }
            for row in names.rows {
                guard let kind = CountryFormKind(rawValue: row["kind"]) else {
                    throw GazetteerError(file: name, line: row.line, message: "unknown kind '\(row["kind"])'")
                }
                gazetteer.countryForms.append(
                    CountryForm(country: row["country"], language: row["lang"], form: row["form"], kind: kind))
            }
        }
        try loadPersons(into: &gazetteer, files: files, table: table)
        try loadOffices(into: &gazetteer, files: files, table: table)
        if let organisations = try table("organisations.tsv", ["id", "name", "wikidata", "kind", "country", "aliases"]) {
            for row in organisations.rows {
                gazetteer.organisations.append(
                    Organisation(id: row["id"], name: row["name"], wikidata: row.optional("wikidata"),
                                 kind: OrganisationKind(rawValue: row["kind"]) ?? .other, country: row.optional("country"),
                                 aliases: row.list("aliases")))
            }
        }
        for name in layered(files, "cities") {
            guard let cities = try table(name, ["id", "name", "country", "wikidata", "aliases"]) else { continue }
            for row in cities.rows {
                gazetteer.cities.append(
                    City(id: row["id"], name: row["name"], country: row.optional("country"),
                         wikidata: row.optional("wikidata"), aliases: row.list("aliases"),
                         population: row.optional("population").flatMap { Int($0) }, source: row.optional("source") ?? "hand"))
            }
        }
        if let roles = try table("roles.tsv", ["id", "name", "leader", "lang", "form"]) {
            var order: [String] = []
            var byID: [String: Role] = [:]
            for row in roles.rows {
                let id = row["id"]
                if byID[id] == nil {
                    order.append(id)
                    byID[id] = Role(id: id, name: row["name"], leader: row["leader"] == "yes", forms: [])
                }
                byID[id]?.forms.append((row["lang"], row["form"]))
            }
            gazetteer.roles = order.compactMap { byID[$0] }
        }
        if let collisions = try table("collisions.tsv", ["form", "resolution", "reason"]) {
            for row in collisions.rows { gazetteer.collisionRules[Gazetteer.fold(row["form"])] = row["resolution"] }
        }
        for name in files where name.hasPrefix("sovereign_states") && name.hasSuffix(".tsv") {
            guard let states = try table(name, ["country", "member_from"]) else { continue }
            for row in states.rows { gazetteer.sovereignStates[row["country"]] = row["member_from"] }
        }
        if let cues = try table("person_cues.tsv", ["lang", "form"]) {
            gazetteer.personCues = cues.rows.map { ($0["lang"], $0["form"]) }
        }
        gazetteer.reindex()
        return gazetteer
    }

    /// Reads `persons.tsv` and its generated layers; a generated row for a hand-written person only fills the
    /// Wikidata id the hand-written row leaves empty.
    static func loadPersons(
        into gazetteer: inout Gazetteer, files: [String], table: (String, [String]) throws(GazetteerError) -> TSVTable?
    ) throws(GazetteerError) {
        var personIndex: [String: Int] = [:]
        for name in layered(files, "persons") {
            guard let persons = try table(name, ["id", "name", "wikidata", "aliases", "surnames"]) else { continue }
            for row in persons.rows {
                let person = Person(id: row["id"], name: row["name"], wikidata: row.optional("wikidata"),
                                    aliases: row.list("aliases"), surnames: row.list("surnames"),
                                    source: row.optional("source") ?? "hand")
                if let index = personIndex[person.id] {
                    if gazetteer.persons[index].wikidata == nil { gazetteer.persons[index].wikidata = person.wikidata }
                    continue
                }
                personIndex[person.id] = gazetteer.persons.count
                gazetteer.persons.append(person)
            }
        }
    }

    /// Reads `offices.tsv` and its generated layers.
    static func loadOffices(
        into gazetteer: inout Gazetteer, files: [String], table: (String, [String]) throws(GazetteerError) -> TSVTable?
    ) throws(GazetteerError) {
        for name in layered(files, "offices") {
            guard let offices = try table(name, ["person", "role", "of", "start", "end"]) else { continue }
            for row in offices.rows {
                gazetteer.offices.append(
                    Office(person: row["person"], role: row["role"], of: row["of"], start: row["start"],
                           end: row.optional("end"), source: row.optional("source") ?? "hand"))
            }
        }
    }

    /// The files of one kind in load order: the hand-written `KIND.tsv` first (it wins), then the generated
    /// `KIND.*.tsv` layers ("persons.kb.tsv") in name order.
    static func layered(_ files: [String], _ kind: String) -> [String] {
        let generated = files.filter { $0.hasPrefix(kind + ".") && $0.hasSuffix(".tsv") && $0 != kind + ".tsv" }
        return (files.contains(kind + ".tsv") ? [kind + ".tsv"] : []) + generated.sorted()
    }
}
