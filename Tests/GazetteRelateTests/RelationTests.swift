import GazetteCore
import GazettePipeline
import GazetteRelate
import GazetteTestSupport
import Testing

@Suite("Relations")
struct RelationTests {
    func relations(_ text: String, published: String? = nil, asOf: String = "2025-09-04") throws -> [String] {
        try Repository.annotate(text, published: published, asOf: asOf).relationSummaries
    }

    @Test func demonymRoleNameGivesLeaderRoleAndCitizenship() throws {
        let found = try relations("Talks\nDutch Prime Minister Dick Schoof met reporters.")
        #expect(found.contains("leader_of(Dick Schoof -> Netherlands, prime minister)"))
        #expect(found.contains("holds_role(Dick Schoof -> prime minister, prime minister)"))
        #expect(found.contains("citizen_of(Dick Schoof -> Netherlands)"))
    }

    @Test func organisationTitlesLeadTheOrganisation() throws {
        let found = try relations("Talks\nEuropean Commission President Ursula von der Leyen spoke.")
        #expect(found.contains("leader_of(Ursula von der Leyen -> European Commission, president)"))
        #expect(!found.contains { $0.hasPrefix("citizen_of") })
    }

    @Test func nonLeaderTitlesGiveRolesOnly() throws {
        let found = try relations("Talks\nAmerican top negotiator Witkoff attended.")
        #expect(found == [
            "holds_role(Witkoff -> negotiator, negotiator)", "citizen_of(Witkoff -> United States)",
            "affiliated_with(Witkoff -> United States, negotiator)",
        ])
    }

    @Test func aBareTitleUsesTheOfficeHeldOnTheArticleDate() throws {
        let text = "Talks\nPresident Donald Trump called the United States a partner."
        #expect(try relations(text, asOf: "2025-09-04").contains("leader_of(Donald Trump -> United States, president)"))
        // In 2023 Trump held no office: the title alone says nothing about which country he leads.
        #expect(try !relations(text, asOf: "2023-06-01").contains { $0.hasPrefix("leader_of") })
        #expect(try !relations(text, published: "2023-06-01").contains { $0.hasPrefix("leader_of") })
    }

    @Test func anUndatedArticleUsesTheOfficesOfAnyTime() throws {
        // Neither the article nor the run gives a date: the title names the one country Obama was ever president of.
        let document = try Repository.annotate("Talks\nPresident Barack Obama called the United States a partner.", asOf: nil)
        let leader = document.relations.first { $0.type == .leaderOf }
        #expect(leader?.source == .patternAndKB)
        #expect(leader.flatMap { document.entity($0.tail!)?.canonical } == "United States")
        // A date from the article itself decides as before.
        let dated = try Repository.annotate("Talks\nPresident Barack Obama called the United States a partner.",
                                            published: "2023-06-01", asOf: nil)
        #expect(!dated.relations.contains { $0.type == .leaderOf })
    }

    @Test func formerTitlesAreNotLeadership() throws {
        let found = try relations("Talks\nFormer French President Nicolas Sarkozy spoke.")
        #expect(!found.contains { $0.hasPrefix("leader_of") })
        #expect(found.contains("holds_role(Nicolas Sarkozy -> president, president)"))
    }

    @Test func noRelationWithoutAConnectingTitle() throws {
        let found = try relations("Talks\nEmmanuel Macron visited Germany and met Olaf Scholz in Berlin.")
        #expect(found.isEmpty)
    }

    @Test func repeatedFactsAreNotDuplicated() throws {
        let found = try relations("Talks\nFrench President Emmanuel Macron spoke. Later French President Emmanuel Macron left.")
        #expect(found.filter { $0.hasPrefix("leader_of") }.count == 1)
    }
}

@Suite("Relation patterns")
struct RelationPatternTests {
    func relations(_ text: String, asOf: String = "2025-09-04") throws -> [String] {
        try Repository.annotate(text, asOf: asOf).relationSummaries
    }

