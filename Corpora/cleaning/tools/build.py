#!/usr/bin/env python3
"""Renders the team-written articles of articles.py into news pages of different site shapes.

Writes ../pages/SLUG.html and ../expected/SLUG.json. The expected body is the article text as written in
articles.py (what a reader of the page sees as the article), never the output of a cleaner. Run it again
after editing an article; the output is deterministic (seeded by the slug).

    python3 Corpora/cleaning/tools/build.py
"""
import html
import json
import random
import re
from pathlib import Path

from articles import ARTICLES

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "pages"
EXPECTED = HERE.parent / "expected"

SITES = {
    "wordpress": ("The Eastgate Courier", "eastgatecourier.example"),
    "divsoup": ("Morning Star Online", "morningstar-online.example"),
    "itemprop": ("The Metropolitan Post", "metpost.example"),
    "magazine": ("Northern Review", "northernreview.example"),
    "liveblog": ("Channel Four Counties", "c4counties.example"),
    "paywall": ("The Island Herald", "islandherald.example"),
    "spa": ("Daily Pulse", "dailypulse.example"),
    "wire": ("Northam Wire", "northamwire.example"),
    "cards": ("Brackley News", "brackleynews.example"),
    "table": ("Coastal Weekly", "coastalweekly.example"),
    "comments": ("Hatherley Gazette", "hatherleygazette.example"),
    "regional": ("Rivierenland Nieuws", "rivierenlandnieuws.example"),
    "german": ("Lindenauer Rundschau", "lindenauer-rundschau.example"),
    "french": ("Le Quotidien du Sud", "quotidiendusud.example"),
}

# Site names per language for skins shared between languages.
LOCAL_SITES = {
    ("regional", "fr"): ("L'Écho des Vignes", "echodesvignes.example"),
    ("wordpress", "nl"): ("Stadsblad Oost", "stadsbladoost.example"),
    ("wordpress", "fr"): ("La Gazette de la Vallée", "gazettevallee.example"),
    ("itemprop", "nl"): ("Het Financieel Dagblad van het Noorden", "fdnoorden.example"),
    ("divsoup", "nl"): ("Spoorkrant", "spoorkrant.example"),
    ("divsoup", "de"): ("Südkurier Online", "suedkurier-online.example"),
    ("liveblog", "nl"): ("Omroep Zeeland Sport", "omroepzeelandsport.example"),
    ("paywall", "nl"): ("Campusblad", "campusblad.example"),
    ("cards", "nl"): ("Havenstad Nieuws", "havenstadnieuws.example"),
    ("magazine", "de"): ("Wirtschaftsblatt", "wirtschaftsblatt.example"),
    ("comments", "de"): ("Stadtanzeiger Lindenau", "stadtanzeiger-lindenau.example"),
    ("spa", "de"): ("Wissen Heute", "wissenheute.example"),
    ("table", "fr"): ("Le Petit Cévenol", "petitcevenol.example"),
}

