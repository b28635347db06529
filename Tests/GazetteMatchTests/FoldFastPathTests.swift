import Foundation
import GazetteGazetteer
import Testing

/// `Gazetteer.fold` folds ASCII text on its bytes: it must agree with the Foundation folding it stands for.
@Suite struct FoldFastPathTests {
    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }

    @Test func asciiFoldingAgreesWithFoundationOnEveryCharacter() {
        for byte in UInt8(0x01)...UInt8(0x7F) {
            let text = "A" + String(UnicodeScalar(byte)) + "z"
            #expect(Gazetteer.fold(text) == Self.foundationFold(text), "byte \(byte)")
        }
    }

    @Test func asciiFoldingAgreesWithFoundationOnNames() {
        for name in ["Clinton", "O'Brien", "McDONALD", "van der Leyen", "Ukraine's", "AT&T", "", "x"] {
            #expect(Gazetteer.fold(name) == Self.foundationFold(name))
        }
    }

    @Test func otherTextStillFoldsDiacriticsAndApostrophes() {
        #expect(Gazetteer.fold("Zelensky’s") == "zelensky's")
        #expect(Gazetteer.fold("Oekraïne") == "oekraine")
        #expect(Gazetteer.fold("SÃO Paulo") == Self.foundationFold("SÃO Paulo"))
    }
}
