import GazetteBytes
import GazetteCore
@testable import GazetteRelate
import GazetteTestSupport
import Testing

/// The byte- and scalar-level helpers of the relation rules against the String code they replace,
/// over every range of texts with the cases that differ between scalars and graphemes: combining
/// marks, CR LF, non-ASCII spaces and apostrophes, case mappings that change length or reach ASCII
/// (İ, the Kelvin sign), quotes of every kind, emoji.
@Suite("Relation text helpers")
struct RelationTextTests {
    static let texts = [
        "He said, \"It's fine\" \u{2013} but the \u{212A}ONDIGDE it and emphasized that.",
        "Caf\u{E9}  cafe\u{301}, \u{130}stanbul\u{2019}s \u{2018}x\u{2019} \u{201C}quoted\u{201D} \u{201E}Dutch\u{201D} na\u{EF}ve\r\nline",
        ", \u{301}x ,\u{A0} ,  \t,\n ,, a,b , \u{2003},",
        "e\u{301}-'\u{2019} \u{2019}s \u{1F1F3}\u{1F1F1} \u{1F44D}\u{1F3FD} x--y 'n' -",
        "\u{FF22}\u{FF35}\u{FF34} said and emphasized \u{FB01}ne; but zei hij, maar benadrukte dat",
        "Merkel said: \u{201C}This treaty would make us safer,\u{201D} and added that it was so, but warned",
        // ASCII only: the scalars are read from the bytes.
        "He said, \"It's fine\" - but the KONDIGDE it and emphasized that; Merkel said: \"Treaty safer,\" and added",
        ", x ,  ,  \t,\n ,, a,b , x--y 'n' - O'Neill's well-known\r\nline; but zei hij, maar benadrukte dat",
    ]

    static func context(_ text: String) -> RelationContext {
        let document = Document(id: "t", source: SourceLocator(path: "t", format: .text), text: text)
        return RelationContext(document: document, gazetteer: Repository.resources.gazetteer, asOf: "2025-09-04")
    }

    /// Every (start, end) pair of a text, including empty, reversed and out-of-range ones.
    static func ranges(_ count: Int) -> [(Int, Int)] {
        (-1...count + 1).flatMap { start in (-1...count + 1).map { (start, $0) } }
    }

    // The implementations before the fast paths, as references.

