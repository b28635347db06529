@testable import GazetteClean
import Testing

/// The byte-indexed word lists must answer as their plain definition (a Set of words, `hasPrefix` on Strings),
/// and an element name's traits must be its membership of the name sets.
@Suite("Cleaning: class and id word lists")
struct ClassWordListTests {
    static let lists = [Boilerplate.markers, Boilerplate.positives, Boilerplate.commentRuns]

    @Test func agreesOnEveryListedWordAndItsNeighbours() {
        let listed = Boilerplate.markerWords.union(Boilerplate.positiveWords).union(Boilerplate.markerPrefixes)
        for word in listed {
            for variant in [word, word + "s", word + "list", String(word.dropLast()), "x" + word, word.uppercased()] {
                for list in Self.lists { #expect(list.contains(Substring(variant)) == list.referenceContains(Substring(variant)), "\(variant)") }
            }
        }
    }

    @Test(arguments: [
        "", "a", "ad", "share\u{301}box", "sharé", "comment\u{308}", "commentaire", "новости", "日本", "é", "re",
        "related\u{200D}", "kontent", "commentary", "commentator", "commentaire", "socialist", "shareholders", "sharebox",
    ])
    func agreesOnEdgeCases(_ run: String) {
        for list in Self.lists { #expect(list.contains(Substring(run)) == list.referenceContains(Substring(run)), "\(run)") }
    }

    @Test func agreesOnRandomRuns() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdeimnorstwx".unicodeScalars) + ["\u{301}", "é"]
        for _ in 0..<5_000 {
            var value = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...10, using: &generator) { value.append(alphabet.randomElement(using: &generator)!) }
            let run = Substring(String(value))
            for list in Self.lists { #expect(list.contains(run) == list.referenceContains(run), "\(run)") }
        }
    }

    @Test func traitsAreSetMembership() {
        let names = Boilerplate.droppedElements.union(Boilerplate.blockElements).union(PageIndex.opaqueElements)
            .union(["span", "a", "p", "main", "article", "x-custom", ""])
        for name in names {
            let traits = ElementTraits.of(name)
            #expect(traits.contains(.dropped) == Boilerplate.droppedElements.contains(name), "\(name)")
            #expect(traits.contains(.soft) == Boilerplate.softElements.contains(name), "\(name)")
            #expect(traits.contains(.block) == Boilerplate.blockElements.contains(name), "\(name)")
            #expect(traits.contains(.opaque) == PageIndex.opaqueElements.contains(name), "\(name)")
            #expect(traits.contains(.indexed) == PageIndex.indexedNames.contains(name), "\(name)")
            #expect(traits.contains(.outer) == PageIndex.outerElements.contains(name), "\(name)")
        }
    }
}

/// The byte test before the date walk must never hide a date the walk alone finds.
@Suite("Cleaning: dates in text, byte pre-test")
struct TextDatePretestTests {
    @Test(arguments: [
        "Saturday 2 August 2025, 14:05", "12. Juni 2025", "2025-03-04", "04.03.2025", "June 12, 2025", "no date here",
        "2 August 20255", "2 August 202\u{301}5", "2 August 2025\u{301}", "1 mai 1999", "٢ August ٢٠٢٥", "",
    ])
    func agreesWithTheWalk(_ text: String) {
        #expect(TextDate.find(in: text) == TextDate.referenceFind(in: text), "\(text)")
    }

    @Test func agreesOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["1", "2", "0", "9", "12", "2024", "19", " ", ".", "-", "/", ",", "mai", "june", "Dec", "\u{301}", "x", "é"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextDate.find(in: text) == TextDate.referenceFind(in: text), "\(text)")
        }
    }
}

/// What the marker lists say about words that only start like a marker.
@Suite("Cleaning: marker prefix exceptions")
struct MarkerExceptionTests {
    @Test func wordsThatOnlyStartLikeAMarkerAreNoMarkers() {
        for run in ["commentary", "commentator", "socialist", "shareholders"] {
            #expect(!Boilerplate.markers.contains(Substring(run)), "\(run)")
            #expect(!Boilerplate.commentRuns.contains(Substring(run)), "\(run)")
        }
        for run in ["comments", "commentlist", "sharebox", "socialmedia", "comment"] {
            #expect(Boilerplate.markers.contains(Substring(run)), "\(run)")
        }
        #expect(Boilerplate.isURL("http://example.org/comments/1"))
        #expect(Boilerplate.isURL("https://a.b/"))
        #expect(!Boilerplate.isURL("post-body comments"))
        #expect(!Boilerplate.isURL("time:12/3"))
    }
}
