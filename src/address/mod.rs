//! The one owner of addresses: the only code that spells out where a page or file lives, in
//! each language. `content` gives the addresses of what authors write (pages, their assets),
//! `generated` those of the pages kertomus makes from the model (`mittarit/4/`, `sv/sok/`,
//! `<document>/suunnitelma/<focus area>/<goal>/`). The model keeps the addresses it is given
//! (a page's, a plan document's) but never spells one; the route table (`routes/`) lists
//! them for one build.

pub(crate) mod content;
mod generated;

pub(crate) use generated::{Addresses, Section, Slugs};
