//! Measures from spreadsheets (content format §13.2): the same measures from an `.xlsx`, an
//! `.ods` or a `.csv` sheet build the same site as in plan.yaml, and every sheet problem is
//! reported at `file:sheet!CELL` with the cell's text.

use crate::common;

use crate::common::{build_fixture, files, fixture_with, kertomus};
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");
const ODS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sheets/toimenpiteet.ods"
);

/// The header row and the two measures of goal mh-1, as in the fixture's plan.yaml.
const ROWS: [[&str; 13]; 3] = [
    [
        "Tavoite",
        "Tunnus",
        "Toimenpide",
        "Vastuutaho",
        "Yhteistyötahot",
        "Yhteinen",
        "Lakisääteinen",
        "Aikataulu",
        "Mittarit",
        "Tila 2025",
        "Huomio 2025",
        "Tila 2026",
        "Huomio 2026",
    ],
    [
        "mh-1",
        "mh-1-1",
        "Ryhmäytyminen kouluissa",
        "hva-oh",
        "kuopio; jarjestot",
        "kyllä",
        "",
        "2025-2027",
        "paivat (toiminta)",
        "aloitettu",
        "Pilotti kolmessa koulussa.",
        "käynnissä",
        "Kaikki yläkoulut.",
    ],
    [
        "mh-1",
        "mh-1-2",
        "Keskusteluapu iltaisin",
        "hva",
        "",
        "ei",
        "kyllä",
        "",
        "4",
        "suunniteltu",
        "",
        "",
        "",
    ],
];

/// plan.yaml without the measures of mh-1, reading them from `sheet` instead.
fn plan_reading(sheet: &str) -> String {
    let plan =
        std::fs::read_to_string(Path::new(FIXTURE).join("content/suunnitelma/plan.yaml")).unwrap();
    let start = plan
        .find("        measures:\n          - id: mh-1-1")
        .unwrap();
    let last = "            progress:\n              2025: {status: planned}\n";
    let end = plan.find(last).unwrap() + last.len();
    format!(
        "measures_from:\n  - {{file: {sheet}, sheet: Toimenpiteet}}\n{}{}",
        &plan[..start],
        &plan[end..]
    )
}

fn xlsx(rows: &[[&str; 13]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Toimenpiteet").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if let Ok(n) = text.parse::<f64>() {
                sheet.write_number(r as u32, c as u16, n).unwrap();
            } else if !text.is_empty() {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn csv(rows: &[[&str; 13]]) -> Vec<u8> {
    let quoted = |r: &[&str; 13]| r.map(|c| format!("\"{c}\"")).join(";");
    let lines: Vec<String> = rows.iter().map(quoted).collect();
    (lines.join("\n") + "\n").into_bytes()
}

#[test]
fn measures_from_xlsx_ods_and_csv_build_the_same_site_as_in_plan_yaml() {
    let (_yaml, yaml_public) = build_fixture(FIXTURE);
    let expected = files(&yaml_public);
    let ods = std::fs::read(ODS).unwrap();
    for (name, bytes) in [
        ("toimenpiteet.xlsx", xlsx(&ROWS)),
        ("toimenpiteet.ods", ods),
        ("toimenpiteet.csv", csv(&ROWS)),
    ] {
        let plan = plan_reading(name);
        let dir = fixture_with(
            FIXTURE,
            &[
                ("content/suunnitelma/plan.yaml", plan.as_bytes()),
                (&format!("content/suunnitelma/{name}"), &bytes),
            ],
        );
        let (_out, public) = build_fixture(dir.path().to_str().unwrap());
        let got = files(&public);
        let names = |f: &[(PathBuf, Vec<u8>)]| f.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&got),
            names(&expected),
            "{name}: the same files, the sheet not copied"
        );
        for ((path, a), (_, b)) in expected.iter().zip(&got) {
            assert!(a == b, "{name}: {} differs", path.display());
        }
    }
}

