//! What a word's analyses say for search: its base forms (`BASEFORM`) and, for a compound,
//! the base forms of its parts (`WORDBASES` cut where `STRUCTURE` says a part begins).

use super::voikko::Analysis;

/// The base forms and compound parts of one word, lowercased, each once, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lemmas {
    /// `nuorten` → `nuori`; `tuli` → `tulla`, `tuli`.
    pub bases: Vec<String>,
    /// `mielenterveyden` → `mieli`, `terveys`; `lastensuojelun` → `lapsi`, `suojelu`.
    pub parts: Vec<String>,
}

impl Lemmas {
    /// From the analyses of a word. Where libvoikko reads a word both whole and as a
    /// compound (`esimerkki`, and `esi` + `merkki`; `voimassa`, and `voi` + `massa`), the
    /// readings with the fewest parts are taken: the dictionary's own word over a split.
    pub(crate) fn of(analyses: &[Analysis]) -> Lemmas {
        let readings: Vec<(&Analysis, Vec<String>)> =
            analyses.iter().map(|a| (a, compound_parts(a))).collect();
        let fewest = readings.iter().map(|(_, p)| p.len().max(1)).min();
        let mut out = Lemmas::default();
        for (a, parts) in readings {
            if Some(parts.len().max(1)) != fewest {
                continue;
            }
            if let Some(base) = a.baseform.as_deref() {
                // A bound prefix such as `sosiaali-` (of "sosiaali- ja terveyspalvelut") is
                // no word of its own.
                if !base.ends_with('-') {
                    push(&mut out.bases, base.to_lowercase());
                }
            }
            if parts.len() > 1 {
                for p in parts {
                    push(&mut out.parts, p);
                }
            }
        }
        out
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bases.is_empty() && self.parts.is_empty()
    }
}

fn push(list: &mut Vec<String>, word: String) {
    if !word.is_empty() && !list.contains(&word) {
        list.push(word);
    }
}

/// The parts of an analysed word, each in its base form, lowercased; one part for a word
/// that is no compound. `WORDBASES` lists the base form's morphemes as `+surface(base)`;
/// `STRUCTURE` marks with `=` where each part begins in the word (which is written like the
/// base form up to its ending). A morpheme that begins no part belongs to the part before
/// it: a derivational suffix (`+ys(+ys)`), a bare chunk (`+t`), a hyphen. A part of one
/// morpheme is that morpheme's base (`lasten(lapsi)` → `lapsi`); a part made of several is
/// its letters as written in the base form (`terve` + `ys` → `terveys`). `=` inside a base
/// marks a lexicalised part (`hyvinvointi(hyvin=vointi)`), which stays whole.
fn compound_parts(a: &Analysis) -> Vec<String> {
    let (Some(wordbases), Some(structure)) = (a.wordbases.as_deref(), a.structure.as_deref())
    else {
        return Vec::new();
    };
    let starts = part_starts(structure);
    let mut groups: Vec<Vec<(&str, Option<&str>)>> = Vec::new();
    let mut offset = 0;
    for (surface, base) in morphemes(wordbases) {
        match groups.last_mut() {
            Some(group) if !starts.contains(&offset) => group.push((surface, base)),
            _ => groups.push(vec![(surface, base)]),
        }
        offset += surface.chars().count();
    }
    let mut out = Vec::new();
    for group in groups {
        let worded: Vec<_> = group
            .iter()
            .filter(|(s, _)| s.chars().any(char::is_alphanumeric))
            .collect();
        let part = match worded.as_slice() {
            [(_, Some(base))] if !base.starts_with('+') => base.replace('=', ""),
            _ => group.iter().map(|(s, _)| *s).collect(),
        };
        push(&mut out, part.trim_matches('-').to_lowercase());
    }
    out
}

/// The character offsets in the word at which a part begins (`=ppp=pppppp` → 0, 3).
fn part_starts(structure: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for c in structure.chars() {
        if c == '=' {
            starts.push(offset);
        } else {
            offset += 1;
        }
    }
    starts
}

