@testable import GazetteReaders
import Testing

/// Dates as feeds write them: RFC 822/1123 and their deviations, names in en, pt, es, it, fr, de, nl, zones.
@Suite("Dates: feed forms")
struct FeedDateTests {
    @Test(arguments: [
        ("Thu, 04 Sep 2025 10:00:00 GMT", "2025-09-04T10:00:00Z"),
        ("Thu, 4 Sep 2025 10:00 +0200", "2025-09-04T10:00+02:00"),
        ("Wed, 17 Jan 2018 15:50:00 EST", "2018-01-17T15:50:00-05:00"),
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33"),
        ("Sat, Dec 16 2023 12:02:33 AM", "2023-12-16T00:02:33"),
        ("December 16, 2023 2:02pm", "2023-12-16T14:02"),
        ("Mon, 02 Jan 06 15:04:05 MST", "2006-01-02T15:04:05-07:00"),
        ("Tue, 10 Jun 2003 04:00:00 UT", "2003-06-10T04:00:00Z"),
        ("Fri, 21 Mar 2025 06:29:51 GMT+2", "2025-03-21T06:29:51+02:00"),
        ("Fri, 21 Mar 2025 06:29:51 IST", "2025-03-21T06:29:51"),
        ("4th July 2025", "2025-07-04"),
        ("2025-09-04t10:00:00z", "2025-09-04T10:00:00Z"),
        ("2025-09-04T10:00:00.000+02:00", "2025-09-04T10:00:00.000+02:00"),
    ])
    func englishAndRFCForms(_ input: String, _ expected: String) {
        #expect(ISODate.normalise(input) == expected)
    }

    @Test(arguments: [
        ("Seg, 24 Set 2018 10:00:00 -0300", "2018-09-24T10:00:00-03:00"),
        ("Qua, 05 Fev 2020 08:15:00 -0300", "2020-02-05T08:15:00-03:00"),
        ("24 de setembro de 2018 às 10h30", "2018-09-24T10:30"),
        ("Lun, 03 Dic 2018 09:00:00 +0100", "2018-12-03T09:00:00+01:00"),
        ("mar, 4 mar 2025 14:30:00 +0100", "2025-03-04T14:30:00+01:00"),
        ("3 de diciembre de 2018", "2018-12-03"),
        ("Gio, 05 Giu 2025 11:00:00 +0200", "2025-06-05T11:00:00+02:00"),
        ("mardi 4 mars 2025 14h30", "2025-03-04T14:30"),
        ("1er août 2025", "2025-08-01"),
        ("Do, 24. Sep 2018 10:00:00 MESZ", "2018-09-24T10:00:00+02:00"),
        ("24. Dezember 2018 08:00 MEZ", "2018-12-24T08:00+01:00"),
        ("Mi, 05 Mär 2025 12:00:00 CET", "2025-03-05T12:00:00+01:00"),
        ("wo 5 mrt 2025 12:00", "2025-03-05T12:00"),
        ("5 oktober 2025", "2025-10-05"),
    ])
    func otherLanguages(_ input: String, _ expected: String) {
        #expect(ISODate.normalise(input) == expected)
    }

    @Test(arguments: ["Sept 2018", "yesterday", "32 Jan 2025", "Foo, 04 Sep 2025", "Thu, 04 Sep 2025 10:00:00 GMT and more words"])
    func notDates(_ input: String) {
        #expect(ISODate.normalise(input) == nil)
    }

    /// Found by FuzzDate: a signed "hour" ("-5") was taken by `Int()` and written into the clock.
    @Test func aSignedClockIsNotAClock() {
        #expect(ISODate.normalise("26-FEB-1987 -5:01:+1.79") == "1987-02-26")
        #expect(ISODate.normalise("Thu, 04 Sep 2025 +1:00:00 GMT") == nil)
    }

    @Test func aClockOutOfRangeKeepsTheDay() {
        #expect(ISODate.normalise("Thu, 04 Sep 2025 25:99:00 GMT") == "2025-09-04")
    }
}
