import GazetteCore
import Testing

@Suite("Calendar days")
struct CalendarDayTests {
    /// The reference: the first ten characters, when they are digits and dashes in the `YYYY-MM-DD` places.
    static func referenceLeading(_ text: String) -> String? {
        guard text.count >= 10 else { return nil }
        let day = Array(text.prefix(10))
        let shaped = day.indices.allSatisfy { index in
            index == 4 || index == 7 ? day[index] == "-" : day[index].isASCII && day[index].isWholeNumber
        }
        return shaped ? String(day) : nil
    }

    @Test(arguments: [
        "2025-09-04", "2025-09-04T10:00:00Z", "2025-09-04 x", "2025-09-04é", "2025-09-04\u{301}", "2025-09-0", "2025/09/04",
        "20250904", "", "２０２５-09-04", "2025-09-4x", "1987-02-26T15:01:01", "9999-99-99", "2025-09-04\r\n",
    ])
    func leadingDayMatchesTheReference(text: String) {
        #expect(CalendarDay.leading(text)?.text == Self.referenceLeading(text))
    }

    @Test func onlyWholeValidDaysAreDays() {
        #expect(CalendarDay("2025-09-04")?.text == "2025-09-04")
        #expect(CalendarDay("2025-02-31") != nil, "the day is checked against 1-31, as ISODate does")
        for text in ["2025-13-01", "2025-00-10", "2025-01-32", "0999-01-01", "1-SEP-1987", "2025-09-04T10:00", " 2025-09-04", "2025-9-4"] {
            #expect(CalendarDay(text) == nil, "\(text)")
        }
        #expect(CalendarDay("2025-01-02")! < CalendarDay("2025-10-01")!)
    }
}
