//! Resolving plan.yaml: unique ids across the plan, every reference found (gaps, organisations,
//! indicators), years inside the plan's period. Every problem becomes a diagnostic at the
//! value's line and column; resolving goes on so that one run reports them all.

use super::links::written;
use super::raw::{RawFocusArea, RawGap, RawGoal, RawGoalIndicator, RawMeasure, RawYearValue};
use super::{
    FocusArea, Gap, Goal, GoalIndicator, Known, Measure, MeasureIndicator, Progress, Scope,
};
use crate::base::dates::YearRange;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{At, Entries, Source};
use crate::base::messages::Msg;
use crate::model::indicators::Kind;
use crate::model::regions::RegionRef;
use crate::msg;
use std::collections::{BTreeMap, BTreeSet};

/// Addresses under `suunnitelma/` that kertomus takes itself.
pub(super) const RESERVED: [&str; 2] = ["yhdessa-ja-erikseen", "koko-alue"];

struct Ctx<'a> {
    sources: &'a [Source],
    entries: Vec<Entries<'a>>, // each source's entries by id, read once
    period: Option<YearRange>,
    known: &'a Known<'a>,
    gaps: BTreeSet<String>,
    diags: Vec<Diagnostic>,
    /// How many times each (file, id) has been located, to find the n-th duplicate.
    seen: BTreeMap<(usize, String), usize>,
    /// Every id of the plan where it is first used, to find duplicates.
    ids: BTreeMap<String, At>,
}

impl Ctx<'_> {
    fn at(&mut self, file: usize, id: &str) -> At {
        let n = self.seen.entry((file, id.to_string())).or_insert(0);
        let offset = self.entries[file].offset(id, *n);
        *n += 1;
        At { file, offset }
    }

    /// Locates the next use of `id` in `file` and checks that it is well formed and new.
    fn check_id(&mut self, file: usize, id: &str, what: Msg) -> At {
        let at = self.at(file, id);
        if !super::valid_id(id) {
            self.error(
                at,
                at.offset,
                msg!("{what} id `{id}` may contain only lower-case letters a–z, digits, - and _", what: what.clone(), id),
                Some(msg!("ids become web addresses; write e.g. mielen-hyvinvointi or mh-1-1")),
            );
        } else if let Some(first) = self.ids.get(id) {
            let place = self.sources[first.file].place(first.offset);
            let hint = msg!("it is first used in {place}; every focus area, gap, goal and measure needs its own id", place);
            self.error(
                at,
                at.offset,
                msg!("id `{id}` is used twice in the plan", id),
                Some(hint),
            );
        } else {
            self.ids.insert(id.to_string(), at);
        }
        at
    }

    /// The region a baseline or target names (under `key`), if it names one the register has.
    fn region(&mut self, at: At, key: &str, v: &RawYearValue) -> Option<RegionRef> {
        let written = v.region.as_deref()?;
        match self.known.register.resolve(written) {
            Ok(r) => Some(r.id.clone()),
            Err(message) => {
                let source = &self.sources[at.file];
                let from = source.key(key, at.offset);
                let offset = source.value(written, source.key("region", from));
                let (message, hint) = if written.trim().is_empty() {
                    crate::base::text::empty_reference(msg!(
                        "a region such as MAAKUNTA:11 or KUNTA:297"
                    ))
                } else {
                    (
                        msg!("{key} region: {message}", key, message: message),
                        msg!("leave region out when the value is the site's home region's"),
                    )
                };
                self.error(at, offset, message, Some(hint));
                None
            }
        }
    }

    /// A goal's `gap:` must name a gap of the plan.
    fn gap_reference(&mut self, at: At, gap: &str) {
        if self.gaps.contains(gap) {
            return;
        }
        let source = &self.sources[at.file];
        let offset = source.value(gap, source.key("gap", at.offset));
        let (message, hint) = if gap.trim().is_empty() {
            crate::base::text::empty_reference(msg!(
                "the id of a gap listed under a focus area's gaps"
            ))
        } else {
            let known: Vec<&str> = self.gaps.iter().map(String::as_str).collect();
            let hint = match crate::base::yaml::closest(gap, &known) {
                Some(c) => msg!("did you mean `{c}`?", c),
                None => msg!("list the gap under a focus area's gaps: first"),
            };
            (msg!("gap `{gap}` is not a gap of this plan", gap), hint)
        };
        self.error(at, offset, message, Some(hint));
    }

    fn error(&mut self, at: At, offset: usize, message: Msg, hint: Option<Msg>) {
        let d = self.sources[at.file].error(offset, message);
        self.diags.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    fn organisations(&mut self, at: At, key: &str, ids: &[String]) {
        for id in ids {
            if self.known.organisations.lacks(id) {
                let from = self.sources[at.file].key(key, at.offset); // only when reported
                let offset = self.sources[at.file].value(id, from);
                let (message, hint) = self.known.organisations.unknown(id);
                self.error(
                    at,
                    offset,
                    msg!("{key}: {message}", key, message: message),
                    Some(hint),
                );
            }
        }
    }

    fn indicator(&mut self, at: At, id: &str) {
        if self.known.indicators.lacks(id) {
            let from = self.sources[at.file].key("indicators", at.offset);
            let offset = self.sources[at.file].value(id, from);
            let ids: Vec<&str> = self
                .known
                .indicators
                .list
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            let hint = match crate::base::yaml::closest(id, &ids) {
                Some(c) => msg!("did you mean `{c}`?", c),
                None => msg!("add the indicator to content/data/indicators.yaml"),
            };
            let (message, hint) = if id.trim().is_empty() {
                crate::base::text::empty_reference(msg!(
                    "the id of an indicator in content/data/indicators.yaml"
                ))
            } else {
                (
                    msg!(
                        "indicator `{id}` is not in content/data/indicators.yaml",
                        id
                    ),
                    hint,
                )
            };
            self.error(at, offset, message, Some(hint));
        }
    }

    fn year(&mut self, at: At, key: &str, year: i32, what: Msg) {
        if let Some(p) = self.period {
            if !p.contains(year) {
                let from = self.sources[at.file].key(key, at.offset);
                let offset = self.sources[at.file].value(&year.to_string(), from);
                self.error(
                    at,
                    offset,
                    msg!("{what} {year} is outside the plan's period {human}", what: what.clone(), year, human = p.human()),
                    Some(msg!("use a year from {start} to {end}, or change the document's period", start = p.start, end = p.end)),
                );
            }
        }
    }

    fn kind_of(&self, id: &str, written: Option<Kind>) -> Kind {
        written
            .or_else(|| self.known.indicators.get(id).and_then(|i| i.kind))
            .unwrap_or(Kind::Outcome)
    }
}