    @Test func appositionsAndFrontedTitles() throws {
        let found = try relations("Talks\nFriedrich Merz, the German chancellor, met the president of France, Emmanuel Macron, in Kyiv.")
        #expect(found.contains("leader_of(Friedrich Merz -> Germany, chancellor)"))
        #expect(found.contains("leader_of(Emmanuel Macron -> France, president)"))
        #expect(found.contains("holds_role(Emmanuel Macron -> president, president)"))
    }

    @Test func possessiveAndPostNominalTitles() throws {
        let found = try relations("Talks\nUkraine's president Volodymyr Zelensky met President Vladimir Putin of Russia.")
        #expect(found.contains("leader_of(Volodymyr Zelensky -> Ukraine, president)"))
        #expect(found.contains("leader_of(Vladimir Putin -> Russia, president)"))
    }

    @Test func dutchTitles() throws {
        let found = try relations("Overleg\nDe Franse president Macron sprak met Schoof, de Nederlandse premier, en met premier Tusk.")
        #expect(found.contains("leader_of(Emmanuel Macron -> France, president)"))
        #expect(found.contains("leader_of(Dick Schoof -> Netherlands, prime minister)"))
        #expect(found.contains("holds_role(Donald Tusk -> prime minister, prime minister)"))
    }

    @Test func affiliationOfNonLeadingTitles() throws {
        let found = try relations("Talks\nKremlin spokesman Dmitry Peskov declined to comment.")
        #expect(found.contains("affiliated_with(Dmitry Peskov -> Government of Russia, spokesperson)"))
        #expect(!found.contains { $0.hasPrefix("leader_of") })
    }

    @Test func membershipOnlyWhereStated() throws {
        #expect(try relations("Talks\nPoland, a NATO member, welcomed it. Turkey is also a member of NATO.").filter { $0.hasPrefix("member_of") }
            == ["member_of(Poland -> NATO)", "member_of(Turkey -> NATO)"])
        #expect(try relations("Talks\nNATO countries surrounding Ukraine agreed. Turkey is not a member of the EU.")
            .filter { $0.hasPrefix("member_of") }.isEmpty)
        #expect(try relations("Overleg\nPolen, een NAVO-lid, stemde in.").contains("member_of(Poland -> NATO)"))
    }

    @Test func quotesAndReportedSpeech() throws {
        let document = try Repository.annotate(
            "Talks\n\"This treaty would make our continent safer,\" Merkel said in Munich. Angela Merkel spoke. "
                + "She said that cooperation was the only way forward. "
                + "The UNHCR, the refugee agency of the United Nations, said that 800,000 people had crossed into Chad.",
            asOf: "2010-02-05")
        let said = document.relations.filter { $0.type == .said }.map {
            "\(document.entity($0.head)!.text): \(document.text(of: $0.statement!))"
        }
        #expect(said.contains("UNHCR: 800,000 people had crossed into Chad"))
        #expect(said.contains("Angela Merkel: cooperation was the only way forward"))
    }

    @Test func dutchInvertedSpeechAndVolgens() throws {
        let document = try Repository.annotate(
            "Overleg\nDe politieke toezeggingen geven Zelensky meer vertrouwen, zei premier Schoof. Volgens hem moet Nederland meedoen.",
            language: "nl")
        let said = document.relations.filter { $0.type == .said }.map {
            "\(document.entity($0.head)!.canonical): \(document.text(of: $0.statement!))"
        }
        #expect(said == ["Dick Schoof: De politieke toezeggingen geven Zelensky meer vertrouwen", "Dick Schoof: moet Nederland meedoen"])
    }

    @Test func gazetteerOnlyRelationsOnRequestAndMarked() throws {
        let text = "Talks\nVladimir Putin hosted talks on Russia's economy."
        #expect(try relations(text).isEmpty)
        let annotator = try Annotator(resources: Repository.resources, asOf: "2025-09-04")
        annotator.relationOptions = RelationOptions(kbRelations: true)
        let raw = RawDocument(id: "k", source: SourceLocator(path: "k", format: .text), format: .text, bytes: Array(text.utf8))
        let document = try annotator.annotate(raw).get()
        #expect(document.relations.count == 1)
        #expect(document.relations.first?.type == .leaderOf && document.relations.first?.source == .kb)
    }
}
