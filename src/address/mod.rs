//! The one owner of addresses: the only code that spells out where a page or file lives, in
//! each language. `content` gives the addresses of what authors write (pages, their assets),
//! `generated` those of the pages kertomus makes from the model (`mittarit/4/`, `sv/sok/`,
//! `<document>/suunnitelma/<focus area>/<goal>/`). The model keeps the addresses it is given
//! (a page's, a plan document's) but never spells one; the route table (`routes/`) lists
//! them for one build.

pub(crate) mod content;
mod generated;

pub(crate) use generated::{Addresses, Section, Slugs};

use crate::model::config::Config;

/// A site-relative address (`mittarit/4/`) as a link on the site's pages: with the site's base
/// path (`/hyte/mittarit/4/`). The one place the base path is put before an address.
pub(crate) fn href(config: &Config, address: &str) -> String {
    format!("{}{address}", config.base_path)
}

/// A site-relative address as an absolute URL, for the sitemap, feeds, open data, canonical
/// links and paper: with the site's `base_url`. The one place the base URL is put before an
/// address.
pub(crate) fn permalink(config: &Config, address: &str) -> String {
    format!("{}{address}", config.base_url)
}