    static func referenceText(_ context: RelationContext, _ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= context.scalars.count else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: context.scalars[start..<end])
        return result
    }

    static func referenceWordCount(_ context: RelationContext, _ start: Int, _ end: Int) -> Int {
        guard start < end, start >= 0, end <= context.scalars.count else { return 0 }
        var count = 0
        var run = false
        var runHasLetter = false
        for index in start..<end {
            let scalar = context.scalars[index]
            let letter = Character(scalar).isLetter
            if letter || scalar == "-" || scalar == "'" || scalar == "’" {
                run = true
                if letter { runHasLetter = true }
            } else {
                if run && runHasLetter { count += 1 }
                run = false
                runHasLetter = false
            }
        }
        if run && runHasLetter { count += 1 }
        return count
    }

    @Test func scalarsDecodeLikeTheUnicodeScalarView() {
        for text in Self.texts + ["", "a", "abcdefgh", "abcdefghé", "abcdefghijklmnopé", "\u{7F}abcdefghijklmno\u{80}", String(repeating: "abcdefgh", count: 5) + "\u{E9}",
                                  String(repeating: "x", count: 70) + "\u{E9}" + String(repeating: "y", count: 30), String(repeating: "z", count: 96), "\u{1F44D}abcdefgh\u{1F44D}", String(repeating: "x", count: 17) + "\u{10FFFF}"] {
            for drop in 0..<min(9, text.unicodeScalars.count + 1) {
                var shifted = ""
                shifted.unicodeScalars.append(contentsOf: text.unicodeScalars.dropFirst(drop))
                let model = DocumentText(shifted)
                #expect(Array(model.scalars) == Array(shifted.unicodeScalars))
                // The offset map against counting scalars in the bytes.
                var scalar = 0
                for byte in 0...model.utf8.count {
                    if byte < model.utf8.count, model.utf8[byte] & 0xC0 != 0x80 {
                        #expect(model.byteOffset(ofScalar: scalar) == byte)
                        #expect(model.scalarOffset(ofByte: byte) == scalar)
                        scalar += 1
                    } else if byte < model.utf8.count {
                        #expect(model.scalarOffset(ofByte: byte) == scalar - 1)
                    } else {
                        #expect(model.byteOffset(ofScalar: scalar) == byte && model.scalarOffset(ofByte: byte) == scalar)
                    }
                }
                // The context reads ASCII text from its bytes and decodes the rest.
                let context = Self.context(shifted)
                #expect(context.scalars.isASCII == shifted.unicodeScalars.allSatisfy(\.isASCII))
                #expect(Array(context.scalars) == Array(shifted.unicodeScalars))
                #expect(context.utf8 == Array(shifted.utf8))
            }
        }
    }

    @Test func gapHelpersMatchTheStringVersions() {
        let complementizers = SpeechRules.complementizers
        for text in Self.texts {
            let context = Self.context(text)
            for (start, end) in Self.ranges(context.scalars.count) {
                let string = Self.referenceText(context, start, end)
                let words = RelationContext.words(string)
                #expect(context.text(start, end) == string)
                #expect(context.words(start, end) == words, "\(text) \(start)..<\(end)")
                #expect(context.lastWord(start, end) == words.last)
                #expect(context.splitWordCount(start, end) == words.count)
                let counted = context.wordCount(start, end, containing: SpeechRules.complementizerTable)
                #expect(counted.count == words.count && counted.contains == words.contains { complementizers.contains($0) })
                let wordCount = Self.referenceWordCount(context, start, end)
                #expect(context.wordCount(start, end) == wordCount)
                for limit in 0...9 { #expect(context.wordCount(start, end, limit: limit) == min(wordCount, limit)) }
                #expect(context.isSpaces(start, end) == string.allSatisfy { $0 == " " })
                #expect(context.isComma(start, end, exactly: false) == string.trimmingSpaces.hasPrefix(","), "\(text) \(start)..<\(end)")
                #expect(context.isComma(start, end, exactly: true) == (string.trimmingSpaces == ","), "\(text) \(start)..<\(end)")
                #expect(context.containsComma(start, end) == string.contains(","))
            }
        }
    }

    static func referenceClause(_ context: RelationContext, from start: Int, to end: Int) -> TextSpan? {
        var start = start
        var end = end
        while start < end, context.scalars[start].properties.isWhitespace || context.scalars[start] == "," { start += 1 }
        var earliest: Int?
        for marker in SpeechRules.clauseEnds {
            if let found = context.firstOccurrence(of: marker, from: start, to: earliest ?? end) { earliest = found }
        }
        if let earliest { end = earliest }
        let stop = start < end && start >= 0 && end <= context.scalars.count ? end : start
        var previousWord = ""
        var wordStart = start
        var current = ""
        for offset in start...stop {
            let scalar: Unicode.Scalar = offset < stop ? context.scalars[offset] : " "
            if scalar.properties.isAlphabetic {
                if current.isEmpty { wordStart = offset }
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                let lower = current.lowercased()
                if SpeechRules.verbs.contains(lower), ["but", "and", "maar", "en"].contains(previousWord), wordStart - start > 10 {
                    end = wordStart - previousWord.count - 1
                    break
                }
                previousWord = lower
                current = ""
            }
        }
        while end > start, [".", "!", "?", " ", ","].contains(context.scalars[end - 1]) { end -= 1 }
        guard end > start, context.wordCount(start, end) >= 2 else { return nil }
        return TextSpan(start: start, end: end)
    }

    @Test func clausesEndWhereTheyDidWithStrings() {
        for text in Self.texts + ["They agreed, whereas others said no; then, though late, it ended", "Hij zei dat het kon, terwijl zij twijfelde, hoewel niet"] {
            let context = Self.context(text)
            let rules = SpeechRules(context: context)
            for start in 0...context.scalars.count {
                for end in 0...context.scalars.count {
                    #expect(rules.clause(from: start, to: end) == Self.referenceClause(context, from: start, to: end), "\(text) \(start)..<\(end)")
                }
            }
        }
    }

    static func referenceQuotations(_ context: RelationContext, in span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        var open: Int?
        for offset in span.start..<span.end {
            switch context.scalars[offset] {
            case "\u{201C}", "\u{201E}": open = offset
            case "\u{201D}":
                if let start = open { result.append(TextSpan(start: start + 1, end: offset)) }
                open = nil
            case "\"":
                if let start = open {
                    result.append(TextSpan(start: start + 1, end: offset))
                    open = nil
                } else {
                    open = offset
                }
            default: continue
            }
        }
        return result.filter { context.wordCount($0.start, $0.end) >= 5 }
    }

    @Test func quotationsAsScalarByScalar() {
        let texts = Self.texts + ["He said \"one two three four five\" and \"six\" then \"seven eight nine ten eleven twelve",
                                  "\"\"\" a b c d e \" f g h i j k \""]
        var found = 0
        for text in texts {
            let context = Self.context(text)
            let rules = SpeechRules(context: context)
            for start in 0...context.scalars.count {
                for end in start...context.scalars.count {
                    let quotes = rules.quotations(in: TextSpan(start: start, end: end))
                    #expect(quotes == Self.referenceQuotations(context, in: TextSpan(start: start, end: end)), "\(text) \(start)..<\(end)")
                    found += quotes.count
                }
            }
        }
        #expect(found > 100)
    }

    @Test func pronounSubjectsAsWithStrings() {
        for text in Self.texts + ["and then he had already said", "She, Zij and ze", "h\u{E9} he"] {
            let context = Self.context(text)
            let rules = SpeechRules(context: context)
            for (start, end) in Self.ranges(context.scalars.count) {
                let words = RelationContext.words(Self.referenceText(context, start, end))
                let expected = words.lastIndex { SpeechRules.pronouns.contains($0) }.map { words.count - $0 <= 3 } ?? false
                #expect(rules.endsWithPronoun(TextSpan(start: start, end: end)) == expected, "\(text) \(start)..<\(end)")
            }
        }
    }

    @Test func spacesAndCommasAroundASCII() {
        let context = Self.context(" , x  ,  ")
        #expect(context.isComma(0, 3, exactly: true))
        #expect(context.isComma(0, 4, exactly: false))
        #expect(!context.isComma(0, 4, exactly: true))
        #expect(context.isComma(4, 9, exactly: true))
        #expect(context.isSpaces(7, 9) && !context.isSpaces(6, 9))
    }
}

