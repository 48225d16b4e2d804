//! What an entry of the route table is: a content page, a file, or a page generated from the
//! model, by kind. Every `match` over these is exhaustive, so a new kind of page is a compile
//! error wherever it must be handled (rendering, the frame, partial rebuilds, reserved
//! addresses).

use crate::base::nth::Nth;
use crate::model::content::PageId;
use crate::model::indicator_lists::IndicatorList;
use crate::model::indicators::Indicator;
use crate::model::organisations::Organisation;
use crate::model::plan::{FocusArea, Goal, Plan};
use crate::model::regions::Region;
use crate::model::surveys::Survey;

/// What an entry is. Content pages by their `PageId`, generated pages by their typed place
/// in the model's lists (`Nth<Plan>`, `Nth<Goal>`, …); the language
/// is the entry's, so a route names the same page in every language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Route {
    /// A content page.
    Page(PageId),
    /// The printable page of the document at this page.
    Print(PageId),
    /// The PDF of the document at this page.
    Pdf(PageId),
    /// The front page of a language without `index.<lang>.md`.
    FallbackFront,
    /// `404.html`.
    NotFound,
    /// A redirect stub: the `nth` alias of a page.
    Alias {
        /// The page it leads to.
        page: PageId,
        /// Which of the page's aliases.
        nth: usize,
    },
    /// The data an indicator's page shows, as CSV.
    IndicatorCsv(Nth<Indicator>),
    /// A page the theme renders from the model: plans, indicators, registers and the like.
    Generated(Generated),
    /// The Atom feed of a language.
    Feed,
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// An open data file under `data/`.
    OpenData(&'static str),
    /// The search index folder.
    Pagefind,
    /// A theme static file (stylesheets, scripts).
    Static,
}

/// A page rendered from the model rather than from an author's page, by its kind. Each group is
/// rendered by one function that matches all of its kinds, so a new kind is a compile error
/// until it has a template.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Generated {
    /// A page of one of the site's plans.
    Plan {
        /// Which plan.
        plan: Nth<Plan>,
        /// Which of its pages.
        page: PlanPage,
    },
    /// The indicator and municipality-card pages.
    Indicators(IndicatorPage),
    /// The organisation and survey pages.
    Register(RegisterPage),
    /// The pages there is one of per language.
    Single(SinglePage),
}

/// A page of one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum PlanPage {
    /// The plan's overview.
    Overview,
    /// Its "together and separately" page.
    Together,
    /// The region-wide view of a regional plan (one others contribute to).
    Region,
    /// A focus area of the plan.
    FocusArea {
        /// Which focus area.
        focus: Nth<FocusArea>,
    },
    /// A goal of one of the plan's focus areas.
    Goal {
        /// The focus area.
        focus: Nth<FocusArea>,
        /// The goal in that focus area.
        goal: Nth<Goal>,
    },
}

/// An indicator or municipality-card page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum IndicatorPage {
    /// `/mittarit/`.
    Index,
    /// An indicator's page (indicators.yaml's order).
    Indicator(Nth<Indicator>),
    /// A reference indicator list's appendix page (site.yaml's order).
    List(Nth<IndicatorList>),
    /// `/kuntakortit/`.
    CardIndex,
    /// A municipality's card (the card members' order).
    Card(Nth<Region>),
}

/// An organisation or survey page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum RegisterPage {
    /// `/organisaatiot/`.
    OrgIndex,
    /// An organisation (among those with a page).
    Org(Nth<Organisation>),
    /// `/kyselyt/`.
    SurveyIndex,
    /// A survey.
    Survey(Nth<Survey>),
}

/// A page there is one of per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum SinglePage {
    /// The annual clock.
    Clock,
    /// The cooperation structure.
    Cooperation,
    /// The accessibility statement.
    Statement,
    /// The search page.
    Search,
}

impl Route {
    /// A plan's page.
    pub(crate) fn plan(plan: Nth<Plan>, page: PlanPage) -> Route {
        Route::Generated(Generated::Plan { plan, page })
    }

    /// An indicator or card page.
    pub(crate) fn indicators(page: IndicatorPage) -> Route {
        Route::Generated(Generated::Indicators(page))
    }

    /// An organisation or survey page.
    pub(crate) fn register(page: RegisterPage) -> Route {
        Route::Generated(Generated::Register(page))
    }

    /// A page there is one of per language.
    pub(crate) fn single(page: SinglePage) -> Route {
        Route::Generated(Generated::Single(page))
    }
}