/// Builds the fixture with mh-1's measures from an .xlsx of `rows`; returns stderr.
fn sheet_errors(rows: &[[&str; 13]]) -> String {
    sheet_errors_in("C.UTF-8", rows)
}

/// The errors of a build reading `rows`, with the locale `LANG=lang`.
fn sheet_errors_in(lang: &str, rows: &[[&str; 13]]) -> String {
    let plan = plan_reading("toimenpiteet.xlsx");
    let bytes = xlsx(rows);
    let dir = fixture_with(
        FIXTURE,
        &[
            ("content/suunnitelma/plan.yaml", plan.as_bytes()),
            ("content/suunnitelma/toimenpiteet.xlsx", &bytes),
        ],
    );
    let o = common::kertomus_in(lang, &["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn sheet_errors_speak_the_authors_language_at_the_same_cell() {
    let mut rows = ROWS;
    rows[1][9] = "aloitetu";
    rows[2][0] = "mh-9";
    let at = "content/suunnitelma/toimenpiteet.xlsx:Toimenpiteet!";
    let fi = sheet_errors_in("fi_FI.UTF-8", &rows);
    for expected in [
        format!("{at}J2: virhe: `aloitetu` ei ole toimenpiteen tila"),
        format!("{at}A3: virhe: `mh-9` ei ole tämän suunnitelman tavoite"),
        "= vihje: tarkoititko `aloitettu`?".to_string(),
        "2 virhettä, 0 varoitusta".to_string(),
        "Rakentaminen epäonnistui; edellinen julkaisukansio jätettiin ennalleen.".to_string(),
    ] {
        assert!(fi.contains(&expected), "{expected}\n{fi}");
    }
    let sv = sheet_errors_in("sv_FI.UTF-8", &rows);
    assert!(
        sv.contains(&format!(
            "{at}J2: fel: `aloitetu` är inte en åtgärds status"
        )),
        "{sv}"
    );
    assert!(sv.contains("= tips: menade du `aloitettu`?"), "{sv}");
    // The positions are the same in every language, for editors to jump to.
    let en = sheet_errors(&rows);
    let places = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("content/"))
            .map(|l| l.split(": ").next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(places(&fi), places(&en));
    assert_eq!(places(&sv), places(&en));
    assert_eq!(places(&en).len(), 2, "{en}");
}

#[test]
fn every_sheet_problem_names_its_cell() {
    let mut rows = ROWS;
    rows[0][4] = "Yhteistyö tahot";
    let err = sheet_errors(&rows);
    let at = "content/suunnitelma/toimenpiteet.xlsx:Toimenpiteet!";
    assert!(
        err.contains(&format!("{at}E1: error: unknown column `Yhteistyö tahot`")),
        "{err}"
    );
    assert!(err.contains("did you mean `yhteistyötahot`?"), "{err}");

    let mut rows = ROWS;
    rows[1][9] = "aloitetu";
    rows[2][0] = "mh-9";
    rows[1][3] = "hva-ooh";
    rows[2][6] = "ehkä";
    rows[1][7] = "2025–20x";
    let err = sheet_errors(&rows);
    for expected in [
        "J2: error: `aloitetu` is not a measure status",
        "A3: error: goal `mh-9` is not a goal of this plan",
        "D2: error: responsible: organisation `hva-ooh` is not in content/data/organisations.yaml",
        "G3: error: `ehkä` is not yes or no",
        "H2: error:",
    ] {
        assert!(
            err.contains(&format!("{at}{expected}")),
            "{expected}\n{err}"
        );
    }
    assert!(err.contains("did you mean `aloitettu`?"), "{err}");
    assert!(
        err.contains("| aloitetu"),
        "the cell's text is shown: {err}"
    );

    // The same id in plan.yaml and in a sheet names both places.
    let mut rows = ROWS;
    rows[2][1] = "os-1-1";
    let err = sheet_errors(&rows);
    assert!(
        err.contains(
            "content/suunnitelma/lisa.yaml:10:14: error: id `os-1-1` is used twice in the plan"
        ),
        "{err}"
    );
    assert!(
        err.contains(&format!("it is first used in {at}B3")),
        "{err}"
    );
}

#[test]
fn an_empty_id_is_derived_from_the_goal_and_the_row() {
    let mut rows = ROWS;
    rows[2][1] = "";
    let plan = plan_reading("toimenpiteet.csv");
    let dir = fixture_with(
        FIXTURE,
        &[
            ("content/suunnitelma/plan.yaml", plan.as_bytes()),
            ("content/suunnitelma/toimenpiteet.csv", &csv(&rows)),
        ],
    );
    let (_out, public) = build_fixture(dir.path().to_str().unwrap());
    let goal = common::read(&public, "suunnitelma/suunnitelma/mieli/mh-1/index.html");
    assert!(goal.contains("id=\"mh-1-r3\""), "{goal}");
}

#[test]
fn the_measures_template_lists_the_goals_with_drop_downs_and_reads_back() {
    let dir = fixture_with(FIXTURE, &[]);
    let sheet = dir.path().join("content/suunnitelma/toimenpiteet.xlsx");
    let o = kertomus(&[
        "template",
        "measures",
        "--root",
        dir.path().to_str().unwrap(),
        "--plan",
        "content/suunnitelma",
        "--organisation",
        "kuopio",
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&sheet).unwrap();
    assert_eq!(book.sheet_names(), ["Toimenpiteet", "Tavoitteet", "Ohje"]);
    let head = book.worksheet_range("Toimenpiteet").unwrap();
    let headers: Vec<String> = head
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&headers[..3], ["tavoite", "tunnus", "toimenpide"]);
    assert!(headers.contains(&"tila 2029".to_string()), "{headers:?}");
    let goals = book.worksheet_range("Tavoitteet").unwrap();
    let ids: Vec<String> = goals.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(ids, ["mh-1", "os-1", "os-2"]);
    // The drop-down lists: the goal from the goals sheet, yes/no, and the statuses.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&sheet).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("<formula1>Tavoitteet!$A$2:$A$4</formula1>"),
        "{xml}"
    );
    assert!(xml.contains("<formula1>\"kyllä,ei\"</formula1>"), "{xml}");
    assert!(
        xml.contains("suunniteltu,aloitettu,käynnissä,valmis"),
        "{xml}"
    );
    // Read back as it is: an empty sheet adds no measures and no errors.
    let plan = plan_reading("toimenpiteet.xlsx");
    std::fs::write(dir.path().join("content/suunnitelma/plan.yaml"), plan).unwrap();
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The guide's downloadable example sheet reads without a problem into the example site's plan.
#[test]
fn the_guide_s_example_sheet_reads_into_the_example_plan() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root.join("content"), &dir.path().join("content"));
    let plan_path = dir
        .path()
        .join("content/hyvinvointikertomus-2025-2029/plan.yaml");
    std::fs::copy(
        root.join("content/ohje/toimenpiteet-esimerkki.csv"),
        dir.path()
            .join("content/hyvinvointikertomus-2025-2029/toimenpiteet/esimerkki.csv"),
    )
    .unwrap();
    let plan = std::fs::read_to_string(&plan_path).unwrap().replacen(
        "measures_from: [toimenpiteet/jarjestot.csv]",
        "measures_from: [toimenpiteet/jarjestot.csv, toimenpiteet/esimerkki.csv]",
        1,
    );
    std::fs::write(&plan_path, plan).unwrap();
    let (_out, public) = build_fixture(dir.path().to_str().unwrap());
    let goal = common::read(
        &public,
        "hyvinvointikertomus-2025-2029/suunnitelma/mielen-hyvinvointi/mh-1/index.html",
    );
    assert!(goal.contains("id=\"mh-1-r2\""), "the derived id of row 2");
    assert!(
        public.join("ohje/toimenpiteet-esimerkki.csv").is_file(),
        "downloadable"
    );
}
