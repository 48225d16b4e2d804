//! `kertomus sotkanet pull` against a loopback HTTP server that replays real Sotkanet metadata
//! (`tests/fixtures/sotkanet-metadata/`, a trimmed copy of the shared real data) and serves data
//! rows in the API's shape.

use crate::common::{self, kertomus, read};
use std::path::Path;
use std::sync::{Arc, Mutex};

const METADATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sotkanet-metadata/indicators_metadata.json"
);

/// Region list in the API's shape: Kuopio and Siilinjärvi (members of Pohjois-Savo), Helsinki
/// (not a region of the test site), the county (Sotkanet id 974) and the country (658).
const REGIONS: &str = r#"[
  {"id": 9297, "code": "297", "category": "KUNTA", "title": {"fi": "Kuopio"}},
  {"id": 9749, "code": "749", "category": "KUNTA", "title": {"fi": "Siilinjärvi"}},
  {"id": 9091, "code": "091", "category": "KUNTA", "title": {"fi": "Helsinki"}},
  {"id": 974, "code": "13", "category": "HYVINVOINTIALUE", "title": {"fi": "Pohjois-Savon hyvinvointialue"}},
  {"id": 658, "code": "SSS", "category": "MAA", "title": {"fi": "Koko maa"}},
  {"id": 5001, "code": "FI", "category": "EUROOPPA", "title": {"fi": "Suomi"}}
]"#;

/// Data rows: values for three years, one missing (null), rows for a region outside the site.
const ROWS_5527: &str = r#"[
  {"indicator": 5527, "region": 9297, "year": 2022, "gender": "total", "value": 53.4, "absValue": 1234},
  {"indicator": 5527, "region": 9297, "year": 2024, "gender": "total", "value": 51.0},
  {"indicator": 5527, "region": 9297, "year": 2024, "gender": "female", "value": 48.25},
  {"indicator": 5527, "region": 9749, "year": 2024, "gender": "total", "value": null},
  {"indicator": 5527, "region": 974, "year": 2024, "gender": "total", "value": 55.1},
  {"indicator": 5527, "region": 658, "year": 2024, "gender": "total", "value": 56.0},
  {"indicator": 5527, "region": 9091, "year": 2024, "gender": "total", "value": 60.2},
  {"indicator": 5527, "region": 5001, "year": 2024, "gender": "total", "value": 1.0}
]"#;

struct Replay {
    url: String,
    /// Path and query of each request, with its User-Agent.
    seen: Arc<Mutex<Vec<(String, String)>>>,
}

/// Serves the API under `/rest/1.1/` until the test process ends. Data for indicator 186
/// answers HTTP 500, to test a failure after metadata was fetched.
fn replay() -> Replay {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/rest/1.1/", server.server_addr().to_ip().unwrap());
    let all: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(METADATA).expect("the test copy of the Sotkanet metadata"),
    )
    .unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let path = req.url().to_string();
            let agent = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            log.lock().unwrap().push((path.clone(), agent));
            let rest = path.strip_prefix("/rest/1.1/").unwrap_or("");
            let (status, body) = if rest == "regions" {
                (200, REGIONS.to_string())
            } else if let Some(id) = rest.strip_prefix("indicators/") {
                match all["indicators"].get(id) {
                    Some(m) => (200, m.to_string()),
                    None => (404, "Not Found".to_string()),
                }
            } else if rest.starts_with("json?indicator=5527&") {
                (200, ROWS_5527.to_string())
            } else if rest.starts_with("json?indicator=186&") {
                (500, "Internal Server Error".to_string())
            } else {
                (400, "years and genders are required".to_string())
            };
            let _ = req.respond(tiny_http::Response::from_string(body).with_status_code(status));
        }
    });
    Replay { url, seen }
}

fn site(indicators_yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("data")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: \"Pull\"\nbase_url: \"https://example.fi/\"\nlanguages: [fi, en]\nhome_region: \"HYVINVOINTIALUE:13\"\ncompare_regions: [\"MAA:SSS\"]\n",
    )
    .unwrap();
    std::fs::write(
        content.join("index.md"),
        "---\ntitle: Etusivu\n---\n{{ indicator(id=\"5527\") }}\n",
    )
    .unwrap();
    std::fs::write(content.join("data/indicators.yaml"), indicators_yaml).unwrap();
    dir
}

fn pull(root: &Path, api: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "sotkanet",
        "pull",
        "--root",
        root.to_str().unwrap(),
        "--api",
        api,
        "--years",
        "2022-2024",
    ];
    args.extend_from_slice(extra);
    kertomus(&args)
}

const AUTHORED: &str = "# Omat mittarit. Tämä kommentti säilyy.\n- {id: \"5527\", better: down, kind: outcome}  # liikunta\n\n- id: oma\n  source: local\n  title: \"Oma mittari\"\n";

