import Foundation
import GazetteCore
import GazetteGazetteer
@testable import GazetteMatch
import GazetteSegment
import Testing

/// A gazetteer with the kinds of rows the generated knowledge base adds: forms of one language, generated cities,
/// several persons sharing a surname, a historical state.
func knowledgeBaseGazetteer() -> Gazetteer {
    var gazetteer = Gazetteer()
    gazetteer.countries = [
        Country(id: "country:IS", iso2: "IS", iso3: "ISL", name: "Iceland"),
        Country(id: "country:JE", iso2: "JE", iso3: "JEY", name: "Jersey"),
        Country(id: "country:US", iso2: "US", iso3: "USA", name: "United States"),
        Country(id: "country:FR", iso2: "FR", iso3: "FRA", name: "France"),
        Country(id: "country:CX", iso2: "CX", iso3: "CXR", name: "Christmas Island"),
        Country(id: "country:SUHH", iso2: "SU", iso3: "SUN", name: "Soviet Union", validFrom: "1922-12-30",
                validTo: "1991-12-26", successor: "country:US", source: "iso3166-3"),
    ]
    gazetteer.countryForms = [
        CountryForm(country: "country:IS", language: "de", form: "Island", kind: .name),
        // "island" is a word of an English form: the German "Island" does not match English text.
        CountryForm(country: "country:CX", language: "en", form: "Christmas Island", kind: .name),
        CountryForm(country: "country:US", language: "en", form: "America", kind: .colloquial),
        CountryForm(country: "country:SUHH", language: "en", form: "USSR", kind: .short),
        CountryForm(country: "country:FR", language: "en", form: "French", kind: .demonym),
        CountryForm(country: "country:FR", language: "nl", form: "Frankrijk", kind: .name),
        CountryForm(country: "country:FR", language: "nl", form: "Frans", kind: .demonym),
        CountryForm(country: "country:US", language: "nl", form: "Amerikaanse", kind: .demonym),
    ]
    gazetteer.persons = [
        Person(id: "person:bill-clinton", name: "Bill Clinton", surnames: ["Clinton"]),
        Person(id: "person:george-bush", name: "George Bush", surnames: ["Bush"], source: "wikidata-p6-p35"),
        Person(id: "person:george-w-bush", name: "George W. Bush", surnames: ["Bush"]),
        Person(id: "person:edison-james", name: "Edison James", surnames: ["James"], source: "wikidata-p6-p35"),
    ]
    gazetteer.cities = [
        City(id: "city:lyon", name: "Lyon", country: "country:FR", population: 500_000, source: "geonames"),
        City(id: "city:chicago", name: "Chicago", country: "country:US", population: 2_700_000, source: "geonames"),
        City(id: "city:lincoln", name: "Lincoln", country: "country:US", population: 1_200_000, source: "geonames"),
        City(id: "city:paris", name: "Paris", country: "country:FR"),
        City(id: "city:may", name: "May", country: "country:US", population: 20_000, source: "geonames"),
        City(id: "city:dover", name: "Dover", country: "country:US", population: 38_000, source: "geonames"),
    ]
    gazetteer.persons.append(Person(id: "person:abraham-lincoln", name: "Abraham Lincoln", source: "wikidata-p6-p35"))
    gazetteer.roles = [
        Role(id: "role:president", name: "president", leader: true, forms: [("en", "President")]),
        Role(id: "role:minister", name: "minister", leader: false, forms: [("en", "Secretary")]),
    ]
    gazetteer.reindex()
    return gazetteer
}

@Suite("Knowledge-base matching")
struct KnowledgeBaseMatchingTests {
    static let compiled = try! CompiledGazetteer(gazetteer: knowledgeBaseGazetteer())

