//! The scripted bots: each plays one recognisable CTO style, on top of what a
//! sensible CTO does whatever their style (`Sensible`).

use super::base::{within_limits, Policy};
use crate::engine::metric::Metric;
use crate::engine::par::par;
use crate::engine::stage::typical_engineers;
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Attention, Decision, Hiring, Scenario};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Balanced,
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
const MANAGER_SLACK: u32 = 3;

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
}

impl Sensible {
    pub(super) fn of(s: &State, scenario: &Scenario) -> Sensible {
        let n = s.people.engineers();
        // The stage's norm, or the headcount the scenario's goal asks for.
        let norm = typical_engineers(s.company.stage).max(goal_engineers(scenario));
        // A prudent CTO stops hiring when the runway gets short and no raise is near.
        let careful = |target: u32| {
            if s.metrics.runway_months < 10.0 && s.raise.weeks_left == 0 && s.week > 0 {
                target.min(n)
            } else {
                target
            }
        };
        let managers_at = |span: u32, from: u32| if n >= from { n / span } else { 0 };
        // A sensible CTO protects more time for refactoring when debt bites.
        let tax = s.metrics.debt_tax;
        let refactor = if tax > 0.3 {
            35
        } else if tax > 0.2 {
            25
        } else {
            15
        };
        // The structure a sensible CTO builds: a manager per 7 engineers from 10,
        // a VP at 28 who reports to the CTO and another for every 35 more (a
        // manager of managers per five managers or so; Larson's 4–6).
        // A manager is not sent back to coding for an engineer or two: the
        // structure steps down only once the team is a few engineers below it.
        let managers = managers_at(7, 10);
        let kept = s.people.managers;
        let managers = if managers < kept && n + MANAGER_SLACK >= 7 * kept {
            kept
        } else {
            managers
        };
        Sensible {
            n,
            norm,
            refactor,
            hiring: Hiring {
                engineers: careful(norm),
                managers,
                // A search under way, or a VP in post, is not called off.
                vps: ((n + 7) / 35)
                    .max(s.people.vps.len() as u32 + u32::from(s.people.vp_search.is_some())),
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
        } = Sensible::of(s, scenario);
        let managers_at = |span: u32, from: u32| if n >= from { n / span } else { 0 };
        let (hours, attention, refactor_pct, hiring, line) = match self.style {
            Style::Balanced => (
                48,
                adaptive(s, scenario, 48, sensible.engineers),
                refactor,
                sensible,
                ReportingLine::Cto,
            ),
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
            vp_lines: self.lines(s, line),
            answers: Vec::new(),
        }
    }

    /// Every VP's line: the style's, except that `balanced` wins a VP the
    /// CEO holds back in steps.
    fn lines(&self, s: &State, line: ReportingLine) -> Vec<ReportingLine> {
        if self.style == Style::Balanced {
            s.people
                .vps
                .iter()
                .map(|v| winning_back(v.line, s))
                .collect()
        } else {
            vec![line; s.people.vps.len()]
        }
    }
}

/// The line a balanced CTO asks for, for a VP on `line`: the VP reports to
/// the CTO, but a VP the CEO holds is won back in steps — first a shared
/// forum, then the line itself once the organisation follows the CTO well
/// enough for the CEO to agree.
fn winning_back(line: ReportingLine, s: &State) -> ReportingLine {
    match line {
        ReportingLine::Cto => ReportingLine::Cto,
        ReportingLine::Ceo { forum: false } => ReportingLine::Ceo { forum: true },
        ReportingLine::Ceo { forum: true } if s.metrics.adoption >= 0.7 => ReportingLine::Cto,
        ReportingLine::Ceo { forum: true } => line,
    }
}

/// The split of a CTO who reads the week's needs: par (`engine::par`), the
/// attention the rules reward for the company as it is and the hires wanted.
fn adaptive(s: &State, sc: &Scenario, hours: u8, wanted: u32) -> Attention {
    par(s, &sc.params, hours, wanted).attention
}
