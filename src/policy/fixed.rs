//! `fixed:S/H/C/M[,hours=N][,refactor=P][,vp=cto|forum|ceo]`: one attention
//! split for the whole run, with the sensible structure `balanced` builds. An
//! instrument for players and scenario authors: does a fixed recipe beat
//! adapting to the stage?

use std::fmt;

use super::base::{within_limits, Policy};
use super::scripted::Sensible;
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Attention, Decision, Scenario, HOURS_RANGE};

/// How `balanced` works: the hours a fixed policy plays unless told otherwise.
pub const BALANCED_HOURS: u8 = 45;

/// A fixed policy's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub attention: Attention,
    pub hours: u8,
    /// `None`: what `balanced` would do (more as the debt bites).
    pub refactor: Option<u8>,
    /// Where every VP reports.
    pub vp: ReportingLine,
}

/// `hours=N`'s value, checked against what a CTO can work.
pub(super) fn hours(value: &str) -> Result<u8, String> {
    let (min, max) = HOURS_RANGE;
    value
        .trim()
        .parse()
        .ok()
        .filter(|h| (min..=max).contains(h))
        .ok_or_else(|| format!("hours={value}: give a whole number of hours from {min} to {max}"))
}

/// `refactor=P`'s value, a percentage.
pub(super) fn refactor(value: &str) -> Result<u8, String> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| format!("refactor={value}: give a percentage (0–100)"))
}

impl Fixed {
    /// Parse the part after `fixed:`; the error says what is wrong, for a person.
    pub fn parse(spec: &str) -> Result<Fixed, String> {
        let mut parts = spec.split(',');
        let split = parts.next().unwrap_or("");
        let shares: Vec<&str> = split.split('/').collect();
        if shares.len() != 4 {
            return Err(format!(
                "`{split}` is not an attention split: give four percentages, strategy/hiring/coding/management, e.g. 40/20/10/30"
            ));
        }
        let mut pct = [0u8; 4];
        for (slot, s) in pct.iter_mut().zip(&shares) {
            *slot = s
                .trim()
                .parse()
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| format!("`{s}` is not a percentage (0–100)"))?;
        }
        let attention = Attention::new(pct[0], pct[1], pct[2], pct[3]);
        if attention.total() != 100 {
            return Err(format!(
                "the split {split} adds up to {}%; it must add up to 100%",
                attention.total()
            ));
        }
        let mut fixed = Fixed {
            attention,
            hours: BALANCED_HOURS,
            refactor: None,
            vp: ReportingLine::Cto,
        };
        for option in parts {
            fixed.option(option)?;
        }
        Ok(fixed)
    }

    fn option(&mut self, option: &str) -> Result<(), String> {
        let (key, value) = option.split_once('=').ok_or_else(|| {
            format!("`{option}` is not an option: write hours=N, refactor=P or vp=cto|forum|ceo")
        })?;
        match key.trim() {
            "hours" => self.hours = hours(value)?,
            "refactor" => self.refactor = Some(refactor(value)?),
            "vp" => {
                self.vp = match value.trim() {
                    "cto" => ReportingLine::Cto,
                    "forum" => ReportingLine::Ceo { forum: true },
                    "ceo" => ReportingLine::Ceo { forum: false },
                    other => {
                        return Err(format!(
                            "vp={other}: the VP reports to cto, forum (the CEO, with a shared forum) or ceo"
                        ))
                    }
                };
            }
            other => {
                return Err(format!(
                    "unknown option `{other}`: the options are hours, refactor and vp"
                ))
            }
        }
        Ok(())
    }
}

/// Written back as it is parsed: `fixed:40/20/10/30,hours=48,vp=cto`.
impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.attention;
        write!(
            f,
            "fixed:{}/{}/{}/{}",
            a.strategy, a.hiring, a.coding, a.management
        )?;
        if self.hours != BALANCED_HOURS {
            write!(f, ",hours={}", self.hours)?;
        }
        if let Some(r) = self.refactor {
            write!(f, ",refactor={r}")?;
        }
        match self.vp {
            ReportingLine::Cto => Ok(()),
            ReportingLine::Ceo { forum: true } => write!(f, ",vp=forum"),
            ReportingLine::Ceo { forum: false } => write!(f, ",vp=ceo"),
        }
    }
}

impl Policy for Fixed {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let sensible = Sensible::of(s, scenario);
        within_limits(
            Decision {
                hours: self.hours,
                attention: self.attention,
                refactor_pct: self.refactor.unwrap_or(sensible.refactor),
                hiring: sensible.hiring,
                vp_lines: vec![self.vp; s.people.vps.len()],
                answers: Vec::new(),
            },
            scenario,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_reads_back_as_written() {
        for spec in [
            "40/20/10/30",
            "50/25/25/0,vp=forum",
            "60/10/0/30,hours=40,refactor=25",
            "25/25/25/25,vp=ceo",
        ] {
            let fixed = Fixed::parse(spec).unwrap();
            assert_eq!(fixed.to_string(), format!("fixed:{spec}"));
        }
    }

    #[test]
    fn a_malformed_spec_says_what_is_wrong() {
        for (spec, says) in [
            ("40/20/10", "four percentages"),
            ("40/20/10/20", "adds up to 90%"),
            ("40/20/x/40", "`x` is not a percentage"),
            ("40/20/10/30,hours=90", "from 35 to 80"),
            ("40/20/10/30,vp=board", "cto, forum"),
            ("40/20/10/30,speed=3", "unknown option `speed`"),
            ("40/20/10/30,hours", "is not an option"),
        ] {
            let err = Fixed::parse(spec).unwrap_err();
            assert!(err.contains(says), "{spec}: {err}");
        }
    }
}