WORDS = {
    "en": dict(home="Home", news="News", by="By", share="Share this article", related="Related articles",
               readmore="Read more:", ad="ADVERTISEMENT", photo="Photo", comments="Comments", more="More news",
               cookie="We use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choices at any time.",
               accept="Accept all", reject="Reject", newsletter="Sign up to our daily newsletter and get the top stories in your inbox every morning.",
               subscribe="Subscribe", rights="All rights reserved.", mostread="Most read", updated="Updated",
               sections=["News", "Local", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather", "Travel", "Obituaries", "Puzzles", "Jobs"],
               sub=["Eastgate", "Northam", "Crowley", "Brackley", "Hollin Vale", "Westmoor", "Ortiga", "Carlton", "Mill Street", "Harbour", "Schools", "Health", "Transport", "Crime", "Courts", "Environment", "Property", "Motoring", "Food & Drink", "Gardening"],
               months=["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
               days=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    "nl": dict(home="Home", news="Nieuws", by="Door", share="Deel dit artikel", related="Gerelateerde artikelen",
               readmore="Lees ook:", ad="Advertentie", photo="Foto", comments="Reacties", more="Meer nieuws",
               cookie="Wij en onze partners gebruiken cookies om content en advertenties te personaliseren en om ons verkeer te analyseren. Je kunt je keuze altijd aanpassen.",
               accept="Alles accepteren", reject="Weigeren", newsletter="Schrijf je in voor onze nieuwsbrief en ontvang elke ochtend het belangrijkste nieuws.",
               subscribe="Abonneren", rights="Alle rechten voorbehouden.", mostread="Meest gelezen", updated="Bijgewerkt",
               sections=["Nieuws", "Regio", "Politiek", "Economie", "Sport", "Cultuur", "Opinie", "Weer", "Verkeer", "Video", "Podcasts", "Puzzels"],
               sub=["Utrecht", "Vianen", "Schoonhoven", "Gorinchem", "Culemborg", "Zierikzee", "Middelburg", "Groningen", "Amersfoort", "Arnhem", "Onderwijs", "Zorg", "Wonen", "Misdaad", "Rechtbank", "Natuur", "Werk", "Verkeer", "Eten & Drinken", "Tuin"],
               months=["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
               days=["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]),
    "de": dict(home="Startseite", news="Nachrichten", by="Von", share="Artikel teilen", related="Das könnte Sie auch interessieren",
               readmore="Mehr zum Thema:", ad="Anzeige", photo="Foto", comments="Kommentare", more="Weitere Nachrichten",
               cookie="Wir und unsere Partner verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die Zugriffe auf unsere Website zu analysieren. Sie können Ihre Auswahl jederzeit ändern.",
               accept="Alle akzeptieren", reject="Ablehnen", newsletter="Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten.",
               subscribe="Abonnieren", rights="Alle Rechte vorbehalten.", mostread="Meistgelesen", updated="Aktualisiert",
               sections=["Nachrichten", "Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Meinung", "Wetter", "Reise", "Wissen", "Auto", "Rätsel"],
               sub=["Lindenau", "Freiburg", "München", "Augsburg", "Ulm", "Stuttgart", "Karlsruhe", "Konstanz", "Bildung", "Gesundheit", "Verkehr", "Polizei", "Gericht", "Umwelt", "Immobilien", "Karriere", "Genuss", "Garten", "Familie", "Digital"],
               months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
               days=["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]),
    "fr": dict(home="Accueil", news="Actualités", by="Par", share="Partager cet article", related="Sur le même sujet",
               readmore="Lire aussi :", ad="Publicité", photo="Photo", comments="Commentaires", more="Plus d'actualités",
               cookie="Nous et nos partenaires utilisons des cookies pour personnaliser le contenu et les publicités et pour analyser notre trafic. Vous pouvez modifier vos choix à tout moment.",
               accept="Tout accepter", reject="Refuser", newsletter="Inscrivez-vous à notre newsletter et recevez chaque matin l'essentiel de l'actualité.",
               subscribe="S'abonner", rights="Tous droits réservés.", mostread="Les plus lus", updated="Mis à jour",
               sections=["Actualités", "Région", "Politique", "Économie", "Sport", "Culture", "Opinions", "Météo", "Voyages", "Sciences", "Santé", "Jeux"],
               sub=["Nîmes", "Alès", "Béziers", "Montpellier", "Sète", "Uzès", "Gard", "Hérault", "Éducation", "Santé", "Transports", "Faits divers", "Justice", "Environnement", "Immobilier", "Emploi", "Gastronomie", "Jardin", "Famille", "Numérique"],
               months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
               days=["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
}

COMMENTS = {
    "en": ["About time too. I have been saying this for years and nobody at the council listened.",
           "Does anyone know whether this affects the weekend services as well? The article does not say.",
           "Great news for the town. Well done to everyone involved, it must have been a lot of work.",
           "I will believe it when I see it. We were promised the same thing five years ago.",
           "My grandmother used to live near there and she would have loved to read this.",
           "Who is going to pay for all of this? Not the people who made the decision, that is for sure.",
           "Brilliant reporting as always, thank you for keeping us informed.",
           "The comments here are getting out of hand. Can we keep it civil please?"],
    "nl": ["Eindelijk. Hier wordt al jaren over gepraat zonder dat er iets gebeurt.",
           "Weet iemand of dit ook geldt voor de weekenden? Dat staat niet in het artikel.",
           "Goed nieuws voor de buurt, complimenten aan iedereen die zich hiervoor heeft ingezet.",
           "Eerst zien, dan geloven. Dat hebben ze vijf jaar geleden ook beloofd.",
           "Wie gaat dit allemaal betalen? Niet de mensen die het besluit hebben genomen."],
    "de": ["Endlich passiert mal etwas. Darüber wird seit Jahren geredet.",
           "Weiß jemand, ob das auch am Wochenende gilt? Im Artikel steht dazu nichts.",
           "Gute Nachricht für die Stadt, Glückwunsch an alle Beteiligten.",
           "Ich glaube es erst, wenn ich es sehe. Das wurde uns vor fünf Jahren auch versprochen.",
           "Und wer bezahlt das alles am Ende? Sicher nicht die, die es beschlossen haben."],
    "fr": ["Enfin ! Cela fait des années qu'on en parle sans que rien ne bouge.",
           "Quelqu'un sait si cela concerne aussi le week-end ? L'article ne le dit pas.",
           "Bonne nouvelle pour la ville, bravo à tous ceux qui se sont mobilisés.",
           "Je demande à voir. On nous avait promis la même chose il y a cinq ans.",
           "Et qui va payer tout cela ? Certainement pas ceux qui ont pris la décision."],
}

COMMENTERS = ["jrobinson", "Anne K.", "northside_dave", "M. van Leeuwen", "Peter_B", "Sylvie73", "Klaus R.", "hopeful_reader", "Ed Marsh", "J. Fontaine"]


# ---------------------------------------------------------------------------------------------- text

def strip_markup(text):
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return text.replace("**", "").replace("*", "")


def blocks(article):
    """(kind, text) pairs: p, h2, ul, ol, quote. Lists are (kind, [items])."""
    result = []
    for item in article["body"]:
        if item.startswith("## "):
            result.append(("h2", item[3:]))
        elif item.startswith("- "):
            if result and result[-1][0] == "ul":
                result[-1][1].append(item[2:])
            else:
                result.append(("ul", [item[2:]]))
        elif re.match(r"\d+\. ", item):
            text = item.split(" ", 1)[1]
            if result and result[-1][0] == "ol":
                result[-1][1].append(text)
            else:
                result.append(("ol", [text]))
        elif item.startswith("> "):
            result.append(("quote", item[2:]))
        else:
            result.append(("p", item))
    return result


def expected_body(article):
    paragraphs = []
    for item in article["body"]:
        if item.startswith("## ") or item.startswith("- ") or item.startswith("> "):
            item = item[2:].lstrip()
        elif re.match(r"\d+\. ", item):
            item = item.split(" ", 1)[1]
        paragraphs.append(strip_markup(item))
    return "\n\n".join(paragraphs)


NAMED = {"\u2019": "&rsquo;", "\u2018": "&lsquo;", "\u201c": "&ldquo;", "\u201d": "&rdquo;", "\u00e9": "&eacute;",
         "\u00e8": "&egrave;", "\u00e0": "&agrave;", "\u00e7": "&ccedil;", "\u00fc": "&uuml;", "\u00f6": "&ouml;",
         "\u00e4": "&auml;", "\u00df": "&szlig;", "\u00a3": "&pound;", "\u00ab": "&laquo;", "\u00bb": "&raquo;",
         "\u201e": "&bdquo;", "\u201c": "&ldquo;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "\u2013": "&ndash;"}


def esc(text, style="utf8"):
    """HTML-escapes text; style 'named' or 'numeric' also encodes typographic characters as entities."""
    if style == "utf8":
        return html.escape(text, quote=False)
    out = []
    for ch in text:
        if style == "named" and ch in NAMED:
            out.append(NAMED[ch])
        elif style == "numeric" and (ord(ch) > 127 or ch in "&<>"):
            out.append("&#%d;" % ord(ch) if ord(ch) > 127 else NAMED[ch])
        elif ch in "&<>":
            out.append(NAMED[ch])
        else:
            out.append(ch)
    return "".join(out)


def inline(text, rng, style, site_domain, link_rate=0.35):
    """Escapes a paragraph and decorates it as CMSes do: a link or emphasis around a few words, nbsp."""
    words = text.split(" ")
    if len(words) > 8 and rng.random() < link_rate:
        start = rng.randrange(1, len(words) - 4)
        length = rng.randrange(2, 4)
        before, middle, after = words[:start], words[start:start + length], words[start + length:]
        tag = rng.choice(["a", "a", "a", "em", "strong"])
        inner = esc(" ".join(middle), style)
        if tag == "a":
            slug = re.sub(r"[^a-z0-9]+", "-", " ".join(middle).lower()).strip("-")
            inner = '<a href="https://www.%s/topics/%s" data-link-type="inline">%s</a>' % (site_domain, slug, inner)
        else:
            inner = "<%s>%s</%s>" % (tag, inner, tag)
        return esc(" ".join(before), style) + " " + inner + (" " + esc(" ".join(after), style) if after else "")
    escaped = esc(text, style)
    if style != "utf8" and rng.random() < 0.3:
        escaped = re.sub(r"(\d) (million|percent|euro|Prozent|millions|miljoen|procent)", r"\1&nbsp;\2", escaped)
    return escaped


# ------------------------------------------------------------------------------------ page furniture

def iso(article, time="08:30:00", zone="+01:00"):
    return "%sT%s%s" % (article["date"], time, zone)


def human_date(article, form="long"):
    y, m, d = (int(x) for x in article["date"].split("-"))
    w = WORDS[article["lang"]]
    import datetime
    weekday = w["days"][datetime.date(y, m, d).weekday()]
    if form == "long":
        if article["lang"] == "de":
            return "%s, %d. %s %d" % (weekday, d, w["months"][m - 1], y)
        if article["lang"] == "en":
            return "%s %d %s %d" % (weekday, d, w["months"][m - 1], y)
        return "%s %d %s %d" % (weekday, d, w["months"][m - 1], y)
    if form == "us":
        return "%s %d, %d" % (w["months"][m - 1], d, y)
    if form == "dotted":
        return "%02d.%02d.%d" % (d, m, y)
    if form == "short":
        return "%d %s %d" % (d, w["months"][m - 1][:3].lower() if article["lang"] == "nl" else w["months"][m - 1], y)
    raise ValueError(form)


def css(rng, rules=240):
    props = ["margin", "padding", "color", "background", "font-size", "line-height", "border", "display", "width",
             "max-width", "letter-spacing", "text-transform", "grid-template-columns", "gap", "flex", "z-index"]
    values = ["0", "1rem", "auto", "#1a1a1a", "#fff", "1.125rem", "1.5", "1px solid #e5e5e5", "flex", "block", "none",
              "100%", "72ch", "0.02em", "uppercase", "repeat(12, 1fr)", "24px", "1 1 auto", "10"]
    names = ["header", "nav", "menu", "card", "teaser", "article", "byline", "hero", "footer", "grid", "btn", "badge",
             "promo", "rail", "caption", "ticker", "label", "icon", "logo", "search", "drawer", "overlay"]
    out = []
    for i in range(rules):
        selector = ".%s__%s%s" % (rng.choice(names), rng.choice(names), "--" + rng.choice(names) if rng.random() < 0.3 else "")
        body = ";".join("%s:%s" % (rng.choice(props), rng.choice(values)) for _ in range(rng.randrange(2, 7)))
        out.append("%s{%s}" % (selector, body))
        if i % 40 == 39:
            out.append("@media (min-width:%dpx){%s}" % (rng.choice([640, 768, 1024, 1280]), out[-1]))
    return "\n".join(out)


def js(rng, lines=120):
    events = ["page_view", "scroll_depth", "article_read", "consent_update", "ad_impression", "video_start",
              "newsletter_view", "share_click", "paywall_view", "recirculation_click"]
    out = ["(function(w,d){'use strict';w.dataLayer=w.dataLayer||[];var q=[];function t(e,p){w.dataLayer.push(Object.assign({event:e,ts:Date.now()},p||{}));}"]
    for i in range(lines):
        event = rng.choice(events)
        out.append("  d.addEventListener('%s',function(x){if(x&&x.detail&&x.detail.id===%d){t('%s',{slot:'slot-%d',depth:%d,variant:'%s'});}q.push(%d);});"
                   % (rng.choice(["click", "scroll", "load", "visibilitychange"]), rng.randrange(1, 9999), event,
                      rng.randrange(1, 40), rng.randrange(10, 100, 10), rng.choice("ABCD"), i))
    out.append("})(window,document);")
    return "\n".join(out)


def svg_sprite(rng, icons=18):
    out = ['<svg xmlns="http://www.w3.org/2000/svg" style="display:none">']
    for i in range(icons):
        points = " ".join("L%d %d" % (rng.randrange(0, 24), rng.randrange(0, 24)) for _ in range(rng.randrange(8, 30)))
        out.append('<symbol id="icon-%d" viewBox="0 0 24 24"><path d="M12 2 %s Z"/></symbol>' % (i, points))
    out.append("</svg>")
    return "\n".join(out)


def mega_menu(article, domain, rng, tag="nav", cls="site-nav", columns=None):
    w = WORDS[article["lang"]]
    columns = columns or w["sections"]
    out = ['<%s class="%s" aria-label="Main">' % (tag, cls) if tag else "", '<ul class="menu-level-1">']
    for section in columns:
        slug = re.sub(r"[^a-z0-9]+", "-", section.lower())
        out.append('<li class="menu-item"><a href="https://www.%s/%s/">%s</a><ul class="menu-level-2">' % (domain, slug, esc(section)))
        for sub in rng.sample(w["sub"], rng.randrange(6, 14)):
            s2 = re.sub(r"[^a-z0-9]+", "-", sub.lower())
            out.append('<li><a href="https://www.%s/%s/%s/">%s</a></li>' % (domain, slug, s2, esc(sub)))
        out.append("</ul></li>")
    out.append("</ul>")
    if tag:
        out.append("</%s>" % tag)
    return "\n".join(out)


def footer_links(article, domain, rng, tag="footer", cls="site-footer"):
    w = WORDS[article["lang"]]
    site = site_of(article)[0]
    items = ["About us", "Contact", "Advertise", "Careers", "Privacy policy", "Cookie settings", "Terms of use",
             "Accessibility", "Corrections", "Complaints", "RSS feeds", "Archive", "Sitemap", "Help"]
    out = ['<%s class="%s">' % (tag, cls)]
    for column in range(4):
        out.append('<div class="footer-col"><h4>%s</h4><ul>' % esc(rng.choice(w["sections"])))
        for item in rng.sample(items, 7):
            out.append('<li><a href="https://www.%s/%s">%s</a></li>' % (domain, item.lower().replace(" ", "-"), item))
        out.append("</ul></div>")
    out.append('<p class="copyright">&copy; 2025 %s. %s</p>' % (esc(site), esc(w["rights"])))
    out.append("</%s>" % tag)
    return "\n".join(out)


def cookie_banner(article, style="div"):
    w = WORDS[article["lang"]]
    if style == "dialog":
        return ('<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" role="dialog" aria-label="Cookies">'
                '<p id="onetrust-policy-text">%s <a href="/privacy">Privacy</a></p><button id="onetrust-accept-btn-handler">%s</button>'
                '<button>%s</button></div></div>' % (esc(w["cookie"]), esc(w["accept"]), esc(w["reject"])))
    return ('<div class="cookie-banner" id="cookie-consent"><p>%s</p><button type="button">%s</button> '
            '<button type="button">%s</button></div>' % (esc(w["cookie"]), esc(w["accept"]), esc(w["reject"])))


def others(article, count, rng, same_lang=True):
    pool = [a for a in ARTICLES if a["slug"] != article["slug"] and (a["lang"] == article["lang"] or not same_lang)]
    if len(pool) < count:
        pool += [a for a in ARTICLES if a["slug"] != article["slug"] and a not in pool]
    return rng.sample(pool, count)


def first_sentence(a):
    lead = a["body"][0]
    match = re.match(r"(.+?[.!?])( |$)", lead)
    return match.group(1) if match else lead


def teaser_cards(article, domain, rng, count=6, tag="article", cls="card"):
    out = []
    for other in others(article, count, rng):
        out.append('<%s class="%s"><a href="https://www.%s/news/%s"><img src="/img/%s.jpg" alt=""><h3 class="%s__title">%s</h3></a>'
                   '<p class="%s__summary">%s</p></%s>' % (tag, cls, domain, other["slug"], other["slug"], cls, esc(other["title"]),
                                                           cls, esc(first_sentence(other)), tag))
    return "\n".join(out)


def link_list(article, domain, rng, count=5):
    return "\n".join('<li><a href="https://www.%s/news/%s">%s</a></li>' % (domain, o["slug"], esc(o["title"]))
                     for o in others(article, count, rng))


def comment_section(article, rng, cls="comments", count=8, wrapper="section"):
    w = WORDS[article["lang"]]
    out = ['<%s id="comments" class="%s"><h2>%s (%d)</h2><ol class="comment-list">' % (wrapper, cls, w["comments"], count)]
    pool = COMMENTS[article["lang"]]
    for i in range(count):
        out.append('<li class="comment"><div class="comment-meta"><span class="comment-author">%s</span> '
                   '<time>%d:%02d</time></div><div class="comment-body"><p>%s</p></div>'
                   '<a class="reply" href="#reply-%d">Reply</a></li>' % (esc(rng.choice(COMMENTERS)), rng.randrange(7, 23),
                                                                         rng.randrange(60), esc(rng.choice(pool)), i))
    out.append("</ol></%s>" % wrapper)
    return "\n".join(out)


def share_bar(article, cls="share-tools"):
    w = WORDS[article["lang"]]
    return ('<div class="%s"><span>%s</span><ul><li><a href="#fb">Facebook</a></li><li><a href="#x">X</a></li>'
            '<li><a href="#wa">WhatsApp</a></li><li><a href="#mail">E-mail</a></li><li><button>Copy link</button></li></ul></div>'
            % (cls, esc(w["share"])))


def json_ld(obj):
    return '<script type="application/ld+json">%s</script>' % json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")


def site_of(article):
    return LOCAL_SITES.get((article["skin"], article["lang"]), SITES[article["skin"]])


def head(article, rng, *, title_tag, og=True, og_title=None, published_meta=True, extra="", lang_attr=True, css_rules=240, js_lines=120):
    site, domain = site_of(article)
    url = "https://www.%s/news/%s" % (domain, article["slug"])
    meta = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>%s</title>" % esc(title_tag),
            '<meta name="description" content="%s">' % html.escape(first_sentence(article))]
    if og:
        meta += ['<meta property="og:type" content="article">',
                 '<meta property="og:title" content="%s">' % html.escape(og_title or article["title"]),
                 '<meta property="og:site_name" content="%s">' % html.escape(site),
                 '<meta property="og:url" content="%s">' % url,
                 '<meta property="og:image" content="https://cdn.%s/img/%s.jpg">' % (domain, article["slug"]),
                 '<meta name="twitter:card" content="summary_large_image">']
    if published_meta:
        meta.append('<meta property="article:published_time" content="%s">' % iso(article))
        meta.append('<meta property="article:modified_time" content="%s">' % iso(article, "17:45:00"))
    meta.append('<link rel="canonical" href="%s">' % url)
    meta.append('<link rel="preload" as="font" href="/fonts/house.woff2" crossorigin>')
    meta.append("<style>\n%s\n</style>" % css(rng, css_rules))
    meta.append("<script>\n%s\n</script>" % js(rng, js_lines))
    meta.append(extra)
    lang = {"en": "en-GB", "nl": "nl-NL", "de": "de-DE", "fr": "fr-FR"}[article["lang"]]
    return ('<!DOCTYPE html>\n<html%s>\n<head>\n%s\n</head>\n' % (' lang="%s"' % lang if lang_attr else "", "\n".join(meta)), url)


def news_article_ld(article, url, *, body=False, kind="NewsArticle", extra=None):
    site, domain = site_of(article)
    obj = {"@context": "https://schema.org", "@type": kind, "headline": article["title"],
           "datePublished": iso(article), "dateModified": iso(article, "17:45:00"), "mainEntityOfPage": url,
           "image": ["https://cdn.%s/img/%s.jpg" % (domain, article["slug"])],
           "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "https://www.%s/logo.png" % domain}}}
    if article["author"]:
        obj["author"] = [{"@type": "Person", "name": article["author"]}]
    if body:
        obj["articleBody"] = body if isinstance(body, str) else expected_body(article)
    if extra:
        obj.update(extra)
    return obj


def render_blocks(article, rng, style, domain, *, p_attrs="", between=None, h="h2", figure=None, link_rate=0.35):
    """The article body as HTML; `between(i)` may return boilerplate to insert after block i."""
    out = []
    items = blocks(article)
    for i, (kind, content) in enumerate(items):
        if kind == "p":
            out.append("<p%s>%s</p>" % (p_attrs, inline(content, rng, style, domain, link_rate)))
        elif kind == "h2":
            out.append("<%s>%s</%s>" % (h, esc(content, style), h))
        elif kind in ("ul", "ol"):
            out.append("<%s>%s</%s>" % (kind, "".join("<li>%s</li>" % inline(x, rng, style, domain, 0.2) for x in content), kind))
        elif kind == "quote":
            out.append("<blockquote><p>%s</p></blockquote>" % esc(content, style))
        if figure and i == figure[0]:
            out.append(figure[1])
        if between:
            extra = between(i)
            if extra:
                out.append(extra)
    return "\n".join(out)


def figure_html(article, rng, credit_style="span"):
    w = WORDS[article["lang"]]
    caption = {"en": "The scene on the day.", "nl": "Het tafereel op de dag zelf.", "de": "Die Szene am Tag selbst.",
               "fr": "La scène le jour même."}[article["lang"]]
    agency = rng.choice(["Reuters", "ANP", "dpa", "AFP", "PA Images", "Staff photographer"])
    if credit_style == "span":
        return ('<figure class="article-image"><img src="/img/%s-1.jpg" alt="" width="1200" height="800">'
                '<figcaption><span class="caption-text">%s</span> <span class="credit">%s: %s</span></figcaption></figure>'
                % (article["slug"], esc(caption), w["photo"], agency))
    return ('<div class="image-wrap"><img src="/img/%s-1.jpg" alt=""><p class="img-caption">%s %s: %s</p></div>'
            % (article["slug"], esc(caption), w["photo"], agency))


# --------------------------------------------------------------------------------------------- skins

def skin_wordpress(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    title_tag = "%s \u2013 %s" % (a["title"], site)
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://www.%s/news/%s#webpage" % (domain, a["slug"]), "name": title_tag},
        {"@type": "Article", "headline": a["title"], "datePublished": iso(a), "author": {"@type": "Person", "name": a["author"]},
         "publisher": {"@type": "Organization", "name": site}, "inLanguage": a["lang"]}]}
    top, url = head(a, rng, title_tag=title_tag, extra=json_ld(graph), css_rules=320, js_lines=160)
    related = ('<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>%s</em></h3>%s</div>'
               % (esc(w["related"]), teaser_cards(a, domain, rng, 3, "div", "jp-relatedposts-post")))
    content = render_blocks(a, rng, "numeric", domain)
    body = f'''<body class="post-template-default single single-post">
{svg_sprite(rng)}
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">{esc(site)}</a></p></div>
{mega_menu(a, domain, rng, "nav", "main-navigation")}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{rng.randrange(1000, 99999)}" class="post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">{esc(a["title"], "numeric")}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="{url}" rel="bookmark"><time class="entry-date published" datetime="{iso(a)}">{human_date(a)}</time></a></span>
<span class="byline"> {w["by"]} <span class="author vcard"><a class="url fn n" href="/author/x/">{esc(a["author"])}</a></span></span></div></header>
<div class="entry-content">
{content}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">{esc(w["share"])}</h3>
<div class="sd-content"><ul><li class="share-facebook"><a href="#">Facebook</a></li><li class="share-x"><a href="#">X</a></li><li class="share-email"><a href="#">Email</a></li></ul></div></div></div>
{related}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/news/">{w["news"]}</a></span> <span class="tags-links">Tagged <a href="/tag/a/">{esc(rng.choice(w["sub"]))}</a>, <a href="/tag/b/">{esc(rng.choice(w["sub"]))}</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="#">{esc(others(a, 1, rng)[0]["title"])}</a></div></div></nav>
{comment_section(a, rng, "comments-area", 6, "div")}
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{link_list(a, domain, rng, 5)}</ul></section>
<section class="widget widget_search"><form role="search" class="search-form"><input type="search" class="search-field" placeholder="Search"></form></section></aside>
</div>
{footer_links(a, domain, rng, "footer", "site-footer")}
</div>
{cookie_banner(a)}
<script>{js(rng, 60)}</script>
</body></html>'''
    return top + body


def skin_divsoup(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s - %s" % (a["title"], site), og=False, published_meta=False, lang_attr=False,
                    css_rules=200, js_lines=200)
    date = human_date(a, "dotted" if a["lang"] == "de" else "long")
    text = "<br><br>\n".join(inline(p, rng, "utf8", domain) for kind, p in blocks(a) if kind == "p")
    menu_rows = "".join('<div class="topbar-item"><a href="https://www.%s/%s">%s</a></div>' % (domain, s.lower(), esc(s)) for s in w["sections"])
    most = "".join('<div class="mr-row"><span class="mr-num">%d</span><a href="https://www.%s/n/%s">%s</a></div>' % (i + 1, domain, o["slug"], esc(o["title"]))
                   for i, o in enumerate(others(a, 5, rng)))
    teasers = "".join('<div class="box-item"><div class="box-title"><a href="https://www.%s/n/%s">%s</a></div><div class="box-txt">%s</div></div>'
                      % (domain, o["slug"], esc(o["title"]), esc(first_sentence(o))) for o in others(a, 4, rng))
    body = f'''<body>
<div id="wrapper">
<div id="top"><div class="logo"><a href="/"><img src="/logo.gif" alt="{esc(site)}"></a></div>
<div class="topbar">{menu_rows}</div>
<div class="sub-topbar">{mega_menu(a, domain, rng, "", "")}</div></div>
{cookie_banner(a, "dialog")}
<div id="container"><div class="col-left">
<div class="crumbs"><a href="/">{w["home"]}</a> &gt; <a href="/news">{w["news"]}</a> &gt; <a href="/news/region">{esc(w["sections"][1])}</a></div>
<div class="kop"><h1>{esc(a["title"])}</h1></div>
<div class="info">{w["by"]} {esc(a["author"])} | {date}, {rng.randrange(6, 22)}:{rng.randrange(60):02d}</div>
{figure_html(a, rng, "div")}
<div class="txt">
{text}
</div>
<div class="sharebox"><a href="#">Facebook</a> | <a href="#">X</a> | <a href="#">WhatsApp</a> | <a href="#">Mail</a></div>
<div class="boxje"><div class="box-head">{esc(w["more"])}</div>{teasers}</div>
</div>
<div class="col-right"><div class="mostread"><div class="box-head">{esc(w["mostread"])}</div>{most}</div>
<div class="banner-300"><a href="https://ads.example/click?id=1"><img src="/ads/300x250.gif" alt=""></a></div></div>
</div>
<div id="bottom">{footer_links(a, domain, rng, "div", "bottom-links")}</div>
</div>
<script>{js(rng, 80)}</script>
</body></html>'''
    return top + body


def skin_itemprop(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), published_meta=False, css_rules=300, js_lines=150)
    others_ = others(a, 3, rng)

    def between(i):
        if i == 1:
            return '<div class="inline-unit" data-slot="mid1"><p class="unit-label">%s</p><div id="gpt-div-mid1"></div></div>' % w["ad"]
        if i == 2:
            return '<p><strong>%s</strong> <a href="https://www.%s/news/%s">%s</a></p>' % (esc(w["readmore"]), domain, others_[0]["slug"], esc(others_[0]["title"]))
        if i == 4:
            return '<div class="inline-unit" data-slot="mid2"><p class="unit-label">%s</p><div id="gpt-div-mid2"></div></div>' % w["ad"]
        return None
    content = render_blocks(a, rng, "named", domain, between=between, figure=(0, figure_html(a, rng)))
    body = f'''<body>
<div class="page">
<header class="masthead"><div class="masthead__logo"><a href="/">{esc(site)}</a></div>{mega_menu(a, domain, rng)}</header>
<div class="breadcrumb"><ol><li><a href="/">{w["home"]}</a></li><li><a href="/news">{w["news"]}</a></li></ol></div>
<div class="layout">
<div class="layout__main" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="datePublished" content="{iso(a)}">
<h1 itemprop="headline">{esc(a["title"], "named")}</h1>
<div class="meta-line"><span itemprop="author" itemscope itemtype="https://schema.org/Person">{w["by"]} <span itemprop="name">{esc(a["author"])}</span></span> &middot; <span class="pubdate">{human_date(a)}</span></div>
{share_bar(a)}
<div itemprop="articleBody" class="body-copy">
{content}
</div>
<div class="topic-tags"><span>Topics:</span> <a href="#">{esc(rng.choice(w["sub"]))}</a> <a href="#">{esc(rng.choice(w["sub"]))}</a></div>
</div>
<div class="layout__rail"><h3>{esc(w["mostread"])}</h3><ol>{link_list(a, domain, rng, 6)}</ol>
<div class="newsletter-box"><p>{esc(w["newsletter"])}</p><form><input type="email"><button>{esc(w["subscribe"])}</button></form></div></div>
</div>
<section class="more-stories"><h2>{esc(w["more"])}</h2>{teaser_cards(a, domain, rng, 6, "div", "story-card")}</section>
{footer_links(a, domain, rng)}
</div>
{cookie_banner(a)}
</body></html>'''
    return top + body


def skin_magazine(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), css_rules=400, js_lines=120,
                    extra=json_ld(news_article_ld(a, "https://www.%s/news/%s" % (domain, a["slug"]))))
    quote = next((b for b in a["body"] if b.startswith("> ")), a["body"][1])[2:]
    bio = {"en": "%s is a senior writer at %s. She covers cities, housing and culture." ,
           "de": "%s ist Redakteurin bei %s und schreibt über Wirtschaft und Wohnen.",
           "nl": "%s is verslaggever bij %s.", "fr": "%s est journaliste à %s."}[a["lang"]] % (a["author"], site)
    signup = ('<div class="inline-signup"><h3>%s</h3><p>%s</p><form><input type="email"><button>%s</button></form></div>'
              % (esc(site), esc(w["newsletter"]), esc(w["subscribe"])))
    content = render_blocks(a, rng, "named", domain, between=lambda i: signup if i == 2 else None,
                            figure=(0, figure_html(a, rng)))
    lead, rest = content.split("\n", 1)
    lead = lead.replace("<p>", '<p class="standfirst">', 1)
    body = f'''<body class="layout-longform">
{svg_sprite(rng, 30)}
<header class="global-header">{mega_menu(a, domain, rng)}<div class="search-toggle"><button>Search</button></div></header>
<main id="main-content">
<article class="story">
<div class="story__kicker"><a href="/culture">{esc(rng.choice(w["sections"]))}</a></div>
<h1 class="story__headline">{esc(a["title"], "named")}</h1>
{lead}
<div class="story__byline"><a class="author-link" href="/authors/x">{w["by"]} {esc(a["author"])}</a> <span class="author-role">Senior writer</span> <time datetime="{iso(a)}">{human_date(a)}</time></div>
<div class="story__body">
{rest}
<aside class="pullquote"><p>{esc(quote, "named")}</p></aside>
</div>
<div class="author-bio"><img src="/authors/x.jpg" alt=""><p>{esc(bio)}</p></div>
{share_bar(a, "story__share")}
</article>
<section class="recirculation"><h2>{esc(w["related"])}</h2>{teaser_cards(a, domain, rng, 4, "div", "recirc-card")}</section>
</main>
{footer_links(a, domain, rng)}
{cookie_banner(a, "dialog")}
</body></html>'''
    return top + body


def skin_liveblog(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    url = "https://www.%s/news/%s" % (domain, a["slug"])
    items = blocks(a)
    entries = []
    ld_updates = []
    hour = 21
    for i in range(1, len(items), 2):
        heading, text = items[i][1], items[i + 1][1]
        hour_s = "%02d:%02d" % (hour, 10 + i * 5)
        entries.append('<div class="live-entry" id="entry-%d"><div class="live-entry__meta"><time datetime="%sT%s:00+02:00">%s</time></div>'
                       '<h2 class="live-entry__title">%s</h2><div class="live-entry__body"><p>%s</p></div>'
                       '<div class="entry-share"><button>%s</button></div></div>'
                       % (i, a["date"], hour_s, hour_s, esc(heading), inline(text, rng, "utf8", domain), esc(w["share"])))
        ld_updates.append({"@type": "BlogPosting", "headline": heading, "datePublished": "%sT%s:00+02:00" % (a["date"], hour_s)})
    ld = news_article_ld(a, url, kind="LiveBlogPosting", extra={"coverageStartTime": iso(a, "20:00:00", "+02:00"), "liveBlogUpdate": ld_updates})
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), published_meta=False, extra=json_ld(ld), css_rules=260, js_lines=220)
    key = "".join('<li><a href="#entry-%d">%s</a></li>' % (i, esc(items[i][1])) for i in range(1, len(items), 2))
    body = f'''<body>
<header class="top"><a href="/" class="brand">{esc(site)}</a>{mega_menu(a, domain, rng)}</header>
<main>
<div class="liveblog">
<div class="live-badge">LIVE</div>
<h1>{esc(a["title"])}</h1>
<p class="liveblog-intro">{esc(items[0][1])}</p>
<div class="key-events"><h3>Key events</h3><ul>{key}</ul></div>
<div class="live-feed">
{chr(10).join(entries)}
</div>
<button class="load-more">Load more</button>
</div>
<div class="rail">{teaser_cards(a, domain, rng, 5, "div", "rail-card")}</div>
</main>
{footer_links(a, domain, rng)}
{cookie_banner(a)}
</body></html>'''
    return top + body


def skin_paywall(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    url = "https://www.%s/news/%s" % (domain, a["slug"])
    ld = news_article_ld(a, url, extra={"isAccessibleForFree": False, "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".premium-content"}})
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), extra=json_ld(ld), css_rules=300, js_lines=160)
    gate = {"en": ("Subscribe to keep reading", "Get unlimited access to The Island Herald from 1 a week. Cancel at any time.", "Already a subscriber? Log in"),
            "nl": ("Lees verder met een abonnement", "Krijg onbeperkt toegang tot al onze artikelen vanaf 1 euro per week. Altijd opzegbaar.", "Al abonnee? Log in")}[a["lang"]]
    body = f'''<body>
<header class="site-head"><div class="brand"><a href="/">{esc(site)}</a></div>{mega_menu(a, domain, rng)}</header>
<main>
<article class="article article--premium">
<span class="premium-badge">Premium</span>
<h1 class="article__headline">{esc(a["title"], "named")}</h1>
<div class="article__meta"><span class="article__author">{w["by"]} {esc(a["author"])}</span> <time datetime="{iso(a)}">{human_date(a)}</time></div>
{figure_html(a, rng)}
<div class="article__body premium-content">
{render_blocks(a, rng, "named", domain)}
</div>
<div class="paywall-gate"><h2>{esc(gate[0])}</h2><p>{esc(gate[1])}</p><a class="btn" href="/subscribe">{esc(w["subscribe"])}</a><p class="login">{esc(gate[2])}</p></div>
</article>
<section class="more"><h2>{esc(w["more"])}</h2>{teaser_cards(a, domain, rng, 6)}</section>
</main>
{footer_links(a, domain, rng)}
{cookie_banner(a)}
</body></html>'''
    return top + body


def skin_spa(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    url = "https://www.%s/news/%s" % (domain, a["slug"])
    separator = "\n\n" if a["lang"] == "en" else "\n"
    ld = news_article_ld(a, url, body=separator.join(expected_body(a).split("\n\n")), extra={"inLanguage": a["lang"]})
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), og=a["lang"] != "en", published_meta=False,
                    extra=json_ld(ld), css_rules=150, js_lines=100)
    state = {"route": "/news/" + a["slug"], "teasers": [{"title": o["title"], "summary": first_sentence(o)} for o in others(a, 6, rng)],
             "flags": {"paywall": False, "comments": True, "abTest": rng.choice("ABC")}}
    body = f'''<body>
<header class="shell-header"><a href="/">{esc(site)}</a>{mega_menu(a, domain, rng)}</header>
<noscript><p>You need to enable JavaScript to run this app.</p></noscript>
<div id="app" data-server-rendered="false"><div class="skeleton"><div class="skeleton__line"></div><div class="skeleton__line"></div></div></div>
<script>window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)};</script>
<script src="/static/js/chunk-vendors.4f1a9c.js" defer></script><script src="/static/js/app.91be02.js" defer></script>
<footer class="shell-footer">{footer_links(a, domain, rng, "div", "shell-footer__links")}</footer>
{cookie_banner(a, "dialog")}
</body></html>'''
    return top + body


def skin_wire(a, rng):
    site, domain = site_of(a)
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), og=False, published_meta=False, css_rules=120, js_lines=300)
    trailer = "Reporting by Ellen Shaw; Editing by Mark Dunne"
    body = f'''<body>
<div class="wire-top"><a href="/" class="wire-logo">{esc(site)}</a><ul class="wire-sections">{"".join('<li><a href="/%s">%s</a></li>' % (s.lower(), s) for s in WORDS["en"]["sections"])}</ul></div>
{mega_menu(a, domain, rng, "div", "wire-drawer")}
<div class="wire-story">
<h2 class="wire-kicker">Business</h2>
<h1>{esc(a["title"])}</h1>
<p class="timestamp">{human_date(a, "us")} 3:41 PM GMT+1</p>
<div class="wire-text">
{render_blocks(a, rng, "utf8", domain, link_rate=0)}
<p class="trailer">{trailer}</p>
<p class="standards"><a href="/principles">Our Standards: The Trust Principles.</a></p>
</div>
</div>
<div class="wire-more"><h3>More from {esc(site)}</h3><ul>{link_list(a, domain, rng, 8)}</ul></div>
{footer_links(a, domain, rng, "div", "wire-foot")}
</body></html>'''
    return top + body


def skin_cards(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), og_title="%s | %s" % (a["title"], site),
                    published_meta=False, css_rules=280, js_lines=140)
    body = f'''<body>
{cookie_banner(a)}
<header class="header">{mega_menu(a, domain, rng)}</header>
<main class="main">
<article class="article">
<h1 class="article__title">{esc(a["title"], "named")}</h1>
<div class="article__byline">{w["by"]} <a href="/auteurs/x">{esc(a["author"])}</a> <time datetime="{iso(a)}">{human_date(a)}</time></div>
{figure_html(a, rng)}
<div class="article__body">
{render_blocks(a, rng, "named", domain)}
</div>
{share_bar(a)}
</article>
<section class="more-news"><h2>{esc(w["more"])}</h2>
{teaser_cards(a, domain, rng, 8, "article", "card")}
</section>
</main>
{footer_links(a, domain, rng)}
</body></html>'''
    return top + body


def skin_table(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s - %s" % (site, a["title"]), og=False, published_meta=False, css_rules=60, js_lines=60)
    nav = "".join('<tr><td class="navcell"><a href="/%s.html"><font size="2">%s</font></a></td></tr>' % (s.lower(), esc(s)) for s in w["sections"] + w["sub"])
    paras = "\n".join('<p><font face="Verdana" size="2">%s</font></p>' % inline(p, rng, "named", domain, 0.1) for k, p in blocks(a) if k == "p")
    others_ = "".join('<tr><td><a href="/n/%s.html"><font size="1">%s</font></a></td></tr>' % (o["slug"], esc(o["title"])) for o in others(a, 8, rng))
    body = f'''<body bgcolor="#ffffff" topmargin="0">
<table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="3"><img src="/img/header.gif" alt="{esc(site)}" width="980" height="90"></td></tr>
<tr>
<td width="160" valign="top"><table width="160">{nav}</table></td>
<td width="600" valign="top" class="content">
<font size="5" face="Georgia"><b>{esc(a["title"], "named")}</b></font><br>
<font size="1" color="#666666">{human_date(a, "short")}</font><br><br>
{paras}
<p><font size="1"><a href="javascript:window.print()">Print</a> | <a href="mailto:?subject=x">E-mail</a></font></p>
</td>
<td width="220" valign="top"><table width="220"><tr><td><b>{esc(w["mostread"])}</b></td></tr>{others_}</table>
<br><img src="/ads/banner-220.gif" alt="{w["ad"]}"></td>
</tr>
<tr><td colspan="3" align="center"><font size="1">&copy; 2025 {esc(site)} | <a href="/contact.html">Contact</a> | <a href="/adverteren.html">{w["ad"]}</a></font></td></tr>
</table>
</body></html>'''
    return top + body


def skin_comments(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), css_rules=260, js_lines=140)
    inside = a["lang"] == "en"
    comments = comment_section(a, rng, "comments" if inside else "community-reactions", 14)
    body = f'''<body>
<header>{mega_menu(a, domain, rng)}</header>
{cookie_banner(a, "dialog")}
<main>
<article>
<h1>{esc(a["title"], "named")}</h1>
<p class="byline">{w["by"]} {esc(a["author"])}</p>
<time datetime="{iso(a)}">{human_date(a)}</time>
{render_blocks(a, rng, "named", domain, figure=(1, figure_html(a, rng)))}
{share_bar(a)}
{comments if inside else ""}
</article>
{"" if inside else comments}
<aside class="related"><h2>{esc(w["related"])}</h2><ul>{link_list(a, domain, rng, 5)}</ul></aside>
</main>
{footer_links(a, domain, rng)}
</body></html>'''
    return top + body


def skin_regional(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    url = "https://www.%s/news/%s" % (domain, a["slug"])
    top, url = head(a, rng, title_tag="%s | %s" % (a["title"], site), published_meta=False,
                    extra=json_ld([{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
                                   news_article_ld(a, url)]), css_rules=300, js_lines=200)
    o = others(a, 2, rng)

    def between(i):
        if i == 1:
            return '<p class="inline-link"><strong>%s</strong> <a href="https://www.%s/news/%s">%s</a></p>' % (esc(w["readmore"]), domain, o[0]["slug"], esc(o[0]["title"]))
        if i == 2:
            return '<div class="banner-slot"><span>%s</span></div>' % w["ad"]
        return None
    items = render_blocks(a, rng, "utf8", domain, between=between).split("\n", 1)
    body = f'''<body>
<div class="page-wrapper">
<header class="header">{mega_menu(a, domain, rng)}</header>
<main id="content">
<div class="article">
<ul class="breadcrumb"><li><a href="/">{w["home"]}</a></li><li><a href="/regio">{esc(w["sections"][1])}</a></li></ul>
<h1 class="article__title">{esc(a["title"])}</h1>
<div class="article__meta"><span class="article__author">{w["by"]} {esc(a["author"])}</span> <span class="article__date">{human_date(a, "short")}, 07:30</span></div>
{figure_html(a, rng)}
<div class="article__intro">{items[0].replace("<p>", "<p><strong>", 1).replace("</p>", "</strong></p>", 1)}</div>
<div class="article__body">
{items[1]}
</div>
{share_bar(a)}
</div>
<div class="article-list"><h2>{esc(w["more"])}</h2>{teaser_cards(a, domain, rng, 6, "div", "teaser")}</div>
</main>
{footer_links(a, domain, rng)}
</div>
{cookie_banner(a)}
</body></html>'''
    return top + body


def skin_german(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s - %s" % (a["title"], site), published_meta=False,
                    extra='<meta name="date" content="%s">' % iso(a), css_rules=350, js_lines=150)
    o = others(a, 3, rng)

    def between(i):
        if i == 0:
            return '<div class="ad-container ad-container--inread"><span class="ad-label">Anzeige</span></div>'
        if i == 2:
            return ('<div class="mehr-zum-thema"><strong>%s</strong><ul>%s</ul></div>'
                    % (esc(w["readmore"]), "".join('<li><a href="https://www.%s/%s">%s</a></li>' % (domain, x["slug"], esc(x["title"])) for x in o)))
        return None
    body = f'''<body>
<header class="kopf">{mega_menu(a, domain, rng)}</header>
<div class="inhalt">
<article class="artikel">
<header class="artikel__kopf"><span class="dachzeile">{esc(rng.choice(w["sub"]))}</span><h1>{esc(a["title"], "named")}</h1>
<p class="artikel__meta">{human_date(a, "dotted")}, 08:15 Uhr &middot; {w["by"]} {esc(a["author"])}</p></header>
{figure_html(a, rng)}
<div class="article-content">
{render_blocks(a, rng, "named", domain, between=between)}
</div>
<div class="artikel__fuss">{share_bar(a)}<p class="quelle">Quelle: {esc(site)}</p></div>
</article>
<aside class="seitenleiste"><h3>{esc(w["mostread"])}</h3><ol>{link_list(a, domain, rng, 6)}</ol></aside>
<section class="weitere"><h2>{esc(w["related"])}</h2>{teaser_cards(a, domain, rng, 6, "div", "teaser")}</section>
</div>
{footer_links(a, domain, rng)}
{cookie_banner(a)}
</body></html>'''
    return top + body


def skin_french(a, rng):
    site, domain = site_of(a)
    w = WORDS[a["lang"]]
    top, url = head(a, rng, title_tag="%s" % a["title"], css_rules=300, js_lines=150,
                    extra=json_ld(news_article_ld(a, "https://www.%s/news/%s" % (domain, a["slug"]))))
    o = others(a, 2, rng)
    items = blocks(a)
    paras = []
    for i, (kind, content) in enumerate(items[1:], 1):
        if kind == "h2":
            paras.append('<h2 class="article__sub-title">%s</h2>' % esc(content, "numeric"))
        else:
            paras.append('<p class="article__paragraph">%s</p>' % inline(content, rng, "numeric", domain))
        if i == 1:
            paras.append('<section class="catcher catcher--inline"><span class="catcher__label">%s</span> <a href="https://www.%s/%s">%s</a></section>'
                         % (esc(w["readmore"]), domain, o[0]["slug"], esc(o[0]["title"])))
    body = f'''<body>
<header class="Header">{mega_menu(a, domain, rng)}</header>
<main class="zone zone--article">
<section class="article__wrapper">
<header class="article__header"><ul class="breadcrumb"><li><a href="/">{w["home"]}</a></li></ul>
<h1 class="article__title">{esc(a["title"], "numeric")}</h1>
<p class="article__desc">{esc(items[0][1], "numeric")}</p>
<p class="article__status">Article réservé à nos abonnés</p></header>
<section class="meta meta__publisher"><span class="meta__author">{w["by"]} {esc(a["author"])}</span> <span class="meta__date">Publié le {human_date(a, "short")} à 06h00</span></section>
<article class="article__content">
{figure_html(a, rng)}
{chr(10).join(paras)}
</article>
<section class="article__reactions"><h2>{esc(w["comments"])}</h2><p>Réagissez ou consultez l'ensemble des contributions.</p></section>
</section>
<section class="services"><h2>{esc(w["mostread"])}</h2>{teaser_cards(a, domain, rng, 6, "div", "teaser")}</section>
</main>
{footer_links(a, domain, rng)}
{cookie_banner(a, "dialog")}
</body></html>'''
    return top + body


SKINS = {name[5:]: fn for name, fn in globals().items() if name.startswith("skin_")}


def main():
    PAGES.mkdir(parents=True, exist_ok=True)
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for article in ARTICLES:
        rng = random.Random(article["slug"])
        page = SKINS[article["skin"]](article, rng)
        (PAGES / (article["slug"] + ".html")).write_text(page, encoding="utf-8")
        expected = {"title": article["title"], "published": article["date"], "body": expected_body(article),
                    "language": article["lang"]}
        (EXPECTED / (article["slug"] + ".json")).write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print("%-34s %-10s %6.1f KB" % (article["slug"], article["skin"], len(page.encode()) / 1024))


if __name__ == "__main__":
    main()
