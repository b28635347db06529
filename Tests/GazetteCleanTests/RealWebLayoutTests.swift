import Foundation
@testable import GazetteClean
import GazetteEval
import GazetteCore
import GazetteXML
import Testing

/// Layout rules learned from real pages, each on a small page written for the test.
@Suite("Real-web layouts")
struct RealWebLayoutTests {
    func extract(_ html: String) throws -> HTMLExtraction {
        let tree = try Array(html.utf8).withUnsafeBytes { try XMLTree.parseHTML($0, encoding: "UTF-8") }
        return HTMLCleaner.extract(root: try #require(tree.root))
    }

    static let sentences = [
        "The harbour board agreed on Monday, after a long meeting, to dredge the eastern channel before winter.",
        "Fishing crews had asked for the work for three years, saying larger boats could no longer enter at low tide.",
        "The contract, worth about two million, goes to a firm that dredged the western basin in 2019.",
        "Work starts in October and should take six weeks, weather permitting, the board's chair said.",
    ]

    static func article(_ extra: String = "") -> String {
        sentences.map { "<p>\($0)</p>" }.joined() + extra
    }

    static let sidebar = """
        <div class="links"><a href="/a">Weather</a> <a href="/b">Tides</a> <a href="/c">Events</a></div>
        """

    @Test func aWrapperNamedLikeASidebarKeepsTheArticleItHolds() throws {
        // "content-sidebar-wrap" holds the whole page: its class word must not drop the article inside it.
        let html = """
            <html><body><div id="content-sidebar-wrap"><div class="hfeed"><h1>Channel to be dredged</h1>
            <div class="entry-content">\(Self.article())</div></div>\(Self.sidebar)</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aWrapperWhoseIdIsAURLIsNotJudgedByThePathWords() throws {
        // An id that is a URL names a place; "comments" in its path says nothing about the element.
        let html = """
            <html><body><div id="http://example.org/weblog/comments/5933/"><h1>Channel to be dredged</h1>
            \(Self.article())</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func commentaryIsAnArticleNotACommentThread() throws {
        // "commentary" (an article genre) starts like the marker prefix "comment" but names content.
        let html = """
            <html><body><div class="commentary-wrap"><h1>Channel to be dredged</h1>\(Self.article())</div>
            \(Self.sidebar)<div class="comments"><p>First! I have been waiting for this dredging work for years now.</p></div>
            </body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aBylineMarkAroundAParagraphIsLifted() throws {
        // Blocks marked "byline-author" that hold parts of the post (an unclosed byline element), a third of it
        // each: no byline holds a paragraph of 400 bytes, so the marks are lifted though neither holds half the page.
        let long = (Self.sentences + Self.sentences).joined(separator: " ")
        let html = """
            <html><body><div class="post"><h1>Channel to be dredged</h1><div class="post-text">
            <div class="byline-author">By Jane Roe<p>\(long)</p></div>
            <div class="byline-author">By Jane Roe<p>\(long) Again.</p></div>
            <p>\(long) Once more.</p></div></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs.contains(long))
        #expect(result.paragraphs.contains(long + " Again."))
    }

    @Test func aLongNoteInABylineAreaBesideTheArticleStaysOut() throws {
        // The byline area holds one long note (a fact-check statement) while the article holds most of the page.
        let note = "Facts are a thing. We love them, and a team checks everything we post against sources we name on our corrections page, every single day of the week."
        let html = """
            <html><body><article><h1>Channel to be dredged</h1><div id="byline">By Jane Roe<p>\(note) \(note) \(note) \(note)</p></div>
            \(Self.article())\(Self.article())</article></body></html>
            """
        let result = try extract(html)
        #expect(!result.paragraphs.contains { $0.hasPrefix("Facts are a thing") })
        #expect(result.paragraphs.contains(Self.sentences[0]))
    }

    @Test func aShortBylineStaysBoilerplate() throws {
        let html = """
            <html><body><div class="story"><div class="byline">By Jane Roe, harbour correspondent</div>\(Self.article())</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aSmallSidebarStaysBoilerplate() throws {
        let html = """
            <html><body><div class="story">\(Self.article())</div>
            <div class="sidebar"><p>Sign up for our weekly newsletter and get the tide tables every Friday morning.</p></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aPageOfAFewShortLinesKeepsThemAll() throws {
        // No running text anywhere: the two headings and the linked line are the page's whole content.
        let html = """
            <html><head><title>Tide tables</title></head><body><h2>High tide</h2><h2>Low tide</h2>
            <a href="/tides"><p>tables</p></a></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == ["High tide", "Low tide", "tables"])
    }

    @Test func aFewShortLinesBesideDroppedBlocksAreStillFiltered() throws {
        // The page's text sits in a navigation block: the short line left over is not kept as the content.
        let links = (1...12).map { "<a href=\"/s\($0)\">Section number \($0) of the harbour site</a>" }.joined(separator: " ")
        let html = """
            <html><head><title>Tide tables</title></head><body><nav>\(links)</nav><h2>Tides</h2></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs.isEmpty)
    }

    @Test func aLongCommentThreadDoesNotHideAPostWithATaxonomyClassWord() throws {
        // "author-jane" softly marks the post; the comment thread below holds most of the page's paragraph
        // text. Comments do not count in the page's text mass, so the post still holds most of it and is kept.
        let comment = "<p>I remember when the channel was dredged last time, the boats came in at every tide for years.</p>"
        let html = """
            <html><body><div class="post author-jane category-news">\(Self.article())</div>
            <div id="comments">\(String(repeating: comment, count: 30))</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aPostWithATaxonomyClassWordKeepsItsText() throws {
        // "entry-author-jane" names the author in the post's class list; the post holds 40 % of the page's
        // paragraph text, the rest sits in two blocks that stay boilerplate.
        let teasers = (1...4).map { _ in "<p>Another story from the harbour, with tides, boats and the weather there.</p>" }.joined()
        let html = """
            <html><body><div class="entry entry-author-jane category-news">\(Self.article())</div>
            <div class="related">\(teasers)</div><div class="promo">\(teasers)</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func whenTheMarksHideNearlyEverythingTheLargestMarkedBlockIsRead() throws {
        // The article sits in a "widget" holding under half of the text, beside an <aside> and a promo block.
        let sidebar = (1...4).map { _ in "<p>Popular this week: the tide tables, boats for sale and the ferry times.</p>" }.joined()
        let html = """
            <html><body><div class="widget blog">\(Self.article())</div><aside>\(sidebar)</aside>
            <div class="promo"><p>Subscribe to the harbour news and read every story first.</p></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aTranscriptInTheArticlesFooterIsRead() throws {
        let html = """
            <html><body><article><h1>Channel to be dredged</h1><p>Watch the video.</p>
            <footer><div id="transcript">\(Self.article())</div></footer></article>
            <footer><p>Copyright Harbour News. All rights reserved, reproduction in any form is forbidden.</p></footer></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs.suffix(4) == Self.sentences[...])
        #expect(!result.paragraphs.contains { $0.hasPrefix("Copyright") })
    }

    @Test func commentThreadsAreNeverLifted() throws {
        let comments = (1...12).map { "<p>Reader \($0) wrote a long reply about the harbour, the tides and the boats there.</p>" }.joined()
        let html = """
            <html><body><div class="post">\(Self.article())</div><div class="comments">\(comments)</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aCommentThreadNamedInPolishIsACommentThread() throws {
        // Polish, Czech, Slovak and South Slavic pages name comments "komentarz", "komentare", "komentari": a long
        // reader comment does not outweigh a short story ("komentator", a commentator, names content).
        let story = Array(Self.sentences.prefix(2))
        let reply = "<div class=\"komentarzWiersz\"><div class=\"tresc\">\(Self.sentences.joined(separator: " "))</div></div>"
        let html = """
            <html><body><div class="material"><div class="komentator-note">\(story.joined(separator: "<br><br>"))</div></div>
            <div class="koment korzen">\(reply)</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == story)
    }

