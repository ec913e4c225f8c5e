//! Bots: scripted CTOs that play through the public decision API.
//!
//! A bot sees what a player sees (the state and the scenario) and returns a
//! [`Decision`]; the engine cannot tell a bot from a person. The bots exist to test
//! the model's claims: each one plays a recognisable CTO style.

use crate::engine::rng::{SimRng, Stream};
use crate::engine::stage::{par, typical_engineers};
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Answer, Attention, Decision, Hiring, Scenario, HOURS_RANGE};

/// A way of playing.
pub trait Policy {
    /// The decision for the coming week.
    fn decide(&mut self, state: &State, scenario: &Scenario) -> Decision;
}

/// The bots, with a line each describing how they play.
pub const BOTS: &[(&str, &str)] = &[
    ("balanced", "adapts attention to the stage, builds managers at sensible spans, keeps the VP reporting to the CTO"),
    ("static", "plays like balanced but keeps the seed-stage attention split forever"),
    ("coder", "codes most of the week and never builds a management layer"),
    ("delegator", "hires a VP early and hands the VP to the CEO without a forum; little management time"),
    ("sharer", "like delegator, but keeps a shared-responsibility forum with the VP and the CEO"),
    ("hire_fast", "hires far ahead of the stage and spends the week recruiting"),
    ("drifter", "neglects strategy: codes, hires and manages, but never looks at the business"),
    ("random", "random hours, attention, hiring, reporting lines and answers"),
];

/// The bot called `name`, seeded with `seed` (only `random` uses it).
pub fn by_name(name: &str, seed: u64) -> Option<Box<dyn Policy>> {
    let style = match name {
        "balanced" => Style::Balanced,
        "static" => Style::Static,
        "coder" => Style::Coder,
        "delegator" => Style::Delegator,
        "sharer" => Style::Sharer,
        "hire_fast" => Style::HireFast,
        "drifter" => Style::Drifter,
        "random" => {
            return Some(Box::new(RandomBot {
                rng: SimRng::new(seed, Stream::Policy),
            }))
        }
        _ => return None,
    };
    Some(Box::new(Scripted { style }))
}

/// The names of all bots.
pub fn names() -> impl Iterator<Item = &'static str> {
    BOTS.iter().map(|(n, _)| *n)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Balanced,
    Static,
    Coder,
    Delegator,
    Sharer,
    HireFast,
    Drifter,
}

struct Scripted {
    style: Style,
}

impl Policy for Scripted {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        within_limits(self.intent(s), scenario)
    }
}

/// `d` changed as little as possible to respect the scenario's limits (hours,
/// refactoring share, VPs): a bot's style is an intent, the scenario's rules
/// win. Every bot's decision passes through here.
pub fn within_limits(mut d: Decision, scenario: &Scenario) -> Decision {
    let (min, max) = HOURS_RANGE;
    d.hours = d.hours.clamp(min, max);
    d.refactor_pct = d
        .refactor_pct
        .min(scenario.params.engineering.max_refactor_pct);
    d.hiring.vps = d.hiring.vps.min(scenario.params.hiring.max_vps);
    d
}

/// What a sensible CTO does whatever their style: how many engineers and
/// managers to aim for, and how much refactoring the debt calls for.
struct Sensible {
    /// Engineers now.
    n: u32,
    /// Engineers typical of the stage.
    norm: u32,
    refactor: u8,
    hiring: Hiring,
}

impl Sensible {
    fn of(s: &State) -> Sensible {
        let n = s.people.engineers();
        let norm = typical_engineers(s.company.stage);
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
        // a VP at 28 who reports to the CTO.
        Sensible {
            n,
            norm,
            refactor,
            hiring: Hiring {
                engineers: careful(norm),
                managers: managers_at(7, 10),
                vps: u32::from(n >= 28),
            },
        }
    }
}

impl Scripted {
    /// What this style would do, before the scenario's limits.
    fn intent(&self, s: &State) -> Decision {
        let Sensible {
            n,
            norm,
            refactor,
            hiring: sensible,
        } = Sensible::of(s);
        let stage = s.company.stage;
        let managers_at = |span: u32, from: u32| if n >= from { n / span } else { 0 };
        let (hours, attention, refactor_pct, hiring, line) = match self.style {
            Style::Balanced => (48, par(stage, n), refactor, sensible, ReportingLine::Cto),
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

/// Plays at random, within the rules.
struct RandomBot {
    rng: SimRng,
}

impl Policy for RandomBot {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let r = &mut self.rng;
        let hours = 35 + r.below(46) as u8;
        // Three cut points in 0..=100 give four shares that sum to 100.
        let mut cuts = [r.below(101), r.below(101), r.below(101)];
        cuts.sort_unstable();
        let attention = Attention::new(
            cuts[0] as u8,
            (cuts[1] - cuts[0]) as u8,
            (cuts[2] - cuts[1]) as u8,
            (100 - cuts[2]) as u8,
        );
        let n = u64::from(s.people.engineers());
        let limits = &scenario.params;
        let max_vps = u64::from(limits.hiring.max_vps.min(1));
        let hiring = Hiring {
            engineers: (n + r.below(6)).saturating_sub(2) as u32,
            managers: (n / (5 + r.below(6))) as u32,
            vps: r.below(max_vps + 1) as u32,
        };
        // Reporting lines change now and then, not every week.
        let vp_lines = s
            .people
            .vps
            .iter()
            .map(|vp| {
                if !r.chance(0.05) {
                    return vp.line;
                }
                match r.below(3) {
                    0 => ReportingLine::Cto,
                    1 => ReportingLine::Ceo { forum: false },
                    _ => ReportingLine::Ceo { forum: true },
                }
            })
            .collect();
        let answers = s
            .pending
            .iter()
            .enumerate()
            .map(|(i, pe)| Answer {
                pending: i,
                choice: r.below(scenario.events[pe.event].choices.len() as u64) as usize,
            })
            .collect();
        // Up to 40% refactoring, or the scenario's maximum if lower (with the
        // default maximum of 40 the draw is the one it always was).
        let max_refactor = u64::from(limits.engineering.max_refactor_pct.min(40));
        within_limits(
            Decision {
                hours,
                attention,
                refactor_pct: r.below(max_refactor + 1) as u8,
                hiring,
                vp_lines,
                answers,
            },
            scenario,
        )
    }
}
