//! The accessibility statement's age: `check` warns when it is missing or over a year old.

use crate::msg;
/// `kertomus check`: a statement must exist and be reviewed at least once a year.
pub(super) fn warnings(
    config: &crate::model::config::Config,
    today: Option<chrono::NaiveDate>,
) -> Vec<crate::base::diagnostics::Diagnostic> {
    use crate::base::diagnostics::Diagnostic;
    let rel = std::path::Path::new("content/site.yaml");
    let text = config.source.text.as_str();
    let Some(a) = &config.accessibility else {
        return vec![Diagnostic::file_error(rel, msg!("site.yaml has no `accessibility:`; the accessibility statement says the site has not been assessed"))
            .warning()
            .with_hint(msg!("public sites must publish an accessibility statement (306/2019): add accessibility: {{compliance: partial, known_issues: [...], prepared: YYYY-MM-DD, reviewed: YYYY-MM-DD}}"))];
    };
    let last = a.reviewed.or(a.prepared);
    match (last, today) {
        (None, _) => {
            let at = crate::base::locate::key(text, "accessibility");
            vec![crate::base::locate::error_at(
                rel,
                text,
                at,
                msg!("the accessibility statement has no `prepared:` or `reviewed:` date"),
            )
            .warning()
            .with_hint(msg!(
                "add reviewed: YYYY-MM-DD, the day the statement was last checked"
            ))]
        }
        (Some(date), Some(today)) if (today - date.date).num_days() > 365 => {
            let key = if a.reviewed.is_some() {
                "reviewed"
            } else {
                "prepared"
            };
            let at = crate::base::locate::key(text, key);
            vec![crate::base::locate::error_at(
                rel,
                text,
                at,
                msg!(
                    "the accessibility statement was last reviewed on {iso}, more than a year ago",
                    iso = date.iso()
                ),
            )
            .warning()
            .with_hint(msg!(
                "review the statement at least once a year and update reviewed:"
            ))]
        }
        _ => Vec::new(),
    }
}
