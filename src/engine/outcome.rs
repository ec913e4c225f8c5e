//! The score of a run.

pub use super::ending::Ending;
use super::scenario::{Outcome, Scenario};
use super::state::State;

/// Multiplier `ending` applies to the score.
fn score_factor(ending: Ending, scenario: &Scenario) -> f64 {
    match ending {
        Ending::Custom(i) => scenario
            .endings
            .get(usize::from(i))
            .map_or(1.0, |e| e.factor()),
        Ending::Ipo | Ending::TimeUp => 1.0,
        Ending::Puppet | Ending::TenXProgrammer => 0.6,
        Ending::Fired => 0.4,
        Ending::OutOfCash => 0.2,
    }
}

/// Score bonus for a win at week 0; it shrinks linearly to 5 at the horizon.
const IPO_BONUS: f64 = 25.0;

/// The score of a run.
///
/// `100 × (0.6 × company + 0.4 × standing) × ending factor`, where *company* is ARR
/// on a log scale ($100k → 0, $100M → 1), *standing* is the CTO's mean influence
/// over the run (0–1), and the ending factor is 1 for an IPO or reaching the
/// horizon, 0.6 for puppet or 10x programmer, 0.4 for being fired and 0.2 for
/// running out of cash (a scenario's own ending sets its own factor). A win (an
/// IPO, or a scenario ending whose outcome is `Win`) adds 5 points plus up to 20
/// more the earlier it comes (`5 + 20 × weeks left / horizon`), so scores run from
/// 0 to about 110.
/// Before the end, the score is computed as if the run ended now at the horizon.
pub fn score(state: &State, scenario: &Scenario) -> f64 {
    let horizon_weeks = scenario.horizon_weeks;
    let arr = state.company.arr.max(100_000.0);
    let company = (libm::log10(arr / 100_000.0) / 3.0).clamp(0.0, 1.0);
    let standing = if state.week == 0 {
        state.metrics.influence
    } else {
        state.tracking.influence_sum / f64::from(state.week)
    }
    .clamp(0.0, 1.0);
    let ending = state.ending.unwrap_or(Ending::TimeUp);
    let win = match ending {
        Ending::Ipo => true,
        Ending::Custom(i) => scenario
            .endings
            .get(usize::from(i))
            .is_some_and(|e| e.outcome == Outcome::Win),
        _ => false,
    };
    let bonus = if win {
        let horizon = f64::from(horizon_weeks.max(1));
        let left = (horizon - f64::from(state.week)).max(0.0);
        5.0 + (IPO_BONUS - 5.0) * left / horizon
    } else {
        0.0
    };
    100.0 * (0.6 * company + 0.4 * standing) * score_factor(ending, scenario) + bonus
}
