//! The passive bot: exactly what a player gets by pressing Enter every week —
//! the screen's first draft, never changed, events left to their default.

use super::base::{kept, Policy};
use crate::engine::draft::first_draft;
use crate::engine::state::State;
use crate::engine::{Decision, Scenario};

/// Plays the first draft of the run, every week.
#[derive(Default)]
pub(super) struct Passive {
    draft: Option<Decision>,
}

impl Policy for Passive {
    fn decide(&mut self, s: &State, scenario: &Scenario) -> Decision {
        let draft = self.draft.get_or_insert_with(|| first_draft(s, scenario));
        kept(draft, s, scenario)
    }
}
