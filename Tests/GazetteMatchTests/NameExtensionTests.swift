import GazetteCore
import GazetteGazetteer
@testable import GazetteMatch
import GazetteSegment
import Testing

/// Names written longer than the gazetteer's or the pattern's, on sentences written for each shape.
@Suite("Person names written longer")
struct NameExtensionTests {
    static let compiled: CompiledGazetteer = {
        var gazetteer = Gazetteer()
        gazetteer.persons = [
            Person(id: "person:tomas-varga", name: "Tomas Varga", surnames: ["Varga"]),
            Person(id: "person:edison-henry", name: "Edison Henry", surnames: ["Henry"]),
        ]
        gazetteer.cities = [City(id: "city:lima", name: "Lima", country: "country:PE")]
        gazetteer.roles = [
            Role(id: "role:president", name: "president", leader: true, forms: [("en", "President")]),
            Role(id: "role:king", name: "king", leader: true, forms: [("en", "King")]),
        ]
        gazetteer.reindex()
        return try! CompiledGazetteer(gazetteer: gazetteer)
    }()

    func summary(_ text: String) throws -> [String] {
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
        try Segmenter().segment(&document)
        try EntityMatcher(compiled: Self.compiled).match(&document)
        return document.entities.map { "\($0.type.rawValue):\($0.text)=\($0.kb ?? "-")" }
    }

    @Test func middleNamesBeforeAKnownSurnameKeepThePerson() throws {
        #expect(try summary("The talks ended when Tomas Andras Varga spoke on Monday.") == ["PERSON:Tomas Andras Varga=person:tomas-varga"])
        // Another given name before the surname is another person.
        #expect(try summary("The talks ended when Peter Varga spoke on Monday.") == ["PERSON:Peter Varga=-"])
    }

    @Test func aSecondSurnameAfterAKnownNameBelongsToIt() throws {
        #expect(try summary("The talks ended when Tomas Varga Kiss spoke on Monday.") == ["PERSON:Tomas Varga Kiss=person:tomas-varga"])
        // Not when the capitalised run goes on, nor after "the".
        #expect(try summary("The Tomas Varga Memorial Library opened on Monday.") == ["PERSON:Tomas Varga=person:tomas-varga"])
        #expect(try summary("He was a guest on The Tomas Varga Hour last week.") == ["PERSON:Tomas Varga=person:tomas-varga"])
    }

    @Test func aOneWordCityEndingANameIsItsSurname() throws {
        #expect(try summary("The road was opened by then President Carlos Alberto Lima in 1950.") == [
            "ROLE:President=role:president", "PERSON:Carlos Alberto Lima=-",
        ])
        #expect(try summary("The road was opened in Lima in 1950.") == ["CITY:Lima=city:lima"])
    }

    @Test func aNameBeforeARegnalNumberIsNoKnownSurname() throws {
        #expect(try summary("The chapel was built for King Henry VIII in 1530.") == ["ROLE:King=role:king", "PERSON:Henry VIII=-"])
    }

    @Test func aSurnameWithANounOfLeadershipNamesTheKnownPerson() throws {
        #expect(try summary("The Varga administration ended in 2010.") == ["PERSON:Varga=person:tomas-varga"])
        #expect(try summary("It began during the presidency of Varga and ended soon.") == ["PERSON:Varga=person:tomas-varga"])
        // Without one, a surname alone names nobody known.
        #expect(try summary("The Varga house burned in 2010.").isEmpty)
    }

    @Test func aOneWordPlaceRightAfterATitleIsThePerson() throws {
        #expect(try summary("The bridge was opened by King Lima in 1930.") == ["ROLE:King=role:king", "PERSON:Lima=-"])
        #expect(try summary("The bridge was opened by King Lima IV in 1930.") == ["ROLE:King=role:king", "PERSON:Lima IV=-"])
    }

    @Test func laterSurnamesFollowAFullNameWithMiddleNamesOrANounOfLeadership() throws {
        #expect(try summary("Tomas Andras Varga spoke on Monday. Later Varga left.") == [
            "PERSON:Tomas Andras Varga=person:tomas-varga", "PERSON:Varga=person:tomas-varga",
        ])
        #expect(try summary("The Varga administration ended in 2010. Later Varga left.") == [
            "PERSON:Varga=person:tomas-varga", "PERSON:Varga=person:tomas-varga",
        ])
    }

    /// Since the place rules take a city right after a capitalised name word as the tail of a longer name, the
    /// shape pass finds "Carlos Alberto Lima" whole: the name is not grown from "Carlos Alberto", so a later lone
    /// "Alberto" is no surname of it (its surname is "Lima").
    @Test func aCityAfterAPatternNameIsPartOfTheName() throws {
        #expect(try summary("The road was opened by then President Carlos Alberto Lima on Monday. Later Alberto spoke.") == [
            "ROLE:President=role:president", "PERSON:Carlos Alberto Lima=-",
        ])
    }

    @Test func aPlaceAfterATitleTakesTheNameWordsAfterIt() throws {
        #expect(try summary("The bridge was opened by King Lima Okafor in 1930.") == ["ROLE:King=role:king", "PERSON:Lima Okafor=-"])
    }

    @Test func anIndefinitePronounAfterATitleIsNoName() throws {
        #expect(try summary("The song King Nothing was a hit.") == ["ROLE:King=role:king"])
    }

    @Test func aPatternSurnameAfterAGivenNameIsThePersonOrANamesake() throws {
        let text = "President Ana Lund arrived on Monday. Reporters met Ana Lund later, and her brother Erik Lund left."
        var document = Document(id: "t", source: SourceLocator(path: "t", format: .text), language: "en", text: text)
        try Segmenter().segment(&document)
        try EntityMatcher(compiled: Self.compiled).match(&document)
        let persons = document.entities.filter { $0.type == .person }.map { "\($0.text)=\($0.canonical)" }
        #expect(persons == ["Ana Lund=Ana Lund", "Ana Lund=Ana Lund", "Erik Lund=Erik Lund"])
    }

    @Test func aNameBetweenCommasBeforeASpeechVerb() throws {
        #expect(try summary("One of the lawyers, Nadia Brennan, said the case was closed.") == ["PERSON:Nadia Brennan=-"])
    }
}
