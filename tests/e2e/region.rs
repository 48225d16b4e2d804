//! End-to-end tests of several organisations' plans in one site (content format §13.3) over
//! `tests/fixtures/region/`: a county's regional plan, two municipal plans that contribute to
//! it, its annual report with the contributors, a shared annual clock; `kertomus check`'s
//! findings across plans; and `kertomus pull plans` between two sites.

use crate::common;

use crate::common::{build_fixture, copy_dir, fixture_with, kertomus, read};
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/region");

fn main_of(html: &str) -> String {
    let start = html.find("<main").unwrap();
    common::unlabelled(&html[start..html.find("</main>").unwrap()])
}

/// The text of `html` without tags and with runs of white space as one space.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_regional_goal_lists_what_the_municipal_plans_contribute_by_organisation() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "alue/suunnitelma/mieli/a1/index.html");
    let main = main_of(&page);
    let part = &main[main
        .find("id=\"edistavat\"")
        .expect("a contributors section")..];
    let said = text(part);
    assert!(
        said.contains("Aakkola Aakkolan hyvinvointisuunnitelma Aakkolan nuoret voivat hyvin Koulukuraattori – yhteinen (yhdyspinta); viivästynyt 2026 Oppilashuolto – oma; käynnissä 2026 Beekylä Beekylän hyvinvointisuunnitelma Beekylän nuoret liikkuvat Kerhot – oma; suunniteltu 2026"),
        "{said}"
    );
    assert!(part.contains(
        "<a href=\"/kunta-a/suunnitelma/nuoret/ka-1/\">Aakkolan nuoret voivat hyvin</a>"
    ));
    assert!(part.contains("<a href=\"/kunta-a/suunnitelma/nuoret/#ka-1-1\">Koulukuraattori</a>"));
    // A measure that names a goal itself is listed under its goal, marked as the only part.
    let b1 = read(&public, "alue/suunnitelma/liike/b1/index.html");
    let said = text(&main_of(&b1));
    assert!(
        said.contains("Aakkolan liikuntapaikat (vain alla luetellut toimenpiteet) Lähiliikuntapaikka – oma; toteutunut 2026"),
        "{said}"
    );
    assert!(!said.contains("Aakkolan oma työ"), "{said}");
    // A regional goal nothing contributes to has no such section.
    let a2 = read(&public, "alue/suunnitelma/mieli/a2/index.html");
    assert!(!a2.contains("id=\"edistavat\""));
}

#[test]
fn a_municipal_goal_links_to_the_regional_goals_it_serves() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "kunta-a/suunnitelma/nuoret/ka-1/index.html");
    assert!(
        main_of(&page).contains("<h2>Alueelliset tavoitteet, joita tämä edistää</h2>\n<ul class=\"measure-list\">\n<li><a href=\"/alue/suunnitelma/mieli/a1/\">Nuorten mieli vahvistuu</a> – Testialueen hyvinvointialue</li>"),
        "{page}"
    );
    let own = read(&public, "kunta-a/suunnitelma/nuoret/ka-3/index.html");
    assert!(!own.contains("joita tämä edistää"));
}