/// The word tables against the String sets they stand for.
@Suite("Speech word tables")
struct SpeechWordTableTests {
    static let words: Set<String> = SpeechRules.verbs.union(SpeechRules.pronouns).union(SpeechRules.objectPronouns)
        .union(SpeechRules.objects).union(SpeechRules.complementizers).union(SpeechRules.coordinators)
        .union(["according", "to", "volgens", ",", "\"", "“"])

    static func classes(_ word: String) -> SpeechWordClass {
        let bytes = Array(word.utf8)
        return SpeechWordClass.of(length: bytes.count) { bytes[$0] }
    }

    @Test func everyWordHasTheClassesOfItsSets() {
        for word in Self.words {
            let found = Self.classes(word)
            #expect(found.contains(.speechVerb) == SpeechRules.verbs.contains(word), "\(word)")
            #expect(found.contains(.pronoun) == SpeechRules.pronouns.contains(word), "\(word)")
            #expect(found.contains(.objectPronoun) == SpeechRules.objectPronouns.contains(word), "\(word)")
            #expect(found.contains(.object) == SpeechRules.objects.contains(word), "\(word)")
            #expect(found.contains(.complementizer) == SpeechRules.complementizers.contains(word), "\(word)")
            #expect(found.contains(.coordinator) == SpeechRules.coordinators.contains(word), "\(word)")
            #expect(found.contains(.according) == (word == "according"))
            #expect(found.contains(.to) == (word == "to"))
            #expect(found.contains(.volgens) == (word == "volgens"))
            #expect(found.contains(.clauseBreak) == [",", "\"", "“"].contains(word))
            let bytes = Array(word.utf8)
            #expect(SpeechWordClass.triggerTable.value(length: bytes.count) { bytes[$0] } ?? [] == found.intersection(.triggers))
        }
    }

    @Test func nearMissesAreNotWords() {
        for word in Self.words {
            for other in [String(word.dropLast()), word + "s", word + "x", "x" + word, String(word.dropFirst()), word.uppercased(), word + word] {
                guard !Self.words.contains(other) else { continue }
                #expect(Self.classes(other).isEmpty, "\(other)")
            }
        }
        for other in ["", ";", "'", "”", "„", "‘", "zeii", "aangekondigde", "onderstreepten", "saidsaidsaidsaid"] {
            #expect(Self.classes(other).isEmpty, "\(other)")
        }
    }

    @Test func tablesHoldTheirWordsOnly() {
        let table = ShortWordTable<Bool>(SpeechRules.complementizers)
        for word in ["that", "dat"] {
            let bytes = Array(word.utf8)
            #expect(table.contains(length: bytes.count) { bytes[$0] })
        }
        for word in ["than", "data", "da", "tha", "thatt", "Dat"] {
            let bytes = Array(word.utf8)
            #expect(!table.contains(length: bytes.count) { bytes[$0] })
        }
    }
}
