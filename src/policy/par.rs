//! The `par` bots: a player who sets attention to the par the screen shows
//! (`engine::par`) every week. `par` otherwise plays like the `fixed:` bots
//! (balanced's hiring and managers, every VP reporting to the CTO) and
//! answers events as `balanced` does, from their forecasts: par is
//! the whole of its attention. `par_only` follows par and nothing else: it
//! never raises the first draft's hiring, so par gives it no recruiting —
//! what the screen's guide is worth to a player who never decides to grow.

use super::answer;
use super::balanced;
use super::base::{kept, within_limits, Policy};
use super::scripted::Sensible;
use crate::engine::draft::first_draft;
use crate::engine::par::par;
use crate::engine::state::{ReportingLine, State};
use crate::engine::{Decision, Scenario};

/// Follows par; hires as `balanced` does (`keep_draft`: as the first draft).
pub(super) struct ParBot {
    pub keep_draft: bool,
    draft: Option<Decision>,
}

impl ParBot {
    pub(super) fn new(keep_draft: bool) -> ParBot {
        ParBot {
            keep_draft,
            draft: None,
        }
    }
}

impl Policy for ParBot {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let mut d = self.plan(s, scenario);
        if !self.keep_draft {
            // A player who plays par reads each event's forecast, as the
            // coach does: the events are answered as `balanced` answers them.
            d.answers =
                answer::answer(s, scenario, &d, &mut |s, sc| ParBot::new(false).plan(s, sc));
        }
        d
    }
}

impl ParBot {
    /// The week's decision, events unanswered.
    fn plan(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let sensible = Sensible::of(s, scenario);
        let mut d = if self.keep_draft {
            let draft = self.draft.get_or_insert_with(|| first_draft(s, scenario));
            kept(draft, s, scenario)
        } else {
            Decision {
                hours: balanced::hours(scenario),
                refactor_pct: sensible.refactor,
                hiring: sensible.hiring,
                vp_lines: vec![ReportingLine::Cto; s.people.vps.len()],
                ..first_draft(s, scenario)
            }
        };
        d.attention = par(s, &scenario.params, d.hours, d.hiring.engineers).attention;
        within_limits(d, scenario)
    }
}