#[test]
fn the_region_wide_view_shows_every_plan_under_every_regional_focus_area() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "alue/suunnitelma/koko-alue/index.html");
    let main = main_of(&page);
    assert!(main.contains("<caption id=\"alue-taulukko\">Tavoitteet ja toimenpiteet painopisteittäin ja organisaatioittain</caption>"));
    assert!(main.contains("<thead><tr><th scope=\"col\">Painopisteet</th><th scope=\"col\">Testialueen hyvinvointialue</th><th scope=\"col\">Aakkola</th><th scope=\"col\">Beekylä</th></tr></thead>"), "{main}");
    assert!(main.contains("<tr><th scope=\"row\"><a href=\"/alue/suunnitelma/mieli/\">Mielen hyvinvointi</a></th><td>2 tavoitetta, 2 toimenpidettä (1 yhteinen, 1 oma); 1 aikataulussa</td><td>1 tavoite, 2 toimenpidettä (1 yhteinen, 1 oma); 1 aikataulussa</td><td>1 tavoite, 1 toimenpide (ei yhteisiä, 1 oma); ei yhtään aikataulussa</td></tr>"), "{main}");
    // Beekylä has nothing under Liikkuminen: said so, not left out.
    assert!(main.contains("<td>1 tavoite, 1 toimenpide (ei yhteisiä, 1 oma); 1 aikataulussa</td><td><span class=\"none\">ei tavoitteita tällä painopisteellä</span></td></tr>"), "{main}");
    // What serves no regional goal has a row of its own, so every measure is in the table;
    // a plan with nothing there says so.
    assert!(main.contains("<tr><th scope=\"row\">Ei kytketty alueen tavoitteisiin</th><td>– (alueen omat toimenpiteet ovat painopisteillään)</td><td>1 tavoite, 1 toimenpide (ei yhteisiä, 1 oma); ei yhtään aikataulussa</td><td>ei yhtään</td></tr>"), "{main}");
    // The measures by status in the newest reported year, in the badges' words: planned is
    // a column of its own, and a share on track.
    assert!(
        text(&main).contains("Alueen tavoitteita edistävät toimenpiteet tilan mukaan vuonna 2026 Suunnitelman laatija suunniteltu aloitettu käynnissä toteutunut viivästynyt ei raportoitu Yhteensä Osuus aikataulussa Testialueen hyvinvointialue 0 1 1 0 0 1 3 67&nbsp;% Aakkola 0 0 1 1 1 0 3 67&nbsp;% Beekylä 1 0 0 0 0 0 1 0&nbsp;%"),
        "{}",
        text(&main)
    );
    // Linked from the regional plan and the front page; the municipal plans have none.
    let link = "<a href=\"/alue/suunnitelma/koko-alue/\">";
    assert!(read(&public, "alue/suunnitelma/index.html").contains(link));
    assert!(read(&public, "index.html").contains(link));
    assert!(!public.join("kunta-a/suunnitelma/koko-alue").exists());
}

#[test]
fn check_reports_the_findings_across_plans_where_they_are_written() {
    let o = kertomus(&["check", "--root", FIXTURE]);
    let err = String::from_utf8_lossy(&o.stderr);
    for expected in [
        "content/alue/plan.yaml:10:9: warning: nothing in the municipalities' plans contributes to regional goal `a2`",
        "content/alue/plan.yaml:14:14: warning: measure `a2-1` is own work (scope: own), not joint work",
        "content/kunta-a/plan.yaml:11:14: warning: statutory measure `ka-1-2` is listed as serving a regional goal",
        "content/kunta-a/plan.yaml:17:9: warning: goal `ka-3` contributes to no goal of the regional plan",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    // One finding per cause: the statutory measure is not reported as statutory again.
    assert!(!err.contains("measure `ka-1-2` is statutory"), "{err}");
    // A goal whose measure serves a regional goal serves it; a regional goal with
    // contributors is not reported.
    assert!(
        !err.contains("goal `ka-2`") && !err.contains("regional goal `a1`"),
        "{err}"
    );
}

/// The rows of the table captioned `caption` on `page`, each as its cells' texts.
fn table_rows(page: &str, caption: &str) -> Vec<Vec<String>> {
    let at = page
        .find(caption)
        .unwrap_or_else(|| panic!("{caption} in {page}"));
    let table = &page[at..at + page[at..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap_or(row.len())];
            row.replace("</td>", "\u{1}")
                .replace("</th>", "\u{1}")
                .split('\u{1}')
                .map(text)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn the_region_wide_view_counts_as_the_annual_report_does() {
    let (_t, public) = build_fixture(FIXTURE);
    let region = main_of(&read(&public, "alue/suunnitelma/koko-alue/index.html"));
    let annual = main_of(&read(&public, "raportti/index.html"));
    let by_plan = table_rows(
        &region,
        "Alueen tavoitteita edistävät toimenpiteet tilan mukaan vuonna 2026",
    );
    let by_org = table_rows(&annual, "Toimenpiteiden tila suunnitelmittain 2026");
    assert_eq!(by_plan.len(), 3, "{by_plan:?}");
    // The same organisations with the same counts; the region-wide view adds the share.
    for (r, a) in by_plan.iter().zip(&by_org) {
        assert_eq!(&r[..r.len() - 1], &a[..], "{by_plan:?} {by_org:?}");
    }
}

#[test]
fn the_annual_report_lists_the_contributors_of_each_regional_goal_for_its_year() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "raportti/index.html");
    let main = main_of(&page);
    let said = text(&main);
    assert!(
        said.contains("Toimenpiteiden tila suunnitelmittain 2026 Suunnitelman laatija suunniteltu aloitettu käynnissä toteutunut viivästynyt ei raportoitu Yhteensä Testialueen hyvinvointialue 0 1 1 0 0 1 3 Aakkola 0 0 1 1 1 0 3 Beekylä 1 0 0 0 0 0 1"),
        "{said}"
    );
    assert!(
        said.contains("Tavoitetta edistävät toimenpiteet 2026 Toimenpiteet Suunnitelman laatija Tila 2025 Tila 2026 Huomio Koulukuraattori Aakkola aloitettu viivästynyt muuttunut Rekrytointi kesken. Oppilashuolto Aakkola ei raportoitu käynnissä – Kerhot Beekylä ei raportoitu suunniteltu –"),
        "{said}"
    );
    assert!(said.contains("Aikuisten jaksaminen paranee"));
    assert!(said.contains("Tätä tavoitetta ei edistä mikään muu suunnitelma."));
    // Without include_contributors the report is the plan's own.
    let plain = fixture_with(
        FIXTURE,
        &[(
            "content/raportti/index.md",
            b"---\ntitle: R\ndocument: {type: vuosiraportti, organisation: hva, plan: ../alue/, year: 2026}\n---\nR.\n",
        )],
    );
    let (_t2, public2) = build_fixture(plain.path().to_str().unwrap());
    let page = read(&public2, "raportti/index.html");
    assert!(!page.contains("suunnitelmittain") && !page.contains("Koulukuraattori"));
}

#[test]
fn the_shared_annual_clock_names_each_phase_s_organisation() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "vuosikello/index.html");
    assert!(
        page.contains("<strong>Aakkola: Talousarvion valmistelu</strong>"),
        "{page}"
    );
    let bad = fixture_with(
        FIXTURE,
        &[(
            "content/data/vuosikello.yaml",
            b"title: V\nphases:\n  - {months: [9], title: T, organisation: kunta-c}\n",
        )],
    );
    let o = kertomus(&["build", "--root", bad.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("content/data/vuosikello.yaml:3:43: error:") && err.contains("kunta-c"),
        "{err}"
    );
}

