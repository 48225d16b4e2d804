//! Link and image destinations: script URLs refused, relative paths resolved to the page or
//! file they name (or an error saying what was meant), `#anchors` checked.

use super::renderer::Renderer;
use super::{AnchorRef, Target};
use crate::base::url;
use crate::model::config::RawHtml;
use crate::msg;
use pulldown_cmark::CowStr;
use std::path::PathBuf;

impl<'a> Renderer<'_, '_, 'a> {
    /// Rewrites a link or image destination; relative paths must lead to something that exists.
    pub(super) fn rewrite(&mut self, dest: &CowStr<'a>, at: usize, image: bool) -> CowStr<'a> {
        let trimmed = dest.trim();
        if let Some(anchor) = trimmed.strip_prefix('#') {
            // A field is shown on several pages: which has the anchor is not known here.
            if !self.field {
                self.self_anchors.push((anchor.to_string(), at));
            }
            return dest.clone();
        }
        if let Some(s) = url::scheme(trimmed) {
            if url::is_script_scheme(s) && self.env.raw_html != RawHtml::Allow {
                let refused = url::script_refused(s);
                self.error(at, refused.message.clone(), refused.hint.clone());
                return CowStr::from("#");
            }
            return dest.clone();
        }
        if trimmed.is_empty() || trimmed.starts_with('/') {
            return dest.clone();
        }
        let (path, fragment) = match trimmed.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (trimmed, None),
        };
        let path = path.split('?').next().unwrap_or_default();
        match self.relative(path, fragment, at, image) {
            Some(href) => CowStr::from(match fragment {
                Some(f) => format!("{href}#{f}"),
                None => href,
            }),
            None => dest.clone(),
        }
    }

    /// The URL of a content path relative to this page, or `None` (with an error when it
    /// leads nowhere) to keep the destination as written.
    fn relative(
        &mut self,
        path: &str,
        fragment: Option<&str>,
        at: usize,
        image: bool,
    ) -> Option<String> {
        let what = if image {
            msg!("image")
        } else {
            msg!("link target")
        };
        let Some(target) = crate::model::content::resolve_relative(self.input.dir, path) else {
            self.error(
                at,
                msg!("{what} `{path}` points outside content/", what: what.clone(), path),
                msg!("a site may only link to files inside its content/ folder"),
            );
            return None;
        };
        match self.env.resolver.resolve(&target, self.input.lang) {
            Target::Page { id, href, lang } => {
                self.link_lang = lang;
                if image {
                    let message = msg!("image `{path}` is a page, not an image file", path);
                    self.error(at, message, msg!(""));
                }
                if let Some(anchor) = fragment {
                    self.anchor_on_page(id, anchor, path, at);
                }
                Some(href)
            }
            Target::Unchecked => None,
            Target::File { href } => Some(href),
            Target::Draft => {
                let shown = PathBuf::from("content").join(&target);
                let message = msg!("{what} `{path}` leads to a draft, which this build leaves out", what: what.clone(), path);
                let hint = msg!(
                    "publish {shown} (remove draft: true), or build with --drafts to preview it",
                    shown = shown.display()
                );
                self.error(at, message, hint);
                None
            }
            Target::Missing { suggestion } => {
                let shown = PathBuf::from("content").join(&target);
                let hint = match suggestion {
                    Some(s) => msg!("did you mean `{s}`?", s),
                    None if self.field => msg!(
                        "check the file name; paths in YAML are relative to the content/ folder"
                    ),
                    None => msg!("check the file name; paths are relative to this page's folder"),
                };
                let message = msg!("{what} `{path}` does not exist ({shown} not found)", what: what.clone(), path, shown = shown.display());
                self.error(at, message, hint);
                None
            }
        }
    }

    /// Remembers a `page#anchor` link, checked once every page is rendered.
    fn anchor_on_page(
        &mut self,
        page: crate::model::content::PageId,
        anchor: &str,
        path: &str,
        at: usize,
    ) {
        let message = msg!("`{path}` has no heading with id `#{anchor}`", path, anchor);
        let missing = self.located(at, message);
        self.out.anchor_refs.push(AnchorRef {
            page,
            anchor: anchor.to_string(),
            missing,
        });
    }

    /// Every `#anchor` link within the page must name an id the page defines.
    pub(super) fn check_self_anchors(&mut self) {
        for (anchor, at) in std::mem::take(&mut self.self_anchors) {
            if anchor.is_empty() || self.out.ids.contains(&anchor) {
                continue;
            }
            let ids: Vec<&str> = self.out.ids.iter().map(String::as_str).collect();
            let hint = match crate::base::yaml::closest(&anchor, &ids) {
                Some(best) => msg!("did you mean `#{best}`?", best),
                None => msg!("headings get ids from their text; `## Otsikko {{#oma-id}}` sets one"),
            };
            let message = msg!("this page has no heading with id `#{anchor}`", anchor);
            self.error(at, message, hint);
        }
    }
}
