import GazetteBytes
import GazetteCore
import GazettePipeline
import GazetteReaders
@testable import GazetteRelate
import GazetteTestSupport
import Testing

/// The speech rules' sentence-by-sentence path against the path for tokens in any order, on the
/// committed corpora, the gold inputs and texts built to carry speakers across sentences.
@Suite("Speech rule paths")
struct SpeechPathTests {
    /// Every document of the corpora and the gold inputs, annotated.
    static let documents: [Document] = {
        let annotator = try! Annotator(resources: Repository.resources, asOf: "2025-09-04")
        let inputs = ["Corpora/en", "Corpora/nl", "Corpora/gold/input.jsonl"].map { Repository.path($0).path }
        var documents: [Document] = []
        for item in DocumentStream(inputs: inputs) {
            guard case .document(let raw) = item, case .success(let document) = annotator.annotate(raw) else { continue }
            documents.append(document)
        }
        return documents
    }()

    static let texts = [
        "Talks\nAngela Merkel said that the talks went well, but warned. The weather was cold and wet. "
            + "Prices of the grain that the farm group reported then said it would rise sharply.",
        "Talks\n“The treaty would make our whole continent safer,” Angela Merkel said in Munich. "
            + "„Wij zullen Oekraïne blijven steunen, wat er ook gebeurt”, zei Dick Schoof. "
            + "Emmanuel Macron said: \"Europe must defend itself against every threat now.\" "
            + "Zürich-born Olaf Scholz told reporters that the talks would continue next week, but warned that progress was slow.",
        "Talks\nAccording to Naïve analyst Ursula von der Leyen, the ‘plan’ works well for everyone. "
            + "Schön Emmanuel Macron and Ukrainian President Volodymyr Zelensky told reporters that peace was near. "
            + "He said the deal was done. Prices said nothing. She said the deal was done, and added that it held.",
        "Overleg\nVolgens premier Dick Schoof moet Nederland meer doen voor de veiligheid. "
            + "Café-eigenaar Mark Rutte verklaarde dat de NAVO sterker wordt, maar benadrukte dat het geld kost.",
    ]

    /// The speech relations of a document, after a relation of another rule (which must stay).
    func relations(_ document: Document, general: Bool) -> [Relation] {
        let context = RelationContext(document: document, gazetteer: Repository.resources.gazetteer, asOf: "2025-09-04")
        var rules = SpeechRules(context: context)
        var builder = RelationBuilder()
        let person = Entity(id: "e0", type: .person, span: TextSpan(start: 0, end: 1), text: "x", kb: "Q0", canonical: "x",
                            sentence: 0, source: .gazetteer)
        builder.add(.holdsRole, head: person, tail: person, role: "x", evidence: person.span, trigger: "x", confidence: 1)
        rules.collect(into: &builder, general: general)
        #expect(builder.relations.first?.head == "e0")
        return builder.relations
    }

    /// Whether every sentence's tokens form one run, the runs in increasing sentence order.
    static func isInSentenceOrder(_ tokens: [Token]) -> Bool {
        zip(tokens, tokens.dropFirst()).allSatisfy { $0.sentence <= $1.sentence }
    }

    @Test func bothPathsFindTheSameStatements() throws {
        var documents = Self.documents
        #expect(documents.count > 40)
        for text in Self.texts { documents.append(try Repository.annotate(text)) }
        var statements = 0
        for document in documents {
            #expect(Self.isInSentenceOrder(document.tokens))
            let found = relations(document, general: false)
            #expect(found == relations(document, general: true), "\(document.id)")
            statements += found.count
        }
        #expect(statements > 100)
    }

    @Test func tokensOutOfSentenceOrderTakeTheGeneralPath() throws {
        // The same document with the tokens of its sentences interleaved: the sentence-by-sentence path
        // finds statements in the first half, then meets sentence 0 again, drops them and starts over.
        var document = try Repository.annotate(Self.texts[1])
        let before = relations(document, general: true)
        document.tokens = document.tokens.enumerated().sorted { ($0.offset % 2, $0.offset) < ($1.offset % 2, $1.offset) }.map(\.element)
        #expect(!Self.isInSentenceOrder(document.tokens))
        #expect(relations(document, general: false) == relations(document, general: true))
        #expect(before.count >= 6)
        // The last sentence's tokens first: its statement is found, then dropped when sentence 0 comes.
        var swapped = try Repository.annotate("Talks\nAngela Merkel said that the talks went well. Emmanuel Macron said that the deal was done.")
        let last = swapped.sentences.count - 1
        swapped.tokens = swapped.tokens.filter { $0.sentence == last } + swapped.tokens.filter { $0.sentence != last }
        let general = relations(swapped, general: true)
        #expect(general.count == 3)
        #expect(relations(swapped, general: false) == general)
    }
}

