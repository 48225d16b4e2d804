//! The kinds of finding `kertomus check` reports, as a type: each kind has its fixed English
//! name (a key of the JSON report), its section of the text report (errors first, then the
//! plans and the data, then the pages, translations last) and its counted summary in the
//! reader's language ("6 tavoitetta ilman tulosmittaria"). The summaries are a `match`, so a
//! kind cannot be added without one, and the catalogue's tests make sure each has its Finnish
//! and Swedish text; `tests::every_kind_counts_in_three_languages` pins them all.

use crate::base::diagnostics::Class;
use crate::base::messages::Msg;
use crate::msg;

/// Where a kind stands in the text report, in the order the sections are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// What stops the build.
    Errors,
    /// The plan quality report.
    Plans,
    /// Indicators, their data, surveys.
    Data,
    /// The pages and the site: unfinished parts, links, headings, the statement.
    Pages,
    /// Texts not yet in every language of the site: many, and the least urgent.
    Translations,
}

/// Declares [`Kind`] with its variants in report order, their JSON names and sections, and
/// [`Kind::ALL`], so that the list of kinds cannot miss one.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident = $name:literal in $section:ident,)*) => {
        /// A kind of finding of `kertomus check`, in the order the report lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            /// Every kind, in report order.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];

            /// The kind's fixed English name: a key of the JSON report, the same in every
            /// language.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => $name,)*
                }
            }

            /// The section of the text report the kind is printed in.
            pub fn section(self) -> Section {
                match self {
                    $(Kind::$kind => Section::$section,)*
                }
            }
        }
    };
}

kinds! {
    /// An error of the build.
    Error = "error" in Errors,
    /// A measure without a responsible party.
    NoResponsible = "measures without a responsible party" in Plans,
    /// A measure without a follow-up indicator.
    NoIndicator = "measures without an indicator" in Plans,
    /// A statutory measure in the plan.
    Statutory = "statutory measures" in Plans,
    /// A measure of the county's own (scope: own) in a county's plan.
    OwnInCountyPlan = "own-only measures in a county's plan" in Plans,
    /// A goal without measures.
    GoalWithoutMeasures = "goals without measures" in Plans,
    /// A goal without an outcome indicator.
    GoalWithoutOutcome = "goals without an outcome indicator" in Plans,
    /// A regional goal no municipal plan contributes to.
    RegionalGoalWithoutContributors = "regional goals nothing contributes to" in Plans,
    /// A municipal goal that serves no regional goal.
    MunicipalGoalServesNothing = "municipal goals that serve no regional goal" in Plans,
    /// A statutory measure listed as serving a regional goal.
    StatutoryContribution = "statutory measures that serve a regional goal" in Plans,
    /// An indicator without data for the site's home region.
    NoHomeData = "indicators without data for the home region" in Data,
    /// An indicator whose newest value is over three years old.
    OldData = "indicators with data older than three years" in Data,
    /// An indicator of a listed set neither shown nor left out with a reason.
    UncoveredListed = "listed indicators not covered" in Data,
    /// A survey figure that differs from the published one.
    SurveyMismatch = "survey figures that differ from the published ones" in Data,
    /// A `todo:` item of a page.
    Unfinished = "unfinished items" in Pages,
    /// An address on an example domain (example.fi, .example) in the site's settings.
    ExampleAddress = "example addresses" in Pages,
    /// A warning of the build itself.
    Build = "build warnings" in Pages,
    /// A remark on the accessibility statement.
    AccessibilityStatement = "accessibility statement" in Pages,
    /// A root-relative link that leads to nothing.
    LinksToMissing = "links to missing pages" in Pages,
    /// A link to another site that does not answer.
    BrokenExternal = "broken external links" in Pages,
    /// A link without text.
    EmptyLinkText = "links without text" in Pages,
    /// A heading level skipped.
    SkippedHeadings = "skipped heading levels" in Pages,
    /// A page without `title:`.
    Untitled = "pages without a title" in Pages,
    /// A page no menu, list or link leads to.
    Unreachable = "pages not reachable from the navigation" in Pages,
    /// A link in the generated output that leads nowhere (kertomus's own bug).
    BrokenGenerated = "broken links in the generated output" in Pages,
    /// A page or text not in every language of the site.
    MissingTranslations = "missing translations" in Translations,
}

