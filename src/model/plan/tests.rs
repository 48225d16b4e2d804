//! Unit tests of the plan model: parsing, resolving and the follow-up judgement.

use super::load::{load_one, PlanDoc};
use super::track::Track;
use super::*;
use crate::model::indicators::Indicators;
use crate::model::organisations::Organisations;
use crate::model::regions::Register;

pub(crate) fn organisations() -> Organisations {
    let text = "- {id: hva, type: hyvinvointialue, name: HVA}\n- {id: kuopio, type: kunta, name: Kuopio}\n- {id: jarjestot, type: jarjesto, name: Järjestöt}\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(dir.path().join("data/organisations.yaml"), text).unwrap();
    let mut d = Vec::new();
    let o = crate::model::organisations::load(dir.path(), &Register::builtin(), &mut d);
    assert!(d.is_empty());
    o
}

pub(crate) fn indicators() -> Indicators {
    let list = crate::base::yaml::parse(
        "- {id: \"4\", title: Nuoret, kind: outcome, better: down}\n- {id: act, source: local, title: Päivät, kind: activity}\n",
    )
    .unwrap();
    Indicators {
        list,
        values: Default::default(),
        failed: false,
        source: None,
    }
}

/// A resolved plan of document `key` that must have no errors.
pub(crate) fn plan_at(key: &str, text: &str) -> Plan {
    let (p, d, _) = resolve_doc(key, text, None);
    assert!(d.is_empty(), "{d:?}");
    p.unwrap()
}

fn resolve_text(
    text: &str,
    period: Option<YearRange>,
) -> (Option<Plan>, Vec<Diagnostic>, Organisations) {
    resolve_doc("doc", text, period)
}

fn resolve_doc(
    key: &str,
    text: &str,
    period: Option<YearRange>,
) -> (Option<Plan>, Vec<Diagnostic>, Organisations) {
    let orgs = organisations();
    let inds = indicators();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(key)).unwrap();
    std::fs::write(dir.path().join(key).join("plan.yaml"), text).unwrap();
    let mut d = Vec::new();
    let doc = PlanDoc {
        key: key.into(),
        path: format!("{key}/"),
        dir: key.into(),
        period,
        organisation: None,
        title: key.into(),
    };
    let register = crate::model::regions::Register::builtin();
    let known = Known {
        organisations: &orgs,
        indicators: &inds,
        register: &register,
    };
    let p = load_one(dir.path(), &doc, &known, &mut d, &mut false);
    (p, d, orgs)
}

/// A resolved plan of `text` that must have no errors.
pub(crate) fn plan(text: &str) -> (Plan, Organisations) {
    let (p, d, orgs) = resolve_text(
        text,
        Some(YearRange {
            start: 2025,
            end: 2029,
        }),
    );
    assert!(d.is_empty(), "{d:?}");
    (p.unwrap(), orgs)
}

#[test]
fn empty_references_are_errors_at_their_position_and_never_hang() {
    let e = errors("focus_areas:\n  - id: a\n    title: A\n    goals:\n      - {id: g, title: G, gap: \"\", shared_with: [\"\"], indicators: [{id: \"\"}]}\n");
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(
        e.iter()
            .all(|m| m.contains("empty reference: the value is blank")),
        "{e:?}"
    );
    assert!(
        e.iter().all(|m| m.starts_with("content/doc/plan.yaml:5:")),
        "{e:?}"
    );
}

fn errors(text: &str) -> Vec<String> {
    let (_, d, _) = resolve_text(
        text,
        Some(YearRange {
            start: 2025,
            end: 2029,
        }),
    );
    d.iter()
        .map(|d| format!("{}:{}:{}: {}", d.path.display(), d.line, d.col, d.message))
        .collect()
}

