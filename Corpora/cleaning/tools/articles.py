# Articles of the cleaning corpus, written by the team for this project (not copied from any outlet).
# Every person quoted here is invented; places and institutions are real only as settings.
#
# Body markup, one entry per block:
#   plain string          a paragraph (the first one is the lead / standfirst)
#   "## text"             a sub-heading
#   "- text"              a bullet-list item (consecutive items form one list)
#   "1. text"             a numbered-list item
#   "> text"              a block quote
# Inline: [anchor](href) is a link, *x* emphasis, **x** strong. The expected body is the text with the
# markup removed, one paragraph per block, in order.

ARTICLES = [
    # ----------------------------------------------------------------------------------------- English
    dict(
        slug="en-harbour-bridge-closure", lang="en", skin="wordpress", date="2025-03-11",
        title="Harbour bridge to close for six weeks of repairs",
        author="Martin Oakes",
        body=[
            "The Eastgate harbour bridge will close to cars and lorries for six weeks from April, the city council confirmed on Tuesday, after inspectors found corrosion in two of its steel bearings.",
            "Engineers said the 1962 bridge was safe for now but that the bearings had to be replaced before the summer, when traffic to the ferry terminal doubles. Cyclists and pedestrians will still be able to cross on a temporary walkway.",
            "## Diversions and extra buses",
            "Drivers will be sent along the ring road, which the council expects to add up to twenty minutes to a trip at peak times. The transport authority is adding three buses an hour on the number 14 route and will run a free shuttle between the two quays.",
            "\u201cWe know this is painful for people who cross every day,\u201d said councillor Priya Lamb, who chairs the infrastructure committee. \u201cThe alternative was a sudden closure with no warning, and nobody wants that.\u201d",
            "Shop owners on the south quay were less convinced. Dennis Hurley, who runs a hardware store near the bridge, said his takings fell by a third the last time the bridge closed for a weekend. \u201cSix weeks is a long time for a small business,\u201d he said.",
            "The council said it would publish a map of the diversions next week and that the works would cost about \u00a34.2 million, most of it paid from the regional roads fund.",
        ]),
    dict(
        slug="en-wildfire-evacuation", lang="en", skin="divsoup", date="2025-08-02",
        title="Hundreds evacuated as wildfire spreads across dry hills",
        author="Sofia Marin",
        body=[
            "About 600 residents of three hill villages were told to leave their homes on Saturday as a wildfire, fanned by strong winds, spread across scrubland that has had almost no rain since May.",
            "Fire crews from four districts were fighting the blaze on a front of roughly eight kilometres, the regional civil protection agency said. Two water-bombing aircraft joined them at first light.",
            "Evacuees were taken to a sports hall in the valley town of Ortiga, where volunteers handed out water, blankets and food. \u201cWe left with the clothes we were wearing and the dog,\u201d said Ana Ruiz, 71, who has lived in the village of Serra Alta for fifty years.",
            "No injuries had been reported by Saturday evening, but officials said at least four barns and a holiday home had burned. The main road through the hills was closed in both directions.",
            "Forecasters expect the wind to drop on Sunday night, which firefighters hope will give them a chance to contain the fire before temperatures rise again later in the week.",
        ]),
    dict(
        slug="en-central-bank-rates", lang="en", skin="itemprop", date="2025-06-05",
        title="Central bank holds rates but signals cut later this year",
        author="Helen Park",
        body=[
            "The central bank left its main interest rate unchanged at 3.75 percent on Thursday but said inflation was falling fast enough that it could lower borrowing costs before the end of the year.",
            "Inflation eased to 2.4 percent in May from 2.9 percent in April, helped by lower energy prices. Food prices, however, are still rising faster than wages for many households.",
            "Seven members of the rate-setting committee voted to hold and two voted for an immediate cut of a quarter point, the minutes showed.",
            "\u201cThe direction of travel is clear, but we want to see that services inflation is coming down as well,\u201d deputy governor Thomas Ekwall told a press conference.",
            "Markets had expected the decision. The currency weakened slightly after the statement, and government bond yields fell to their lowest level in two months.",
            "Economists at several banks said they now expected the first cut in September. Mortgage lenders have already begun to trim the rates on their fixed-rate deals.",
        ]),
    dict(
        slug="en-library-reopens", lang="en", skin="magazine", date="2025-04-19",
        title="After four years of building work, the old library opens its doors again",
        author="Grace Adeyemi",
        body=[
            "The central library on Mill Street reopened on Saturday after a renovation that took four years, ran a year late and cost almost twice the first estimate. Hundreds of people queued in the rain to get in.",
            "The Victorian reading room has been restored with its original oak shelves, and a glass extension at the back now holds a children's library, a caf\u00e9 and a room for community groups.",
            "## What is new",
            "- A makerspace with 3D printers and sewing machines that anyone with a library card can book.",
            "- A local history archive with more than 40,000 photographs, most of them digitised.",
            "- Opening until 9 p.m. on weekdays, two hours later than before the closure.",
            "## A long road",
            "The project was delayed first by the discovery of asbestos in the roof and then by a shortage of specialist joiners. At one point the council considered selling the building.",
            "> A library is the only warm place in town where nobody asks you to buy anything.",
            "Those words, painted above the new entrance, come from a letter a reader sent to the local paper in 1987. Head librarian Owen Price said they summed up why the building was worth saving.",
            "\u201cPeople told us a library was a thing of the past,\u201d Price said. \u201cToday there is a queue around the block.\u201d",
        ]),
    dict(
        slug="en-election-live", lang="en", skin="liveblog", date="2025-05-01",
        title="Local elections live: counting under way across the region",
        author="Live team",
        body=[
            "Polls have closed and counting is under way in 24 councils. Follow the results as they come in.",
            "## Turnout lower than four years ago",
            "Returning officers say turnout looks to be around 31 percent, down from 35 percent at the last local elections. Several polling stations reported long queues only in the final hour.",
            "## First result declared in Westmoor",
            "The Independents have held Westmoor with an increased majority. Their leader, Carol Fenwick, said voters had rewarded the council for keeping the swimming pool open.",
            "## Recount in Hollin Vale",
            "A recount has been ordered in the Hollin Vale ward after the two leading candidates finished just three votes apart. The count will resume at nine o'clock tomorrow morning.",
            "## Greens make gains in the city",
            "The Greens have taken four seats in the city centre, their best result here so far. Party officials said the campaign against the planned bus station closure had paid off.",
        ]),
    dict(
        slug="en-ferry-strike", lang="en", skin="paywall", date="2025-07-14",
        title="Ferry crews vote to strike over summer rosters",
        author="Liam Doyle",
        body=[
            "Crews on the island ferries have voted to strike for 48 hours at the start of August, the height of the tourist season, in a dispute over rosters and rest periods.",
            "The union said 82 percent of members who took part backed the action on a turnout of 74 percent. It accuses the operator of scheduling shifts that leave crews less than ten hours between sailings.",
            "The ferry company said it was disappointed and urged the union to return to talks, adding that it had offered a 4 percent pay rise and two extra rest days a month.",
        ]),
    dict(
        slug="en-museum-heist", lang="en", skin="spa", date="2025-02-08",
        title="Thieves take medieval coins in overnight museum raid",
        author="Rachel Stone",
        body=[
            "Thieves broke into the county museum overnight and took a display case of medieval silver coins, police said on Saturday, in what curators called a carefully planned raid.",
            "The intruders are believed to have entered through a skylight shortly after 2 a.m. and to have been inside for less than ten minutes. An alarm was triggered, but they had gone by the time officers arrived.",
            "The 212 coins, minted between the 12th and 14th centuries, were found by a metal detectorist in 2019 and bought by the museum after a public fundraising campaign.",
            "\u201cTheir value to collectors is far less than their value to this county,\u201d museum director Alan Whitby said. \u201cWe appeal to anyone who is offered them to call the police.\u201d",
            "Detectives are examining footage from cameras in the surrounding streets and have asked residents who were awake at the time to come forward.",
        ]),
    dict(
        slug="en-rail-timetable", lang="en", skin="wire", date="2025-06-12",
        title="Rail operator promises fewer cancellations with new timetable",
        author="",
        body=[
            "NORTHAM, June 12 - The region's main rail operator said on Thursday that a new timetable starting next month would cut cancellations by a third, by running slightly fewer trains with more reliable crews.",
            "The company will run 1,140 trains a day instead of 1,200, mostly by removing late-evening services that were often cancelled when drivers ran out of hours.",
            "Passenger groups gave a cautious welcome. \u201cA train that runs is better than a train on paper,\u201d said Joan Meyers of the Northam Rail Users' Association.",
            "The regulator will publish monthly figures on cancellations from September, the operator said.",
        ]),
    dict(
        slug="en-school-meals", lang="en", skin="cards", date="2025-09-03",
        title="Free school meals extended to all primary pupils from January",
        author="Daniel Kerr",
        body=[
            "Every primary school pupil in the region will be entitled to a free hot lunch from January, the regional government announced on Wednesday, extending a scheme that now covers only the youngest children.",
            "The change will add about 38,000 pupils to the programme and cost an estimated 21 million a year, to be paid from a new levy on sugary drinks.",
            "Head teachers welcomed the decision but warned that some older schools had kitchens too small to cook for every pupil. The government said it would set aside money for new equipment.",
            "\u201cNo child learns well on an empty stomach,\u201d education minister Harriet Cole said at a school in Brackley, where she served lunch to a class of nine-year-olds.",
            "Parents who already pay for school meals will stop being charged from the start of the spring term. Families who receive benefits will keep a separate holiday food voucher.",
        ]),
    dict(
        slug="en-storm-warning", lang="en", skin="table", date="2025-10-21",
        title="Amber warning as first autumn storm approaches",
        author="",
        body=[
            "Forecasters have issued an amber wind warning for the whole coast as the first named storm of the autumn approaches, with gusts of up to 120 kilometres an hour expected on Thursday.",
            "The weather service said falling trees and flying debris could cause damage to buildings and power lines, and that ferry and rail services were likely to be disrupted.",
            "Schools in exposed areas have been told to prepare to close, and the coastguard urged people to stay away from seafronts and cliff paths while the storm passes.",
            "The storm is expected to move away on Friday morning, followed by cooler and calmer weather over the weekend.",
        ]),
    dict(
        slug="en-hospital-waiting", lang="en", skin="wordpress", date="2025-01-27",
        title="Hospital waiting lists fall for the first time in three years",
        author="Nadia Hassan",
        body=[
            "The number of people waiting for planned hospital treatment in the region fell in December for the first time in three years, according to figures published on Monday.",
            "The waiting list stood at 412,000 at the end of the year, down from 419,000 in November. The number waiting more than a year fell by almost a fifth.",
            "Health officials credited weekend clinics and a new surgical hub that opened in the autumn and now carries out around 300 hip and knee operations a month.",
            "## Pressure remains in emergency care",
            "Emergency departments remain under strain. Only 61 percent of patients were seen within four hours in December, far below the target of 78 percent.",
            "\u201cThis is progress, not victory,\u201d said Dr Kenneth Ward, medical director of the regional health board. \u201cWinter is not over, and we know how quickly things can turn.\u201d",
        ]),
    dict(
        slug="en-football-promotion", lang="en", skin="itemprop", date="2025-05-10",
        title="Late header sends Rovers up after twelve years away",
        author="Jack Tennant",
        body=[
            "A header from captain Luke Brennan in the 89th minute gave Eastgate Rovers a 2-1 win over Carlton Town on Saturday and sealed promotion to the second division for the first time in twelve years.",
            "Rovers had fallen behind early in the second half, when Carlton's Mo Sadiq curled a free kick over the wall, but substitute Callum Reid levelled with twenty minutes left.",
            "Thousands of fans poured onto the pitch at the final whistle. Police said the celebrations were good-natured and no arrests were made.",
            "\u201cI've waited my whole career for a day like this,\u201d Brennan said. \u201cThis club deserved it, and so did these supporters.\u201d",
            "Manager Steve Holloway, who took over in November with the team in eleventh place, said he would sit down with the board next week to plan for the new season.",
        ]),
    dict(
        slug="en-housing-plan", lang="en", skin="magazine", date="2025-11-06",
        title="Council approves 2,000 homes on former airfield",
        author="Owen Bright",
        body=[
            "Councillors voted on Thursday night to approve plans for 2,000 homes on the former Crowley airfield, ending a decade of argument over the site.",
            "The scheme includes a primary school, a health centre and a park along the old runway. A third of the homes will be offered at below-market rents.",
            "## The conditions",
            "1. The developer must build the school before the 500th home is occupied.",
            "2. A new bus route to the town centre must run from the first day of occupation.",
            "3. The old control tower will be kept and turned into a community caf\u00e9.",
            "Residents of the neighbouring village of Crowley End had opposed the plan, arguing that local roads could not cope with the extra traffic.",
            "> We are not against new homes. We are against homes without roads, doctors and schools.",
            "That was how village campaigner Margaret Lowe put it at the meeting. The council said the conditions had been written with those concerns in mind.",
        ]),
    dict(
        slug="en-bakery-award", lang="en", skin="comments", date="2025-03-30",
        title="Village bakery wins national bread prize",
        author="Tom Ashby",
        body=[
            "A two-person bakery in the village of Little Hatherley has won the national prize for the best sourdough loaf, beating more than 300 entries from across the country.",
            "Baker Ruth Meadows and her son Sam started the business in a converted garage four years ago. They bake about 150 loaves a day, most of which are sold out by ten in the morning.",
            "The judges praised the loaf's open crumb and dark, crackling crust. Meadows said the secret was patience: the dough rests for thirty hours before it goes into the oven.",
            "\u201cWe didn't even tell anyone we had entered,\u201d she said. \u201cNow the phone hasn't stopped ringing.\u201d",
            "The bakery plans to open on Sundays for the first time to keep up with demand.",
        ]),

    # ------------------------------------------------------------------------------------------- Dutch
    dict(
        slug="nl-dijkversterking", lang="nl", skin="regional", date="2025-02-18",
        title="Waterschap begint aan versterking van dijk langs de Lek",
        author="Sanne de Vries",
        body=[
            "Het waterschap begint volgende maand aan de versterking van ruim zes kilometer dijk langs de Lek tussen Vianen en Schoonhoven. Het werk duurt naar verwachting vier jaar.",
            "Bij een controle bleek dat de dijk op verschillende plekken niet meer voldoet aan de nieuwe veiligheidsnormen. Vooral bij hoog water kan er zand onder de dijk door spoelen.",
            "Bewoners langs de dijk krijgen te maken met omleidingen en bouwverkeer. Het waterschap belooft dat de weg over de dijk in de weekenden zo veel mogelijk open blijft.",
            "\u201cWe weten dat dit voor mensen vervelend is, maar veiligheid gaat voor,\u201d zegt dijkgraaf Hans Verbeek. \u201cDe rivier wacht niet tot het ons uitkomt.\u201d",
            "De kosten van het project worden geschat op 180 miljoen euro. Het grootste deel wordt betaald uit het landelijke Hoogwaterbeschermingsprogramma.",
        ]),
    dict(
        slug="nl-treinstoring", lang="nl", skin="divsoup", date="2025-09-15",
        title="Urenlange treinstoring rond Utrecht door kapotte wissel",
        author="Joost Bakker",
        body=[
            "Door een kapotte wissel bij Utrecht Centraal reden maandagochtend urenlang veel minder treinen in het midden van het land. Tienduizenden reizigers kwamen te laat op hun werk.",
            "De storing begon even na zes uur. Treinen tussen Utrecht en Amersfoort en tussen Utrecht en Arnhem reden helemaal niet, op andere trajecten reed een beperkt aantal treinen.",
            "Monteurs hadden de wissel rond het middaguur gerepareerd, maar het duurde daarna nog enkele uren voordat de dienstregeling weer normaal was.",
            "Reizigersorganisatie Rover noemt het zorgelijk dat \u00e9\u00e9n wissel zo veel gevolgen kan hebben. \u201cHet spoor rond Utrecht is te kwetsbaar,\u201d zegt woordvoerder Ilse Jansen.",
        ]),
    dict(
        slug="nl-bibliotheek-bezuiniging", lang="nl", skin="wordpress", date="2025-11-12",
        title="Gemeente schrapt bezuiniging op bibliotheken na protest",
        author="Mirjam Hoekstra",
        body=[
            "De gemeenteraad heeft dinsdagavond besloten dat de drie wijkbibliotheken toch open blijven. Een eerder plan om twee vestigingen te sluiten is van tafel na maandenlang protest.",
            "Ruim achtduizend inwoners tekenden een petitie tegen de sluiting. Vooral ouderen en ouders met jonge kinderen lieten weten dat ze de bibliotheek in de wijk niet kunnen missen.",
            "## Geld uit de reserves",
            "De 450.000 euro die nodig is om de vestigingen open te houden, komt voorlopig uit de algemene reserve. Volgend jaar wil de raad een structurele oplossing vinden.",
            "\u201cDe bibliotheek is meer dan een plek met boeken,\u201d zei wethouder Karin Smit. \u201cHet is een huiskamer voor de buurt.\u201d",
        ]),
    dict(
        slug="nl-zorgpremie", lang="nl", skin="itemprop", date="2025-11-13",
        title="Zorgpremie stijgt volgend jaar met gemiddeld negen euro per maand",
        author="Pieter Mulder",
        body=[
            "De premie voor de basisverzekering stijgt volgend jaar gemiddeld met negen euro per maand. Dat blijkt uit de premies die de grote zorgverzekeraars dinsdag bekendmaakten.",
            "Een basispolis kost in 2026 gemiddeld ongeveer 166 euro per maand. De verzekeraars wijzen op hogere kosten voor personeel en dure geneesmiddelen.",
            "Het eigen risico blijft 385 euro. Mensen met een laag inkomen krijgen een hogere zorgtoeslag, waardoor de stijging voor hen voor een deel wordt gecompenseerd.",
            "Consumentenorganisaties raden verzekerden aan om te vergelijken voordat ze overstappen. Dat kan tot en met 31 december.",
        ]),
    dict(
        slug="nl-fietspad-live", lang="nl", skin="liveblog", date="2025-07-06",
        title="Liveblog: Tour de France-etappe door Zeeland",
        author="Sportredactie",
        body=[
            "De tweede etappe van de Tour de France gaat vandaag over de Zeeuwse dijken. Volg hier de belangrijkste momenten.",
            "## Wind zorgt voor waaiers",
            "Op de Oosterscheldekering breekt het peloton in stukken. Een groep van ongeveer veertig renners rijdt weg, enkele favorieten zitten in de achtervolging.",
            "## Valpartij in Zierikzee",
            "In de smalle straten van Zierikzee gaan enkele renners onderuit. Voor zover bekend is niemand ernstig gewond.",
            "## Spurt in Middelburg",
            "De etappe eindigt in een massasprint. De winnaar komt na een lange sprint net voor zijn landgenoot over de streep.",
        ]),
    dict(
        slug="nl-woningnood", lang="nl", skin="paywall", date="2025-04-03",
        title="Studenten slapen op campings door tekort aan kamers",
        author="Eva Visser",
        body=[
            "Tientallen studenten in Groningen en Utrecht wonen aan het begin van het collegejaar nog altijd op campings of bij vrienden op de bank, omdat ze geen kamer kunnen vinden.",
            "Volgens de landelijke studentenvakbond is het tekort aan studentenkamers opgelopen tot bijna 25.000. Vooral internationale studenten hebben het moeilijk.",
        ]),
    dict(
        slug="nl-museum-nacht", lang="nl", skin="cards", date="2025-10-04",
        title="Museumnacht trekt recordaantal bezoekers",
        author="Lotte van Dam",
        body=[
            "Ruim 40.000 mensen bezochten zaterdag de Museumnacht, een record. Vijftig musea waren tot twee uur 's nachts open met concerten, rondleidingen en workshops.",
            "Het drukst was het bij het scheepvaartmuseum, waar bezoekers tot laat in de rij stonden voor een voorstelling op het historische schip.",
            "De organisatie had dit jaar voor het eerst gratis nachtbussen tussen de musea laten rijden. \u201cDat heeft duidelijk geholpen,\u201d zegt directeur Bas Hendriks.",
            "Volgend jaar wil de organisatie ook musea buiten het centrum laten meedoen.",
        ]),

    # ------------------------------------------------------------------------------------------ German
    dict(
        slug="de-bahnstreik", lang="de", skin="german", date="2025-03-04",
        title="Lokführer kündigen zweitägigen Warnstreik an",
        author="Katrin Weber",
        body=[
            "Die Lokführergewerkschaft hat für Donnerstag und Freitag einen bundesweiten Warnstreik im Personen- und Güterverkehr angekündigt. Fahrgäste müssen mit zahlreichen Ausfällen rechnen.",
            "Die Gewerkschaft fordert mehr Geld und eine kürzere Wochenarbeitszeit für Schichtarbeiter. Die Verhandlungen waren am Wochenende ohne Ergebnis abgebrochen worden.",
            "Die Bahn nannte den Streik unverhältnismäßig und kündigte einen Notfahrplan an. Im Fernverkehr soll etwa jeder fünfte Zug fahren.",
            "\u201eWir haben lange genug verhandelt\u201c, sagte der Gewerkschaftsvorsitzende Frank Lorenz. \u201eJetzt müssen die Fahrgäste leider spüren, was auf dem Spiel steht.\u201c",
            "Pendler sollten sich vor Fahrtantritt informieren, teilte das Unternehmen mit. Bereits gekaufte Fahrkarten behalten ihre Gültigkeit.",
        ]),
    dict(
        slug="de-hitzewelle", lang="de", skin="divsoup", date="2025-07-02",
        title="Hitzewelle: Städte öffnen kühle Räume für Ältere",
        author="Jonas Becker",
        body=[
            "Wegen der anhaltenden Hitze öffnen mehrere Städte in Süddeutschland klimatisierte Räume für ältere und kranke Menschen. In Teilen Bayerns werden am Mittwoch bis zu 37 Grad erwartet.",
            "In Kirchen, Bibliotheken und Gemeindezentren stehen Wasser, Stühle und Ansprechpartner bereit. Die Räume sind bis zum Abend geöffnet.",
            "Ärzte raten, viel zu trinken und die Mittagshitze zu meiden. Besonders gefährdet sind Menschen über 75 Jahre und Kleinkinder.",
            "Der Wetterdienst rechnet erst zum Wochenende mit einer Abkühlung durch Gewitter.",
        ]),
    dict(
        slug="de-wohnungsbau", lang="de", skin="magazine", date="2025-05-22",
        title="Weniger neue Wohnungen genehmigt als im Vorjahr",
        author="Lena Hoffmann",
        body=[
            "Die Zahl der genehmigten Wohnungen ist im ersten Quartal erneut gesunken. Nach Angaben des Statistischen Landesamts wurden knapp 11.000 Wohnungen genehmigt, fast acht Prozent weniger als ein Jahr zuvor.",
            "Als Gründe nennen Bauunternehmen die hohen Zinsen und die gestiegenen Kosten für Material und Personal.",
            "## Was die Branche fordert",
            "- schnellere Genehmigungsverfahren in den Bauämtern",
            "- weniger Vorschriften für einfache Wohngebäude",
            "- mehr Förderung für den sozialen Wohnungsbau",
            "Der Mieterbund warnt, dass sich die Lage auf dem Wohnungsmarkt weiter verschärfen werde. \u201eJede Wohnung, die heute nicht gebaut wird, fehlt in drei Jahren\u201c, sagte Sprecherin Anna Krüger.",
        ]),
    dict(
        slug="de-stadtrat-radweg", lang="de", skin="comments", date="2025-09-25",
        title="Stadtrat beschließt neuen Radweg entlang der Ringstraße",
        author="Tobias Schulz",
        body=[
            "Der Stadtrat hat am Dienstagabend mit knapper Mehrheit den Bau eines durchgehenden Radwegs entlang der Ringstraße beschlossen. Dafür fällt auf einer Strecke von zwei Kilometern eine Autospur weg.",
            "Befürworter sprechen von einem wichtigen Schritt für mehr Sicherheit. Auf der Ringstraße waren im vergangenen Jahr sieben Radfahrer schwer verletzt worden.",
            "Der Einzelhandel befürchtet dagegen, dass weniger Kunden mit dem Auto in die Innenstadt kommen. Die Stadt will deshalb zusätzliche Kurzzeitparkplätze in den Seitenstraßen einrichten.",
            "Die Bauarbeiten sollen im Frühjahr beginnen und rund 3,5 Millionen Euro kosten.",
        ]),
    dict(
        slug="de-forschung-batterie", lang="de", skin="spa", date="2025-10-15",
        title="Forscher entwickeln Batterie aus Salz und Holz",
        author="Miriam Wolf",
        body=[
            "Ein Forschungsteam der Universität Freiburg hat einen Batteriespeicher entwickelt, der ohne Lithium und Kobalt auskommt. Die Zellen bestehen überwiegend aus Natrium und einem Material, das aus Holzabfällen gewonnen wird.",
            "Die Batterie speichert zwar weniger Energie als heutige Akkus in Elektroautos, ist aber deutlich günstiger und lässt sich leichter recyceln.",
            "Die Forscher sehen den Einsatz vor allem in großen stationären Speichern, die Strom aus Wind- und Solaranlagen für die Nacht aufbewahren.",
            "\u201eFür das Stromnetz zählt nicht das Gewicht, sondern der Preis pro Kilowattstunde\u201c, sagte Projektleiter Daniel Brandt. Ein erster Prototyp soll im kommenden Jahr getestet werden.",
        ]),
    dict(
        slug="de-fussball-pokal", lang="de", skin="german", date="2025-04-02",
        title="Drittligist wirft Favoriten aus dem Pokal",
        author="Stefan Richter",
        body=[
            "Der Drittligist SV Lindenau hat im Viertelfinale des Landespokals sensationell den Zweitligisten aus der Nachbarstadt mit 2:1 besiegt.",
            "Vor ausverkauftem Haus ging Lindenau bereits nach zehn Minuten in Führung. Der Favorit glich kurz vor der Pause aus, doch in der 84. Minute traf Verteidiger Paul Neumann per Kopf zum Sieg.",
            "\u201eDas ist der größte Abend in der Geschichte dieses Vereins\u201c, sagte Trainer Michael Braun nach dem Spiel.",
            "Im Halbfinale trifft Lindenau Ende April auf den Titelverteidiger.",
        ]),

    # ------------------------------------------------------------------------------------------ French
    dict(
        slug="fr-greve-transports", lang="fr", skin="french", date="2025-03-18",
        title="Grève dans les transports : un jeudi noir attendu en Île-de-France",
        author="Claire Dubois",
        body=[
            "Les usagers des transports en Île-de-France doivent s'attendre à un jeudi très perturbé. Plusieurs syndicats appellent à la grève pour protester contre la réforme des horaires de travail.",
            "Seul un train sur trois circulera sur la plupart des lignes de RER, selon les prévisions de l'opérateur. Le trafic du métro sera également réduit aux heures de pointe.",
            "Les syndicats dénoncent des journées plus longues et moins de repos entre deux services. La direction affirme que la réforme est nécessaire pour faire face à la hausse de la fréquentation.",
            "\u00ab Nous ne voulons pas pénaliser les voyageurs, mais nous n'avons plus le choix \u00bb, explique Julien Martin, délégué syndical.",
            "La région recommande le télétravail aux salariés qui le peuvent et rappelle que des vélos en libre-service supplémentaires seront disponibles.",
        ]),
    dict(
        slug="fr-vendanges", lang="fr", skin="regional", date="2025-09-08",
        title="Les vendanges commencent tôt après un été très chaud",
        author="Marc Lefèvre",
        body=[
            "Les vendanges ont commencé avec près de deux semaines d'avance dans plusieurs vignobles du sud de la France, après un été marqué par la chaleur et la sécheresse.",
            "Les viticulteurs s'attendent à une récolte plus faible en volume, mais de bonne qualité. Les raisins sont petits et très sucrés.",
            "\u00ab On n'a jamais vendangé aussi tôt dans ma famille \u00bb, raconte Isabelle Roux, qui exploite vingt hectares près de Béziers. \u00ab Il faut s'adapter, le climat change plus vite que nos habitudes. \u00bb",
            "Certains domaines récoltent désormais la nuit pour garder les raisins au frais et limiter la fatigue des saisonniers.",
        ]),
    dict(
        slug="fr-budget-ville", lang="fr", skin="french", date="2025-12-02",
        title="Le conseil municipal adopte un budget sans hausse d'impôts",
        author="Nathalie Girard",
        body=[
            "Le conseil municipal a adopté lundi soir le budget de l'année prochaine, sans augmentation des impôts locaux, malgré la hausse des dépenses d'énergie.",
            "La ville prévoit d'investir 24 millions d'euros, dont une grande partie dans la rénovation des écoles et la création de pistes cyclables.",
            "## Une opposition critique",
            "L'opposition reproche à la majorité de repousser des travaux nécessaires et de puiser dans les réserves. \u00ab Ce budget tient parce qu'on vide les tiroirs \u00bb, estime la conseillère Sophie Blanc.",
            "Le maire répond que la dette de la ville reste parmi les plus faibles de la région.",
        ]),
    dict(
        slug="fr-festival-jazz", lang="fr", skin="wordpress", date="2025-07-20",
        title="Le festival de jazz bat son record de fréquentation",
        author="Antoine Moreau",
        body=[
            "Le festival de jazz de la ville a accueilli plus de 60 000 spectateurs en cinq jours, un record depuis sa création il y a trente ans.",
            "Les concerts gratuits sur la place du marché ont attiré un public nombreux et familial, tandis que les soirées payantes affichaient complet dès le mois de mai.",
            "Le directeur artistique, Paul Mercier, se réjouit du mélange des générations. \u00ab Le jazz n'est pas une musique de musée \u00bb, dit-il.",
            "La prochaine édition aura lieu du 15 au 19 juillet de l'année prochaine.",
        ]),
    dict(
        slug="fr-inondations", lang="fr", skin="table", date="2025-11-23",
        title="Inondations : plusieurs villages coupés du monde dans le Gard",
        author="",
        body=[
            "De violents orages ont provoqué des inondations dans plusieurs communes du Gard dans la nuit de samedi à dimanche. Plusieurs villages sont restés isolés pendant des heures.",
            "Les pompiers ont effectué une centaine de sauvetages, souvent par hélicoptère. Aucune victime n'était signalée dimanche matin.",
            "La préfecture a demandé aux habitants de limiter leurs déplacements et de ne pas s'approcher des cours d'eau.",
        ]),
]
