//! Unit tests of reading Sotkanet metadata: units and licence.

use super::api::ApiIndicator;
use super::*;

#[test]
fn units_and_licence_come_from_the_metadata() {
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/sotkanet-metadata/indicators_metadata.json"),
    )
    .expect("the test copy of the Sotkanet metadata");
    let all: serde_json::Value = serde_json::from_str(&json).unwrap();
    let m: ApiIndicator = serde_json::from_value(all["indicators"]["5527"].clone()).unwrap();
    let meta = to_meta("5527", &m);
    assert_eq!(meta.unit.as_deref(), Some("%"));
    assert_eq!(meta.decimals, Some(1));
    assert_eq!(meta.licence.as_deref(), Some("CC BY 4.0"));
    assert_eq!(
        meta.title[0].1,
        "Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%)"
    );
    let m: ApiIndicator = serde_json::from_value(all["indicators"]["186"].clone()).unwrap();
    let meta = to_meta("186", &m);
    assert_eq!(meta.unit.as_deref(), Some("/ 100 000"));
    assert_eq!(meta.producer.as_deref(), Some("Tilastokeskus"));
    assert_eq!(meta.licence, None);
}
