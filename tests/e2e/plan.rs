//! End-to-end tests of the plan, annual report, surveys, annual clock, cooperation structure
//! and `kertomus check` over `tests/fixtures/plan/`.

use crate::common;

use crate::common::{build_fixture, fixture_with, kertomus, kertomus_on, read};
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");

fn built() -> (tempfile::TempDir, PathBuf) {
    build_fixture(FIXTURE)
}

fn main_of(html: &str) -> String {
    let start = html.find("<main").unwrap();
    common::unlabelled(&html[start..html.find("</main>").unwrap()])
}

#[test]
fn plan_overview_counts_and_status_chart() {
    let (_t, public) = built();
    let page = read(&public, "suunnitelma/suunnitelma/index.html");
    let main = main_of(&page);
    assert!(
        main.contains(
            "2 painopistettä, 1 hyvinvointivaje, 3 tavoitetta, 3 toimenpidettä: 2 yhteistä ja 1 oma."
        ),
        "{main}"
    );
    // Counts in the grammar of their number, in every language.
    assert!(main.contains("<p>1 hyvinvointivaje, 1 tavoite, 2 toimenpidettä (1 yhteinen)</p>"));
    assert!(main.contains("<p>ei hyvinvointivajeita, 2 tavoitetta, 1 toimenpide (1 yhteinen)</p>"));
    // An indicator without data says so where the chart would be, and offers no empty CSV.
    let empty = read(&public, "mittarit/paivat/index.html");
    assert!(
        empty.contains("<figure class=\"chart no-data\"")
            && empty.contains("</figcaption>\n<p>Tälle mittarille ei ole vielä tietoja.</p>"),
        "{empty}"
    );
    assert!(
        !empty.contains("<svg") && !empty.contains(" download>"),
        "{empty}"
    );
    // The chart source line speaks the page's language.
    let sv_indicator = read(&public, "sv/indikatorer/4/index.html");
    assert!(sv_indicator.contains("Källa: THL, <a href=\"https://sotkanet.fi/\">Sotkanet.fi</a> – Statistik- och indikatorbanken"));
    let sv_plan = read(&public, "sv/suunnitelma/plan/index.html");
    assert!(sv_plan
        .contains("2 fokusområden, 1 välfärdsbrist, 3 mål, 3 åtgärder: 2 gemensamma och 1 egen."));
    assert!(main.contains("<a href=\"/suunnitelma/suunnitelma/osallisuus/\">Osallisuus</a> <span class=\"tag\">läpileikkaava painopiste</span>"));
    // Statuses keep one pattern each across the site, whichever statuses a chart shows.
    assert!(
        main.contains("<li><span class=\"seg st-planned\"></span>suunniteltu</li>"),
        "{main}"
    );
    assert!(main.contains("<span class=\"seg st-done\" style=\"width: 100.00%\"></span>"));
    // Status in the latest year (2026): each measure's latest entry up to then.
    assert!(main.contains(
        "<figcaption>Toimenpiteet viimeisimmän raportoidun tilan mukaan, tilanne 2026</figcaption>"
    ));
    assert!(main.contains("<tr><th scope=\"row\">Kaikki toimenpiteet</th><td class=\"align-right\">1 (33 %)</td><td class=\"align-right\">1 (33 %)</td><td class=\"align-right\">1 (33 %)</td><td class=\"align-right\">3</td></tr>"), "{main}");
    assert!(main.contains("<th scope=\"col\" class=\"align-right\">suunniteltu</th><th scope=\"col\" class=\"align-right\">käynnissä</th><th scope=\"col\" class=\"align-right\">toteutunut</th>"));
    // The document page links to the plan.
    let doc = read(&public, "suunnitelma/index.html");
    assert!(doc.contains("<a href=\"/suunnitelma/suunnitelma/\">Suunnitelman yleiskuva</a>"));
    let sv = read(&public, "sv/suunnitelma/plan/index.html");
    assert!(sv.contains("<a href=\"/sv/suunnitelma/plan/mieli/\">Psykiskt välbefinnande</a>"));
    assert!(
        sv.contains(
            "<a href=\"/sv/suunnitelma/plan/osallisuus/\"><span lang=\"fi\">Osallisuus</span></a>"
        ),
        "untranslated text keeps its language"
    );
}

