//! `fixed:S/H/C/M[,hours=N][,refactor=P][,vp=cto|forum|ceo]`: one attention
//! split for the whole run, with the sensible structure `balanced` builds. An
//! instrument for players and scenario authors: does a fixed recipe beat
//! adapting to the stage?

use std::fmt;

use super::answer;
use super::base::{within_limits, Policy};
use super::scripted::Sensible;
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Attention, Decision, Scenario, Stage, HOURS_RANGE};

/// How `balanced` works: the hours a fixed policy plays unless told otherwise.
pub const BALANCED_HOURS: u8 = 45;

/// A fixed policy's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The split from the start (the first phase).
    pub attention: Attention,
    /// Up to two later phases, in order: each split from its switch on, for
    /// the rest of the run (a phased recipe: `…>50/10/0/40@8`).
    pub later: [Option<Phase>; 2],
    pub hours: u8,
    /// `None`: what `balanced` would do (more as the debt bites).
    pub refactor: Option<u8>,
    /// Where every VP reports.
    pub vp: ReportingLine,
    /// Answer events as `balanced` does, from their forecasts (else: leave
    /// them to their defaults).
    pub answers: bool,
}

/// A later phase of a fixed policy: its split, from the week its switch
/// first holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub from: Switch,
    pub attention: Attention,
}

/// When a phase starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    /// Once the company has this many engineers.
    Engineers(u32),
    /// Once the company reaches this stage.
    Stage(Stage),
}

impl Switch {
    fn holds(self, s: &State) -> bool {
        match self {
            Switch::Engineers(n) => s.people.engineers() >= n,
            Switch::Stage(stage) => s.company.stage >= stage,
        }
    }

    fn parse(text: &str) -> Result<Switch, String> {
        let t = text.trim();
        if let Ok(n) = t.parse::<u32>() {
            return Ok(Switch::Engineers(n));
        }
        Stage::ALL
            .into_iter()
            .find(|st| stage_id(*st) == t)
            .map(Switch::Stage)
            .ok_or_else(|| {
                format!("`@{t}`: a phase starts at a number of engineers (@8) or a stage (@series_a, @series_b, @series_c, @growth)")
            })
    }
}

fn stage_id(stage: Stage) -> &'static str {
    match stage {
        Stage::Seed => "seed",
        Stage::SeriesA => "series_a",
        Stage::SeriesB => "series_b",
        Stage::SeriesC => "series_c",
        Stage::Growth => "growth",
    }
}

impl fmt::Display for Switch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Switch::Engineers(n) => write!(f, "{n}"),
            Switch::Stage(st) => f.write_str(stage_id(*st)),
        }
    }
}

/// `S/H/C/M` as an attention split summing to 100.
fn split(split: &str) -> Result<Attention, String> {
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
    Ok(attention)
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
        let mut phases = parts.next().unwrap_or("").split('>');
        let attention = split(phases.next().unwrap_or(""))?;
        let mut later = [None; 2];
        for (i, phase) in phases.enumerate() {
            let slot = later
                .get_mut(i)
                .ok_or_else(|| "at most three phases: S/H/C/M>S/H/C/M@N>S/H/C/M@N".to_string())?;
            let (shares, from) = phase.split_once('@').ok_or_else(|| {
                format!("`{phase}`: a later phase says when it starts, e.g. 50/10/0/40@8 (from 8 engineers)")
            })?;
            *slot = Some(Phase {
                from: Switch::parse(from)?,
                attention: split(shares)?,
            });
        }
        let mut fixed = Fixed {
            attention,
            later,
            hours: BALANCED_HOURS,
            refactor: None,
            vp: ReportingLine::Cto,
            answers: false,
        };
        for option in parts {
            fixed.option(option)?;
        }
        Ok(fixed)
    }

    fn option(&mut self, option: &str) -> Result<(), String> {
        let (key, value) = option.split_once('=').ok_or_else(|| {
            format!("`{option}` is not an option: write hours=N, refactor=P, vp=cto|forum|ceo or answers=forecast")
        })?;
        match key.trim() {
            "hours" => self.hours = hours(value)?,
            "refactor" => self.refactor = Some(refactor(value)?),
            "answers" => {
                self.answers = match value.trim() {
                    "forecast" => true,
                    "default" => false,
                    other => {
                        return Err(format!(
                            "answers={other}: events are answered by forecast (as balanced does) or left to their default"
                        ))
                    }
                }
            }
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
                    "unknown option `{other}`: the options are hours, refactor, vp and answers"
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
        for phase in self.later.iter().flatten() {
            let a = phase.attention;
            write!(
                f,
                ">{}/{}/{}/{}@{}",
                a.strategy, a.hiring, a.coding, a.management, phase.from
            )?;
        }
        if self.hours != BALANCED_HOURS {
            write!(f, ",hours={}", self.hours)?;
        }
        if let Some(r) = self.refactor {
            write!(f, ",refactor={r}")?;
        }
        match self.vp {
            ReportingLine::Cto => {}
            ReportingLine::Ceo { forum: true } => write!(f, ",vp=forum")?,
            ReportingLine::Ceo { forum: false } => write!(f, ",vp=ceo")?,
        }
        if self.answers {
            write!(f, ",answers=forecast")?;
        }
        Ok(())
    }
}

impl Fixed {
    /// The split for the week after `s`: the last phase whose switch held at
    /// some week so far (a phase, once started, is kept).
    fn split_now(&mut self, s: &State) -> Attention {
        while let Some(next) = self.later.first().copied().flatten() {
            if !next.from.holds(s) {
                break;
            }
            self.attention = next.attention;
            self.later = [self.later[1], None];
        }
        self.attention
    }
}

impl Policy for Fixed {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let mut d = self.plan(s, scenario);
        if self.answers {
            let quiet = Fixed {
                answers: false,
                ..*self
            };
            // Each future week plans from a copy: a phase one future
            // reaches does not carry into the next.
            d.answers = answer::answer(s, scenario, &d, &mut |s, sc| {
                let mut q = quiet;
                q.plan(s, sc)
            });
        }
        d
    }
}

impl Fixed {
    /// The week's decision, events unanswered.
    fn plan(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let sensible = Sensible::of(s, scenario);
        let attention = self.split_now(s);
        within_limits(
            Decision {
                hours: self.hours,
                attention,
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
            "25/25/25/25,vp=forum,answers=forecast",
            "30/10/30/30>50/10/0/40@8>80/0/0/20@30,hours=50",
            "40/20/10/30>70/0/0/30@series_b",
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
            ("40/20/10/30>50/10/0/40", "says when it starts"),
            ("40/20/10/30>50/10/0/40@ipo", "a number of engineers"),
            (
                "40/20/10/30>50/10/0/40@8>50/10/0/40@9>50/10/0/40@10",
                "at most three",
            ),
        ] {
            let err = Fixed::parse(spec).unwrap_err();
            assert!(err.contains(says), "{spec}: {err}");
        }
    }
}
