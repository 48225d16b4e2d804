//! Plans pulled from other kertomus sites (spec §13.3, `kertomus pull plans`): the plan.json
//! files under `content/data/plans/`, read into the same model as the site's own plans (by
//! [`super::exchange::read`]), with their [`super::Origin`]. They were validated by the site
//! that wrote them; here only the format's version, the JSON and the document keys are checked.

use super::exchange::{self, read, PlanFile};
use super::Plan;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::Source;
use crate::base::text::Text;
use crate::msg;
use std::path::Path;

/// The folder under `content/` that pulled plan files live in.
pub(crate) const PULLED_DIR: &str = "data/plans";

/// The pulled plans, in file-name order, and the organisations their files name. `local`
/// holds the document keys of the site's own plan documents: a pulled plan may not take one.
pub(crate) fn load(
    content: &Path,
    local: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Plan>, Vec<exchange::OrganisationEntry>) {
    let dir = content.join(PULLED_DIR);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut plans: Vec<Plan> = Vec::new();
    let mut orgs = Vec::new();
    for name in names {
        let rel = Path::new(PULLED_DIR).join(&name);
        let source = match crate::base::locate::read(content, &rel) {
            Ok(Some(s)) => s,
            Ok(None) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let Some(file) = parse(&source, diags) else {
            continue;
        };
        orgs.extend(file.organisations.iter().cloned());
        let strings = read::Strings::new(&source.text);
        let pulled = file.pulled.clone().unwrap_or_else(|| exchange::Pulled {
            from: rel.display().to_string(),
            date: String::new(),
        });
        for entry in file.plans.into_iter().filter(|p| p.source.is_none()) {
            let name = entry.document.trim_end_matches('/');
            let taken = local.iter().any(|k| k.trim_end_matches('/') == name)
                || plans.iter().any(|p| p.document_name() == name);
            if taken {
                let offset = source.text.find(&entry.document).unwrap_or(0);
                diags.push(
                    source
                        .error(offset, msg!("the pulled plan `{doc}` has the key of another plan document of this site", doc = entry.document))
                        .with_hint(msg!("two plans cannot share a document folder name; rename one of the documents, or delete this file")),
                );
                continue;
            }
            plans.push(read::plan(entry, &source, &strings, &pulled));
        }
    }
    (plans, orgs)
}

/// The file as plan.json, refusing a format newer than this version reads.
fn parse(source: &Source, diags: &mut Vec<Diagnostic>) -> Option<PlanFile> {
    let file: PlanFile = match serde_json::from_str(&source.text) {
        Ok(f) => f,
        Err(e) => {
            diags.push(
                Diagnostic::at_line_col(
                    source.path.clone(),
                    &source.text,
                    e.line(),
                    e.column(),
                    msg!("not a plan.json file: {e}", e = e.to_string()),
                )
                .with_hint(msg!(
                    "pull it again with kertomus pull plans, or delete the file"
                )),
            );
            return None;
        }
    };
    if file.format > exchange::FORMAT {
        diags.push(
            source
                .error(source.text.find("\"format\"").unwrap_or(0), msg!("plan.json format {n} is newer than this version of kertomus reads (format {known})", n = file.format, known = exchange::FORMAT))
                .with_hint(msg!("update kertomus")),
        );
        return None;
    }
    Some(file)
}

/// The name of organisation `id` as a pulled file gives it, when the site's own
/// organisations.yaml does not know it.
pub(crate) fn organisation_name<'a>(
    pulled: &'a [exchange::OrganisationEntry],
    id: &str,
) -> Option<&'a Text> {
    pulled.iter().find(|o| o.id == id).map(|o| &o.name)
}