pub(super) fn resolve(
    areas: Vec<(usize, RawFocusArea)>,
    sources: &[Source],
    period: Option<YearRange>,
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<FocusArea> {
    let mut cx = Ctx {
        sources,
        entries: sources.iter().map(|s| Entries::new(&s.text)).collect(),
        period,
        known,
        gaps: areas
            .iter()
            .flat_map(|(_, fa)| fa.gaps.iter().map(|g| g.id.clone()))
            .collect(),
        diags: Vec::new(),
        seen: BTreeMap::new(),
        ids: BTreeMap::new(),
    };
    let out = areas
        .into_iter()
        .map(|(file, fa)| focus_area(&mut cx, file, fa))
        .collect();
    diags.append(&mut cx.diags);
    out
}

fn focus_area(cx: &mut Ctx<'_>, file: usize, fa: RawFocusArea) -> FocusArea {
    let at = cx.check_id(file, &fa.id, msg!("focus area"));
    if RESERVED.contains(&fa.id.as_str()) {
        cx.error(
            at,
            at.offset,
            msg!(
                "focus area id `{id}` is taken by a page kertomus makes",
                id = fa.id
            ),
            Some(msg!("choose another id")),
        );
    }
    let gaps = fa.gaps.into_iter().map(|g| gap(cx, file, g)).collect();
    let goals = fa
        .goals
        .into_iter()
        .map(|g| {
            let at = cx.check_id(file, &g.id, msg!("goal"));
            goal(cx, file, at, g)
        })
        .collect();
    FocusArea {
        id: fa.id,
        title: fa.title,
        kind: fa.kind.unwrap_or_default(),
        summary: fa.summary,
        gaps,
        goals,
    }
}

fn gap(cx: &mut Ctx<'_>, file: usize, g: RawGap) -> Gap {
    let at = cx.check_id(file, &g.id, msg!("gap"));
    for i in &g.indicators {
        cx.indicator(at, i);
    }
    Gap {
        id: g.id,
        title: g.title,
        description: g.description,
        target_groups: g.target_groups,
        indicators: g.indicators,
        at,
    }
}

fn goal(cx: &mut Ctx<'_>, file: usize, at: At, g: RawGoal) -> Goal {
    if let Some(gap) = &g.gap {
        cx.gap_reference(at, gap);
    }
    if let Some(y) = g.target_year {
        cx.year(at, "target_year", y, msg!("target year"));
    }
    cx.organisations(at, "shared_with", &g.shared_with);
    let contributes_to = written(&cx.sources[at.file], at, &g.contributes_to, &mut cx.diags);
    let indicators = g
        .indicators
        .into_iter()
        .map(|i| goal_indicator(cx, at, i))
        .collect();
    let measures = g
        .measures
        .into_iter()
        .map(|m| {
            let mat = cx.check_id(m.sheet.unwrap_or(file), &m.id, msg!("measure"));
            measure(cx, mat, m)
        })
        .collect();
    Goal {
        id: g.id,
        title: g.title,
        description: g.description,
        gap: g.gap,
        target_year: g.target_year,
        shared_with: g.shared_with,
        contributes_to,
        indicators,
        measures,
        remote: None,
        at,
    }
}

/// A goal's indicator: its target inside the period and its baseline before the target.
fn goal_indicator(cx: &mut Ctx<'_>, at: At, i: RawGoalIndicator) -> GoalIndicator {
    cx.indicator(at, &i.id);
    if let Some(t) = &i.target {
        cx.year(at, "target", t.year, msg!("target year"));
    }
    let baseline_region = i
        .baseline
        .as_ref()
        .and_then(|b| cx.region(at, "baseline", b));
    let target_region = i.target.as_ref().and_then(|t| cx.region(at, "target", t));
    if let (Some(t), Some(b)) = (&i.target, &i.baseline) {
        if b.year > t.year {
            let source = &cx.sources[at.file];
            let offset = source.value(&b.year.to_string(), source.key("baseline", at.offset));
            cx.error(
                at,
                offset,
                msg!(
                    "baseline year {year} is after the target year {year2}",
                    year = b.year,
                    year2 = t.year
                ),
                Some(msg!(
                    "the baseline is where the goal starts from; give an earlier year"
                )),
            );
        }
    }
    GoalIndicator {
        kind: cx.kind_of(&i.id, i.kind),
        id: i.id,
        baseline: i.baseline.as_ref().map(RawYearValue::point),
        target: i.target.as_ref().map(RawYearValue::point),
        baseline_region,
        target_region,
    }
}

fn measure(cx: &mut Ctx<'_>, at: At, m: RawMeasure) -> Measure {
    cx.organisations(at, "responsible", &m.responsible);
    cx.organisations(at, "partners", &m.partners);
    for i in &m.indicators {
        cx.indicator(at, &i.id);
    }
    for year in m.progress.keys() {
        cx.year(at, "progress", *year, msg!("progress year"));
    }
    let contributes_to = written(&cx.sources[at.file], at, &m.contributes_to, &mut cx.diags);
    let scope = m.scope.unwrap_or(if m.partners.is_empty() {
        Scope::Own
    } else {
        Scope::Joint
    });
    Measure {
        id: m.id,
        title: m.title,
        description: m.description,
        responsible: m.responsible,
        partners: m.partners,
        scope,
        statutory: m.statutory,
        work_type: m.work_type,
        maturity: m.maturity,
        schedule: m.schedule,
        indicators: m
            .indicators
            .into_iter()
            .map(|i| MeasureIndicator {
                kind: cx.kind_of(&i.id, i.kind),
                id: i.id,
            })
            .collect(),
        progress: m
            .progress
            .into_iter()
            .map(|(y, p)| {
                (
                    y,
                    Progress {
                        status: p.status,
                        note: p.note,
                    },
                )
            })
            .collect(),
        contributes_to,
        remote: None,
        at,
    }
}
