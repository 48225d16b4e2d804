//! The `indicator()` shortcode: its arguments checked, then the same chart as on the
//! indicator's page.

use crate::base::escape::Html;
use crate::base::messages::Msg;
use crate::markdown::shortcodes::{self, Call, Shortcode, Value};
use crate::msg;
use crate::render::charts;
use crate::render::view::View;

/// `{{ indicator(id="5527", regions=["KUNTA:297", "MAA:SSS"], from=2015, to=2024) }}`
pub(crate) struct IndicatorShortcode<'a> {
    pub data: &'a View<'a>,
}

/// What an `indicator()` call draws: the indicator, the regions and the years.
pub(crate) struct ChartArgs<'d> {
    pub indicator: &'d crate::model::indicators::Indicator,
    pub regions: Vec<crate::model::regions::RegionRef>,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Shortcode for IndicatorShortcode<'_> {
    fn render(&self, call: &Call, ctx: &shortcodes::Context<'_>) -> Result<Html, Msg> {
        let Some(a) = self.args(call)? else {
            return Ok(Html::default());
        };
        let chart_id = format!("kaavio-{}-{}", a.indicator.id, ctx.offset);
        Ok(self
            .data
            .line_chart(a.indicator, &a.regions, a.from, a.to, ctx.lang, &chart_id))
    }
}

impl<'a> IndicatorShortcode<'a> {
    /// The call's arguments checked; `None` when indicators.yaml failed (its error is
    /// reported) and the indicator may well be in it.
    pub(crate) fn args(&self, call: &Call) -> Result<Option<ChartArgs<'a>>, Msg> {
        for (k, _) in &call.args {
            if !["id", "regions", "from", "to"].contains(&k.as_str()) {
                return Err(msg!(
                    "unknown argument `{k}`; indicator() takes id, regions, from and to",
                    k
                ));
            }
        }
        let id = match call.arg("id") {
            Some(Value::Str(s)) => s.clone(),
            Some(Value::Num(n)) => format!("{n}"),
            _ => {
                return Err(msg!(
                    "needs id=\"...\", the indicator's id in content/data/indicators.yaml"
                ))
            }
        };
        let Some(ind) = self.data.model.indicators.get(&id) else {
            if self.data.model.indicators.failed {
                // indicators.yaml's own error is reported; this id may well be in it.
                return Ok(None);
            }
            let ids: Vec<&str> = self
                .data
                .model
                .indicators
                .list
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            return Err(match crate::base::yaml::closest(&id, &ids) {
                Some(b) => {
                    msg!(
                        "indicator `{id}` is not in indicators.yaml; did you mean `{b}`?",
                        id,
                        b
                    )
                }
                None => msg!("indicator `{id}` is not in indicators.yaml", id),
            });
        };
        let regions = self.regions(call)?;
        if regions.is_empty() {
            return Err(msg!(
                "no regions to show: give regions=[...] or set home_region in site.yaml"
            ));
        }
        let year = |k: &str| -> Result<Option<i32>, Msg> {
            match call.arg(k) {
                None => Ok(None),
                Some(Value::Num(n)) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => {
                    Ok(Some(*n as i32))
                }
                Some(_) => Err(msg!("{k} must be a year such as 2015", k)),
            }
        };
        let (from, to) = (year("from")?, year("to")?);
        Ok(Some(ChartArgs {
            indicator: ind,
            regions,
            from,
            to,
        }))
    }

    /// `regions=[…]`, or the site's regions; at most as many as the palette has colours.
    fn regions(&self, call: &Call) -> Result<Vec<crate::model::regions::RegionRef>, Msg> {
        Ok(match call.arg("regions") {
            None => self.data.model.site_regions(),
            Some(Value::List(items)) => {
                let mut out = Vec::new();
                for item in items {
                    let Value::Str(s) = item else {
                        return Err(msg!(
                            "regions must be a list of texts such as [\"KUNTA:297\", \"MAA:SSS\"]"
                        ));
                    };
                    out.push(self.data.model.register.resolve(s)?.id.clone());
                }
                if out.len() > charts::PALETTE.len() {
                    return Err(msg!(
                        "at most {palette_len} regions fit in one chart",
                        palette_len = charts::PALETTE.len()
                    ));
                }
                out
            }
            Some(_) => {
                return Err(msg!(
                    "regions must be a list such as [\"KUNTA:297\", \"MAA:SSS\"]"
                ))
            }
        })
    }
}