/// The build errors of the fixture with `kunta-a/plan.yaml` replaced.
fn errors_with_municipal_plan(plan: &str) -> String {
    let dir = fixture_with(FIXTURE, &[("content/kunta-a/plan.yaml", plan.as_bytes())]);
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(!o.status.success());
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_unknown_plan_or_goal_is_an_error_at_its_place_with_the_closest_name() {
    let err = errors_with_municipal_plan(
        "focus_areas:\n- id: n\n  title: N\n  goals:\n  - id: g\n    title: G\n    contributes_to: [alu#a1, \"alue#a3\"]\n    measures:\n    - {id: m, title: M, contributes_to: [kunta-a#g, alue], responsible: [kunta-a]}\n",
    );
    for expected in [
        "content/kunta-a/plan.yaml:7:22: error: `alu` is not a plan document of this site",
        "hint: did you mean `alue`?",
        "content/kunta-a/plan.yaml:7:31: error: the plan `alue` has no goal `a3`",
        "hint: the goals of that plan: a1, a2, b1",
        "content/kunta-a/plan.yaml:9:42: error: `kunta-a#g` is a goal of this same plan",
        "content/kunta-a/plan.yaml:9:53: error: `alue` does not name a goal of another plan",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(err.contains("4 errors"), "{err}");
}

#[test]
fn a_sheet_s_contributes_to_column_is_read_and_checked_at_its_cell() {
    let plan = "measures_from: [{file: toimenpiteet.csv, organisation: kunta-a}]\nfocus_areas:\n- id: n\n  title: N\n  goals:\n  - {id: g, title: G, indicators: [{id: tulos}]}\n";
    let sheet =
        "tavoite;toimenpide;mittarit;edistää\ng;Kerho;paivat;alue#b1\ng;Leiri;paivat;alue#b2\n";
    let dir = fixture_with(
        FIXTURE,
        &[
            ("content/kunta-a/plan.yaml", plan.as_bytes()),
            ("content/kunta-a/toimenpiteet.csv", sheet.as_bytes()),
        ],
    );
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("content/kunta-a/toimenpiteet.csv:3:")
            && err.contains("the plan `alue` has no goal `b2`"),
        "{err}"
    );
    assert!(err.contains("1 error"), "{err}");
    let fixed = sheet.replace("alue#b2", "alue#b1");
    std::fs::write(dir.path().join("content/kunta-a/toimenpiteet.csv"), fixed).unwrap();
    let public = dir.path().join("public");
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let b1 = read(&public, "alue/suunnitelma/liike/b1/index.html");
    assert!(
        text(&b1).contains("Kerho – oma; ei raportoitu Leiri – oma"),
        "{}",
        text(&b1)
    );
}

#[test]
fn open_data_carries_the_links_and_the_organisation_of_every_goal_and_measure() {
    let (_t, public) = build_fixture(FIXTURE);
    let json: serde_json::Value = serde_json::from_str(&read(&public, "data/plan.json")).unwrap();
    assert_eq!(json["format"], 1);
    let kunta = json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["document"] == "kunta-a")
        .unwrap();
    let goal = &kunta["focus_areas"][0]["goals"][0];
    assert_eq!(goal["organisation"], "kunta-a");
    assert_eq!(goal["contributes_to"][0], "alue#a1");
    assert_eq!(
        goal["url"],
        "https://alue.example/kunta-a/suunnitelma/nuoret/ka-1/"
    );
    assert_eq!(goal["measures"][0]["organisation"], "kunta-a");
    let csv = read(&public, "data/measures.csv");
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with(";organisation;contributes_to"));
    assert!(csv.contains(";kunta-a;alue#a1\n"), "{csv}");
    assert!(
        csv.contains("ka-2-1;") && csv.contains(";kunta-a;alue#b1\n"),
        "{csv}"
    );
}

