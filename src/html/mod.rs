//! The one layer that reads and rewrites HTML the build has already written, on `lol_html`
//! (a streaming HTML rewriter): nothing here searches HTML with string functions. It knows
//! nothing of the site; it takes bytes of HTML and gives bytes or text back.

pub(crate) mod align;
pub(crate) mod links;
pub(crate) mod print;
mod tables;
pub(crate) mod text;

pub(crate) use tables::label_cells;