    @Test func aSectionIdSpelledFromItsHeadingIsNoMark() throws {
        // Documentation generators give each section the id of its heading: "sharing-with-the-harbour-board" holds the
        // marker word "sharing" but names the heading. An id that does not spell the heading keeps its mark.
        let sections = [("sharing-with-the-harbour-board", "Sharing with the harbour board", 0), ("getting-into-trouble-with-shared-moorings", "Getting into trouble with shared moorings", 2)]
        let body = sections.map { id, heading, first in
            "<div class=\"section\" id=\"\(id)\"><h2>\(heading)¶</h2><p>\(Self.sentences[first])</p><p>\(Self.sentences[first + 1])</p></div>"
        }.joined()
        let share = "<div id=\"share-this-page-with-friends\"><h3>Tell a friend</h3><p>Send this page to a friend who likes boats and tides.</p></div>"
        let result = try extract("<html><body><div class=\"body\">\(body)\(share)</div></body></html>")
        #expect(result.paragraphs == [sections[0].1 + "¶", Self.sentences[0], Self.sentences[1], sections[1].1 + "¶", Self.sentences[2], Self.sentences[3]])
    }

    @Test func aPageInsideOneFormIsRead() throws {
        // ASP.NET pages wrap the whole page in a <form>; a small search form stays boilerplate.
        let html = """
            <html><body><form class="search"><p>Search the whole site for news, tide tables and events near you.</p></form>
            <form id="Form" action="/page.aspx"><div id="main"><h1>Channel to be dredged</h1>\(Self.article())</div></form></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aBodyAfterAStrayClosingHtmlTagIsRead() throws {
        let html = """
            <html><head><title>Channel to be dredged</title></head></html>
            <body><div class="post">\(Self.article())</div></body>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func chineseParagraphsAreNotMistakenForKickers() throws {
        let paragraphs = [
            "港务局周一在长时间会议后同意在冬季之前疏浚东部航道。",
            "渔船船员三年来一直要求进行这项工程，他们说大船在低潮时已无法进港。",
            "这份合同价值约两百万元，将交给二零一九年疏浚西部港池的公司。",
        ]
        let html = "<html lang=\"zh\"><body><div class=\"text\">" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
        let result = try extract(html)
        #expect(result.paragraphs == paragraphs)
    }

    @Test func wordsAreCountedByScript() {
        #expect(TextMeasure.wordCount("Harbour to be dredged") == 4)
        #expect(TextMeasure.wordCount("港务局同意疏浚航道") == 5)
        #expect(TextMeasure.wordCount("iPad 商标案") == 3)
        #expect(ParagraphFilter.dropReason("港务局周一在长时间会议后同意在冬季之前疏浚东部航道", linkDensity: 0) == nil)
        #expect(ParagraphFilter.dropReason("Live", linkDensity: 0) == .label)
    }

    @Test func utf8BytesWinOverADeclaredLegacyCharset() throws {
        let html = "<html><head><meta charset=\"gb2312\"><title>港务局</title></head><body><div class=\"text\">"
            + "<p>港务局周一在长时间会议后同意在冬季之前疏浚东部航道，渔船船员三年来一直要求进行这项工程。</p></div></body></html>"
        let raw = RawDocument(id: "p", source: SourceLocator(path: "p", format: .html), format: .html, bytes: Array(html.utf8))
        let document = try HTMLCleaner().clean(raw)
        #expect(document.text.contains("港务局周一在长时间会议后同意"))
    }

    @Test func aShortPostInABodyContainerBeatsALongerProfileBox() throws {
        // A short blog post in "post-body entry-content" next to a sidebar profile with more running text:
        // the container named like a body wins over the density choice elsewhere on the page.
        let profile = "<p>I write about boats, tides and the people of the harbour, and I have done so, on and off, for twenty years now.</p>"
        let html = """
            <html><body><div class="main"><h3>Dredging news</h3><div class="post-body entry-content">
            <p>\(Self.sentences[0])</p><p>\(Self.sentences[1])</p></div></div>
            <div class="column"><div class="profile-box">\(profile)\(profile)</div></div></body></html>
            """
        let result = try extract(html)
        #expect(result.signal == "content-class")
        #expect(result.paragraphs == Array(Self.sentences.prefix(2)))
    }

    @Test func aBodySplitIntoSeveralContainersOfOneClassIsReadWhole() throws {
        // An ad slot splits the story into two "story-body" blocks of the same parent: both are the body.
        let ad = "<div class=\"ad\"><p>Advertisement for boats and engines, the best prices on the whole coast.</p></div>"
        let html = """
            <html><body><div class="page"><div class="story-body">\(Self.sentences.prefix(2).map { "<p>\($0)</p>" }.joined())</div>
            \(ad)<div class="story-body">\(Self.sentences.suffix(2).map { "<p>\($0)</p>" }.joined())</div></div>
            <div class="rail"><p>Our readers also liked the story about the lighthouse keeper who retired after forty years.</p></div>
            </body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aBodyContainerFullOfLinksDefersToTheDensityChoiceInsideIt() throws {
        // "storycontent" wraps the whole page, navigation included: the tighter density choice inside it stays.
        let links = (1...30).map { "<a href=\"/s\($0)\">Section \($0) of the site</a>" }.joined(separator: " ")
        let html = """
            <html><body><div class="storycontent"><div class="sections">\(links)</div>
            <div class="text">\(Self.article())</div></div></body></html>
            """
        let result = try extract(html)
        #expect(result.signal == "text-density")
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func bodyContainerNamesFollowCommonConventions() {
        #expect(Boilerplate.namesContentContainer("entry-content clearfix"))
        #expect(Boilerplate.namesContentContainer("td-post-content"))
        #expect(Boilerplate.namesContentContainer("article__body"))
        #expect(Boilerplate.namesContentContainer("storybody"))
        #expect(!Boilerplate.namesContentContainer("content"))
        #expect(!Boilerplate.namesContentContainer("post-meta entry-footer"))
    }

    @Test func aBodySplitIntoSmallBlocksInSeparateWrappersIsReadWhole() throws {
        // A landing-page layout: every part of the text sits in its own row and column (of different classes), so the
        // best block holds only half of the page's text while blocks beside it hold the rest. The choice widens to
        // their common wrapper.
        let parts = [(Array(Self.sentences.prefix(2)), "intro"), ([Self.sentences[2]], "text"), ([Self.sentences[3]], "facts")]
        let rows = parts.map { paragraphs, name in
            "<div class=\"row\"><div class=\"col \(name)\">" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></div>"
        }
        let html = "<html><body><div class=\"page\">\(rows.joined())</div>\(Self.sidebar)</body></html>"
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func teaserCardsBesideTheArticleDoNotWidenIt() throws {
        // "More on this": cards in list items beside the story, each a summary with one short link. They hold as
        // much text as the story, but cards of a list are not more of the article.
        let cards = [
            "Ferry timetable changes for the winter season, with fewer crossings on weekdays, none on Sundays, and a later first boat, as the operator, citing costs, cuts back.",
            "The western basin, dredged in 2019, is already silting up again, according to a survey by the board, which, in a short report, blames the new breakwater.",
            "Fishing crews plan a meeting on quotas, the third this year, as prices at the auction, for cod, sole and plaice alike, keep falling, and fuel keeps rising.",
            "A new quay for the lifeboat station, paid for by donations, opens next spring, after two years of work, a long delay, and a change of builder, the crew said.",
            "Tide tables for the coming month, with the times, heights, and, for the first time, the expected currents of high and low water at the harbour entrance.",
        ].map { "<li><div class=\"card\"><div class=\"info\">\($0) <a href=\"/more\">More</a></div></div></li>" }
        let html = """
            <html><body><div class="page"><div class="story">\(Self.article())</div>
            <div class="more"><ul>\(cards.joined())</ul></div></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aLongDocumentInManyTableCellsWithoutLinksIsReadWhole() throws {
        // A guide laid out in table cells: one long section and several short ones, no link anywhere. No other block is
        // strong beside the long one, but a wrapper without links holds no navigation to widen into.
        let long = Array(repeating: Self.sentences, count: 2).flatMap { $0 }
        let notes = [
            "Note on the survey: divers will check the harbour wall before and after the work, since the last dredging cracked it",
            "Note on noise: the dredger works by day only, from seven to seven, and never on Sundays or on public holidays",
            "Note on dredging depth: the eastern channel will be taken down to six metres at low water, which is enough for the larger boats",
            "Note on timing: the work stops during the autumn spawning weeks, when the channel must be left undisturbed for the fish",
            "Note on cost: the two million includes the removal of the spoil to the licensed site offshore and the survey afterwards",
            "Note on traffic: the ferry keeps running throughout, with a pilot boat guiding it past the dredger at the narrowest point",
        ]
        let cells = ["<td>" + long.map { "<p>\($0)</p>" }.joined() + "</td>"] + notes.map { "<td><p>\($0)</p></td>" }
        let html = "<html><body><table><tr>\(cells.joined(separator: "</tr><tr>"))</tr></table></body></html>"
        let result = try extract(html)
        #expect(result.paragraphs == long + notes)
    }

    @Test func anArticleWrittenAsOneLongBlockIsNotWidenedIntoReaderNotes() throws {
        // The story is one <div> of lines split by <br>; reader notes in their own wrappers hold as much text again.
        // One long block of text is a whole article: the notes stay out.
        let story = Self.sentences + ["The board will publish the schedule, with dates for each section, on its website in September."]
        let notes = [
            "Reader note: the eastern channel, as far as I know, was last dredged when my father still fished out of this harbour.",
            "Reader note: six weeks, frankly, sounds optimistic to me, since the autumn storms always arrive earlier than planned.",
            "Reader note: I hope the firm, unlike the last one, keeps the noise down at night, as some of us live right on the quay.",
            "Reader note: good news for the ferry, too, which has had to wait for the tide far too often, and for far too long, this year.",
        ].map { "<div class=\"note\"><div class=\"inner\"><p>\($0)</p></div></div>" }
        let html = """
            <html><body><div class="page"><div class="story">\(story.joined(separator: "<br>"))</div>
            <div class="notes">\(notes.joined())</div></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == story)
    }

    @Test func aLongLeadParagraphAboveStepBlocksIsWidenedToTheSteps() throws {
        // A how-to page: a long lead <p> in its own block ("text lead"), then steps in blocks of their own class. The
        // lead is one paragraph, not an article written as one block, so the choice widens to the steps around it.
        let lead = (Self.sentences + Self.sentences.prefix(2)).joined(separator: " ")
        let steps = [Array(Self.sentences.prefix(2)), Array(Self.sentences.suffix(2)), [Self.sentences[1], Self.sentences[2]]]
        let blocks = steps.map { "<div class=\"step\"><div class=\"text\">" + $0.map { "<p>\($0)</p>" }.joined() + "</div></div>" }
        let html = """
            <html><body><div class="main"><div class="intro"><div class="text lead"><p>\(lead)</p></div></div>
            \(blocks.joined())</div>\(Self.sidebar)</body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == [lead] + steps.flatMap { $0 })
    }

    @Test func anArticleCardAmongSeveralIsNotTakenForTheArticle() throws {
        // Three teaser cards are <article>s of the same size, each with half as much text as the story, which sits in
        // plain <div>s. The largest card does not clearly outweigh the others, so it is no signal and the density
        // choice finds the story.
        let teaser = "<p>A short summary of another story from the harbour, told in a few lines for readers who are in a hurry today.</p>"
            + "<p>The summary runs to a second line here, as the cards on this page are written to fill their boxes quickly.</p>"
        let cards = (1...3).map {
            "<article class=\"card\"><h3><a href=\"/s\($0)\">Another story from the harbour, number \($0)</a></h3>\(teaser)"
                + "<a href=\"/s\($0)\">Read the whole story here</a></article>"
        }.joined()
        let html = """
            <html><body><div class="story">\(Self.article())</div><div class="more">\(cards)</div></body></html>
            """
        let result = try extract(html)
        #expect(result.signal == "text-density")
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aBodySplitAcrossSeveralArticleSectionsIsReadWhole() throws {
        // The page uses <article> for each of its two text sections (neither clearly the larger): the density choice
        // inside one of them is not confirmed by it, and widens to the wrapper holding both.
        let parts = [(Array(Self.sentences.prefix(2)), "intro"), (Array(Self.sentences.suffix(2)), "text")]
        let sections = parts.map { paragraphs, name in
            "<article class=\"section\"><div class=\"col \(name)\">" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></article>"
        }
        let html = "<html><body><div class=\"page\">\(sections.joined())</div>\(Self.sidebar)</body></html>"
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aBodyContainerInsideTheDensityChoiceIsTheTighterBody() throws {
        // The density choice is the wrapper around a subscription blurb and the "article-body": the container
        // holds most of the wrapper's text, so it is the body and the blurb stays out.
        let blurb = [
            "<p>Subscribers only, this week: reports, maps, tide tables, and more, in our weekly edition.</p>",
            "<p>Read, share, and comment on, every story, for one euro, a month, all year, with no ads.</p>",
        ]
        let body = Self.sentences.prefix(2).map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><section class="wrapper">\(blurb.joined())<div class="article-body">\(body)</div></section></body></html>
            """
        let result = try extract(html)
        #expect(result.signal == "content-class")
        #expect(result.paragraphs == Array(Self.sentences.prefix(2)))
    }

    @Test func shortLinesAboveDroppedBlocksAndShortItemsAreJudgedByPlace() throws {
        // "Private solar panels:" is a sub-heading, "Related topics" heads a dropped link list, "Flour" is an item.
        #expect(ParagraphFilter.dropReason("Private solar panels:", linkDensity: 0) == nil)
        #expect(ParagraphFilter.dropReason("Tags:", linkDensity: 0) == .label)
        #expect(ParagraphFilter.dropReason("Flour", linkDensity: 0, isItem: true) == nil)
        #expect(ParagraphFilter.dropReason("Flour", linkDensity: 0) == .label)
        let links = (1...4).map { "<a href=\"/r\($0)\">Another harbour story number \($0)</a>" }.joined(separator: " ")
        let html = """
            <html><body><div class="story">\(Self.article())<ul><li>Flour</li><li>Two eggs</li></ul>
            <p>Related topics</p><p>\(links)</p></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences + ["Flour", "Two eggs"])
    }

    @Test func aListOfLinksBelowTheStoryDoesNotHideIt() throws {
        // The story's <div> ends with a long list of headline links (more link text than story text); an "about" box
        // elsewhere holds one paragraph. The list, set apart from the paragraphs, does not count against the story.
        let headlines = (1...8).map { "<li><a href=\"/s\($0)\">Another story from the harbour today, number \($0)</a></li>" }
        let about = "<p>This site is written by volunteers from the harbour, who report on boats, tides and the quay.</p>"
        let html = """
            <html><body><div class="main"><div class="story">\(Self.article())<ul>\(headlines.joined())</ul></div></div>
            <div class="column"><div class="about">\(about)</div></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aHiddenLinkDoesNotTurnLaterLinksIntoText() throws {
        // A hidden "skip" link is left out of the body; the links after it still count as links, so the line of
        // links below the story is dropped as a link list.
        let links = (1...3).map { "<a href=\"/r\($0)\">Another harbour story, number \($0)</a>" }.joined(separator: " ")
        let html = """
            <html><body><div class="story"><a href="#top" style="display:none">Skip to the story</a>\(Self.article())
            <p>\(links)</p></div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aPhotoPostsCaptionsAreItsText() throws {
        // A photo post: a short intro, then captioned pictures ("wp-caption") that hold more text than the intro.
        // The captions are the post; beside a longer article a caption or two stays out.
        let captions = [
            "Fishing boats wait outside the eastern channel at low tide, as they have done all summer.",
            "The dredger arrives from the western basin, where it worked in 2019, on Monday morning.",
            "Crews watch from the quay as the first load of silt is lifted, shortly after dawn.",
            "The harbour master checks the new depth of the channel with the board's chair.",
        ]
        let figures = captions.map {
            "<div class=\"wp-caption aligncenter\"><img src=\"/p.jpg\"><p class=\"wp-caption-text\">\($0)</p></div>"
        }
        let post = try extract("<html><body><div class=\"entry-content\"><p>\(Self.sentences[0])</p>\(figures.joined())</div></body></html>")
        #expect(post.paragraphs == [Self.sentences[0]] + captions)
        let story = try extract("<html><body><div class=\"entry-content\">\(Self.article())\(figures[0])</div></body></html>")
        #expect(story.paragraphs == Self.sentences)
    }

    @Test func aLinkHeavyParagraphInsideANamedBodyIsKept() throws {
        // A "quick links" post: each line names a linked story and adds a few words. Inside "entry-content" a line
        // with 60% link text is the post; in a plain <div> chosen by density it stays a link list.
        let line = "<p><a href=\"/tides\">New tide tables for the eastern channel</a> are out, and worth a look.</p>"
        let post = Self.article() + line
        let named = try extract("<html><body><div class=\"entry-content\">\(post)</div></body></html>")
        #expect(named.paragraphs.count == 5)
        let plain = try extract("<html><body><div class=\"text\">\(post)</div></body></html>")
        #expect(plain.paragraphs == Self.sentences)
    }

    @Test func anUnclosedNoscriptThatSwallowedThePageIsRead() throws {
        // `<noscript><div id="x"></noscript>`: libxml2 keeps the <noscript> open around the rest of the page.
        let html = """
            <html><body><div class="links"><a href="/a">Home</a></div><noscript><div id="left"></noscript>
            <h1>Channel to be dredged</h1>\(Self.article())</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aScriptRenderedPageIsReadFromItsNoscriptText() throws {
        // A blog whose post is rendered by script gives the text to browsers without scripts, inside its widget.
        let html = """
            <html><body><div class="widget Blog"><div class="post-body"><div id="render"></div>
            <noscript>\(Self.article())</noscript></div></div>\(Self.sidebar)</body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aNoscriptThreadBesideAVisibleArticleStaysOut() throws {
        // Reader posts for browsers without scripts outweigh the article, but the article is there to read.
        let posts = (1...30).map { "<div class=\"entry\"><p>Post \($0): I fished out of this harbour for years, and the channel, as far as I know, was never dredged this late in the year.</p></div>" }
        let story = Array(repeating: Self.sentences, count: 4).flatMap { $0 }
        let html = """
            <html><body><div class="story">\(story.map { "<p>\($0)</p>" }.joined())</div>
            <noscript><div class="forum">\(posts.joined())</div></noscript></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == story)
    }

    @Test func aReviewCollapsedIntoAHiddenPanelIsRead() throws {
        // Only a teaser line shows; the full text sits in a panel hidden by its style until "more" is clicked.
        let html = """
            <html><body><div class="teaser">The harbour board agreed on Monday... <a href="javascript:open()">more</a></div>
            <div id="full" style="display: none">\(Self.article())</div>\(Self.sidebar)</body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs.suffix(4) == Self.sentences[...])
    }

    @Test func aHiddenMenuBesideAVisibleArticleStaysOut() throws {
        // A mobile menu hidden by its style, with more text than the article: the article is visible, the menu stays out.
        let items = (1...60).map { "<p>Harbour section number \($0), with tide tables, notices and the news of the week</p>" }
        let story = Array(repeating: Self.sentences, count: 4).flatMap { $0 }
        let html = """
            <html><body><div style="display:none" class="drawer">\(items.joined())</div>
            <div class="story">\(story.map { "<p>\($0)</p>" }.joined())</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == story)
    }

    @Test func anUnclosedNamedAnchorDoesNotMakeTheRestOfThePageALink() throws {
        // `<a name>` is a jump target; left unclosed, libxml2 keeps it open around every paragraph that follows.
        let html = """
            <html><body><div class="nav"><a href="/a">Home</a> <a href="/b">Archive</a></div>
            <div><h1>Channel to be dredged</h1><a name="top">\(Self.article())</div></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aLinkWithoutHrefIsStillALink() throws {
        // Only a named anchor is exempt: an `<a>` without `href` is a script-driven link, a list of them a menu.
        let menu = (1...12).map { "<a class=\"m\">Section number \($0)</a>" }.joined(separator: " ")
        let html = "<html><body><div><p>\(menu)</p>\(Self.article())</div></body></html>"
        let result = try extract(html)
        #expect(result.paragraphs == Self.sentences)
    }

    @Test func aLongPostWrittenIntoOneBlockWithItsRelatedLinksIsFound() throws {
        // An old blog post: the whole post and its related links in one <p>, separated by <br>s. Its link share is
        // over half, yet its prose far outweighs the few short blocks elsewhere on the page.
        let post = Array(repeating: Self.sentences, count: 6).flatMap { $0 }.joined(separator: "<br><br>")
        let related = (1...50).map { "<a href=\"/story/\($0)\">An earlier story on the harbour and its channel, part \($0)</a>" }
            .joined(separator: "<br>")
        let html = """
            <html><body><table><tr><td><div>Subscribe to the harbour newsletter for weekly tide tables.</div></td>
            <td><p>\(post)<br><br>\(related)</p></td></tr></table></body></html>
            """
        let result = try extract(html)
        #expect(result.paragraphs.contains { $0.hasPrefix(Self.sentences[0]) })
    }
}

@Suite("Shingle metric")
struct ShingleMetricTests {
    @Test func tokensFollowPythonWordCharacters() {
        #expect(ShingleMetric.tokens("It's 2,000 boats—ok_now 港务局。") == ["It", "s", "2", "000", "boats", "ok_now", "港务局"])
    }

    @Test func pageCountsAreNormalisedShingleOverlaps() {
        let counts = ShingleMetric.counts(gold: "a b c d e", predicted: "a b c d x")
        // gold shingles {abcd, bcde}, predicted {abcd, bcdx}: tp 1, fp 1, fn 1.
        #expect(abs(counts.tp - 1.0 / 3) < 1e-9 && abs(counts.fp - 1.0 / 3) < 1e-9)
        #expect(counts.precision == 0.5 && counts.recall == 0.5)
        #expect(ShingleMetric.counts(gold: "short text", predicted: "short text").precision == 1)
        #expect(ShingleMetric.counts(gold: "", predicted: "").tp == 0)
    }

    @Test func setScoresAreMacroMeans() {
        let pages = [ShingleMetric.PageCounts(tp: 1, fp: 0, fn: 0), ShingleMetric.PageCounts(tp: 0.5, fp: 0, fn: 0.5)]
        let summary = ShingleMetric.summary(pages)
        #expect(summary.precision == 1 && summary.recall == 0.75)
        #expect(abs(summary.f1 - 2 * 0.75 / 1.75) < 1e-9)
    }

    @Test func snippetsAreFoundAfterWhitespaceCollapse() {
        let counts = ShingleMetric.snippetCounts(with: ["dredge the  channel", "missing"], without: ["Tides"], predicted: "We dredge the\nchannel.")
        #expect(counts.tp == 1 && counts.fp == 0 && counts.fn == 1)
    }
}
