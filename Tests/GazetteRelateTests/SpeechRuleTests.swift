import GazetteCore
import GazetteTestSupport
import Testing

/// Speech relations with quotes of every kind, English and Dutch verbs and non-ASCII text before the
/// mentions: speaker, statement, statement offsets (in scalars), evidence start and trigger, as the
/// String-based rules gave them.
@Suite("Speech rules")
struct SpeechRuleTests {
    func said(_ text: String, language: String? = nil) throws -> [String] {
        let document = try Repository.annotate(text, language: language)
        return document.relations.filter { $0.type == .said }.map { relation in
            let statement = relation.statement!
            return "\(document.entity(relation.head)!.text): \(document.text(of: statement)) "
                + "[\(statement.start)-\(statement.end)] from \(relation.evidence.start) by \(relation.trigger)"
        }
    }

    @Test func curlyLowAndStraightQuotes() throws {
        let found = try said(
            "Talks\n“The treaty would make our whole continent safer,” Angela Merkel said in Munich. "
                + "„Wij zullen Oekraïne blijven steunen, wat er ook gebeurt”, zei Dick Schoof. "
                + "Emmanuel Macron said: \"Europe must defend itself against every threat now.\" "
                + "Zürich-born Olaf Scholz told reporters that the talks would continue next week, but warned that progress was slow.")
        #expect(found == [
            "Angela Merkel: The treaty would make our whole continent safer [8-55] from 8 by said",
            "Dick Schoof: Wij zullen Oekraïne blijven steunen, wat er ook gebeurt [89-144] from 89 by zei",
            "Emmanuel Macron: Europe must defend itself against every threat now [187-237] from 164 by said",
            "Olaf Scholz: the talks would continue next week [284-318] from 252 by told",
            "Olaf Scholz: progress was slow [336-353] from 252 by warned",
        ])
    }

    @Test func dutchVerbsAndVolgens() throws {
        let found = try said(
            "Overleg\nVolgens premier Dick Schoof moet Nederland meer doen voor de veiligheid. "
                + "Café-eigenaar Mark Rutte verklaarde dat de NAVO sterker wordt, maar benadrukte dat het geld kost. "
                + "De Franse president Macron waarschuwde dat Europa moet investeren.",
            language: "nl")
        #expect(found == [
            "Dick Schoof: moet Nederland meer doen voor de veiligheid [37-80] from 9 by Volgens",
            "Mark Rutte: de NAVO sterker wordt [122-143] from 96 by verklaarde",
            "Mark Rutte: het geld kost [165-178] from 96 by benadrukte",
            "Macron: Europa moet investeren [223-245] from 200 by waarschuwde",
        ])
    }

    @Test func nonASCIIBeforeMentionsAndPronouns() throws {
        let found = try said(
            "Talks\nAccording to Naïve analyst Ursula von der Leyen, the ‘plan’ works well for everyone. "
                + "Schön Emmanuel Macron and Ukrainian President Volodymyr Zelensky told reporters that peace was near. "
                + "He said the deal was done.")
        #expect(found == [
            "Ursula von der Leyen: the ‘plan’ works well for everyone [56-90] from 7 by According to",
            "Emmanuel Macron: peace was near [177-191] from 98 by told",
            "Volodymyr Zelensky: peace was near [177-191] from 138 by told",
            "Volodymyr Zelensky: the deal was done [201-218] from 138 by said",
        ])
    }

    @Test func documentsWithoutAPossibleHeadHaveNoRelations() throws {
        let document = try Repository.annotate("Talks\nBerlin said that prices in Paris rose sharply, he told reporters.")
        #expect(!document.entities.isEmpty)
        #expect(document.relations.isEmpty)
    }

    /// Speakers carried for a coordinated verb ("…, but warned.") that gave no statement stay pending
    /// and reach a verb at the same word position of a later sentence, even one without any speaker
    /// mention. Questionable, but the output must not change with the fast paths: this pins it.
    @Test func pendingCarriedSpeakersReachALaterSentence() throws {
        let found = try said(
            "Talks\nAngela Merkel said that the talks went well, but warned. The weather was cold and wet. "
                + "Prices of the grain that the farm group reported then said it would rise sharply.")
        #expect(found == [
            "Angela Merkel: the talks went well [31-50] from 7 by said",
            "Angela Merkel: it would rise sharply [153-174] from 7 by said",
        ])
    }
}
