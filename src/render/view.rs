//! What every view reads: the site's data, the theme's strings and the address formulas.
//! Only presentation lives here (words, links, chart labels); domain questions go to
//! [`SiteData`], addresses to [`Addresses`].

use super::theme::Strings;
use crate::model::data::SiteData;
use crate::render::charts;
use crate::routes::Addresses;
use std::collections::BTreeMap;

/// The view layer's handle on the site: data, strings and addresses.
pub(crate) struct View<'a> {
    /// The site's data.
    pub model: &'a SiteData<'a>,
    /// Interface strings by language.
    pub strings: &'a BTreeMap<String, Strings>,
    /// How addresses are formed.
    pub addresses: &'a Addresses,
    /// The Markdown of YAML fields, rendered by the page's event loop.
    pub fields: &'a crate::markdown::Fields<'a>,
}

impl<'a> View<'a> {
    pub(crate) fn new(
        model: &'a SiteData<'a>,
        strings: &'a BTreeMap<String, Strings>,
        addresses: &'a Addresses,
        fields: &'a crate::markdown::Fields<'a>,
    ) -> Self {
        View {
            model,
            strings,
            addresses,
            fields,
        }
    }

    /// The theme's strings of `lang`.
    pub(crate) fn t(&self, lang: &str) -> &Strings {
        &self.strings[lang]
    }

    /// An interface word of the theme (the key itself when the theme lacks it).
    pub(crate) fn word(&self, lang: &str, key: &str) -> String {
        super::theme::word(self.t(lang), key)
    }

    /// A Markdown text of the data (a description, a summary) as a block of HTML for a reader
    /// in `lang`: its links resolved as a page's are ([`crate::markdown::Fields`]).
    pub(crate) fn md(&self, t: &crate::base::text::Text, lang: &str) -> crate::base::escape::Html {
        super::html::md(self.fields, t, lang, self.model.config.default_language())
    }
}

/// Chart words from the theme's strings.
pub(crate) fn chart_labels(t: &Strings) -> charts::Labels {
    let get = |k: &str| super::theme::word(t, k);
    charts::Labels {
        year: get("chart_year"),
        missing: get("chart_missing"),
        show_table: get("chart_show_table"),
        source: get("chart_source"),
        producer: get("chart_producer"),
        licence: get("chart_licence"),
        data_year: get("chart_data_year"),
        baseline: get("chart_baseline"),
        target: get("chart_target"),
        region: get("chart_region"),
        no_data: get("chart_no_data"),
    }
}