#[test]
fn pull_writes_values_and_fills_metadata_keeping_the_authors_text() {
    let api = replay();
    let dir = site(AUTHORED);
    let o = pull(dir.path(), &api.url, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("Indicator 5527: values 2022–2024"),
        "progress: {stderr}"
    );

    let csv = std::fs::read_to_string(dir.path().join("content/data/values/5527.csv")).unwrap();
    assert_eq!(
        csv,
        "indicator;region;year;gender;primary value;absolute value\n\
         5527;KUNTA:297;2022;total;53.4;1234\n\
         5527;KUNTA:297;2024;total;51;\n\
         5527;KUNTA:297;2024;female;48.25;\n\
         5527;KUNTA:749;2024;total;;\n\
         5527;HYVINVOINTIALUE:13;2024;total;55.1;\n\
         5527;MAA:SSS;2024;total;56;\n"
    );
    // The local indicator was not asked for.
    assert!(!dir.path().join("content/data/values/oma.csv").exists());

    let yaml = std::fs::read_to_string(dir.path().join("content/data/indicators.yaml")).unwrap();
    assert!(yaml.starts_with("# Omat mittarit. Tämä kommentti säilyy.\n- {id: \"5527\", better: down, kind: outcome, title: {fi: \"Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%)\", sv: "), "{yaml}");
    assert!(yaml.contains("unit: \"%\", decimals: 1, producer: \"Terveyden ja hyvinvoinnin laitos (THL)\", licence: \"CC BY 4.0\"}  # liikunta\n"), "{yaml}");
    assert!(yaml.ends_with("- id: oma\n  source: local\n  title: \"Oma mittari\"\n"));

    // Every request carried a User-Agent; years and genders are repeated parameters.
    let seen = api.seen.lock().unwrap().clone();
    assert!(
        seen.iter().all(|(_, ua)| ua.starts_with("kertomus/")),
        "{seen:?}"
    );
    assert!(seen.iter().any(|(p, _)| p == "/rest/1.1/json?indicator=5527&years=2022&years=2023&years=2024&genders=total&genders=male&genders=female"), "{seen:?}");

    // The site builds with what was pulled, and the chart shows the pulled numbers.
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = read(&dir.path().join("public"), "mittarit/5527/index.html");
    assert!(page.contains("Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%)"));
    assert!(page.contains("55,1"), "county value in Finnish format");

    // A second pull changes nothing.
    let o = pull(dir.path(), &api.url, &[]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/data/indicators.yaml")).unwrap(),
        yaml
    );
}

#[test]
fn an_indicator_not_in_the_file_is_appended() {
    let api = replay();
    let dir = site("- id: oma\n  source: local\n  title: \"Oma\"\n");
    let o = pull(dir.path(), &api.url, &["--indicator", "5527"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let yaml = std::fs::read_to_string(dir.path().join("content/data/indicators.yaml")).unwrap();
    assert!(yaml.contains("\n\n- id: \"5527\"\n  source: sotkanet\n  title:\n    fi: \"Terveysliikuntasuosituksen"), "{yaml}");
    assert!(yaml.contains("  better: neutral  # set up or down"));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("indicator 5527: added title, unit, decimals, producer, licence"),
        "{stdout}"
    );
}

#[test]
fn http_failures_name_the_address_and_leave_files_as_they_were() {
    let api = replay();
    let dir = site("- {id: \"5527\", title: T}\n- {id: \"186\", title: Kuolleisuus}\n");
    let values = dir.path().join("content/data/values");
    std::fs::create_dir_all(&values).unwrap();
    std::fs::write(values.join("5527.csv"), "old").unwrap();
    let o = pull(dir.path(), &api.url, &[]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("json?indicator=186&years=2022"), "{stderr}");
    assert!(
        stderr.contains("the server answered HTTP 500 (Internal Server Error)"),
        "{stderr}"
    );
    // 5527 was fetched before 186 failed, but nothing is written until everything is fetched.
    assert_eq!(
        std::fs::read_to_string(values.join("5527.csv")).unwrap(),
        "old"
    );
    assert!(!values.join("186.csv").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&values)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");

    // Unknown indicator: 404 with the address.
    let o = pull(dir.path(), &api.url, &["--indicator", "9999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("/rest/1.1/indicators/9999: the server answered HTTP 404"));

    // Nobody listening.
    let o = pull(
        dir.path(),
        "http://127.0.0.1:9/rest/1.1/",
        &["--indicator", "5527"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("http://127.0.0.1:9/rest/1.1/regions: "));
}

#[test]
fn bad_arguments_and_files_are_reported() {
    let api = replay();
    let dir = site("- {id: \"5527\", title: T\n");
    let o = pull(dir.path(), &api.url, &[]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("content/data/indicators.yaml:2:"),
        "{stderr}"
    );

    let dir = site("- {id: oma, source: local, title: T}\n");
    let o = pull(dir.path(), &api.url, &[]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no Sotkanet indicators to pull"));
    let o = pull(dir.path(), &api.url, &["--indicator", "abc"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("`abc` is not a Sotkanet indicator id"));
    let o = kertomus(&[
        "sotkanet",
        "pull",
        "--root",
        dir.path().to_str().unwrap(),
        "--years",
        "2025-2010",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a year range"));
}

#[test]
fn the_default_years_end_this_year_by_source_date_epoch() {
    let api = replay();
    let dir = site(AUTHORED);
    let o = common::command()
        .env("SOURCE_DATE_EPOCH", "1717243200") // 2024-06-01
        .args([
            "sotkanet",
            "pull",
            "--root",
            dir.path().to_str().unwrap(),
            "--api",
            &api.url,
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let seen = api.seen.lock().unwrap().clone();
    let data = seen
        .iter()
        .find(|(p, _)| p.starts_with("/rest/1.1/json?indicator=5527&"))
        .expect("the data was asked for");
    assert!(data.0.contains("years=2010&"), "{data:?}");
    assert!(data.0.contains("&years=2024&genders="), "{data:?}");
}
