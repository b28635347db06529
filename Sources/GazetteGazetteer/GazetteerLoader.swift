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

        if let countries = try table("countries.tsv", ["id", "iso2", "iso3", "wikidata", "name", "capital"]) {
            for row in countries.rows {
                gazetteer.countries.append(
                    Country(id: row["id"], iso2: row["iso2"], iso3: row["iso3"], wikidata: row.optional("wikidata"),
                            name: row["name"], capital: row.optional("capital")))
            }
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in files.sorted() where name.hasPrefix("country_names") && name.hasSuffix(".tsv") {
            guard let names = try table(name, ["country", "lang", "form", "kind"]) else { continue }
            for row in names.rows {
                guard let kind = CountryFormKind(rawValue: row["kind"]) else {
                    throw GazetteerError(file: name, line: row.line, message: "unknown kind '\(row["kind"])'")
                }
                gazetteer.countryForms.append(
                    CountryForm(country: row["country"], language: row["lang"], form: row["form"], kind: kind))
            }
        }
        if let persons = try table("persons.tsv", ["id", "name", "wikidata", "aliases", "surnames"]) {
            for row in persons.rows {
                gazetteer.persons.append(
                    Person(id: row["id"], name: row["name"], wikidata: row.optional("wikidata"),
                           aliases: row.list("aliases"), surnames: row.list("surnames")))
            }
        }
        if let offices = try table("offices.tsv", ["person", "role", "of", "start", "end"]) {
            for row in offices.rows {
                gazetteer.offices.append(
                    Office(person: row["person"], role: row["role"], of: row["of"], start: row["start"],
                           end: row.optional("end")))
            }
        }
        if let organisations = try table("organisations.tsv", ["id", "name", "wikidata", "kind", "country", "aliases"]) {
            for row in organisations.rows {
                gazetteer.organisations.append(
                    Organisation(id: row["id"], name: row["name"], wikidata: row.optional("wikidata"),
                                 kind: OrganisationKind(rawValue: row["kind"]) ?? .other, country: row.optional("country"),
                                 aliases: row.list("aliases")))
            }
        }
        if let cities = try table("cities.tsv", ["id", "name", "country", "wikidata", "aliases"]) {
            for row in cities.rows {
                gazetteer.cities.append(
                    City(id: row["id"], name: row["name"], country: row.optional("country"),
                         wikidata: row.optional("wikidata"), aliases: row.list("aliases")))
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
        if let cues = try table("person_cues.tsv", ["lang", "form"]) {
            gazetteer.personCues = cues.rows.map { ($0["lang"], $0["form"]) }
        }
        gazetteer.reindex()
        return gazetteer
    }
}
