//! Unit tests of the line chart: its accessible structure, gaps in series, regions without data.

use super::*;

fn labels() -> Labels {
    Labels {
        year: "Vuosi".into(),
        missing: "ei tietoa".into(),
        show_table: "Näytä taulukko".into(),
        target: "tavoite".into(),
        baseline: "lähtötaso".into(),
        ..Labels::default()
    }
}

fn chart(labels: &Labels) -> LineChart<'_> {
    LineChart {
        id: "c-4",
        title: "Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000",
        unit: "/ 1 000",
        decimals: 1,
        lang: "fi",
        series: vec![
            Series {
                name: "Kuopio".into(),
                points: vec![(2009, Some(1.9)), (2010, None), (2011, Some(2.5))],
            },
            Series {
                name: "Pohjois-Savo".into(),
                points: vec![(2009, Some(2.0)), (2011, Some(2.1))],
            },
            Series {
                name: "Koko maa".into(),
                points: vec![(2011, Some(1.8))],
            },
        ],
        goal: None,
        labels,
        source: crate::base::escape::Html::text("Lähde: THL"),
    }
}

#[test]
fn no_data_is_a_sentence_and_a_region_without_data_is_named_so() {
    let l = Labels {
        no_data: "Tälle mittarille ei ole vielä tietoja.".into(),
        ..labels()
    };
    let mut c = chart(&l);
    c.series[2].points = vec![(2011, None)];
    let html = c.render();
    assert!(html.contains("Koko maa (ei tietoa)</li>"), "{html}");
    assert!(html.contains("Kuopio</li>"));
    for s in &mut c.series {
        s.points.clear();
    }
    let empty = c.render();
    assert!(!empty.contains("<svg"), "{empty}");
    assert!(
        empty.contains("<figcaption>Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000</figcaption>\n<p>Tälle mittarille ei ole vielä tietoja.</p>"),
        "{empty}"
    );
}

#[test]
fn structure_is_accessible() {
    let l = labels();
    let html = chart(&l).render();
    assert_eq!(
        html.matches("role=\"img\"").count(),
        2,
        "narrow and wide drawing"
    );
    assert!(html.contains("aria-labelledby=\"c-4-w-t c-4-w-d\""));
    assert!(html.contains("<title id=\"c-4-w-t\">"));
    assert!(html.contains("<desc id=\"c-4-w-d\">Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000. Kuopio 2011: 2,5 / 1 000 (2009: 1,9 / 1 000); Pohjois-Savo 2011: 2,1 / 1 000; Koko maa 2011: 1,8 / 1 000.</desc>"), "{html}");
    // One <g class="series"> per series in each drawing.
    assert_eq!(html.matches("<g class=\"series\">").count(), 6);
    assert!(html.contains("<caption>Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000</caption>"));
    assert!(
        html.contains("<th scope=\"row\">2010</th><td class=\"align-right\">–</td>")
            || html.contains("<th scope=\"row\">2010</th><td class=\"align-right missing\">")
    );
}

#[test]
fn missing_values_break_the_line() {
    let l = labels();
    let svg = chart(&l).svg(680.0, 330.0, "w", 8);
    let kuopio = svg.split("<g class=\"series\"><path d=\"").nth(1).unwrap();
    let d = &kuopio[..kuopio.find('"').unwrap()];
    assert_eq!(
        d.matches('M').count(),
        2,
        "two segments around the gap: {d}"
    );
    assert!(
        !d.contains('L'),
        "single points are not joined across the gap: {d}"
    );
}