#[test]
fn focus_area_page_has_gaps_goals_and_measures_with_anchors() {
    let (_t, public) = built();
    let main = read(&public, "suunnitelma/suunnitelma/mieli/index.html");
    let main = main_of(&main);
    assert!(main.contains("<h1>Mielen hyvinvointi</h1>"));
    assert!(main.contains("<p>Nuorten <strong>mielen</strong> hyvinvointi.</p>"));
    assert!(main.contains("<h3 id=\"ahdistus-title\">Nuorten ahdistus</h3>"));
    assert!(main.contains("role=\"img\""), "the gap's evidence chart");
    // Goal indicator: baseline, the previous and the latest value and the change between them,
    // the target and the on-track word; every value with the region and year it is for.
    assert!(main.contains("<td class=\"align-right\"><span class=\"value\">11,2 / 1 000</span><br><span class=\"value-region\">Pohjois-Savo 2023</span></td><td class=\"align-right\"><span class=\"value\">11,2 / 1 000</span><br><span class=\"value-region\">Pohjois-Savon hyvinvointialue 2023</span></td><td class=\"align-right\"><span class=\"value\">10,6 / 1 000</span><br><span class=\"value-region\">Pohjois-Savon hyvinvointialue 2025</span></td><td>parantunut</td><td class=\"align-right\"><span class=\"value\">10,0 / 1 000</span><br><span class=\"value-region\">Pohjois-Savon hyvinvointialue 2029</span></td><td><span class=\"track track_on\">tavoitteen suunnassa</span></td>"), "{main}");
    // Measures are anchors with text status labels, responsible and partners.
    assert!(main.contains("<article class=\"measure\" id=\"mh-1-1\""));
    assert!(main.contains("<span class=\"status status-ongoing\">käynnissä 2026</span>"));
    assert!(main.contains("<span class=\"status status-planned\">suunniteltu 2025</span>"));
    assert!(main.contains("<dt>Yhteistyötahot</dt><dd><a href=\"/organisaatiot/kuopio/\">Kuopion kaupunki</a>, <a href=\"/organisaatiot/jarjestot/\">Järjestöt</a></dd>"));
    assert!(main.contains("<dd>oma, lakisääteinen</dd>"));
    // A goal page of its own.
    let goal = read(&public, "suunnitelma/suunnitelma/mieli/mh-1/index.html");
    assert!(goal.contains("<h1>Nuorten mieli voi paremmin</h1>"));
    // A baseline taken from another region than the site's says so under the value.
    assert!(
        goal.contains("<span class=\"value\">11,2 / 1 000</span><br><span class=\"value-region\">Pohjois-Savo 2023</span>"),
        "{goal}"
    );
    assert!(goal
        .contains("<h3 id=\"mh-1-1-title\" class=\"measure-title\">Ryhmäytyminen kouluissa</h3>"));
}

#[test]
fn together_and_separately_groups_by_partner_and_responsible() {
    let (_t, public) = built();
    let page = read(
        &public,
        "suunnitelma/suunnitelma/yhdessa-ja-erikseen/index.html",
    );
    let main = main_of(&page);
    let joint = &main[main.find("id=\"yhdessa\"").unwrap()..main.find("id=\"erikseen\"").unwrap()];
    let own = &main
        [main.find("id=\"erikseen\"").unwrap()..main.find("id=\"yhteiset-tavoitteet\"").unwrap()];
    let heads = |s: &str| -> Vec<String> {
        s.split("<h3 ")
            .skip(1)
            .map(|h| {
                let inner = &h[h.find('>').unwrap() + 1..h.find("</h3>").unwrap()];
                inner
                    .split('>')
                    .filter(|p| !p.starts_with('<'))
                    .map(|p| p.split('<').next().unwrap())
                    .collect::<String>()
            })
            .collect()
    };
    assert_eq!(heads(joint), vec!["Kuopion kaupunki", "Järjestöt"]);
    assert_eq!(heads(own), vec!["Testin hyvinvointialue"]);
    assert!(
        joint.contains("Ystävätoiminta"),
        "a joint measure without a responsible party is listed under its partner"
    );
    assert!(main.contains("<a href=\"/suunnitelma/suunnitelma/mieli/mh-1/\">Nuorten mieli voi paremmin</a> – <a href=\"/organisaatiot/kuopio/\">Kuopion kaupunki</a>"));
    // Organisation pages: roles; an organisation without a role gets no page.
    let kuopio = read(&public, "organisaatiot/kuopio/index.html");
    assert!(kuopio.contains("<h2>Toimenpiteet yhteistyötahona (1)</h2>"));
    assert!(kuopio.contains("<h2>Yhteiset tavoitteet (1)</h2>"));
    assert!(!public.join("organisaatiot/ei-roolia").exists());
}

