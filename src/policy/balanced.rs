//! `balanced`, the reference CTO: par for attention, a sensible structure,
//! 48 hours, refactoring as the debt bites, and every VP reporting to the CTO
//! (a VP the CEO holds is won back in steps). It decides once, in [`decide`],
//! and keeps the figures it decided from; the coach's words
//! ([`advise`], in `advice.rs`) are read from those figures, so what the coach
//! says cannot drift from what the bot does.

use super::base::{within_limits, Policy};
use super::fixed::BALANCED_HOURS;
use super::scripted::{Sensible, SensibleWhy};
use crate::engine::par::{par, ParWhy};
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Decision, Scenario};

/// Adoption from which the CEO agrees to hand a VP back to the CTO's line.
pub const TAKE_BACK_AT: f64 = 0.7;

/// The reference bot.
pub(super) struct Balanced;

impl Policy for Balanced {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        decide(s, scenario).0
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

/// `balanced`'s decision for the week after `s`, and what it was read from.
pub fn decide(s: &State, scenario: &Scenario) -> (Decision, Why) {
    let sensible = Sensible::of(s, scenario);
    let shown = par(
        s,
        &scenario.params,
        BALANCED_HOURS,
        sensible.hiring.engineers,
    );
    let lines: Vec<LineStep> = s
        .people
        .vps
        .iter()
        .map(|v| LineStep::of(v.line, s.metrics.adoption))
        .collect();
    let intent = Decision {
        hours: BALANCED_HOURS,
        attention: shown.attention,
        refactor_pct: sensible.refactor,
        hiring: sensible.hiring,
        vp_lines: lines.iter().map(|l| l.line()).collect(),
        // Events are left to the organisation: their default choice.
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
    };
    (decision, why)
}
