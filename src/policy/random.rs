//! The random bot: legal decisions drawn at random (a floor for every claim).

use super::base::{within_limits, Policy};
use crate::engine::rng::SimRng;
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Answer, Attention, Decision, Hiring, Scenario};

/// Plays at random, within the rules.
pub(super) struct RandomBot {
    pub(super) rng: SimRng,
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
