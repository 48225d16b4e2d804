//! Dates and year ranges as authors write them in YAML, validated while parsing so that a bad
//! value is reported at its own line and column.

use crate::base::messages::Msg;
use crate::msg;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// A calendar date, optionally with a time (`2022-07-26T17:02:00+02:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub date: NaiveDate,
    pub time: Option<DateTime<FixedOffset>>,
}

impl Date {
    pub fn parse(s: &str) -> Result<Date, Msg> {
        let s = s.trim();
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Date { date, time: None });
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Date {
                date: t.date_naive(),
                time: Some(t),
            });
        }
        for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
                return Ok(Date {
                    date: t.date(),
                    time: Some(t.and_utc().fixed_offset()),
                });
            }
        }
        Err(msg!(
            "`{s}` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-04-14",
            s
        ))
    }

    /// RFC 3339 timestamp for feeds and sitemaps (midnight UTC for a plain date).
    pub fn rfc3339(&self) -> String {
        match self.time {
            Some(t) => t.to_rfc3339(),
            None => format!("{}T00:00:00+00:00", self.date.format("%Y-%m-%d")),
        }
    }

    /// ISO date (`2026-04-14`) for `<time datetime>` and sitemaps.
    pub fn iso(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }

    /// The date as a reader of `lang` writes it: 14.4.2026 (fi, sv), 14 April 2026 (en).
    pub fn human(&self, lang: &str) -> String {
        let d = self.date;
        match lang {
            "en" => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
            }
            _ => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(|m| de::Error::custom(crate::base::yaml::custom_message(&m)))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// Today's date in UTC: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention, so
/// that a build or check can be repeated as of a given day), else the system clock.
pub(crate) fn today_utc() -> Option<NaiveDate> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<u64>().ok()?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs(),
    };
    DateTime::from_timestamp(i64::try_from(secs).ok()?, 0).map(|t| t.date_naive())
}

/// The day `SOURCE_DATE_EPOCH` names, and nothing when it is not set: for what must not
/// depend on the day of the build (the date in a PDF's metadata).
pub(crate) fn source_date() -> Option<NaiveDate> {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse::<i64>()
        .ok()?;
    DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

/// This month (1–12, UTC), for an annual clock whose site asks to mark it. The only output
/// that depends on the day of the build, and only when `show_current_month` is set.
pub(crate) fn current_month() -> Option<u32> {
    use chrono::Datelike;
    today_utc().map(|d| d.month())
}

/// An inclusive range of years such as a council term `2025-2029`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct YearRange {
    pub start: i32,
    pub end: i32,
}

impl YearRange {
    pub(crate) fn parse(s: &str) -> Result<YearRange, Msg> {
        let bad = || {
            msg!(
                "`{s}` is not a range of years; write it as YYYY-YYYY, e.g. 2025-2029",
                s
            )
        };
        let (a, b) = s.split_once(['-', '–', '—']).ok_or_else(bad)?;
        let year = |t: &str| -> Result<i32, Msg> {
            let t = t.trim();
            if t.len() != 4 {
                return Err(bad());
            }
            t.parse::<i32>().map_err(|_| bad())
        };
        let (start, end) = (year(a)?, year(b)?);
        if !(1900..=2200).contains(&start) || !(1900..=2200).contains(&end) {
            return Err(msg!("`{s}`: years must be between 1900 and 2200", s));
        }
        if end < start {
            return Err(msg!(
                "`{s}` ends before it starts; write the earlier year first",
                s
            ));
        }
        Ok(YearRange { start, end })
    }

    pub(crate) fn contains(&self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }

    /// `2025–2029` with an en dash, as typeset in every language we publish.
    pub(crate) fn human(&self) -> String {
        format!("{}–{}", self.start, self.end)
    }
}

impl<'de> Deserialize<'de> for YearRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        YearRange::parse(&s).map_err(|m| de::Error::custom(crate::base::yaml::custom_message(&m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        let d = Date::parse("2026-04-14").unwrap();
        assert_eq!(d.human("fi"), "14.4.2026");
        assert_eq!(d.human("sv"), "14.4.2026");
        assert_eq!(d.human("en"), "14 April 2026");
    }

    #[test]
    fn timestamps_and_bad_dates() {
        let d = Date::parse("2022-07-26T17:02:00+02:00").unwrap();
        assert_eq!(d.iso(), "2022-07-26");
        assert_eq!(d.rfc3339(), "2022-07-26T17:02:00+02:00");
        assert!(Date::parse("2026-02-30").is_err());
        assert!(Date::parse("14.4.2026").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn year_ranges() {
        assert_eq!(YearRange::parse("2025-2029").unwrap().human(), "2025–2029");
        assert!(YearRange::parse("2025–2029").is_ok());
        assert!(YearRange::parse("2029-2025")
            .unwrap_err()
            .contains("ends before"));
        assert!(YearRange::parse("25-29").is_err());
    }
}
