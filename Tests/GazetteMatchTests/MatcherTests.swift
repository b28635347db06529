import GazetteCore
import GazetteGazetteer
import GazetteMatch
import GazetteSegment
import GazetteTestSupport
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
        Person(id: "person:kim-jong-un", name: "Kim Jong Un", surnames: ["Kim"]),
        Person(id: "person:kim-dae-jung", name: "Kim Dae-jung", surnames: ["Kim"]),
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
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
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

    @Test func sharedSurnamesNameThePersonOfTheArticle() throws {
        #expect(try summary("Kim Dae-jung spoke. Later Kim left.") == [
            "PERSON:Kim Dae-jung=person:kim-dae-jung:gazetteer", "PERSON:Kim=person:kim-dae-jung:coreference",
        ])
        #expect(try summary("Kim Jong Un spoke. Later Kim left.") == [
            "PERSON:Kim Jong Un=person:kim-jong-un:gazetteer", "PERSON:Kim=person:kim-jong-un:coreference",
        ])
    }

    @Test func collisionRulesDecideAmbiguousForms() throws {
        var gazetteer = testGazetteer()
        gazetteer.countries.append(Country(id: "country:DO", iso2: "DO", iso3: "DOM", name: "Dominican Republic"))
        gazetteer.countries.append(Country(id: "country:DM", iso2: "DM", iso3: "DMA", name: "Dominica"))
        gazetteer.countries.append(Country(id: "country:CG", iso2: "CG", iso3: "COG", name: "Congo"))
        gazetteer.countries.append(Country(id: "country:CD", iso2: "CD", iso3: "COD", name: "DR Congo"))
        for country in ["country:DO", "country:DM"] {
            gazetteer.countryForms.append(CountryForm(country: country, language: "en", form: "Dominican", kind: .demonym))
        }
        for country in ["country:CG", "country:CD"] {
            gazetteer.countryForms.append(CountryForm(country: country, language: "en", form: "Congolese", kind: .demonym))
        }
        #expect(GazetteerChecker().problems(in: gazetteer).filter { $0.hasPrefix("collision") }.count == 2)
        gazetteer.collisionRules = [Gazetteer.fold("Dominican"): "country:DO", Gazetteer.fold("Congolese"): "none"]
        gazetteer.reindex()
        #expect(GazetteerChecker().problems(in: gazetteer).filter { $0.hasPrefix("collision") }.isEmpty)
        let compiled = try CompiledGazetteer(gazetteer: gazetteer)
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en",
                                text: "Dominican and Congolese officials met.")
        try Segmenter().segment(&document)
        try EntityMatcher(compiled: compiled).match(&document)
        #expect(document.entities.map { "\($0.text)=\($0.kb ?? "-")" } == ["Dominican=country:DO"])
    }

    /// A form repeated for the same entity and kind is compiled once; the same words for another entity,
    /// another kind or other case rules are entries of their own.
    @Test func repeatedFormsAreCompiledOnce() throws {
        let base = try CompiledGazetteer(gazetteer: testGazetteer()).formCount
        var gazetteer = testGazetteer()
        gazetteer.persons.append(Person(id: "person:jean-macron", name: "Jean Macron", aliases: ["Jean Macron", "Jean Macron"],
                                        surnames: ["Macron", "Macron"]))
        gazetteer.countryForms.append(CountryForm(country: "country:FR", language: "en", form: "French", kind: .demonym))
        gazetteer.countryForms.append(CountryForm(country: "country:FR", language: "en", form: "french", kind: .demonym))
        gazetteer.reindex()
        // New: "Jean Macron" (name), "Macron" (partial of another person), "french" (other case rules).
        #expect(try CompiledGazetteer(gazetteer: gazetteer).formCount == base + 3)
    }

    @Test func checkerFindsBrokenData() {
        var gazetteer = testGazetteer()
        gazetteer.persons.append(Person(id: "person:emmanuel-macron", name: "Someone Else"))
        gazetteer.offices = [
            Office(person: "person:emmanuel-macron", role: "role:president", of: "country:XX", start: "2017-05-14"),
            Office(person: "person:volodymyr-zelensky", role: "role:president", of: "country:UA", start: "2019-02-30"),
            Office(person: "person:volodymyr-zelensky", role: "role:president", of: "country:UA", start: "2020", end: "2019"),
        ]
        gazetteer.countries.append(Country(id: "country:ZZ", iso2: "Z", iso3: "ZZZ", name: "Nowhere"))
        gazetteer.reindex()
        let problems = GazetteerChecker().problems(in: gazetteer)
        #expect(problems.contains { $0.contains("duplicate id 'person:emmanuel-macron'") })
        #expect(problems.contains { $0.contains("'country:XX' is not defined") })
        #expect(problems.contains { $0.contains("impossible date '2019-02-30'") })
        #expect(problems.contains { $0.contains("ends (2019) before it starts (2020)") })
        #expect(problems.contains { $0.contains("'country:ZZ' has alpha-2 'Z'") })
    }

    @Test func theRepositoryGazetteerIsSound() throws {
        let gazetteer = try GazetteerLoader.load(directory: Repository.gazetteers)
        #expect(GazetteerChecker().problems(in: gazetteer).isEmpty)
        #expect(gazetteer.countries.count == 249)
        #expect(Set(gazetteer.countryForms.map(\.language)).isSuperset(of: ["en", "nl", "de", "fr"]))
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

@Suite("Matching: offsets under folding")
struct FoldingOffsetTests {
    /// Folding changes lengths ("İ" folds to two scalars, "ﬁ" to "fi", "ß" to "ss"); offsets must still
    /// point at the mention as written.
    @Test func offsetsPointAtTheWrittenMention() throws {
        var gazetteer = testGazetteer()
        gazetteer.cities = [City(id: "city:istanbul", name: "Istanbul", country: "country:TR", aliases: ["İstanbul"]),
                            City(id: "city:gross-gerau", name: "Groß-Gerau", country: nil)]
        gazetteer.reindex()
        let compiled = try CompiledGazetteer(gazetteer: gazetteer)
        let text = "🇺🇦🎉 ERDOĞAN said: Recep Tayyip Erdog\u{306}an? No, Recep Tayyip Erdoğan visited İSTANBUL, "
            + "ﬁnance aside, then Gross-Gerau and Côte d’Ivoire."
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
        try Segmenter().segment(&document)
        try EntityMatcher(compiled: compiled).match(&document)
        let scalars = Array(text.unicodeScalars)
        for entity in document.entities {
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[entity.span.start..<entity.span.end])
            #expect(slice == entity.text)
        }
        // A surname in capitals, a name with a combining breve, the precomposed name, a dotted capital İ.
        #expect(document.entities.map(\.text) == [
            "ERDOĞAN", "Recep Tayyip Erdog\u{306}an", "Recep Tayyip Erdoğan", "İSTANBUL", "Gross-Gerau", "Côte d’Ivoire",
        ])
        #expect(Set(document.entities.prefix(3).map(\.kb)) == ["person:recep-tayyip-erdogan"])
    }
}

