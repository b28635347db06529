import GazetteCore
import GazetteGazetteer
import GazetteMatch
import GazetteSegment
import Testing

/// A small gazetteer written in the test, so each rule is checked apart from the real data.
func testGazetteer() -> Gazetteer {
    var gazetteer = Gazetteer()
    gazetteer.countries = [
        Country(id: "country:FR", iso2: "FR", iso3: "FRA", wikidata: "Q142", name: "France"),
        Country(id: "country:US", iso2: "US", iso3: "USA", wikidata: "Q30", name: "United States"),
        Country(id: "country:UA", iso2: "UA", iso3: "UKR", wikidata: "Q212", name: "Ukraine"),
        Country(id: "country:TR", iso2: "TR", iso3: "TUR", name: "Turkey"),
        Country(id: "country:CI", iso2: "CI", iso3: "CIV", name: "Côte d’Ivoire"),
        Country(id: "country:TD", iso2: "TD", iso3: "TCD", name: "Chad"),
        Country(id: "country:JO", iso2: "JO", iso3: "JOR", name: "Jordan"),
        Country(id: "country:GE", iso2: "GE", iso3: "GEO", name: "Georgia"),
    ]
    gazetteer.countryForms = [
        CountryForm(country: "country:FR", language: "en", form: "French", kind: .demonym),
        CountryForm(country: "country:US", language: "en", form: "US", kind: .short),
        CountryForm(country: "country:US", language: "en", form: "U.S.", kind: .short),
        CountryForm(country: "country:US", language: "en", form: "United States of America", kind: .name),
        CountryForm(country: "country:UA", language: "nl", form: "Oekraïne", kind: .name),
        CountryForm(country: "country:TR", language: "en", form: "Türkiye", kind: .name),
    ]
    gazetteer.persons = [
        Person(id: "person:emmanuel-macron", name: "Emmanuel Macron", wikidata: "Q3052772", surnames: ["Macron"]),
        Person(id: "person:theresa-may", name: "Theresa May", surnames: ["May"]),
        Person(id: "person:recep-tayyip-erdogan", name: "Recep Tayyip Erdoğan", surnames: ["Erdoğan"]),
        Person(id: "person:volodymyr-zelensky", name: "Volodymyr Zelensky", aliases: ["Volodymyr Zelenskyy"],
               surnames: ["Zelensky", "Zelenskyy"]),
    ]
    gazetteer.organisations = [
        Organisation(id: "org:nato", name: "NATO", kind: .alliance, aliases: ["NAVO"]),
        Organisation(id: "org:european-commission", name: "European Commission", kind: .euInstitution),
        Organisation(id: "gov:US", name: "Government of the United States", kind: .government, country: "country:US",
                     aliases: ["White House"]),
    ]
    gazetteer.roles = [
        Role(id: "role:president", name: "president", leader: true, forms: [("en", "president")]),
        Role(id: "role:negotiator", name: "negotiator", leader: false, forms: [("en", "negotiator")]),
    ]
    gazetteer.personCues = [("en", "economist"), ("nl", "hoogleraar")]
    gazetteer.reindex()
    return gazetteer
}

@Suite("Matching")
struct MatcherTests {
    static let compiled = try! CompiledGazetteer(gazetteer: testGazetteer())

