//! Numbers as readers of each language write them: `1 234,5` and `−2,1` in Finnish and
//! Swedish (narrow no-break space between thousands, decimal comma, U+2212 minus), `1,234.5`
//! in English.

/// A change in a count as a table shows it: "+2", "−1" (with a minus sign, as in the
/// numbers [`format()`] writes), "±0".
pub(crate) fn change(n: i64) -> String {
    match n {
        0 => "±0".to_string(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", n.unsigned_abs()),
    }
}

/// How many decimals `value` has as written: Rust writes an `f64` with the fewest digits that
/// read back to it, so `1.7` has one and `2` none.
pub(crate) fn decimals(value: f64) -> usize {
    let text = value.to_string();
    text.split_once('.').map_or(0, |(_, f)| f.len())
}

/// Formats `value` with `decimals` decimals for a reader of `lang`.
pub fn format(value: f64, decimals: usize, lang: &str) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let text = format!("{:.*}", decimals, value.abs());
    let rounded_zero = text.chars().all(|c| c == '0' || c == '.');
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (group, point, minus) = match lang {
        "en" => (",", ".", "-"),
        _ => ("\u{202F}", ",", "\u{2212}"),
    };
    let mut out = String::new();
    if value < 0.0 && !rounded_zero {
        out.push_str(minus);
    }
    // Finnish and Swedish style leave four-digit numbers ungrouped (2026, 1234).
    let group_from = if lang == "en" { 4 } else { 5 };
    if int.len() >= group_from {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if let Some(f) = frac {
        out.push_str(point);
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{change, decimals, format};

    #[test]
    fn decimals_as_written() {
        assert_eq!(decimals(1.7), 1);
        assert_eq!(decimals(2.0), 0);
        assert_eq!(decimals(0.125), 3);
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(change(2), "+2");
        assert_eq!(change(-1), "\u{2212}1");
        assert_eq!(change(0), "±0");
    }

    #[test]
    fn finnish_and_swedish() {
        assert_eq!(format(1234.5, 1, "fi"), "1234,5");
        assert_eq!(format(160_000.0, 0, "fi"), "160\u{202F}000");
        assert_eq!(format(-2.14, 1, "sv"), "\u{2212}2,1");
        assert_eq!(format(-0.04, 1, "fi"), "0,0");
    }

    #[test]
    fn english() {
        assert_eq!(format(1234.5, 1, "en"), "1,234.5");
        assert_eq!(format(1_234_567.0, 0, "en"), "1,234,567");
        assert_eq!(format(-3.0, 2, "en"), "-3.00");
    }
}