@Suite("Matching: the Dutch seed")
struct DutchSeedTests {
    @Test func theDutchRenderingFindsTheSameWorld() throws {
        let text = try String(contentsOf: Repository.path("Corpora/nl/coalitie-van-de-welwillenden.txt"), encoding: .utf8)
        let document = try Repository.annotate(text, id: "nl-seed", language: "nl")
        let found = Set(document.entities.map { "\($0.type.rawValue):\($0.kb ?? "-:" + $0.text)" })
        for expected in [
            "PERSON:person:emmanuel-macron", "PERSON:person:volodymyr-zelensky", "PERSON:person:donald-trump",
            "PERSON:person:dick-schoof", "PERSON:person:vladimir-putin", "COUNTRY:country:FR", "COUNTRY:country:UA",
            "COUNTRY:country:RU", "COUNTRY:country:US", "COUNTRY:country:NL", "CITY:city:paris", "ORG:org:nato",
            "ORG:org:eu", "ORG:gov:US", "PERSON:-:Witkoff", "PERSON:-:Kysia Hekster", "ROLE:role:prime-minister",
        ] {
            #expect(found.contains(expected), "\(expected) not found")
        }
        // "Poetin" is Putin, "premier Schoof" the Dutch prime minister.
        #expect(document.entities.contains { $0.text == "Vladimir Poetin" && $0.kb == "person:vladimir-putin" })
        #expect(document.relationSummaries.contains("leader_of(Emmanuel Macron -> France, president)"))
        #expect(document.relationSummaries.contains("leader_of(Dick Schoof -> Netherlands, prime minister)"))
    }
}