/// `+surface(base)` pairs of a `WORDBASES` value; the base is absent in `+t` or `+-`.
fn morphemes(wordbases: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = wordbases;
    while let Some(after) = rest.strip_prefix('+') {
        // A hyphen chunk is `+-`: its surface is the hyphen, not the start of another `+`.
        let end = after
            .char_indices()
            .skip(1)
            .find(|(_, c)| *c == '(' || *c == '+')
            .map_or(after.len(), |(i, _)| i);
        let surface = &after[..end];
        rest = &after[end..];
        let mut base = None;
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')').unwrap_or(inner.len());
            base = Some(&inner[..close]);
            rest = inner.get(close + 1..).unwrap_or("");
        }
        out.push((surface, base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(base: &str, wordbases: &str, structure: &str) -> Analysis {
        Analysis {
            baseform: Some(base.into()),
            wordbases: Some(wordbases.into()),
            structure: Some(structure.into()),
        }
    }

    fn parts(base: &str, wordbases: &str, structure: &str) -> Vec<String> {
        Lemmas::of(&[a(base, wordbases, structure)]).parts
    }

    #[test]
    fn compounds_give_their_parts_in_base_form() {
        let m = "+mielen(mieli)+terve(terve)+ys(+ys)";
        assert_eq!(
            parts("mielenterveys", m, "=pppppp=ppppppppp"),
            ["mieli", "terveys"]
        );
        let h = "+hyvinvointi(hyvin=vointi)+kertomus(kertomus)";
        let s = "=ppppp=pppppp=ppppppppppp";
        assert_eq!(
            parts("hyvinvointikertomus", h, s),
            ["hyvinvointi", "kertomus"]
        );
        let l = "+lasten(lapsi)+suojel(suojella)+u(+u)";
        assert_eq!(
            parts("lastensuojelu", l, "=pppppp=pppppppp"),
            ["lapsi", "suojelu"]
        );
        let k = "+käsittel(käsitellä)+y(+y)+vaihe(vaihe)";
        assert_eq!(
            parts("käsittelyvaihe", k, "=ppppppppp=ppppppp"),
            ["käsittely", "vaihe"]
        );
        let p = "+pohjois(pohjoinen)+-+Savo(Savo)";
        assert_eq!(
            parts("Pohjois-Savo", p, "=ipppppp-=ipppp"),
            ["pohjoinen", "savo"]
        );
        let sote = "+sote(sote)+-+keskus(keskus)";
        assert_eq!(
            parts("sote-keskus", sote, "=qqqq-=ppppppppp"),
            ["sote", "keskus"]
        );
    }

    #[test]
    fn derived_and_plain_words_have_no_parts() {
        let l = Lemmas::of(&[a(
            "neuvottelu",
            "+neuvottel(neuvotella)+u(+u)",
            "=ppppppppppp",
        )]);
        assert_eq!(l.bases, ["neuvottelu"]);
        assert!(l.parts.is_empty());
        assert!(parts("hyväksytty", "+hyväksy(hyväksyä)+t+ty(+ty)", "=pppppppppp").is_empty());
        let lr = "+lappeenranta(Lappeen=ranta)+lai+nen(+nen)";
        assert!(parts("lappeenrantalainen", lr, "=ppppppp=pppppppppppp").is_empty());
    }

    #[test]
    fn the_reading_with_fewest_parts_wins_and_each_base_counts_once() {
        let l = Lemmas::of(&[
            a("voida", "+voida(voida)", "=pppppppp"),
            a("voimassa", "+voi(voi)+massa(massa)", "=ppp=ppppp"),
            a("voima", "+voima(voima)", "=pppppppp"),
            a("voima", "+voi(voida)+m+a(+a)", "=pppppppp"),
        ]);
        assert_eq!(l.bases, ["voida", "voima"]);
        assert!(l.parts.is_empty());
        let l = Lemmas::of(&[a("sosiaali-", "+sosiaali-", "=pppppppp-")]);
        assert!(l.is_empty());
        let l = Lemmas::of(&[a("Kuopio", "+Kuopio(Kuopio)", "=ipppppp")]);
        assert_eq!(l.bases, ["kuopio"]);
    }
}
