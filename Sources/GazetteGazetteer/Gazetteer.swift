import Foundation
import GazetteCore

/// A country or territory of ISO 3166-1, a historical state (ISO 3166-3) or a constituent country ("Scotland").
public struct Country: Sendable, Hashable {
    public init(id: String, iso2: String, iso3: String, wikidata: String? = nil, name: String, capital: String? = nil,
                validFrom: String? = nil, validTo: String? = nil, successor: String? = nil, source: String? = nil) {
        self.id = id; self.iso2 = iso2; self.iso3 = iso3; self.wikidata = wikidata; self.name = name; self.capital = capital
        self.validFrom = validFrom; self.validTo = validTo; self.successor = successor; self.source = source
    }

    public var id: String
    public var iso2: String
    public var iso3: String
    public var wikidata: String?
    public var name: String
    public var capital: String?
    /// The day the state came into being, for historical states ("1922-12-30").
    public var validFrom: String?
    /// The day it ceased to exist; nil while it exists.
    public var validTo: String?
    /// The `country:` id of the state that continues it.
    public var successor: String?
    /// Where the row comes from ("hand", "iso3166-3|histwardb").
    public var source: String?

    /// Whether the country is a current ISO 3166-1 entry (not historical, not a constituent country).
    public var isISO3166Part1: Bool { validTo == nil && id == "country:\(iso2)" && iso2.count == 2 }
}

/// How a country form names its country.
public enum CountryFormKind: String, Sendable {
    case name, short, colloquial, demonym
}

/// One way of writing a country in one language.
public struct CountryForm: Sendable, Hashable {
    public init(country: String, language: String, form: String, kind: CountryFormKind) {
        self.country = country; self.language = language; self.form = form; self.kind = kind
    }

    public var country: String
    public var language: String
    public var form: String
    public var kind: CountryFormKind
}

/// A person the gazetteer knows.
public struct Person: Sendable, Hashable {
    public init(id: String, name: String, wikidata: String? = nil, aliases: [String] = [], surnames: [String] = [],
                source: String? = nil) {
        self.id = id; self.name = name; self.wikidata = wikidata; self.aliases = aliases; self.surnames = surnames
        self.source = source
    }

    public var id: String
    public var name: String
    public var wikidata: String?
    public var aliases: [String]
    public var surnames: [String]
    /// Where the row comes from ("hand", "wikidata-p6-p35").
    public var source: String?
}

/// A term of office: who held which role of what, from when to when.
public struct Office: Sendable, Hashable {
    public init(person: String, role: String, of: String, start: String, end: String? = nil, source: String? = nil) {
        self.person = person; self.role = role; self.of = of; self.start = start; self.end = end; self.source = source
    }

    /// Where the row comes from ("hand", "wikidata-p6-p35").
    public var source: String?

    public var person: String
    public var role: String
    public var of: String
    /// ISO date or partial date ("2017", "2017-05", "2017-05-14").
    public var start: String
    /// Nil while in office.
    public var end: String?

    /// Whether the term covers a day given as "YYYY-MM-DD" (partial dates cover their whole period).
    public func covers(_ day: String) -> Bool {
        let startsBy = Self.pad(start, high: false) <= day
        let endsAfter = end.map { day <= Self.pad($0, high: true) } ?? true
        return startsBy && endsAfter
    }

    static func pad(_ date: String, high: Bool) -> String {
        switch date.count {
        case 4: return date + (high ? "-12-31" : "-01-01")
        case 7: return date + (high ? "-31" : "-01")
        default: return String(date.prefix(10))
        }
    }
}

/// The kind of an organisation.
public enum OrganisationKind: String, Sendable {
    case international, alliance, government
    case euInstitution = "eu-institution"
    case other
}

/// An organisation, or a government named by a metonym ("White House").
public struct Organisation: Sendable, Hashable {
    public init(id: String, name: String, wikidata: String? = nil, kind: OrganisationKind, country: String? = nil, aliases: [String] = []) {
        self.id = id; self.name = name; self.wikidata = wikidata; self.kind = kind; self.country = country; self.aliases = aliases
    }

    public var id: String
    public var name: String
    public var wikidata: String?
    public var kind: OrganisationKind
    /// For governments: the country they govern.
    public var country: String?
    public var aliases: [String]
}

/// A city.
public struct City: Sendable, Hashable {
    public init(id: String, name: String, country: String? = nil, wikidata: String? = nil, aliases: [String] = [],
                population: Int? = nil, source: String? = nil) {
        self.id = id; self.name = name; self.country = country; self.wikidata = wikidata; self.aliases = aliases
        self.population = population; self.source = source
    }

