//! Unit tests of surveys: computed statistics, mismatches with published figures, bad groups, counts and ids.

use super::*;

#[test]
fn statistics_match_the_published_figures() {
    // HYTE advance survey 2025, question 1, group HVA: KA 1,67, hajonta 0,94, n 3.
    let s = stats(&[2, 0, 1, 0]).unwrap();
    assert_eq!(s.n, 3);
    assert_eq!(format!("{:.2} {:.2}", s.mean, s.sd), "1.67 0.94");
    let s = stats(&[1]).unwrap();
    assert_eq!((s.mean, s.sd), (1.0, 0.0));
    assert_eq!(stats(&[0, 0]), None);
}

fn parse(text: &str) -> (Survey, Vec<Diagnostic>) {
    let src = Source::new(Path::new("content/data/surveys/k.yaml"), text.into());
    let mut s: Survey = crate::base::yaml::parse(text).unwrap();
    s.id = "k".into();
    let mut d = Vec::new();
    validate(&s, &src, &mut d);
    s.source = Some(src);
    (s, d)
}

#[test]
fn mismatches_over_a_hundredth_are_warnings() {
    let (s, d) = parse("title: K\ngroups: [HVA, Kunta]\nsections:\n- title: S\n  questions:\n  - id: q1\n    type: single_choice\n    text: Q\n    options: [a, b, c, d]\n    results:\n      HVA: {counts: [2, 0, 1, 0], published: {mean: 1.67, sd: 0.94, n: 3}}\n      Kunta: {counts: [1, 1, 0, 0], published: {mean: 1.7, sd: 0.5, n: 2}}\n");
    assert!(d.is_empty(), "{d:?}");
    let w = s.mismatches();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].line, 12);
    assert_eq!(
        w[0].message,
        "survey question `q1`, group Kunta: mean 1.50 computed, 1.7 published"
    );
    assert!(!w[0].is_error());
}

#[test]
fn bad_groups_counts_and_ids_are_errors() {
    let (_, d) = parse("title: K\ngroups: [HVA, Kunta]\nsections:\n- title: S\n  questions:\n  - id: q1\n    type: single_choice\n    text: Q\n    options: [a, b]\n    results:\n      Kunat: {counts: [2, 0, 1]}\n  - {id: q1, type: text, text: T, themes: [{title: X, answers: [{text: A, groups: [HVB]}]}]}\n");
    let m: Vec<String> = d
        .iter()
        .map(|d| format!("{}: {}", d.line, d.message))
        .collect();
    assert_eq!(
        m,
        vec![
            "11: `Kunat` is not one of the survey's groups",
            "11: question `q1`, group Kunat: 3 counts for 2 options",
            "12: question id `q1` is used twice in the survey",
            "12: `HVB` is not one of the survey's groups",
        ]
    );
    assert_eq!(
        d[0].hint.as_ref().map(ToString::to_string).as_deref(),
        Some("did you mean `Kunta`?")
    );
}
