//! The plan, survey and annual-clock shortcodes (spec §4): `goals(focus_area=...)`,
//! `survey(id=..., question=...)` and `vuosikello()`. Each renders a partial template of the
//! theme, the same markup the generated pages use.

use super::theme::Theme;
use super::view::View;
use crate::base::escape::Html;
use crate::base::messages::Msg;
use crate::markdown::shortcodes::{Call, Context, Registry, Shortcode, Value};
use crate::msg;
use serde::Serialize;

pub(crate) fn register<'a>(registry: &mut Registry<'a>, data: &'a View<'a>, theme: &'a Theme) {
    registry.register("goals", Box::new(Goals { data, theme }));
    registry.register("survey", Box::new(SurveyQuestion { data, theme }));
    registry.register("vuosikello", Box::new(Clock { data, theme }));
}

fn only(call: &Call, allowed: &[&str]) -> Result<(), Msg> {
    for (k, _) in &call.args {
        if !allowed.contains(&k.as_str()) {
            return Err(if allowed.is_empty() {
                msg!(
                    "unknown argument `{k}`; {name}() takes no arguments",
                    k,
                    name = call.name
                )
            } else {
                msg!(
                    "unknown argument `{k}`; {name}() takes {allowed}",
                    k,
                    name = call.name,
                    allowed = allowed.join(", ")
                )
            });
        }
    }
    Ok(())
}

fn text_arg(call: &Call, name: &str, example: &str) -> Result<String, Msg> {
    match call.arg(name) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(msg!("needs {name}=\"...\", e.g. {example}", name, example)),
    }
}

fn suggest(what: Msg, given: &str, known: &[&str]) -> Msg {
    match crate::base::yaml::closest(given, known) {
        Some(c) => {
            msg!("{what} `{given}` does not exist; did you mean `{c}`?", what: what, given, c)
        }
        None if known.is_empty() => msg!("{what} `{given}` does not exist", what: what, given),
        None => msg!(
            "{what} `{given}` does not exist; known: {known}",
            what: what,
            given,
            known = known.join(", ")
        ),
    }
}

fn render(
    theme: &Theme,
    template: &str,
    lang: &str,
    key: &str,
    view: &impl Serialize,
) -> Result<Html, Msg> {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert("t", &theme.strings[lang]);
    ctx.insert(key.to_string(), view);
    theme
        .tera
        .render(template, &ctx)
        .map(Html::trusted)
        .map_err(|e| msg!("template {template}: {e}", template, e))
}

struct Goals<'a> {
    data: &'a View<'a>,
    theme: &'a Theme,
}

impl Shortcode for Goals<'_> {
    fn render(&self, call: &Call, ctx: &Context<'_>) -> Result<Html, Msg> {
        only(call, &["focus_area"])?;
        let id = text_arg(
            call,
            "focus_area",
            "goals(focus_area=\"mielen-hyvinvointi\")",
        )?;
        let bare = ctx
            .page_path
            .strip_prefix(&crate::address::content::lang_prefix(
                self.data.model.config,
                ctx.lang,
            ))
            .unwrap_or(ctx.page_path);
        // The plan of the page's own document first, then any plan with that focus area.
        let mut plans: Vec<&crate::model::plan::Plan> = self.data.model.plans.iter().collect();
        plans.sort_by_key(|p| !bare.starts_with(&p.doc_path));
        let Some((plan, fa)) = plans
            .iter()
            .find_map(|p| p.focus_area(&id).map(|fa| (*p, fa)))
        else {
            if self.data.model.plans_failed {
                // The plan's own error is reported; this focus area may well be in it.
                return Ok(Html::default());
            }
            let known: Vec<&str> = self
                .data
                .model
                .plans
                .iter()
                .flat_map(|p| p.focus_areas.iter().map(|f| f.id.as_str()))
                .collect();
            return Err(suggest(msg!("focus area"), &id, &known));
        };
        let view = self.data.focus_area_view(plan, fa, ctx.lang, false);
        render(
            self.theme,
            "partials/goals.html",
            ctx.lang,
            "focus_area",
            &view,
        )
    }
}

struct SurveyQuestion<'a> {
    data: &'a View<'a>,
    theme: &'a Theme,
}

impl Shortcode for SurveyQuestion<'_> {
    fn render(&self, call: &Call, ctx: &Context<'_>) -> Result<Html, Msg> {
        only(call, &["id", "question"])?;
        let id = text_arg(
            call,
            "id",
            "survey(id=\"ennakkokysely-2025\", question=\"q3-1\")",
        )?;
        let question = text_arg(
            call,
            "question",
            "survey(id=\"ennakkokysely-2025\", question=\"q3-1\")",
        )?;
        let surveys = self.data.model.surveys;
        let Some(s) = surveys.iter().find(|s| s.id == id) else {
            let known: Vec<&str> = surveys.iter().map(|s| s.id.as_str()).collect();
            return Err(
                msg!("{problem} (surveys are content/data/surveys/<id>.yaml)", problem: suggest(msg!("survey"), &id, &known)),
            );
        };
        let Some(q) = s.question(&question) else {
            let known: Vec<&str> = s
                .sections
                .iter()
                .flat_map(|x| x.questions.iter().map(|q| q.id.as_str()))
                .collect();
            return Err(suggest(msg!("question"), &question, &known));
        };
        let mut view = self.data.question_view(s, q, ctx.lang);
        // Ids must stay unique when a page embeds a question its survey page also shows.
        view.id = format!("{}-{}", view.id, ctx.offset);
        #[derive(Serialize)]
        struct Embed<'v> {
            question: &'v super::surveys::QuestionView,
            survey_title: Html,
            survey_href: String,
        }
        let embed = Embed {
            question: &view,
            survey_title: super::html::tx(
                &s.title,
                ctx.lang,
                self.data.model.config.default_language(),
            ),
            survey_href: self.data.addresses.survey(s, ctx.lang).href(),
        };
        render(
            self.theme,
            "partials/question.html",
            ctx.lang,
            "embed",
            &embed,
        )
    }
}

struct Clock<'a> {
    data: &'a View<'a>,
    theme: &'a Theme,
}

impl Shortcode for Clock<'_> {
    fn render(&self, call: &Call, ctx: &Context<'_>) -> Result<Html, Msg> {
        only(call, &[])?;
        let view = self
            .data
            .clock_view(
                ctx.lang,
                &format!("vuosikello-{}", ctx.offset),
                crate::base::dates::current_month(),
            )
            .ok_or(msg!(
                "the site has no annual clock: write content/data/vuosikello.yaml"
            ))?;
        render(self.theme, "partials/clock.html", ctx.lang, "clock", &view)
    }
}