/// `subject(before:from:sentence:)`, which keeps only the last three commas and reads ASCII text
/// from its bytes, against the version that split the whole clause into segments.
@Suite("Speech subjects")
struct SpeechSubjectTests {
    static func referenceSubject(_ rules: SpeechRules, before end: Int, from start: Int, sentence: Int) -> [Entity]? {
        let context = rules.context
        guard start < end else { return nil }
        let sentenceStart = context.sentence(sentence)?.start ?? 0
        var segments: [TextSpan] = []
        var segmentStart = start
        for offset in start..<end {
            let scalar = context.scalars[offset]
            if scalar == "," {
                segments.append(TextSpan(start: segmentStart, end: offset))
                segmentStart = offset + 1
            } else if start <= sentenceStart, scalar == "\"" || scalar == "“" || scalar == "”" {
                return nil
            }
        }
        segments.append(TextSpan(start: segmentStart, end: end))
        var candidates = [segments[segments.count - 1]]
        if segments.count >= 3 {
            let middle = segments[segments.count - 2]
            if context.entities.contains(where: { $0.type == .person && middle.contains($0.span) }), context.wordCount(middle.start, middle.end) <= 5 {
                candidates.append(middle)
            }
            candidates.append(segments[segments.count - 3])
        }
        let entities = context.entities
        for segment in candidates {
            var personIndex: Int?
            var previousPersonIndex: Int?
            var last: Int?
            for index in context.entityIndices(inSentence: sentence) where segment.contains(entities[index].span) && rules.isSpeaker(at: index) {
                last = index
                if entities[index].type == .person {
                    previousPersonIndex = personIndex
                    personIndex = index
                }
            }
            if let personIndex {
                let person = entities[personIndex]
                var speakers = [person]
                if let previous = previousPersonIndex.map({ entities[$0] }) {
                    let between = context.words(previous.span.end, person.span.start)
                    if let first = between.first, first == "and" || first == "en" { speakers.insert(previous, at: 0) }
                }
                if context.wordCount(person.span.end, segment.end) > 8 { continue }
                return speakers
            }
            if let other = last.map({ entities[$0] }) {
                if context.wordCount(other.span.end, segment.end) > 8 { continue }
                return [other]
            }
            if rules.endsWithPronoun(segment), let antecedent = rules.antecedent(before: segment.start + 1, sentence: sentence, within: segment) {
                return [antecedent]
            }
        }
        return nil
    }

    static let texts = [
        "Talks\nMerkel, the chancellor, said it. The chair, Angela Merkel, said so. He, however, said, \"no\", and she said it.",
        "Talks\n“Macron”, Scholz, Merkel and Schoof, who met in Brussels on Monday, of course said so; Rutte, NATO, said no.",
        "Talks\n\"Macron\", Scholz, Merkel and Schoof, who met in Brussels on Monday, of course said so; Rutte, NATO, said no.",
    ]

    @Test func subjectsAsBeforeOnEveryTokenOfEverySentence() throws {
        var documents = Array(SpeechPathTests.documents.prefix(30))
        for text in Self.texts + SpeechPathTests.texts { documents.append(try Repository.annotate(text)) }
        var found = 0
        for document in documents {
            let context = RelationContext(document: document, gazetteer: Repository.resources.gazetteer, asOf: "2025-09-04")
            let rules = SpeechRules(context: context)
            for (sentence, span) in document.sentences.enumerated() {
                let tokens = document.tokens.filter { $0.sentence == sentence }
                for token in tokens {
                    // From the sentence's start and from a few offsets inside it (as after a quotation).
                    for start in [span.start, span.start + 1, tokens[tokens.count / 3].span.end, tokens[tokens.count / 2].span.start] {
                        let subject = rules.subject(before: token.span.start, from: start, sentence: sentence)
                        let expected = Self.referenceSubject(rules, before: token.span.start, from: start, sentence: sentence)
                        #expect(subject == expected, "\(document.id) sentence \(sentence) \(start)..<\(token.span.start)")
                        if subject != nil { found += 1 }
                    }
                }
            }
        }
        #expect(found > 1000)
    }
}