/// A copy of the fixture without the given documents, with another `base_url`.
fn site_without(docs: &[&str], base_url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(FIXTURE), dir.path());
    for d in docs {
        std::fs::remove_dir_all(dir.path().join("content").join(d)).unwrap();
    }
    let site = dir.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, text.replace("https://alue.example/", base_url)).unwrap();
    dir
}

fn build(root: &Path) -> PathBuf {
    let o = kertomus(&["build", "-q", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    root.join("public")
}

fn pull(root: &Path, sources: &[&Path]) -> std::process::Output {
    let mut args = vec!["pull", "plans", "--root", root.to_str().unwrap()];
    args.extend(sources.iter().map(|s| s.to_str().unwrap()));
    kertomus(&args)
}

/// The contributors section of a regional goal page as text, without the pulled-from line.
fn contributors(public: &Path, goal: &str) -> String {
    let page = read(public, goal);
    let main = main_of(&page);
    let part = &main[main.find("id=\"edistavat\"").unwrap()..];
    let said = text(part);
    match said.find(" · haettu osoitteesta") {
        Some(i) => {
            let rest = &said[i..];
            let end = rest.find(") ").map_or(rest.len(), |e| e + 1);
            format!("{}{}", &said[..i], &rest[end..])
        }
        None => said,
    }
}

#[test]
fn a_plan_pulled_from_a_municipal_site_contributes_as_if_it_were_local() {
    // The county publishes its plan; the municipality pulls it, writes its own plan against
    // it and publishes that; the county pulls the municipality's plan.
    let county = site_without(&["kunta-a", "kunta-b", "raportti"], "https://alue.example/");
    let county_public = build(county.path());
    let town = site_without(&["alue", "kunta-b", "raportti"], "https://aakkola.example/");
    let o = pull(town.path(), &[&county_public.join("data/plan.json")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("content/data/plans/hva.json: 1 plan (alue)")
    );
    let town_public = build(town.path());
    // On the municipal site, its goal links to the regional goal's page on the county's site.
    let ka1 = read(&town_public, "kunta-a/suunnitelma/nuoret/ka-1/index.html");
    assert!(ka1.contains("<a href=\"https://alue.example/alue/suunnitelma/mieli/a1/\">Nuorten mieli vahvistuu</a>"), "{ka1}");
    let o = pull(county.path(), &[&town_public.join("data/plan.json")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stored =
        std::fs::read_to_string(county.path().join("content/data/plans/kunta-a.json")).unwrap();
    assert!(
        stored.contains("\"from\":") && !stored.contains("\"document\": \"alue\""),
        "only the town's own plan: {stored}"
    );
    let pulled = build(county.path());
    // The same plan kept locally gives the same contributor list.
    let local = site_without(&["kunta-b", "raportti"], "https://alue.example/");
    let local_public = build(local.path());
    let goal = "alue/suunnitelma/mieli/a1/index.html";
    assert_eq!(
        contributors(&pulled, goal),
        contributors(&local_public, goal)
    );
    // Its goals and measures lead to the municipal site, with where and when it was pulled.
    let page = read(&pulled, goal);
    assert!(page.contains("<a href=\"https://aakkola.example/kunta-a/suunnitelma/nuoret/ka-1/\">Aakkolan nuoret voivat hyvin</a>"), "{page}");
    assert!(page.contains("haettu osoitteesta"), "{page}");
    // It has no pages of its own here.
    assert!(!pulled.join("kunta-a").exists());
    let region = read(&pulled, "alue/suunnitelma/koko-alue/index.html");
    assert!(region.contains("<th scope=\"col\">Aakkola</th>"));
}

#[test]
fn a_failed_pull_leaves_the_plans_folder_as_it_was() {
    let county = site_without(&["kunta-a", "kunta-b", "raportti"], "https://alue.example/");
    let county_public = build(county.path());
    let town = site_without(&["alue", "kunta-b", "raportti"], "https://aakkola.example/");
    let good = county_public.join("data/plan.json");
    assert!(pull(town.path(), &[&good]).status.success());
    let folder = town.path().join("content/data/plans");
    let before = common::files(&folder);
    let bad = town.path().join("not-plan.json");
    std::fs::write(&bad, "{\"format\": 1, \"plans\": [").unwrap();
    let newer = town.path().join("newer.json");
    std::fs::write(&newer, "{\"format\": 99, \"plans\": []}").unwrap();
    let missing = town.path().join("missing.json");
    for sources in [
        vec![good.as_path(), &bad],
        vec![newer.as_path()],
        vec![good.as_path(), &missing],
    ] {
        let o = pull(town.path(), &sources);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{err}");
        assert!(err.contains("Nothing was written."), "{err}");
        assert_eq!(common::files(&folder), before, "{err}");
    }
    let o = pull(town.path(), &[&newer]);
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("plan.json format 99 is newer than this version of kertomus reads (format 1)"));
}

#[test]
fn a_hostile_pulled_plan_is_shown_as_text_without_script_links() {
    let county = site_without(&["kunta-a", "kunta-b", "raportti"], "https://alue.example/");
    let hostile = r#"{"format": 1, "organisations": [{"id": "x", "type": "kunta", "name": "<script>alert(1)</script>"}],
 "plans": [{"document": "x-plan", "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)", "organisation": "x",
  "focus_areas": [{"id": "f", "title": "F", "kind": "focus", "goals": [{"id": "g", "title": "\"><script>alert(2)</script>",
   "url": "javascript:alert(3)", "contributes_to": ["alue#a1"],
   "measures": [{"id": "m", "title": "M", "scope": "own", "url": "data:text/html,x", "progress": {"2026": {"status": "ongoing", "note": "<b>n</b>"}}}]}]}]}],
 "pulled": {"from": "https://x.example/\"><script>", "date": "2026-12-01"}}"#;
    let dir = county.path().join("content/data/plans");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.json"), hostile).unwrap();
    let public = build(county.path());
    let page = read(&public, "alue/suunnitelma/mieli/a1/index.html");
    let part = &page[page.find("id=\"edistavat\"").unwrap()..];
    assert!(
        !part.contains("<script") && !part.contains("<img") && !part.contains("<b>"),
        "{part}"
    );
    assert!(
        !part.contains("javascript:") && !part.contains("data:text"),
        "{part}"
    );
    assert!(
        part.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || part.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{part}"
    );
}

#[test]
fn a_municipal_document_says_whose_it_is_and_the_plan_links_its_annual_reports() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "kunta-a/index.html");
    assert!(
        text(&main_of(&page)).contains("Organisaatio Aakkola Asiakirja Hyvinvointisuunnitelma"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/organisaatiot/kunta-a/\">Aakkola</a>"),
        "{page}"
    );
    let header = &page[..page.find("<main").unwrap()];
    assert!(
        text(header).contains("Asiakirjan laatija: Aakkola"),
        "the band names the municipality, not the county: {header}"
    );
    let plan = main_of(&read(&public, "alue/index.html"));
    let reports = plan
        .split("<h2 id=\"annual-reports-title\">Vuosiraportit</h2>")
        .nth(1);
    assert!(
        reports.is_some_and(|r| r.contains("<a href=\"/raportti/\">Vuosiraportti 2026</a>")),
        "{plan}"
    );
}