#[test]
fn annual_report_shows_the_year_with_not_reported_measures() {
    let (_t, public) = built();
    let page = read(&public, "raportti-2026/index.html");
    let main = main_of(&page);
    // The author's summary first, then the counts by status with the year before and the
    // change, then the details.
    let summary = main.find("<h2 id=\"summary-title\">").unwrap();
    let counts = main
        .find("<h2 id=\"vr-tilanne\">Toimenpiteiden tila 2026</h2>")
        .unwrap();
    let details = main.find("<h2 id=\"vuosiraportti\">").unwrap();
    assert!(summary < counts && counts < details, "{main}");
    assert!(main.contains("<thead><tr><th scope=\"col\">Tila</th><th scope=\"col\" class=\"align-right\">2025</th><th scope=\"col\" class=\"align-right\">2026</th><th scope=\"col\" class=\"align-right\">Muutos</th></tr></thead>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\"><span class=\"status status-started\">aloitettu</span></th><td class=\"align-right\">1</td><td class=\"align-right\">0</td><td class=\"align-right\">\u{2212}1</td></tr>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\"><span class=\"status status-none\">ei raportoitu</span></th><td class=\"align-right\">1</td><td class=\"align-right\">1</td><td class=\"align-right\">±0</td></tr>"), "{main}");
    // Every measure with last year's status beside this year's, and a visible mark where it
    // changed.
    assert!(
        main.contains("<th scope=\"col\">Tila 2025</th><th scope=\"col\">Tila 2026</th>"),
        "{main}"
    );
    assert!(main.contains("<td><span class=\"status status-started\">aloitettu</span></td><td><span class=\"status status-ongoing\">käynnissä</span> <span class=\"changed\">muuttunut</span></td><td>Kaikki yläkoulut.</td>"), "{main}");
    assert!(main.contains("<a href=\"/suunnitelma/suunnitelma/mieli/#mh-1-2\">Keskusteluapu iltaisin</a></th><td>Testin hyvinvointialue</td><td><span class=\"status status-planned\">suunniteltu</span></td><td><span class=\"status status-none\">ei raportoitu</span></td>"), "{main}");
    // The printable page carries the report too.
    let print = read(&public, "raportti-2026/tulosta/index.html");
    assert!(print.contains("<h2 id=\"vr-tilanne\">Toimenpiteiden tila 2026</h2>"));
}

#[test]
fn survey_statistics_and_published_figures() {
    let (_t, public) = built();
    let page = read(&public, "kyselyt/kysely/index.html");
    let main = main_of(&page);
    // Unordered options: no mean of their order numbers, the published one as the source's.
    assert!(main.contains("<tr><th scope=\"row\"><abbr title=\"hyvinvointialue\">HVA</abbr></th><td class=\"align-right\">3</td><td>julkaistu keskiarvo 1,67, keskihajonta 0,94</td></tr>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\">Kunta</th><td class=\"align-right\">14</td><td>julkaistu keskiarvo 1,93, keskihajonta 1,03</td></tr>"), "{main}");
    assert!(main.contains("<p class=\"chart-source\">Vastausvaihtoehdoilla ei ole järjestystä, joten sivusto ei laske niistä keskiarvoa"), "{main}");
    assert!(main.contains("<ol class=\"survey-codes\"><li>Kyllä</li><li>Ei</li><li>En osaa sanoa</li><li>Ei ole tarvetta</li></ol>"), "{main}");
    // A scale: mean and deviation, computed or published; every group has its n.
    assert!(main.contains("<tr><th scope=\"row\"><abbr title=\"hyvinvointialue\">HVA</abbr></th><td class=\"align-right\">2</td><td class=\"align-right\">2,50</td><td class=\"align-right\">0,50</td><td>laskettu vastausmääristä</td></tr>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\">Kunta</th><td class=\"align-right\">ei tiedossa</td><td class=\"align-right\">–</td><td class=\"align-right\">–</td><td>ei tuloksia</td></tr>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\">Oppilaitokset</th><td class=\"align-right\">2</td><td class=\"align-right\">2,50</td><td class=\"align-right\">0,50</td><td>julkaistu luku (vastausmäärät eivät tiedossa)</td></tr>"), "{main}");
    assert!(
        main.contains("<p>Lyhenteet: <abbr>HVA</abbr> = hyvinvointialue.</p>"),
        "{main}"
    );
    // The survey index names the groups with the same markup, not as escaped text.
    let index = main_of(&read(&public, "kyselyt/index.html"));
    assert!(
        index.contains("<abbr title=\"hyvinvointialue\">HVA</abbr>, Kunta, Oppilaitokset")
            && !index.contains("&lt;abbr"),
        "{index}"
    );
    // An option per row, a group per column; the question is said once, by its heading.
    assert!(main.contains("<thead><tr><th scope=\"col\">Vastausvaihtoehto</th><th scope=\"col\" class=\"align-right\">HVA</th><th scope=\"col\" class=\"align-right\">Oppilaitokset</th></tr></thead>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\">Kyllä</th><td class=\"align-right\">2 (67 %)</td><td class=\"align-right\">1 (50 %)</td></tr>"));
    assert!(main.contains("<tr><th scope=\"row\">Vastaajia</th><td class=\"align-right\">3</td><td class=\"align-right\">2</td></tr>"));
    assert!(main.contains("<figcaption>Vastausten jakauma</figcaption>"));
    // Shares under each bar and a 0–100 % scale; a group with only published figures stays.
    assert!(main.contains("<span class=\"stacked-values\">Kyllä 67 % · En osaa sanoa 33 %</span>"));
    assert!(main.contains("<span style=\"left: 100%\">100 %</span>"));
    assert!(main.contains("<span class=\"stacked-label\">Kunta</span><span class=\"stacked-note\">vain julkaistut luvut</span>"));
    assert!(main.contains("Poliisin ilmiöt <span class=\"tags\">(HVA, Kunta)</span>"));
    // The shortcode embeds the question in a chapter, with unique ids.
    let chapter = read(&public, "suunnitelma/01-luku/index.html");
    assert!(chapter.contains("<div class=\"survey-question\" id=\"q1-"));
    assert!(chapter.contains("<a href=\"/kyselyt/kysely/\">Ennakkokysely</a>"));
    assert!(
        chapter.contains("<table class=\"measures-table\">"),
        "goals() shortcode"
    );
    assert!(
        chapter.contains("<svg class=\"clock-svg\""),
        "vuosikello() shortcode"
    );
}

