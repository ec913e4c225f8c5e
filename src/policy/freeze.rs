//! `freeze:W`: `balanced` until week W, then Enter every week — the draft of
//! week W kept as it is (the targets following what events do to them, as
//! the screen's draft does), events left to their defaults. What the middle
//! and end of a run are worth: the score `balanced` loses by stopping there.

use super::balanced::Balanced;
use super::base::{kept, Policy};
use crate::engine::state::State;
use crate::engine::{Decision, Scenario};

/// Plays `balanced` for `until` weeks, then holds its last decision.
pub(super) struct Freeze {
    pub until: u32,
    held: Option<Decision>,
}

impl Freeze {
    /// Parse the part after `freeze:`: a week number.
    pub(super) fn parse(spec: &str) -> Result<Freeze, String> {
        let until = spec
            .trim()
            .parse()
            .map_err(|_| format!("`{spec}` is not a week: write freeze:W, e.g. freeze:100"))?;
        Ok(Freeze { until, held: None })
    }
}

impl Policy for Freeze {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        if s.week >= self.until {
            if let Some(held) = self.held.as_mut() {
                return kept(held, s, scenario);
            }
        }
        let d = Balanced::REFERENCE.decide(s, scenario).0;
        self.held = Some(Decision {
            answers: Vec::new(),
            ..d.clone()
        });
        d
    }
}
