/// The HTML page around rendered articles: one self-contained document (inline stylesheet, no scripts,
/// fonts or network), readable without JavaScript and laid out for print.
public enum PageTemplate {
    /// A complete page. `relationSlots` is the most relations any article on it has: one style rule per slot
    /// highlights a relation's evidence in the text while the relation is hovered or focused.
    public static func page(title: String, body: String, relationSlots: Int = 0) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>" + HTML.escape(title) + "</title>\n<style>\n" + stylesheet + evidenceRules(relationSlots)
        html += "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
        return html
    }

    /// The legend of entity types, as shown above articles.
    public static let legend = """
        <p class="legend">Entities: <span class="ent t-person">PERSON</span> <span class="ent t-country">COUNTRY</span> \
        <span class="ent t-org">ORG</span> <span class="ent t-city">CITY</span> <span class="ent t-role">ROLE</span> \
        · hover or focus (Tab) a mention for its details, a relation for its evidence</p>

        """

    /// `.doc:has(.rN:hover) .xN` for every slot: the evidence of relation N lights up in its own article.
    static func evidenceRules(_ slots: Int) -> String {
        guard slots > 0 else { return "" }
        var rules = ""
        for slot in 0..<slots {
            rules += ".doc:has(.r\(slot):hover,.r\(slot):focus) .x\(slot){background:#ffd54a;outline:1px solid #b38600}\n"
        }
        return rules
    }

    static let stylesheet = """
        :root{--person:#c7e0ff;--country:#c9f0c9;--org:#f9d3a5;--city:#e3d1fb;--role:#f4c6d7;--ink:#1d1d1f;--muted:#5b5b66}
        *{box-sizing:border-box}
        body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);margin:0 auto;max-width:84rem;padding:1rem 1.5rem}
        h1{font-size:1.5rem;margin:.2rem 0 .8rem}h2{font-size:1.25rem;margin:0 0 .2rem}h3{font-size:1rem;margin:.6rem 0 .3rem}
        a{color:#0b57d0}code{font-size:.9em}
        .meta,.legend,.src,.none,.count{color:var(--muted);font-size:.875rem}
        .doc{display:grid;grid-template-columns:minmax(0,2fr) minmax(16rem,1fr);gap:.5rem 2rem;border-top:2px solid #ddd;padding:1rem 0 1.5rem}
        .doc .head{grid-column:1/-1}
        .text{white-space:pre-wrap;overflow-wrap:anywhere}
        .side{font-size:.9rem}.side ol,.side ul{padding-left:1.4rem;margin:0}.side li{margin:.15rem 0 .5rem}
        .rel:hover,.rel:focus{background:#fff6d6;outline:1px solid #e0c060}
        .rtype{font-weight:600}.evidence{color:var(--muted);font-size:.85rem}
        .ent{position:relative;border-radius:3px;padding:0 .1em;border-bottom:2px solid rgba(0,0,0,.25)}
        .ent:focus{outline:2px solid #0b57d0}
        .t-person{background:var(--person)}.t-country{background:var(--country)}.t-org{background:var(--org)}
        .t-city{background:var(--city)}.t-role{background:var(--role)}
        a.arg{color:var(--ink);text-decoration:none;border-radius:3px;padding:0 .15em}
        .tip{display:none;position:absolute;left:0;top:100%;z-index:10;min-width:14rem;white-space:normal;background:#fff;color:var(--ink);border:1px solid #999;border-radius:4px;padding:.3rem .5rem;font-size:.8rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
        .ent:hover>.tip,.ent:focus>.tip,.ent:focus-within>.tip{display:block}
        .ev{border-radius:2px}
        form.search{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:end;margin:.5rem 0 1rem}
        form.search label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
        form.search input,form.search select,form.search button{font:inherit;padding:.25rem .4rem}
        .layout{display:grid;grid-template-columns:16rem minmax(0,1fr);gap:2rem}
        .facets ul{list-style:none;padding:0;margin:0 0 .6rem}.facets li{margin:.1rem 0}
        .hits ol{padding-left:1.5rem}.hits li{margin:0 0 1rem}
        mark{background:#ffe57a;padding:0 .1em}mark.hit-ent{background:#cfe3ff}
        .filters a{margin-right:.6rem}
        .pager a,.pager span{margin-right:1rem}
        table{border-collapse:collapse}td,th{padding:.15rem .6rem .15rem 0;text-align:left;vertical-align:top;border-bottom:1px solid #eee}
        .summary td:nth-child(n+2),.statements td:first-child,time{white-space:nowrap}
        nav.top{font-size:.9rem;margin-bottom:.5rem}
        @media (max-width:48rem){.doc,.layout{grid-template-columns:1fr}}
        @media print{
          body{max-width:none;padding:0;font-size:11pt}
          .doc{display:block;break-inside:auto;border-top:1px solid #000}
          .tip,form.search,nav.top,.pager{display:none!important}
          .ent{border-bottom-width:1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
          .side{margin-top:.6rem}
          a{color:inherit;text-decoration:none}
        }

        """
}