impl Kind {
    /// `n` findings of this kind, counted in words: "1 measure without an indicator",
    /// "6 tavoitetta ilman tulosmittaria".
    pub fn counted(self, n: usize) -> Msg {
        match self {
            Kind::Error => msg!("{n} {n|error|errors}", n),
            Kind::NoResponsible => msg!("{n} {n|measure|measures} without a responsible party", n),
            Kind::NoIndicator => msg!("{n} {n|measure|measures} without an indicator", n),
            Kind::Statutory => msg!("{n} statutory {n|measure|measures}", n),
            Kind::OwnInCountyPlan => {
                msg!("{n} own-only {n|measure|measures} in a county's plan", n)
            }
            Kind::GoalWithoutMeasures => msg!("{n} {n|goal|goals} without measures", n),
            Kind::GoalWithoutOutcome => msg!("{n} {n|goal|goals} without an outcome indicator", n),
            Kind::RegionalGoalWithoutContributors => {
                msg!("{n} regional {n|goal|goals} nothing contributes to", n)
            }
            Kind::MunicipalGoalServesNothing => {
                msg!(
                    "{n} municipal {n|goal that serves|goals that serve} no regional goal",
                    n
                )
            }
            Kind::StatutoryContribution => {
                msg!(
                    "{n} statutory {n|measure that serves|measures that serve} a regional goal",
                    n
                )
            }
            Kind::NoHomeData => {
                msg!(
                    "{n} {n|indicator|indicators} without data for the home region",
                    n
                )
            }
            Kind::OldData => {
                msg!(
                    "{n} {n|indicator|indicators} with data older than three years",
                    n
                )
            }
            Kind::UncoveredListed => msg!("{n} listed {n|indicator|indicators} not covered", n),
            Kind::SurveyMismatch => msg!(
                "{n} survey {n|figure that differs|figures that differ} from the published ones",
                n
            ),
            Kind::Unfinished => msg!("{n} unfinished {n|item|items}", n),
            Kind::ExampleAddress => msg!("{n} example {n|address|addresses}", n),
            Kind::Build => msg!("{n} build {n|warning|warnings}", n),
            Kind::AccessibilityStatement => {
                msg!("{n} {n|remark|remarks} on the accessibility statement", n)
            }
            Kind::LinksToMissing => {
                msg!("{n} {n|link to a missing page|links to missing pages}", n)
            }
            Kind::BrokenExternal => msg!("{n} broken external {n|link|links}", n),
            Kind::EmptyLinkText => msg!("{n} {n|link|links} without text", n),
            Kind::SkippedHeadings => msg!("{n} skipped heading {n|level|levels}", n),
            Kind::Untitled => msg!("{n} {n|page|pages} without a title", n),
            Kind::Unreachable => {
                msg!("{n} {n|page|pages} not reachable from the navigation", n)
            }
            Kind::BrokenGenerated => {
                msg!("{n} broken {n|link|links} in the generated output", n)
            }
            Kind::MissingTranslations => msg!("{n} missing {n|translation|translations}", n),
        }
    }
}

/// The text report groups and orders findings by kind.
impl Class for Kind {
    fn counted(&self, n: usize) -> Msg {
        Kind::counted(*self, n)
    }
}

impl From<crate::model::plan::quality::Finding> for Kind {
    fn from(f: crate::model::plan::quality::Finding) -> Kind {
        use crate::model::plan::quality::Finding as F;
        match f {
            F::NoResponsible => Kind::NoResponsible,
            F::NoIndicator => Kind::NoIndicator,
            F::Statutory => Kind::Statutory,
            F::OwnInCountyPlan => Kind::OwnInCountyPlan,
            F::GoalWithoutMeasures => Kind::GoalWithoutMeasures,
            F::GoalWithoutOutcome => Kind::GoalWithoutOutcome,
            F::NoHomeData => Kind::NoHomeData,
            F::RegionalGoalWithoutContributors => Kind::RegionalGoalWithoutContributors,
            F::MunicipalGoalServesNothing => Kind::MunicipalGoalServesNothing,
            F::StatutoryContribution => Kind::StatutoryContribution,
        }
    }
}

#[cfg(test)]
mod tests;
