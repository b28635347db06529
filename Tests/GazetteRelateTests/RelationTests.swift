import GazetteCore
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
        #expect(found == ["holds_role(Witkoff -> negotiator, negotiator)", "citizen_of(Witkoff -> United States)"])
    }

    @Test func aBareTitleUsesTheOfficeHeldOnTheArticleDate() throws {
        let text = "Talks\nPresident Donald Trump called the United States a partner."
        #expect(try relations(text, asOf: "2025-09-04").contains("leader_of(Donald Trump -> United States, president)"))
        // In 2023 Trump held no office: the title alone says nothing about which country he leads.
        #expect(try !relations(text, asOf: "2023-06-01").contains { $0.hasPrefix("leader_of") })
        #expect(try !relations(text, published: "2023-06-01").contains { $0.hasPrefix("leader_of") })
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
