/// Script-aware measures of a paragraph for the rules that depend on length in words: Chinese and Japanese
/// (and Thai, Lao, Khmer, Myanmar) write without spaces between words, so a space count would call a whole
/// paragraph of them one word.
enum TextMeasure {
    /// Characters that end a sentence, in Latin, CJK and other scripts.
    static let sentenceEnds: Set<Character> = [".", "!", "?", "\"", "”", "»", "“", "。", "！", "？", "」", "』", "…", "؟", "।", "۔"]

    /// Words separated by spaces, where every two characters of a script written without spaces count as a word.
    static func wordCount(_ text: some StringProtocol) -> Int {
        var words = 0
        var unspaced = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isUnspacedScript(scalar) {
                unspaced += 1
                inWord = false
            } else if scalar == " " || scalar == "\n" || scalar == "\t" {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words + (unspaced + 1) / 2
    }

    /// Han, Hiragana, Katakana, Thai, Lao, Khmer and Myanmar letters.
    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        case 0x0E00...0x0EFF, 0x1780...0x17FF, 0x1000...0x109F: return true
        default: return false
        }
    }
}
