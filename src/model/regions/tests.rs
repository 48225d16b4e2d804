//! Unit tests of the region register: the 2026 division, suggestions, overrides and parents.

use super::*;

#[test]
fn register_has_the_2026_division() {
    let r = Register::builtin();
    assert_eq!(
        r.all().filter(|x| x.id.category == Category::Kunta).count(),
        308
    );
    assert_eq!(
        r.all()
            .filter(|x| x.id.category == Category::Hyvinvointialue)
            .count(),
        23
    );
    let kuopio = r.resolve("KUNTA:297").unwrap();
    assert_eq!(kuopio.name_fi, "Kuopio");
    assert_eq!(
        kuopio.county.as_ref().unwrap().to_string(),
        "HYVINVOINTIALUE:13"
    );
    assert_eq!(
        r.resolve("974").unwrap().name_fi,
        "Pohjois-Savon hyvinvointialue"
    );
    assert_eq!(
        r.resolve("HYVINVOINTIALUE:13").unwrap().name_sv,
        "Norra Savolax välfärdsområde"
    );
    assert_eq!(r.resolve("658").unwrap().id, RegionRef::country());
    assert_eq!(
        r.members(&RegionRef::parse("HYVINVOINTIALUE:13").unwrap())
            .len(),
        19
    );
    assert_eq!(
        r.members(&RegionRef::parse("HYVINVOINTIALUE:15").unwrap())
            .len(),
        22
    );
    assert!(r.resolve("MAAKUNTA:11").is_ok());
    assert_eq!(kuopio.slug(), "297-kuopio");
}

#[test]
fn unknown_regions_get_a_suggestion() {
    let r = Register::builtin();
    assert_eq!(
        r.resolve("KUNTA:298").unwrap_err(),
        "KUNTA:298 is not a municipality; did you mean KUNTA:297 Kuopio?"
    );
    assert!(r
        .resolve("KUNTAA:1")
        .unwrap_err()
        .contains("not a region category"));
    assert_eq!(
        RegionRef::parse("kunta:91").unwrap().to_string(),
        "KUNTA:091"
    );
}

#[test]
fn overrides_add_and_rename() {
    let mut r = Register::builtin();
    let diags = r.apply_overrides("ref;sotkanet_id;name_fi;name_sv;parent\nKUNTA:297;494;;;\nKUNTA:999;12345;Uusikunta;Nykommun;HYVINVOINTIALUE:13\n", Path::new("content/data/regions.csv"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(r.resolve("494").unwrap().name_fi, "Kuopio");
    assert_eq!(
        r.members(&RegionRef::parse("HYVINVOINTIALUE:13").unwrap())
            .len(),
        20
    );
    let bad = r.apply_overrides(
        "ref;sotkanet_id;name_fi;name_sv;parent\nKUNTA:1;x;A;;\n",
        Path::new("r.csv"),
    );
    assert_eq!((bad[0].line, bad[0].col), (2, 9));
}

#[test]
fn a_parent_that_does_not_exist_is_an_error_at_its_row() {
    let mut r = Register::builtin();
    let bad = r.apply_overrides(
        "ref;sotkanet_id;name_fi;name_sv;parent\nKUNTA:998;;Uusi;;HYVINVOINTIALUE:99\nKUNTA:997;;Toinen;;MAAKUNTA:77\nMAAKUNTA:77;;Uusi maakunta;;\n",
        Path::new("r.csv"),
    );
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!((bad[0].line, bad[0].col), (2, 18));
    assert_eq!(
        bad[0].message,
        "parent HYVINVOINTIALUE:99 is not a known region"
    );
}
