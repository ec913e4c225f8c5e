//! `balanced`, the reference CTO: par for attention, a sensible structure
//! (a VP searched for once the team it is hiring reaches the VP's span), the
//! hours that do not tire, refactoring as the debt bites, every VP reporting
//! to the CTO (a VP the CEO holds is won back in steps), and each event
//! answered by the forecast of its choices (`answer.rs`). It decides once, in [`decide`],
//! and keeps the figures it decided from; the coach's words
//! ([`advise`], in `advice.rs`) are read from those figures, so what the coach
//! says cannot drift from what the bot does.

use super::base::{within_limits, Policy};
use super::scripted::{Sensible, SensibleWhy};
use super::{answer, crunch, fixed};
use crate::engine::par::{par, ParWhy};
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Decision, Scenario};

/// Adoption from which the CEO agrees to hand a VP back to the CTO's line.
pub const TAKE_BACK_AT: f64 = 0.7;

/// The reference bot, and the variants an author may measure it against
/// (`balanced,hours=N,refactor=P,answers=default`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Balanced {
    /// Answer events by playing each choice forward (else: their defaults).
    pub answer: bool,
    /// Hours held all run instead of balanced's own.
    pub hours: Option<u8>,
    /// Refactoring share held all run instead of balanced's own.
    pub refactor: Option<u8>,
}

impl Balanced {
    pub(super) const REFERENCE: Balanced = Balanced {
        answer: true,
        hours: None,
        refactor: None,
    };

    /// Parse the options after `balanced,`: `hours=N`, `refactor=P`,
    /// `answers=default`.
    pub(super) fn parse(spec: &str) -> Result<Balanced, String> {
        let mut b = Balanced::REFERENCE;
        for option in spec.split(',') {
            let (key, value) = option.split_once('=').ok_or_else(|| {
                format!("`{option}` is not an option: write hours=N, refactor=P or answers=default")
            })?;
            match (key.trim(), value.trim()) {
                ("hours", v) => b.hours = Some(fixed::hours(v)?),
                ("refactor", v) => b.refactor = Some(fixed::refactor(v)?),
                ("answers", "default") => b.answer = false,
                ("answers", "forecast") => b.answer = true,
                ("answers", other) => {
                    return Err(format!(
                        "answers={other}: events are answered by forecast (balanced's way) or left to their default"
                    ))
                }
                (other, _) => {
                    return Err(format!(
                        "unknown option `{other}`: the options are hours, refactor and answers"
                    ))
                }
            }
        }
        Ok(b)
    }

    /// The week's decision, events unanswered, and what it was read from.
    fn plan(&self, s: &State, scenario: &Scenario) -> (Decision, Why) {
        let (mut d, why) = plan(s, scenario);
        if let Some(h) = self.hours {
            d.hours = h;
        }
        if let Some(r) = self.refactor {
            d.refactor_pct = r;
        }
        (within_limits(d, scenario), why)
    }

    /// The week's decision with its answers, and what it was read from.
    pub(super) fn decide(&self, s: &State, scenario: &Scenario) -> (Decision, Why) {
        let (mut d, mut why) = self.plan(s, scenario);
        if self.answer {
            let quiet = Balanced {
                answer: false,
                ..*self
            };
            why.events = answer::read(s, scenario, &d, &mut |s, sc| quiet.plan(s, sc).0);
            d.answers = answer::answers(&why.events);
        }
        (d, why)
    }
}

impl Policy for Balanced {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        Balanced::decide(self, s, scenario).0
    }
}

/// What `balanced` decided from, besides the state: the coach's words read
/// these and nothing else the decision did not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Why {
    /// The decision before the scenario's limits (hours, refactoring, VPs).
    pub intent: Decision,
    /// Engineers now.
    pub engineers: u32,
    /// The company has VPs (the managers who report to the CTO are VPs).
    pub vps: bool,
    /// What decided the targets and the refactoring.
    pub sensible: SensibleWhy,
    /// What decided the attention (par, at the decision's hours and target).
    pub par: ParWhy,
    /// What decided each VP's line, by VP.
    pub lines: Vec<LineStep>,
    /// How each pending event's choices forecast, by pending event.
    pub events: Vec<answer::Reading>,
}

/// Where a balanced CTO takes a VP's reporting line this week.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineStep {
    /// The VP reports to the CTO: keep it.
    Keep,
    /// The CEO holds the VP without a forum: ask for one first.
    AskForum,
    /// The CEO holds the VP with a forum and the organisation follows the
    /// CTO well enough (`adoption` at least [`TAKE_BACK_AT`]): take the VP back.
    TakeBack { adoption: f64 },
    /// With a forum, adoption still under [`TAKE_BACK_AT`]: keep the forum.
    KeepForum { adoption: f64 },
}

impl LineStep {
    /// The step for a VP on `line` when adoption is `adoption`.
    fn of(line: ReportingLine, adoption: f64) -> LineStep {
        match line {
            ReportingLine::Cto => LineStep::Keep,
            ReportingLine::Ceo { forum: false } => LineStep::AskForum,
            ReportingLine::Ceo { forum: true } if adoption >= TAKE_BACK_AT => {
                LineStep::TakeBack { adoption }
            }
            ReportingLine::Ceo { forum: true } => LineStep::KeepForum { adoption },
        }
    }

    /// The line asked for.
    pub fn line(self) -> ReportingLine {
        match self {
            LineStep::Keep | LineStep::TakeBack { .. } => ReportingLine::Cto,
            LineStep::AskForum | LineStep::KeepForum { .. } => ReportingLine::Ceo { forum: true },
        }
    }
}

/// The hours `balanced` works: as many as do not tire, the normal hours and
/// the free overtime. Past them each extra hour adds as much fatigue, which
/// costs `overtime_cost` of every later week's hours as it decays: at the
/// default figures an hour now costs about 1.35 effective hours over the
/// weeks after, so no steady week pays: only a deadline's stake makes a
/// short crunch worth it ([`crunch::hours`]).
pub fn hours(scenario: &Scenario) -> u8 {
    let a = &scenario.params.attention;
    let rested = a.normal_hours + a.free_overtime_hours;
    let (min, max) = crate::engine::HOURS_RANGE;
    libm::round(rested).clamp(f64::from(min), f64::from(max)) as u8
}

/// `balanced`'s decision for the week after `s` (pending events answered by
/// their forecasts), and what it was read from.
pub fn decide(s: &State, scenario: &Scenario) -> (Decision, Why) {
    Balanced::REFERENCE.decide(s, scenario)
}

/// `balanced`'s decision for the week after `s` before it answers events.
fn plan(s: &State, scenario: &Scenario) -> (Decision, Why) {
    let sensible = Sensible::of(s, scenario);
    let hours = crunch::hours(s, scenario, hours(scenario), sensible.hiring.engineers);
    let shown = par(s, &scenario.params, hours, sensible.hiring.engineers);
    let lines: Vec<LineStep> = s
        .people
        .vps
        .iter()
        .map(|v| LineStep::of(v.line, s.metrics.adoption))
        .collect();
    let intent = Decision {
        hours,
        attention: shown.attention,
        refactor_pct: sensible.refactor,
        hiring: sensible.hiring,
        vp_lines: lines.iter().map(|l| l.line()).collect(),
        // Answered by `decide`, from their forecasts.
        answers: Vec::new(),
    };
    let decision = within_limits(intent.clone(), scenario);
    let why = Why {
        intent,
        engineers: sensible.n,
        vps: !s.people.vps.is_empty(),
        sensible: sensible.why,
        par: shown.why,
        lines,
        events: Vec::new(),
    };
    (decision, why)
}