/// The memchr byte search (ByteScan.firstOffset) against a plain scan, on every range.
@Suite("Byte search")
struct ByteSearchTests {
    @Test func findsAByteWhereAScanDoes() {
        let texts = ["", "\"", "abcdefgh\"", "abcdefghijklmnop", "abcdefg\"\"ijklmnop\"rst\n", "\n\n\nabcdefghijklmnopqrstu\n",
                     "a\"cdefghijklmnopq\"", "\u{7F}\u{80}\"\u{22}\u{A2}\u{2222}x\"y", "\"\"\"\"\"\"\"\"\""]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    for end in start...bytes.count {
                        for byte: UInt8 in [0x22, 0x2C, 0x80, 0xA2, 0x00, 0x0A] {
                            #expect(ByteScan.firstOffset(of: byte, in: buffer, from: start, to: end)
                                == ((start..<end).first { bytes[$0] == byte } ?? end))
                        }
                    }
                }
            }
            // The text model's scans (memchr on ASCII text, scalar by scalar on other text) against a plain scan.
            let model = DocumentText(text)
            let scalars = Array(text.unicodeScalars)
            for targets: [Unicode.Scalar] in [["\"", "\n"], ["\u{80}", "\u{0}"], ["\u{A2}", "\""], ["\"", "\u{201C}", "\u{201D}"], ["\n"]] {
                for start in 0...scalars.count {
                    for end in start...scalars.count {
                        let expected = (start..<end).filter { targets.contains(scalars[$0]) }
                        #expect(model.offsets(of: DocumentText.ScalarSet(targets), from: start, to: end) == expected)
                        #expect(model.firstOffset(of: DocumentText.ScalarSet(targets), from: start, to: end) == expected.first ?? end)
                    }
                }
            }
        }
    }
}

/// The one-pass clause end against the reference clause (markers first, then words scalar by scalar
/// with strings), from every token of every sentence to the sentence's end, on ASCII and other text.
@Suite("Clause ends")
struct ClauseEndTests {
    static let texts = [
        "Talks\nMerkel said the talks would resume, but warned that it would take time, and said so.",
        "Talks\nMerkel said the talks and the treaty, while useful, would resume and added that it would; she said and stated it.",
        "Talks\nSchoof zei dat het kabinet, maar ook de Kamer, het eens was en verklaarde dat; hij zei het, hoewel niet graag.",
        "Talks\nSchoof zei dat het kabinet, m\u{E9}me de Kamer, het eens was en verklaarde dat; hij zei het, hoewel niet graag.",
    ]

    @Test func cutsWhereTheReferenceDoes() throws {
        var documents = Array(SpeechPathTests.documents.prefix(40))
        for text in Self.texts + SpeechPathTests.texts { documents.append(try Repository.annotate(text)) }
        var checked = 0
        for document in documents {
            let context = RelationContext(document: document, gazetteer: Repository.resources.gazetteer, asOf: "2025-09-04")
            let rules = SpeechRules(context: context)
            for token in document.tokens {
                guard let sentence = context.sentence(token.sentence), token.span.start < sentence.end else { continue }
                for end in [sentence.end, max(token.span.start + 1, sentence.end - 7)] {
                    #expect(rules.clause(from: token.span.start, to: end)
                                == RelationTextTests.referenceClause(context, from: token.span.start, to: end),
                            "\(document.id) \(token.span.start)..<\(end)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}

/// Each sentence's mentions as runs of the entity array (mentions in sentence order) against the
/// counting sort, on the corpora and on random sentence numbers, out of range and out of order ones included.
@Suite("Mentions by sentence")
struct MentionGroupTests {
    static func groups(_ entities: [Entity], sentenceCount: Int, general: Bool) -> [[Int]] {
        let (starts, order) = RelationContext.groupBySentence(entities, sentenceCount: sentenceCount, general: general)
        return (0..<sentenceCount).map { sentence in
            (starts[sentence]..<starts[sentence + 1]).map { order?[$0] ?? $0 }
        }
    }

    @Test func runsAndCountingSortGroupAlike() {
        var cases = SpeechPathTests.documents.map { ($0.entities, $0.sentences.count) }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let sentenceCount = Int.random(in: 0...6, using: &generator)
            var sentences = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: -1...7, using: &generator) }
            if Bool.random(using: &generator) { sentences.sort() }
            let entities = sentences.enumerated().map { index, sentence in
                Entity(id: "e\(index)", type: .person, span: TextSpan(start: index, end: index + 1), text: "x", canonical: "x",
                       sentence: sentence, source: .gazetteer)
            }
            cases.append((entities, sentenceCount))
        }
        var ordered = 0
        for (entities, sentenceCount) in cases {
            let runs = Self.groups(entities, sentenceCount: sentenceCount, general: false)
            #expect(runs == Self.groups(entities, sentenceCount: sentenceCount, general: true), "\(entities.map(\.sentence)) in \(sentenceCount)")
            if RelationContext.groupBySentence(entities, sentenceCount: sentenceCount).order == nil { ordered += 1 }
        }
        #expect(ordered > 300)
    }
}