#[test]
fn every_reference_kind_is_checked_with_its_position() {
    let e = errors(
        "focus_areas:\n- id: fa\n  title: F\n  gaps: [{id: gp, title: G, indicators: [\"5\"]}]\n  goals:\n  - id: g1\n    title: G\n    gap: gq\n    shared_with: [kuopi]\n    indicators: [{id: \"4\"}]\n    measures:\n    - id: m1\n      title: M\n      responsible: [hva, hvx]\n      partners: [jarjesto]\n      indicators: [{id: act}, {id: akt}]\n",
    );
    assert_eq!(
        e,
        vec![
            "content/doc/plan.yaml:4:43: indicator `5` is not in content/data/indicators.yaml",
            "content/doc/plan.yaml:8:10: gap `gq` is not a gap of this plan",
            "content/doc/plan.yaml:9:19: shared_with: organisation `kuopi` is not in content/data/organisations.yaml",
            "content/doc/plan.yaml:14:26: responsible: organisation `hvx` is not in content/data/organisations.yaml",
            "content/doc/plan.yaml:15:18: partners: organisation `jarjesto` is not in content/data/organisations.yaml",
            "content/doc/plan.yaml:16:36: indicator `akt` is not in content/data/indicators.yaml",
        ]
    );
}

#[test]
fn duplicate_ids_enums_and_years() {
    let e = errors(
        "focus_areas:\n- id: fa\n  title: F\n  goals:\n  - id: fa\n    title: G\n    target_year: 2031\n    indicators: [{id: \"4\", baseline: {year: 2028, value: 1}, target: {year: 2027, value: 2}}]\n    measures:\n    - id: m1\n      title: M\n      progress:\n        2024: {status: started}\n",
    );
    assert_eq!(
        e,
        vec![
            "content/doc/plan.yaml:5:5: id `fa` is used twice in the plan",
            "content/doc/plan.yaml:7:18: target year 2031 is outside the plan's period 2025–2029",
            "content/doc/plan.yaml:8:45: baseline year 2028 is after the target year 2027",
            "content/doc/plan.yaml:13:9: progress year 2024 is outside the plan's period 2025–2029",
        ]
    );
    let e = errors("focus_areas:\n- id: fa\n  title: F\n  goals:\n  - id: g\n    title: G\n    measures:\n    - {id: m, title: M, progress: {2026: {status: ongoin}}}\n");
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("content/doc/plan.yaml:8:"), "{e:?}");
    assert!(e[0].contains("ongoin"), "{e:?}");
    // Finnish values are values (§13.1); the id is what is wrong here.
    let e = errors("focus_areas:\n- {id: Mielen Hyvinvointi, title: F, kind: läpileikkaava}\n");
    assert!(e[0].contains("focus area id `Mielen Hyvinvointi`"), "{e:?}");
    let e = errors("focus_areas:\n- {id: mh, title: F, kind: läpileikaava}\n");
    assert!(
        e[0].contains("`läpileikaava` is not a kind of focus area"),
        "{e:?}"
    );
}

#[test]
fn goals_on_track() {
    use crate::model::indicators::Better;
    let b = Some(YearValue {
        year: 2023,
        value: 11.2,
    });
    let t = Some(YearValue {
        year: 2029,
        value: 10.0,
    });
    assert_eq!(
        track(Better::Down, b, t, Some((2026, 10.5))),
        Track::OnTrack
    );
    assert_eq!(
        track(Better::Down, b, t, Some((2026, 11.0))),
        Track::OffTrack
    );
    assert_eq!(track(Better::Down, b, t, Some((2025, 9.9))), Track::Met);
    assert_eq!(track(Better::Up, b, t, Some((2025, 12.0))), Track::Met);
    assert_eq!(track(Better::Neutral, b, t, Some((2029, 10.0))), Track::Met);
    assert_eq!(track(Better::Down, b, t, None), Track::NoData);
    // The baseline's own value (or an older one) says nothing of progress yet.
    assert_eq!(
        track(Better::Down, b, t, Some((2023, 11.2))),
        Track::NoNewer
    );
    assert_eq!(
        track(Better::Down, b, t, Some((2022, 10.9))),
        Track::NoNewer
    );
    assert_eq!(
        track(Better::Down, None, t, Some((2025, 10.5))),
        Track::OffTrack
    );
}

#[test]
fn includes_stay_inside_content() {
    let e = errors("include: [../../etc/passwd, puuttuu.yaml]\n");
    assert_eq!(
        e,
        vec![
            "content/doc/plan.yaml:1:11: `../../etc/passwd` leads outside content/",
            "content/doc/plan.yaml:1:29: included file `puuttuu.yaml` does not exist",
        ]
    );
}
