//! Finnish morphology for search: what a Finnish reader types finds the pages whatever the
//! word's form. Pagefind's Snowball stemmer alone does not bring `nuorten` to `nuoret`, nor
//! `kertomus` to `hyvinvointikertomus`. So at build time every distinct Finnish word is
//! analysed once with libvoikko ([`voikko`], loaded at run time), and the index gets each
//! word's base forms and compound parts beside it, weighted below the word as written
//! ([`tokens`]); the search page gets the site's own word forms with their base forms, in
//! small files by prefix ([`forms`]), so a reader's `nuorten` is searched as `nuori`. Where
//! libvoikko or its Finnish dictionary is missing, the index is built without them and the
//! build warns once ([`Finnish::warning`]).

mod forms;
mod lemmas;
mod lexicon;
mod tokens;
mod voikko;

pub(crate) use forms::QueryFiles;

use crate::base::diagnostics::Diagnostic;
use crate::msg;
use lexicon::Lexicon;
use voikko::Missing;

/// How the Finnish pages of a build were analysed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Finnish {
    /// The site has no Finnish pages to index.
    #[default]
    NotNeeded,
    /// Analysed with libvoikko: this many distinct words were known to it.
    Analysed(usize),
    /// libvoikko could not be loaded.
    NoLibrary,
    /// libvoikko has no Finnish dictionary.
    NoDictionary,
}

impl Finnish {
    /// The one warning of a build whose Finnish pages could not be analysed.
    pub(crate) fn warning(self) -> Option<Diagnostic> {
        let message = match self {
            Finnish::NotNeeded | Finnish::Analysed(_) => return None,
            Finnish::NoLibrary => msg!("libvoikko (Finnish morphology) could not be loaded, so search finds Finnish words only as written: not by their base forms (nuorten → nuori) or compound parts (kertomus in hyvinvointikertomus)"),
            Finnish::NoDictionary => msg!("libvoikko has no Finnish dictionary, so search finds Finnish words only as written: not by their base forms (nuorten → nuori) or compound parts (kertomus in hyvinvointikertomus)"),
        };
        let hint =
            msg!("install the packages libvoikko1 and voikko-fi (Debian, Ubuntu) and build again");
        Some(
            Diagnostic::file_error(voikko::LIBRARY, message)
                .warning()
                .with_hint(hint),
        )
    }
}

/// The Finnish analysis of one build.
pub(crate) struct Analysis {
    lexicon: Option<Lexicon>,
    /// What happened, for the build's summary and warning.
    pub finnish: Finnish,
}

/// Analyses the words of the Finnish `texts` (none: nothing is loaded).
pub(crate) fn analyse(texts: &[&str]) -> Analysis {
    if texts.is_empty() {
        return Analysis {
            lexicon: None,
            finnish: Finnish::NotNeeded,
        };
    }
    match Lexicon::build(texts) {
        Ok(lexicon) => Analysis {
            finnish: Finnish::Analysed(lexicon.len()),
            lexicon: Some(lexicon),
        },
        Err(missing) => Analysis {
            lexicon: None,
            finnish: match missing {
                Missing::Library(_) => Finnish::NoLibrary,
                Missing::Dictionary(_) => Finnish::NoDictionary,
            },
        },
    }
}

impl Analysis {
    /// The text Pagefind indexes for a record's `text`: with base forms and compound parts
    /// when `finnish` and analysed; an author's word that looks like a hidden word or a
    /// Pagefind marker is neutralised in every language.
    pub(crate) fn digest(&self, text: &str, finnish: bool) -> String {
        match self.lexicon.as_ref().filter(|_| finnish) {
            Some(lexicon) => tokens::digest(text, |w| lexicon.hidden(w)),
            None => tokens::digest(text, |_| None),
        }
    }

    /// The query files of the Finnish word forms, when analysed.
    pub(crate) fn query_files(&self) -> Option<QueryFiles> {
        let forms = self.lexicon.as_ref()?.forms();
        Some(forms::query_files(&forms))
    }
}