    func summary(_ text: String, language: String? = "en") throws -> [String] {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: language, text: text)
        try Segmenter().segment(&document)
        try EntityMatcher(compiled: Self.compiled).match(&document)
        return document.entities.map { "\($0.type.rawValue):\($0.text)=\($0.kb ?? "-")" }
    }

    @Test func formsMatchOnlyInTheirLanguage() throws {
        #expect(try summary("They sailed to Island last year.", language: "en").isEmpty)
        #expect(try summary("Sie reisten nach Island.", language: "de") == ["COUNTRY:Island=country:IS"])
        // A document of unknown language matches every form.
        #expect(try summary("Island.", language: nil) == ["COUNTRY:Island=country:IS"])
    }

    @Test func aCountryInsideALongerPlaceNameIsNotTheCountry() throws {
        #expect(try summary("He lives in New Jersey and travels in North America.").isEmpty)
        #expect(try summary("He lives in Jersey and travels in America.") == [
            "COUNTRY:Jersey=country:JE", "COUNTRY:America=country:US",
        ])
    }

    @Test func historicalStatesAreTheirOwnCountries() throws {
        #expect(try summary("The USSR collapsed.") == ["COUNTRY:USSR=country:SUHH"])
    }

    @Test func smallGeneratedCitiesNeedAPlaceContext() throws {
        #expect(try summary("Lyon beat the odds.").isEmpty)
        #expect(try summary("Talks were held in Lyon on Monday. Lyon is calm.") == ["CITY:Lyon=city:lyon", "CITY:Lyon=city:lyon"])
        #expect(try summary("LYON, France (Reuters) - Talks.") == ["CITY:LYON=city:lyon", "COUNTRY:France=country:FR"])
        // Large cities count anywhere, unless their name is also a word of a person's name.
        #expect(try summary("Chicago is windy.") == ["CITY:Chicago=city:chicago"])
        #expect(try summary("Lincoln is windy.").isEmpty)
        // Hand-written cities need no context.
        #expect(try summary("Paris is calm.") == ["CITY:Paris=city:paris"])
    }

    @Test func placesHeadingLongerNamesOrTeamsAreNotPlaces() throws {
        #expect(try summary("Shares of France Telecom rose sharply on the news.").isEmpty)
        #expect(try summary("CHICAGO 5 Boston 3").isEmpty)
        // "X AT Y": X's team plays at Y, the place.
        #expect(try summary("LYON AT CHICAGO") == ["CITY:CHICAGO=city:chicago"])
    }

    @Test func placesInsideOtherNamesAreNotPlaces() throws {
        // Hyphenated compounds.
        #expect(try summary("The Chicago-based firm hired an ex-France player.").isEmpty)
        #expect(try summary("Een Frans-Amerikaanse studie.", language: "nl").isEmpty)
        // The tail of a longer proper name, after an acronym or a name word inside the sentence.
        #expect(try summary("He signed for Sporting Chicago and then for the ABC France team.").isEmpty)
        // "the Name of Place" is a name; a person "of" a place is from there.
        #expect(try summary("The rate was set by the Central Bank of France on Monday.").isEmpty)
        #expect(try summary("He beat Jean Dupont of France in the final.") == ["COUNTRY:France=country:FR"])
        #expect(try summary("He wrote to the Government of France.") == ["COUNTRY:France=country:FR"])
        // Events: a capitalised event noun or a year after the place.
        #expect(try summary("She won the France Open and the Chicago 2000 race.").isEmpty)
        // A demonym is an adjective: a capitalised word before it does not make it part of a name.
        #expect(try summary("He joined the Royal French navy.") == ["COUNTRY:French=country:FR"])
        // A headline in title case says nothing about names.
        #expect(try summary("Talks Resume in France") == ["COUNTRY:France=country:FR"])
    }

    @Test func smallPlacesShownByALocativeCountOnlyThere() throws {
        // Companies bear small towns' names: "in Dover" shows that mention only; a place noun shows the whole document.
        #expect(try summary("The plant in Dover closed. Dover said sales fell.") == ["CITY:Dover=city:dover"])
        #expect(try summary("Police in the town of Dover said. Dover is calm.") == ["CITY:Dover=city:dover", "CITY:Dover=city:dover"])
        // Not before a possessive, not as a figure of a table, not after a name particle.
        #expect(try summary("He was interested in Dover's plan.").isEmpty)
        #expect(try summary("DOVER 1.3073/78").isEmpty)
        #expect(try summary("They met in Punta del Dover.").isEmpty)
    }

    @Test func placeNounsShowAPlace() throws {
        #expect(try summary("Police in the town of Lyon made arrests.") == ["CITY:Lyon=city:lyon"])
        #expect(try summary("Er waren rellen in de stad Lyon.", language: "nl") == ["CITY:Lyon=city:lyon"])
        // A month is no place: "in March".
        #expect(try summary("Talks resumed in May 2001.").isEmpty)
    }

    @Test func aKnownSurnameBeforeAReportingVerbIsAPerson() throws {
        // Which of the persons named Clinton speaks the headline does not say: the mention keeps no kb.
        #expect(try summary("CLINTON SAYS TALKS WILL GO ON") == ["PERSON:CLINTON=-"])
        #expect(try summary("Clinton is a small town.").isEmpty)
    }

    @Test func aSentenceFullOfNamesIsNoHeadline() throws {
        #expect(try summary("Officials met Treasury Secretary James Baker, Federal Reserve chief Paul Volcker and others.")
            .filter { $0.hasPrefix("PERSON") } == ["PERSON:James Baker=-"])
    }

    @Test func dutchKeepsThePossessiveInTheWord() throws {
        #expect(try summary("Frankrijk's economie groeit.", language: "nl") == ["COUNTRY:Frankrijk's=country:FR"])
        #expect(try summary("France's economy grew.") == ["COUNTRY:France=country:FR"])
    }

    @Test func sharedSurnamesAreNotResolvedBlindly() throws {
        // Two known Bushes and no full name: the mention names nobody known.
        #expect(try summary("President Bush spoke.") == ["ROLE:President=role:president", "PERSON:Bush=-"])
        #expect(try summary("George W. Bush won. President Bush spoke.") == [
            "PERSON:George W. Bush=person:george-w-bush", "ROLE:President=role:president", "PERSON:Bush=person:george-w-bush",
        ])
    }

    @Test func aSurnameFollowedByANameWordIsAGivenName() throws {
        #expect(try summary("Treasury Secretary James Baker said that the dollar was stable.") == [
            "ROLE:Secretary=role:minister", "PERSON:James Baker=-",
        ])
    }

    @Test func aSurnameAfterAnotherGivenNameIsAnotherPerson() throws {
        #expect(try summary("Bill Clinton met voters. On Monday the former first lady Hillary Clinton spoke. Later Clinton left.")
            .filter { $0.hasPrefix("PERSON") } == [
                "PERSON:Bill Clinton=person:bill-clinton", "PERSON:Hillary Clinton=-", "PERSON:Clinton=-",
            ])
        #expect(try summary("The former first lady Hillary Clinton spoke on Monday. Clinton left.")
            .filter { $0.hasPrefix("PERSON") } == ["PERSON:Hillary Clinton=-", "PERSON:Clinton=-"])
    }

    @Test func namesakesResolveToTheClosestFullMention() throws {
        var entities = [
            Entity(id: "", type: .person, span: TextSpan(start: 0, end: 12), text: "Bill Clinton", kb: "person:bill-clinton",
                   canonical: "Bill Clinton", sentence: 0, source: .gazetteer, form: .name),
            Entity(id: "", type: .person, span: TextSpan(start: 20, end: 35), text: "Hillary Clinton", kb: nil,
                   canonical: "Hillary Clinton", sentence: 1, source: .pattern, form: .pattern),
            Entity(id: "", type: .person, span: TextSpan(start: 40, end: 47), text: "Clinton", kb: "person:bill-clinton",
                   canonical: "Bill Clinton", sentence: 2, source: .coreference, form: .partial),
        ]
        SurnameResolution.resolveNamesakes(&entities)
        #expect(entities[2].kb == nil)
        #expect(entities[2].canonical == "Hillary Clinton")
    }
}