    /// Inhabitants, when the source gives them.
    public var population: Int?
    /// Where the row comes from; nil or "hand" for the hand-written cities.
    public var source: String?
    /// Whether the row was written by hand (the team's news cities), not generated from a place list.
    public var isHandWritten: Bool { source == nil || source == "hand" }

    public var id: String
    public var name: String
    public var country: String?
    public var wikidata: String?
    public var aliases: [String]
}

/// A role (title), with all the forms that express it.
public struct Role: Sendable, Hashable {
    public init(id: String, name: String, leader: Bool, forms: [(language: String, form: String)]) {
        self.id = id; self.name = name; self.leader = leader; self.forms = forms
    }

    public var id: String
    /// The role as written in relations ("prime minister").
    public var name: String
    /// Whether holding it means leading a country or organisation.
    public var leader: Bool
    /// (language, form) pairs.
    public var forms: [(language: String, form: String)]

    public static func == (lhs: Role, rhs: Role) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Everything Gazette knows about the world: countries, persons, offices, organisations, cities, roles.
public struct Gazetteer: Sendable {
    /// The ISO 3166-1 countries and territories (`countries.tsv`).
    public var countries: [Country] = []
    /// Historical states and constituent countries (the generated `countries.*.tsv` layers): COUNTRY entities of
    /// their own, kept apart from the ISO 3166-1 list.
    public var historicalCountries: [Country] = []
    /// Both lists.
    public var allCountries: [Country] { countries + historicalCountries }
    public var countryForms: [CountryForm] = []
    public var persons: [Person] = []
    public var offices: [Office] = []
    public var organisations: [Organisation] = []
    public var cities: [City] = []
    public var roles: [Role] = []
    /// Occupation words that announce a person's name but are not offices ("economist").
    public var personCues: [(language: String, form: String)] = []
    /// Sovereign states (members of the state system): `country:` id → the day its membership began.
    public var sovereignStates: [String: String] = [:]
    /// Rules for forms that name several entities: folded form → the id it names, or "none".
    public var collisionRules: [String: String] = [:]

    /// A form folded for comparing: lower case, without diacritics, typographic apostrophes made plain.
    ///
    /// ASCII text (nearly every form and mention) has no diacritics nor typographic apostrophes, and its case
    /// folding is "A"…"Z" to "a"…"z": it is folded on its bytes, without Foundation (which costs some 20,000
    /// instructions a word, and is called for every person-name word of the knowledge base).
    public static func fold(_ form: String) -> String {
        if let ascii = foldASCII(form) { return ascii }
        return form.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }

    /// `fold` of an ASCII text, or nil when the text is not ASCII.
    static func foldASCII(_ form: String) -> String? {
        let utf8 = form.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return form }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            for (index, byte) in utf8.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            return utf8.count
        }
    }

    /// The entity a colliding form is resolved to: nil when the form has no rule, "none" when it names nothing.
    public func collisionRule(for form: String) -> String? {
        collisionRules.isEmpty ? nil : collisionRules[Self.fold(form)]
    }

    public init() {}

    /// The canonical name of any gazetteer id.
    public func canonicalName(of id: String) -> String? { index.names[id] }

    /// The Wikidata id of any gazetteer id, when known.
    public func wikidata(of id: String) -> String? { index.wikidata[id] }

    /// A role by id.
    public func role(_ id: String) -> Role? { index.roles[id] }

    /// The offices a person held on a day ("YYYY-MM-DD").
    public func offices(of person: String, on day: String) -> [Office] {
        (index.officesByPerson[person] ?? []).filter { $0.covers(day) }
    }

    /// All offices a person ever held.
    public func offices(of person: String) -> [Office] { index.officesByPerson[person] ?? [] }

    /// Lookup tables built once after loading.
    struct Index: Sendable {
        var names: [String: String] = [:]
        var wikidata: [String: String] = [:]
        var roles: [String: Role] = [:]
        var officesByPerson: [String: [Office]] = [:]
    }

    private(set) var index = Index()

    /// Rebuilds the lookup tables; call after changing the lists.
    public mutating func reindex() {
        var index = Index()
        for country in allCountries {
            index.names[country.id] = country.name
            if let wikidata = country.wikidata { index.wikidata[country.id] = wikidata }
        }
        for person in persons {
            index.names[person.id] = person.name
            if let wikidata = person.wikidata { index.wikidata[person.id] = wikidata }
        }
        for organisation in organisations {
            index.names[organisation.id] = organisation.name
            if let wikidata = organisation.wikidata { index.wikidata[organisation.id] = wikidata }
        }
        for city in cities {
            index.names[city.id] = city.name
            if let wikidata = city.wikidata { index.wikidata[city.id] = wikidata }
        }
        for role in roles {
            index.names[role.id] = role.name
            index.roles[role.id] = role
        }
        for office in offices { index.officesByPerson[office.person, default: []].append(office) }
        self.index = index
    }
}
