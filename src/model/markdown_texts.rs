//! The texts for readers written in Markdown (spec §2: a goal's and a measure's description,
//! a focus area's summary and its gaps' descriptions, a survey's and an indicator's description, the annual clock's, its
//! phases' and the cooperation bodies' descriptions), each with the file it is written in, so
//! that the build can check their links and report problems where they are written.

use crate::base::locate::Source;
use crate::base::text::{Spot, Text};
use crate::model::data::SiteData;
use crate::model::plan::Plan;

/// A Markdown text and where it is written.
pub(crate) struct MarkdownText<'a> {
    pub text: &'a Text,
    pub source: &'a Source,
    /// The text's place among the texts of `source`; its offset is searched for only when a
    /// problem is reported ([`Source::text_offset`]).
    pub spot: Option<&'a Spot>,
    /// Without a spot (a sheet's cell): the offset of its entry in `source`.
    pub entry: usize,
}

impl<'a> SiteData<'a> {
    /// Every Markdown text of the site's own data, file by file in the order they were read.
    pub(crate) fn markdown_texts(&self) -> Vec<MarkdownText<'a>> {
        let mut out = Vec::new();
        for ind in &self.indicators.list {
            let sources = self.indicators.source.iter();
            out.extend(placed(ind.description.as_ref(), sources, None));
        }
        for s in self.surveys.iter() {
            out.extend(placed(s.description.as_ref(), s.source.iter(), None));
        }
        let co = self.cooperation;
        let clock = co.clock.iter();
        let mut texts: Vec<&Text> = clock
            .clone()
            .filter_map(|c| c.description.as_ref())
            .collect();
        texts.extend(
            clock
                .flat_map(|c| &c.phases)
                .filter_map(|p| p.description.as_ref()),
        );
        texts.extend(co.bodies.iter().filter_map(|b| b.description.as_ref()));
        out.extend(
            texts
                .into_iter()
                .filter_map(|t| placed(Some(t), &co.sources, None)),
        );
        for plan in self.plans {
            plan_texts(plan, &mut out);
        }
        out
    }
}

/// A plan's summaries and descriptions; a measure read from a sheet is placed at its row.
fn plan_texts<'a>(plan: &'a Plan, out: &mut Vec<MarkdownText<'a>>) {
    let entry = |at: crate::base::locate::At| plan.sources.get(at.file).map(|s| (s, at.offset));
    for fa in &plan.focus_areas {
        out.extend(placed(fa.summary.as_ref(), &plan.sources, None));
        for gap in &fa.gaps {
            out.extend(placed(
                gap.description.as_ref(),
                &plan.sources,
                entry(gap.at),
            ));
        }
        for g in &fa.goals {
            out.extend(placed(g.description.as_ref(), &plan.sources, entry(g.at)));
            for m in &g.measures {
                out.extend(placed(m.description.as_ref(), &plan.sources, entry(m.at)));
            }
        }
    }
}

/// `text` with its place: the file whose texts hold it at its [`Spot`], else `entry`.
fn placed<'a>(
    text: Option<&'a Text>,
    sources: impl IntoIterator<Item = &'a Source>,
    entry: Option<(&'a Source, usize)>,
) -> Option<MarkdownText<'a>> {
    let text = text?;
    let found = text.at.as_ref().and_then(|spot| {
        sources
            .into_iter()
            .find(|s| {
                s.texts
                    .get(spot.index)
                    .is_some_and(|t| t.at == text.at && t == text)
            })
            .map(|s| (s, Some(spot), 0))
    });
    let (source, spot, entry) = found.or(entry.map(|(s, offset)| (s, None, offset)))?;
    Some(MarkdownText {
        text,
        source,
        spot,
        entry,
    })
}