#[test]
fn annual_clock_and_cooperation_structure() {
    let (_t, public) = built();
    let clock = read(&public, "vuosikello/index.html");
    assert!(clock.contains("role=\"img\" aria-labelledby=\"vuosikello-t vuosikello-d\""));
    assert!(clock.contains("<desc id=\"vuosikello-d\">tammikuu: 1. Arviointi; 2. Kirjoittaminen. helmikuu: 1. Arviointi. maaliskuu: 1. Arviointi. joulukuu: 2. Kirjoittaminen.</desc>"), "{clock}");
    assert!(clock.contains("<ol class=\"clock-months\">"));
    assert!(clock.contains("<li><strong>heinäkuu</strong>: –</li>"));
    assert!(clock.contains("<a href=\"/yhteistyorakenne/#strateginen\">Strateginen taso</a>"));
    let coop = read(&public, "yhteistyorakenne/index.html");
    let strategic = coop
        .find("<h2 id=\"taso-1\">Strateginen taso</h2>")
        .unwrap();
    let network = coop
        .find("<h2 id=\"taso-2\">Koordinaattoriverkosto</h2>")
        .unwrap();
    assert!(strategic < network);
    assert!(coop.contains("<dt>Kokoontuu vuodessa</dt><dd>1–2</dd>"));
    // An open-ended frequency says so; it is not the minimum alone.
    assert!(coop.contains("<dt>Kokoontuu vuodessa</dt><dd>vähintään 10</dd>"));
    assert!(coop.contains("<a href=\"/organisaatiot/kuopio/\">Kuopion kaupunki</a> – <a href=\"/organisaatiot/hva/\">Testin hyvinvointialue</a>"), "counterparts");
    // Every new section is in the navigation and the sitemap.
    let front = read(&public, "index.html");
    for href in ["/kyselyt/", "/vuosikello/", "/yhteistyorakenne/"] {
        assert!(
            front.contains(&format!("<a href=\"{href}\"")),
            "{href} in navigation"
        );
    }
    // In the printable plan the clock is in chapter 1, whose ids get the chapter's prefix:
    // the drawing's name must follow them (a screen reader reads it from its title).
    let print = read(&public, "suunnitelma/tulosta/index.html");
    let labelled = print
        .split("aria-labelledby=\"")
        .skip(1)
        .flat_map(|rest| rest[..rest.find('"').unwrap()].split(' '))
        .collect::<Vec<_>>();
    assert!(
        labelled.iter().any(|l| l.starts_with("luku-1-vuosikello-")),
        "{labelled:?}"
    );
    for id in labelled {
        assert!(
            print.contains(&format!(" id=\"{id}\"")),
            "{id} names nothing"
        );
    }
    let sitemap = read(&public, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.fi/suunnitelma/suunnitelma/mieli/mh-1/</loc>"));
    assert!(sitemap.contains("<loc>https://example.fi/sv/enkater/kysely/</loc>"));
}

#[test]
fn open_data_measures_csv_and_plan_json() {
    let (_t, public) = built();
    let csv = read(&public, "data/measures.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("plan;focus_area;goal;measure;title;responsible;partners;scope;statutory;work_type;maturity;schedule;indicators;status_year;status;note;organisation;contributes_to"));
    assert_eq!(lines.next(), Some("suunnitelma/;mieli;mh-1;mh-1-1;Ryhmäytyminen kouluissa;hva-oh;kuopio,jarjestot;joint;false;;;2025-2027;paivat;2026;ongoing;Kaikki yläkoulut.;hva;"));
    assert_eq!(csv.lines().count(), 4);
    let json: serde_json::Value = serde_json::from_str(&read(&public, "data/plan.json")).unwrap();
    let fa = &json["plans"][0]["focus_areas"];
    assert_eq!(fa[1]["kind"], "cross_cutting");
    assert_eq!(
        fa[0]["goals"][0]["measures"][0]["progress"]["2025"]["status"],
        "started"
    );
    assert_eq!(fa[0]["goals"][0]["indicators"][0]["target"]["value"], 10.0);
    // The format is versioned; pages are given by their addresses for other sites.
    assert_eq!(json["format"], 1);
    assert_eq!(json["plans"][0]["organisation"], "hva");
    assert_eq!(json["plans"][0]["url"], "https://example.fi/suunnitelma/");
}

#[test]
fn resolver_errors_name_file_line_and_column_and_keep_public() {
    let dir = fixture_with(FIXTURE, &[(
        "content/suunnitelma/lisa.yaml",
        b"focus_areas:\n  - id: osallisuus\n    title: O\n    goals:\n      - id: mh-1\n        title: T\n        shared_with: [kuopi]\n        measures:\n          - {id: x, title: X, responsible: [hva], progress: {2031: {status: done}}}\n        indicators: [{id: \"4\", baseline: {year: 2025, value: 1, region: \"MAAKUNTA:99\"}}]\n",
    )]);
    let public = dir.path().join("public");
    std::fs::create_dir_all(&public).unwrap();
    std::fs::write(public.join("index.html"), "old").unwrap();
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(
            "content/suunnitelma/lisa.yaml:5:9: error: id `mh-1` is used twice in the plan"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("content/suunnitelma/lisa.yaml:7:23: error: shared_with: organisation `kuopi` is not in content/data/organisations.yaml"), "{stderr}");
    assert!(stderr.contains("did you mean `kuopio`?"));
    assert!(stderr.contains("content/suunnitelma/lisa.yaml:9:62: error: progress year 2031 is outside the plan's period 2025–2029"), "{stderr}");
    assert!(
        stderr.contains(
            "content/suunnitelma/lisa.yaml:10:74: error: baseline region: MAAKUNTA:99 is not"
        ),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(public.join("index.html")).unwrap(),
        "old"
    );
}

#[test]
fn check_reports_plan_quality_and_survey_mismatches() {
    let o = kertomus_on("2026-11-30", &["check", "--root", FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "warnings alone pass");
    let stderr = String::from_utf8_lossy(&o.stderr);
    for line in common::PLAN_FINDINGS {
        assert!(stderr.contains(line), "missing {line}\n{stderr}");
    }
    let stdout = String::from_utf8_lossy(&o.stdout);
    for part in [
        "Checked 4 pages: 0 errors, ",
        "(1 measure without a responsible party, 1 measure without an indicator, 1 statutory measure, 1 own-only measure in a county's plan, ",
        "1 goal without measures, 1 goal without an outcome indicator, 1 indicator without data for the home region, 1 survey figure that differs from the published ones, ",
        " missing translations).",
    ] {
        assert!(stdout.contains(part), "{part}\n{stdout}");
    }
    assert!(
        !Path::new(FIXTURE).join("public").exists(),
        "check writes nothing"
    );
    let o = kertomus(&["check", "--deny-warnings", "--root", FIXTURE]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn accessibility_statement_in_three_languages() {
    let site = "title: {fi: \"Testi\", sv: \"Test\", en: \"Test\"}\nbase_url: \"https://example.fi/\"\nlanguages: [fi, sv, en]\ncontact: {name: Koordinaattori, email: \"hyte@example.fi\"}\naccessibility:\n  compliance: partial\n  known_issues: [{fi: \"Vanhat PDF-liitteet\", sv: \"Gamla PDF-bilagor\", en: \"Old PDF attachments\"}]\n  out_of_scope: [\"Videot ennen 23.9.2020\"]\n  prepared: 2024-01-15\n  reviewed: 2025-06-01\n";
    let dir = fixture_with(FIXTURE, &[("content/site.yaml", site.as_bytes())]);
    let public = dir.path().join("public");
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for (path, words) in [
        (
            "saavutettavuusseloste/index.html",
            [
                "<h1>Saavutettavuusseloste</h1>",
                "täyttää lain edellyttämät saavutettavuusvaatimukset (WCAG 2.1 -ohjeiston AA-taso) osittain",
                "<li>Vanhat PDF-liitteet</li>",
                "Vastaamme 14 päivän kuluessa.",
                "Liikenne- ja viestintävirasto Traficom<br>\nDigitaalisen esteettömyyden valvonta",
                "puhelinvaihde 029 534 5000",
                "<time datetime=\"2025-06-01\">1.6.2025</time>",
            ],
        ),
        (
            "sv/tillganglighetsutlatande/index.html",
            [
                "<h1>Tillgänglighetsutlåtande</h1>",
                "uppfyller delvis de lagstadgade tillgänglighetskraven",
                "<li>Gamla PDF-bilagor</li>",
                "Vi svarar inom 14 dagar.",
                "Transport- och kommunikationsverket Traficom",
                "växel 029 534 5000",
                "<li><span lang=\"fi\">Videot ennen 23.9.2020</span></li>",
            ],
        ),
        (
            "en/accessibility-statement/index.html",
            [
                "<h1>Accessibility statement</h1>",
                "is partially compliant with the accessibility requirements of the law (WCAG 2.1 level AA)",
                "<li>Old PDF attachments</li>",
                "We will reply within 14 days.",
                "Digital Accessibility Supervision",
                "https://www.saavutettavuusvaatimukset.fi/",
                "<a href=\"mailto:hyte@example.fi\">hyte@example.fi</a>",
            ],
        ),
    ] {
        let page = read(&public, path);
        for w in words {
            assert!(page.contains(w), "{path}: missing {w}");
        }
    }
    // Every page's footer links to the statement in its language.
    assert!(read(&public, "sv/index.html").contains("<a href=\"/sv/tillganglighetsutlatande/\">"));
    assert!(read(&public, "kyselyt/kysely/index.html")
        .contains("<a href=\"/saavutettavuusseloste/\">Saavutettavuusseloste</a>"));
    // check: the review is more than a year old on 2026-11-30, not on 2026-05-31.
    let o = kertomus_on(
        "2026-05-31",
        &["check", "--root", dir.path().to_str().unwrap()],
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("more than a year ago"));
    let o = kertomus_on(
        "2026-11-30",
        &["check", "--root", dir.path().to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("content/site.yaml:10:3: warning: the accessibility statement was last reviewed on 2025-06-01, more than a year ago"), "{stderr}");
    // A supervisor may be configured; the rest stays the default.
    let custom = format!("{site}  supervisor: {{email: \"valvonta@example.fi\"}}\n");
    let dir = fixture_with(FIXTURE, &[("content/site.yaml", custom.as_bytes())]);
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = read(
        &dir.path().join("public"),
        "saavutettavuusseloste/index.html",
    );
    assert!(
        page.contains("<a href=\"mailto:valvonta@example.fi\">") && page.contains("029 534 5000")
    );
}

#[test]
fn check_finds_what_builds_but_reads_badly() {
    let dir = fixture_with(
        FIXTURE,
        &[
            (
                "content/huono.md",
                "Ei otsikkoa.\n\n## Luku\n\n#### Liian syvä\n\n[](suunnitelma/index.md) ja [ei sivua](/ei-ole/) ja [on](/kyselyt/)\n\nTaas [ei sivua](/ei-ole/) ja [viite][v].\n\n[v]: /ei-ole/\n".as_bytes(),
            ),
            ("content/irrallinen/sivu.md", "---\ntitle: Irrallinen\n---\nKukaan ei linkitä tänne.\n".as_bytes()),
            ("content/index.sv.md", b"---\ntitle: Startsida\n---\nText.\n"),
        ],
    );
    let root = dir.path().to_str().unwrap();
    let o = kertomus_on("2030-01-01", &["check", "--root", root]);
    assert_eq!(o.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&o.stderr);
    for line in [
        "content/huono.md:1:1: warning: the page has no title",
        "content/huono.md:5:1: warning: heading level 4 follows level 2; a level is skipped",
        "content/huono.md:7:1: warning: the link has no text",
        "content/huono.md:7:40: warning: `/ei-ole/` leads to no page or file of this site",
        // Each place it is written, a reference link at the link (its definition is apart).
        "content/huono.md:9:17: warning: `/ei-ole/` leads to no page or file of this site",
        "content/huono.md:9:30: warning: `/ei-ole/` leads to no page or file of this site",
        "content/irrallinen/sivu.md: warning: no menu, list or link leads to /irrallinen/sivu/",
        "content/huono.md: warning: the page has no sv version",
        "content/data/indicators.yaml:1:4: warning: the newest value of indicator `4` for HYVINVOINTIALUE:13 is from 2025",
    ] {
        assert!(stderr.contains(line), "missing {line}\n{stderr}");
    }
    // Translations beyond the first files of their kind are counted; --all lists them.
    assert!(
        stderr.contains("… and in 3 other files: 13 missing translations"),
        "{stderr}"
    );
    let all = kertomus_on("2030-01-01", &["check", "--all", "--root", root]);
    let all_stderr = String::from_utf8_lossy(&all.stderr);
    let line =
        "content/suunnitelma/plan.yaml:7:32: warning: \"Nuorten ahdistus\" has no sv translation";
    assert!(all_stderr.contains(line));
    // Texts are known by their type: an indicator reference `{id: "4"}` is not a text in
    // Indonesian (`id`) lacking Finnish and Swedish.
    assert!(!all_stderr.contains("\"4\" has no"), "{all_stderr}");
    assert!(
        !stderr.contains("content/index.md: warning: the page has no sv version"),
        "index.sv.md exists"
    );
    assert!(
        !stderr.contains("/kyselyt/` leads to no page"),
        "generated pages are known"
    );
    // JSON for CI: the same findings with their kinds.
    let o = kertomus_on("2030-01-01", &["check", "--format", "json", "--root", root]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"], 0);
    assert_eq!(v["kinds"]["skipped heading levels"], 1);
    assert_eq!(v["kinds"]["pages not reachable from the navigation"], 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "links without text")
        .unwrap();
    assert_eq!(
        (d["path"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("content/huono.md"), Some(7), Some(1))
    );
    // Errors come out as JSON too, with exit code 1.
    let broken = fixture_with(FIXTURE, &[("content/index.md", b"---\ntitle: [\n---\n")]);
    let o = kertomus(&[
        "check",
        "--format",
        "json",
        "--root",
        broken.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["severity"], "error");
    assert_eq!(v["diagnostics"][0]["path"], "content/index.md");
}

#[test]
fn check_external_fetches_links_once_per_url() {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            log.lock()
                .unwrap()
                .push(format!("{} {}", req.method(), req.url()));
            let status = if req.url() == "/ok" { 200 } else { 404 };
            let _ = req.respond(tiny_http::Response::from_string("x").with_status_code(status));
        }
    });
    let page = format!("---\ntitle: Linkit\n---\n[Hyvä]({base}/ok) ja [rikki]({base}/poissa) ja [taas]({base}/ok)\n");
    let dir = fixture_with(FIXTURE, &[("content/linkit.md", page.as_bytes())]);
    let root = dir.path().to_str().unwrap();
    let o = kertomus(&["check", "--root", root]);
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("broken external"),
        "not fetched without --external"
    );
    assert!(seen.lock().unwrap().is_empty());
    let o = kertomus(&["check", "--external", "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let line = page.lines().nth(3).unwrap();
    let col = line[..line.find(&format!("{base}/poissa")).unwrap()]
        .chars()
        .count()
        + 1;
    assert!(
        stderr.contains(&format!(
            "content/linkit.md:4:{col}: warning: {base}/poissa: HTTP 404"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains(&format!("{base}/ok:")));
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 broken external link,"));
    let log = seen.lock().unwrap().clone();
    assert_eq!(
        log.iter().filter(|l| l.ends_with("/ok")).count(),
        1,
        "each URL once: {log:?}"
    );
}

const CARD_SITE: &str = "title: \"Suunnitelmatesti\"\nbase_url: \"https://example.fi/\"\nlanguages: [fi, sv]\norganisation: hva\nhome_region: \"HYVINVOINTIALUE:13\"\naccessibility: {compliance: full, prepared: 2026-01-15, reviewed: 2026-06-01}\nmunicipality_cards: {region: \"HYVINVOINTIALUE:13\", indicators: [\"4\"]}\n";

#[test]
fn card_phenomena_are_grouped_under_focus_areas_in_plan_order() {
    let prose = "---\ntitle: Kuopio\nmunicipality: \"297\"\nphenomena:\n  osallisuus: [\"Yksinäisyys\"]\n  mieli: [\"Ahdistus\", \"Uupumus\"]\n---\n\nTeksti.\n";
    let dir = fixture_with(
        "tests/fixtures/plan",
        &[
            ("content/site.yaml", CARD_SITE.as_bytes()),
            ("content/kuntakortit/297.md", prose.as_bytes()),
        ],
    );
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let card = read(
        &dir.path().join("public"),
        "kuntakortit/297-kuopio/index.html",
    );
    assert!(
        card.contains("<h3>Mielen hyvinvointi</h3>\n<ul>\n<li>Ahdistus</li>\n<li>Uupumus</li>\n</ul>\n<h3>Osallisuus</h3>\n<ul>\n<li>Yksinäisyys</li>\n</ul>"),
        "{card}"
    );

    let bad = prose.replace("  mieli:", "  miel:");
    let dir = fixture_with(
        "tests/fixtures/plan",
        &[
            ("content/site.yaml", CARD_SITE.as_bytes()),
            ("content/kuntakortit/297.md", bad.as_bytes()),
        ],
    );
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("content/kuntakortit/297.md:6:3: error: phenomena: `miel` is not a focus area of the plan"),
        "{err}"
    );
    assert!(err.contains("did you mean `mieli`?"), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");
}

#[test]
fn a_data_file_that_does_not_parse_is_one_error_not_a_cascade() {
    // Each of these files is referred to from many places (plan measures, goals(), the
    // indicator shortcode, value files, cards): only the broken file itself is reported.
    for (file, text) in [
        (
            "content/data/organisations.yaml",
            "- {id: x, name: [rikki\n",
        ),
        ("content/data/indicators.yaml", "- {id: \"4\", nimi: x}\n"),
        (
            "content/suunnitelma/plan.yaml",
            "focus_areas:\n  - id: mieli\n    title: [rikki\n",
        ),
        ("content/suunnitelma/lisa.yaml", "focus_areas: {rikki\n"),
    ] {
        let dir = fixture_with(FIXTURE, &[(file, text.as_bytes())]);
        let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{file}: {stderr}");
        assert!(stderr.contains(&format!("{file}:")), "{file}: {stderr}");
        assert!(
            stderr.contains("\n1 error, 0 warnings\n"),
            "{file}: {stderr}"
        );
    }
}

/// Runs `kertomus build` on `root`, killed after `limit`: a hang fails the test.
fn build_within(root: &Path, limit: std::time::Duration) -> String {
    let mut child = common::command()
        .args(["build", "-q", "--root", root.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("the build of {} hung", root.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    err
}

#[test]
fn empty_references_in_data_files_are_errors_at_the_value_and_never_hang() {
    let cases = [
        (
            "content/data/vuosikello.yaml",
            "actors: [strateginen]",
            "actors: [\"\"]",
            "content/data/vuosikello.yaml:3:54: error: empty reference",
        ),
        (
            "content/data/organisations.yaml",
            "parent: hva",
            "parent: \"\"",
            "content/data/organisations.yaml:2:63: error: parent: empty reference",
        ),
        (
            "content/data/organisations.yaml",
            "counterpart: hva",
            "counterpart: ''",
            "content/data/organisations.yaml:3:89: error: counterpart: empty reference",
        ),
        (
            "content/data/surveys/kysely.yaml",
            "groups: [HVA, Kunta]}",
            "groups: [\"\"]}",
            "content/data/surveys/kysely.yaml:20:58: error: empty reference",
        ),
        (
            "content/data/surveys/kysely.yaml",
            "groups: [HVA, Kunta, Oppilaitokset]",
            "groups: [HVA, Kunta, Oppilaitokset, \" \"]",
            "content/data/surveys/kysely.yaml:3:37: error: a group of the survey has no name",
        ),
    ];
    for (file, from, to, expected) in cases {
        let original = std::fs::read_to_string(Path::new(FIXTURE).join(file)).unwrap();
        assert!(original.contains(from), "{file} has no {from}");
        let changed = original.replacen(from, to, 1);
        let dir = fixture_with(FIXTURE, &[(file, changed.as_bytes())]);
        let err = build_within(dir.path(), std::time::Duration::from_secs(30));
        assert!(err.contains(expected), "{expected}\n{err}");
        assert!(err.contains("\n1 error, 0 warnings\n"), "{err}");
    }
}

#[test]
fn a_reference_indicator_list_gets_an_appendix_page_and_check_warns_about_gaps() {
    let site = std::fs::read_to_string(Path::new(FIXTURE).join("content/site.yaml")).unwrap()
        + "indicator_lists:\n  - file: data/lista.csv\n    title: \"Testiluettelo\"\n    omitted:\n      \"3128\": \"Seurataan hyvinvointialueen tasolla.\"\n";
    let list = "id;title;group\n4;Nuorten sairaalahoito;Mielenterveys\n3128;Päihteet;Päihteet\n9999;Puuttuva mittari;Muu\n";
    let dir = fixture_with(
        FIXTURE,
        &[
            ("content/site.yaml", site.as_bytes()),
            ("content/data/lista.csv", list.as_bytes()),
        ],
    );
    let root = dir.path().to_str().unwrap();
    let o = kertomus(&["build", "-q", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let public = dir.path().join("public");
    let page = read(&public, "mittarit/luettelo-1/index.html");
    let main = main_of(&page);
    assert!(main.contains("<h1>Testiluettelo</h1>"), "{main}");
    assert!(
        main.contains("Sivustolla näkyy 1, pois jätettyjä 1, puuttuu 1."),
        "{main}"
    );
    assert!(main.contains("<a href=\"/mittarit/4/\">"), "{main}");
    assert!(
        main.contains("tavoitteet: <a href=\"/suunnitelma/suunnitelma/mieli/mh-1/\">"),
        "{main}"
    );
    assert!(
        main.contains("jätetty pois: Seurataan hyvinvointialueen tasolla."),
        "{main}"
    );
    assert!(
        main.contains("<strong>ei vielä sivustolla</strong>"),
        "{main}"
    );
    assert!(read(&public, "mittarit/index.html")
        .contains("<a href=\"/mittarit/luettelo-1/\">Testiluettelo</a>"));
    assert!(read(&public, "sv/indikatorer/luettelo-1/index.html")
        .contains("<span lang=\"fi\">Testiluettelo</span>"));
    assert!(
        !public.join("data/lista.csv").exists(),
        "the list is a source, not published"
    );
    let o = kertomus(&["check", "--root", root]);
    let err = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(
        err.contains("content/data/lista.csv:4:1: warning: indicator `9999` of the list is neither shown nor left out"),
        "{err}"
    );
    assert!(
        !err.contains("`3128`"),
        "an omitted indicator is covered: {err}"
    );
}

#[test]
fn a_reference_indicator_list_is_linked_from_the_documents_it_is_an_appendix_of() {
    let base = std::fs::read_to_string(Path::new(FIXTURE).join("content/site.yaml")).unwrap();
    let list = "id;title;group\n4;Nuorten sairaalahoito;Mielenterveys\n";
    let with = |documents: &str| {
        let site = format!("{base}indicator_lists:\n  - file: data/lista.csv\n    title: \"Testiluettelo\"\n    documents: [{documents}]\n");
        fixture_with(
            FIXTURE,
            &[
                ("content/site.yaml", site.as_bytes()),
                ("content/data/lista.csv", list.as_bytes()),
            ],
        )
    };
    let dir = with("suunnitelma");
    let root = dir.path().to_str().unwrap();
    let o = kertomus(&["build", "-q", "--no-pdf", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let public = dir.path().join("public");
    // The printable page's links are absolute (it may be read as a saved file).
    let link = "/mittarit/luettelo-1/\">Testiluettelo</a>";
    for page in ["suunnitelma/index.html", "suunnitelma/tulosta/index.html"] {
        let main = main_of(&read(&public, page));
        let appendices = main
            .split("<h2 id=\"appendices-title\">Liitteet</h2>")
            .nth(1);
        assert!(
            appendices.is_some_and(|a| a.contains(link)),
            "{page}: {main}"
        );
    }
    let report = main_of(&read(&public, "raportti-2026/index.html"));
    assert!(
        !report.contains(link),
        "not an appendix of the annual report: {report}"
    );

    let dir = with("suunitelma");
    let root = dir.path().to_str().unwrap();
    let o = kertomus(&["build", "-q", "--no-pdf", "--root", root]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("content/site.yaml:") && err.contains("`suunitelma` is not a document folder"),
        "{err}"
    );
}
