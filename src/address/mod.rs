//! The one owner of addresses: the only code that spells out where a page or file lives, in
//! each language. `content` gives the addresses of what authors write (pages, their assets),
//! `generated` those of the pages kertomus makes from the model (`mittarit/4/`, `sv/sok/`,
//! `<document>/suunnitelma/<focus area>/<goal>/`). The model keeps the addresses it is given
//! (a page's, a plan document's) but never spells one; the route table (`routes/`) lists
//! them for one build. Everything else holds an [`Address`], which only this module makes,
//! and asks it for its link ([`Address::href`]) or its absolute URL ([`Address::permalink`]).

pub(crate) mod content;
mod generated;

pub(crate) use generated::{Addresses, Section, Slugs};

use crate::model::config::Config;
use std::sync::Arc;

/// Where the site is published: what goes before every address.
#[derive(Debug)]
struct Root {
    /// `/hyte/`: before an address in a link on the site's pages.
    base_path: String,
    /// `https://kunta.fi/hyte/`: before an address in an absolute URL.
    base_url: String,
}

/// A site-relative address (`mittarit/4/`, `""` for the front page, folders end in `/`),
/// made only by this module. It knows where the site is published, so it turns itself into
/// a link or an absolute URL; compared, ordered and hashed by the address alone.
#[derive(Clone)]
pub(crate) struct Address {
    path: String,
    root: Arc<Root>,
}

impl Address {
    /// The site-relative address, for output file names and the route table's lookups.
    pub(crate) fn as_str(&self) -> &str {
        &self.path
    }

    /// As a link on the site's pages: with the site's base path (`/hyte/mittarit/4/`). The
    /// one place the base path is put before an address.
    pub(crate) fn href(&self) -> String {
        format!("{}{}", self.root.base_path, self.path)
    }

    /// As an absolute URL, for the sitemap, feeds, open data, canonical links and paper: with
    /// the site's `base_url`. The one place the base URL is put before an address.
    pub(crate) fn permalink(&self) -> String {
        format!("{}{}", self.root.base_url, self.path)
    }

    /// The same address with `#id` after it: a place on the page.
    pub(crate) fn at(&self, id: &str) -> Address {
        self.sibling(format!("{}#{id}", self.path))
    }

    /// Whether this address is `folder` or inside it.
    pub(crate) fn is_within(&self, folder: &Address) -> bool {
        self.path.starts_with(&folder.path)
    }

    /// Another address of the same site.
    fn sibling(&self, path: String) -> Address {
        Address {
            path,
            root: Arc::clone(&self.root),
        }
    }
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}", self.path)
    }
}

impl PartialEq for Address {
    fn eq(&self, other: &Address) -> bool {
        self.path == other.path
    }
}

impl Eq for Address {}

impl std::hash::Hash for Address {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.path.hash(state);
    }
}

impl PartialOrd for Address {
    fn partial_cmp(&self, other: &Address) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Address {
    fn cmp(&self, other: &Address) -> std::cmp::Ordering {
        self.path.cmp(&other.path)
    }
}

impl PartialEq<str> for Address {
    fn eq(&self, other: &str) -> bool {
        self.path == other
    }
}

impl PartialEq<&str> for Address {
    fn eq(&self, other: &&str) -> bool {
        self.path == *other
    }
}

/// The site's root address, from which [`Addresses`] makes every other.
fn root(config: &Config) -> Address {
    Address {
        path: String::new(),
        root: Arc::new(Root {
            base_path: config.base_path.clone(),
            base_url: config.base_url.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_a_link_with_the_base_path_and_a_url_with_the_base_url() {
        let config = Config::parse(
            "title: T\nbase_url: https://kunta.fi/hyte/\n",
            std::path::Path::new("content/site.yaml"),
            None,
        )
        .unwrap();
        let goal = root(&config).sibling("kertomus/suunnitelma/1/".to_string());
        assert_eq!(goal.href(), "/hyte/kertomus/suunnitelma/1/");
        assert_eq!(
            goal.permalink(),
            "https://kunta.fi/hyte/kertomus/suunnitelma/1/"
        );
        assert_eq!(goal.at("m-1").href(), "/hyte/kertomus/suunnitelma/1/#m-1");
        assert!(goal.is_within(&root(&config).sibling("kertomus/".to_string())));
        assert_eq!(goal.as_str(), "kertomus/suunnitelma/1/");
    }
}