    func entities(_ text: String) throws -> [Entity] {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: "text"), language: "en", text: text)
        try Segmenter().segment(&document)
        try EntityMatcher(compiled: Self.compiled).match(&document)
        for entity in document.entities {
            #expect(document.text(of: entity.span) == entity.text, "offsets of \(entity.text) are off")
        }
        return document.entities
    }

    func summary(_ text: String) throws -> [String] {
        try entities(text).map { "\($0.type.rawValue):\($0.text)=\($0.kb ?? "-"):\($0.source)" }
    }

    @Test func longestMatchWins() throws {
        #expect(try summary("The United States of America and the United States.") == [
            "COUNTRY:United States of America=country:US:gazetteer", "COUNTRY:United States=country:US:gazetteer",
        ])
    }

    @Test func shortCapitalsAreCaseSensitive() throws {
        #expect(try summary("Let us talk about the US and U.S. policy.") == [
            "COUNTRY:US=country:US:gazetteer", "COUNTRY:U.S.=country:US:gazetteer",
        ])
    }

    @Test func capitalisedFormsNeedCapitals() throws {
        #expect(try summary("A turkey dinner in Turkey, also called Türkiye.") == [
            "COUNTRY:Turkey=country:TR:gazetteer", "COUNTRY:Türkiye=country:TR:gazetteer",
        ])
    }

    @Test func diacriticsAndCaseFold() throws {
        #expect(try summary("Oekraine and OEKRAÏNE and Recep Tayyip Erdogan.") == [
            "COUNTRY:Oekraine=country:UA:gazetteer", "COUNTRY:OEKRAÏNE=country:UA:gazetteer",
            "PERSON:Recep Tayyip Erdogan=person:recep-tayyip-erdogan:gazetteer",
        ])
        #expect(try summary("Talks in Cote d'Ivoire.") == ["COUNTRY:Cote d'Ivoire=country:CI:gazetteer"])
    }

    @Test func possessivesAreMatchedWithoutTheirEnding() throws {
        #expect(try summary("Ukraine's and Ukraine’s allies") == [
            "COUNTRY:Ukraine=country:UA:gazetteer", "COUNTRY:Ukraine=country:UA:gazetteer",
        ])
    }

    @Test func surnamesNeedAFullNameFirstOrATitle() throws {
        // Without a full name or a title a surname is not enough.
        #expect(try summary("Macron spoke in Paris and Macron left.").isEmpty)
        // Headlines name the person before the lead gives the full name.
        #expect(try summary("Macron spoke. Then Emmanuel Macron arrived and Macron left.") == [
            "PERSON:Macron=person:emmanuel-macron:coreference",
            "PERSON:Emmanuel Macron=person:emmanuel-macron:gazetteer",
            "PERSON:Macron=person:emmanuel-macron:coreference",
        ])
        #expect(try summary("President Zelenskyy said so.") == [
            "ROLE:President=role:president:gazetteer", "PERSON:Zelenskyy=person:volodymyr-zelensky:gazetteer",
        ])
    }

    @Test func titlesFindPersonsTheGazetteerDoesNotKnow() throws {
        #expect(try summary("French top negotiator Jean-Paul Dupont met the negotiator. Dupont's team left.") == [
            "COUNTRY:French=country:FR:gazetteer", "ROLE:negotiator=role:negotiator:gazetteer",
            "PERSON:Jean-Paul Dupont=-:pattern", "ROLE:negotiator=role:negotiator:gazetteer",
            "PERSON:Dupont=-:coreference",
        ])
    }

    @Test func placesThatAreGivenNamesStartPersonNames() throws {
        #expect(try summary("The farmer Chad Miller met his neighbour Georgia Jones near the Jordan River in the south of Georgia.") == [
            "PERSON:Chad Miller=-:pattern", "PERSON:Georgia Jones=-:pattern", "COUNTRY:Georgia=country:GE:gazetteer",
        ])
        // In a title-case headline a capital says nothing about names.
        #expect(try summary("Jordan Warns of Water Crisis as River Levels Fall") == ["COUNTRY:Jordan=country:JO:gazetteer"])
    }

    @Test func monthsAreNotSurnames() throws {
        #expect(try summary("Theresa May spoke. In May 2016 and on May 5 May said no.") == [
            "PERSON:Theresa May=person:theresa-may:gazetteer", "PERSON:May=person:theresa-may:coreference",
        ])
    }

    @Test func occupationsAnnounceNamesWithoutBeingEntities() throws {
        #expect(try summary("Economist Marieke Jansen of the university and hoogleraar Piet de Vries spoke.") == [
            "PERSON:Marieke Jansen=-:pattern", "PERSON:Piet de Vries=-:pattern",
        ])
    }

    @Test func governmentMetonymsAreOrganisationsStandingForACountry() throws {
        let found = try entities("The White House confirmed it.")
        #expect(found.count == 1)
        #expect(found.first?.type == .org && found.first?.kb == "gov:US" && found.first?.refersTo == "country:US")
    }

    @Test func matchesDoNotCrossSentences() throws {
        #expect(try summary("He spoke of the United.\nStates are many.").isEmpty)
    }

    @Test func entityIdsFollowTextOrder() throws {
        let found = try entities("NATO and NAVO and the European Commission.")
        #expect(found.map(\.id) == ["e1", "e2", "e3"])
        #expect(found.map(\.canonical) == ["NATO", "NATO", "European Commission"])
    }
}
