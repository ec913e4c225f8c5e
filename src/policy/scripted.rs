//! The scripted bots: each plays one recognisable CTO style, on top of what a
//! sensible CTO does whatever their style (`Sensible`).

use super::base::{within_limits, Policy};
use crate::engine::metric::Metric;
use crate::engine::stage::typical_engineers;
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Attention, Decision, Hiring, Scenario};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Static,
    Coder,
    Delegator,
    Sharer,
    HireFast,
    Drifter,
}

pub(super) struct Scripted {
    pub style: Style,
}

impl Policy for Scripted {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        within_limits(self.intent(s, scenario), scenario)
    }
}

/// Engineers a team may fall below a sensible CTO's management structure
/// before a manager goes back to coding.
pub(super) const MANAGER_SLACK: u32 = 3;
/// A manager per this many engineers, from this many engineers on.
pub(super) const MANAGER_SPAN: u32 = 7;
pub(super) const MANAGERS_FROM: u32 = 10;
/// A VP for every this many engineers (the first at 28).
pub(super) const VP_SPAN: u32 = 35;
/// Refactoring protected as the debt bites: (debt tax above, share), the
/// first that applies; else the usual share.
pub(super) const REFACTOR_BY_DEBT: [(f64, u8); 2] = [(0.25, 35), (0.15, 25)];
pub(super) const REFACTOR_USUAL: u8 = 15;
/// Months of runway under which a prudent CTO stops hiring, unless a raise
/// is under way.
pub(super) const SHORT_RUNWAY_MONTHS: f64 = 10.0;

/// What a sensible CTO does whatever their style: how many engineers and
/// managers to aim for, and how much refactoring the debt calls for.
pub(super) struct Sensible {
    /// Engineers now.
    pub n: u32,
    /// Engineers typical of the stage.
    pub norm: u32,
    /// Refactoring share the debt calls for.
    pub refactor: u8,
    /// Engineers and managers at sensible spans, a VP from 28 engineers.
    pub hiring: Hiring,
    /// The figures these were read from, for the coach to say why.
    pub why: SensibleWhy,
}

/// What decided a sensible CTO's targets and refactoring: the coach's words
/// are read from these, so they cannot drift from what was decided.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SensibleWhy {
    /// Engineers typical of the stage, and the headcount the goal asks for.
    pub stage_engineers: u32,
    pub goal_engineers: u32,
    /// Hiring held at the team as it is: the runway is short and no raise
    /// is under way.
    pub held_back: bool,
    /// The debt tax the refactoring share was read from.
    pub debt_tax: f64,
    /// The managers in post were kept although the spans call for fewer.
    pub managers_kept: bool,
    /// The team the VP target is counted against: the engineers being hired
    /// for, or those in post if more.
    pub vp_team: u32,
    /// VPs the spans call for, before a VP in post or a search under way
    /// kept the target up.
    pub vps_by_span: u32,
}

impl Sensible {
    pub(super) fn of(s: &State, scenario: &Scenario) -> Sensible {
        let n = s.people.engineers();
        // The stage's norm, or the headcount the scenario's goal asks for.
        let (stage_engineers, goal_engineers) =
            (typical_engineers(s.company.stage), goal_engineers(scenario));
        let norm = stage_engineers.max(goal_engineers);
        // A prudent CTO stops hiring when the runway gets short and no raise is near.
        let held_back =
            s.metrics.runway_months < SHORT_RUNWAY_MONTHS && s.raise.weeks_left == 0 && s.week > 0;
        let careful = |target: u32| if held_back { target.min(n) } else { target };
        let managers_at = |span: u32, from: u32| if n >= from { n / span } else { 0 };
        // A sensible CTO protects more time for refactoring when debt bites.
        let tax = s.metrics.debt_tax;
        let refactor = REFACTOR_BY_DEBT
            .iter()
            .find(|(over, _)| tax > *over)
            .map_or(REFACTOR_USUAL, |(_, pct)| *pct);
        // The structure a sensible CTO builds: a manager per 7 engineers from 10,
        // a VP at 28 who reports to the CTO and another for every 35 more (a
        // manager of managers per five managers or so; Larson's 4–6).
        // A manager is not sent back to coding for an engineer or two: the
        // structure steps down only once the team is a few engineers below it.
        let managers = managers_at(MANAGER_SPAN, MANAGERS_FROM);
        let kept = s.people.managers;
        let managers_kept = managers < kept && n + MANAGER_SLACK >= MANAGER_SPAN * kept;
        let managers = if managers_kept { kept } else { managers };
        // The VP is counted against the team being hired, not the team in
        // post: a search takes weeks and the VP should arrive with the team
        // that needs one (measured: +1.1 points on default over counting the
        // team in post).
        let team = careful(norm).max(n);
        let vps_by_span = (team + 7) / VP_SPAN;
        Sensible {
            n,
            norm,
            refactor,
            hiring: Hiring {
                engineers: careful(norm),
                managers,
                // A search under way, or a VP in post, is not called off.
                vps: vps_by_span
                    .max(s.people.vps.len() as u32 + u32::from(s.people.vp_search.is_some())),
            },
            why: SensibleWhy {
                stage_engineers,
                goal_engineers,
                held_back,
                debt_tax: tax,
                managers_kept,
                vp_team: team,
                vps_by_span,
            },
        }
    }
}

/// The headcount a scenario's own win asks for (the largest `engineers`
/// threshold among its win endings; 0 when none names one): the goal line a
/// player reads.
fn goal_engineers(scenario: &Scenario) -> u32 {
    scenario
        .win_thresholds(Metric::Engineers)
        .map(|v| libm::ceil(v).clamp(0.0, 10_000.0) as u32)
        .max()
        .unwrap_or(0)
}

impl Scripted {
    /// What this style would do, before the scenario's limits.
    fn intent(&self, s: &State, scenario: &Scenario) -> Decision {
        let Sensible {
            n,
            norm,
            refactor,
            hiring: sensible,
            ..
        } = Sensible::of(s, scenario);
        let managers_at = |span: u32, from: u32| if n >= from { n / span } else { 0 };
        let (hours, attention, refactor_pct, hiring, line) = match self.style {
            Style::Static => (
                48,
                Attention::new(35, 15, 35, 15),
                refactor,
                sensible,
                ReportingLine::Cto,
            ),
            Style::Drifter => (
                48,
                Attention::new(2, 23, 40, 35),
                refactor,
                sensible,
                ReportingLine::Cto,
            ),
            Style::Coder => (
                50,
                Attention::new(20, 10, 60, 10),
                10,
                Hiring {
                    managers: 0,
                    vps: 0,
                    ..sensible
                },
                ReportingLine::Cto,
            ),
            Style::Delegator | Style::Sharer => (
                50,
                // The sharer spends the forum's hours; the delegator codes them.
                if self.style == Style::Sharer {
                    Attention::new(30, 15, 35, 20)
                } else {
                    Attention::new(30, 15, 45, 10)
                },
                10,
                Hiring {
                    vps: u32::from(n >= 6),
                    ..sensible
                },
                ReportingLine::Ceo {
                    forum: self.style == Style::Sharer,
                },
            ),
            Style::HireFast => (
                50,
                Attention::new(15, 55, 10, 20),
                5,
                Hiring {
                    engineers: norm * 3,
                    managers: managers_at(12, 12),
                    vps: u32::from(n >= 40),
                },
                ReportingLine::Cto,
            ),
        };
        Decision {
            hours,
            attention,
            refactor_pct,
            hiring,
            vp_lines: vec![line; s.people.vps.len()],
            answers: Vec::new(),
        }
    }
}
