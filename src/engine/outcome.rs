//! The score of a run.

pub use super::ending::Ending;
use super::metric::Metric;
use super::scenario::{Outcome, Scenario};
use super::state::State;

/// Multiplier `ending` applies to the score.
fn score_factor(ending: Ending, scenario: &Scenario) -> f64 {
    match ending {
        Ending::Custom(i) => scenario
            .endings
            .get(usize::from(i))
            .map_or(1.0, |e| e.factor()),
        e => e.built_in().map_or(1.0, |b| b.score_factor),
    }
}

/// Score bonus for a win at week 0; it shrinks linearly to 5 at the horizon.
const IPO_BONUS: f64 = 25.0;

pub use super::ending::TIME_UP_FACTOR;

/// The ARR a scenario asks for: the lowest ARR one of its own win endings
/// requires, or its IPO bar when none names one.
pub fn target_arr(scenario: &Scenario) -> f64 {
    scenario
        .win_thresholds(Metric::Arr)
        .reduce(f64::min)
        .unwrap_or(scenario.params.endings.ipo_arr)
}

/// Where the company stands (0–1): ARR on a log scale from $100k (0) to the
/// scenario's target (1, see [`target_arr`]).
pub fn company_standing(arr: f64, scenario: &Scenario) -> f64 {
    let target = target_arr(scenario).max(200_000.0);
    let arr = arr.max(100_000.0);
    (libm::log10(arr / 100_000.0) / libm::log10(target / 100_000.0)).clamp(0.0, 1.0)
}

/// The score of a run.
///
/// `100 × (0.6 × company + 0.4 × pull) × ending factor`, plus a bonus for a win.
/// *Company* is ARR on a log scale from $100k (0) to the scenario's target (1:
/// the ARR its own win asks for, or its IPO bar);
/// *pull* is the CTO's mean influence × adoption over the run (0–1): influence
/// the organisation does not follow is worth little. The ending factor is 1 for
/// an IPO, 0.75 for reaching the horizon without a win, 0.6 for puppet or 10x
/// programmer, 0.4 for being fired and 0.2 for running out of cash (a scenario's
/// own ending sets its own factor; a win's is 1 unless it says otherwise). A
/// win (an IPO, or a scenario ending whose outcome is `Win`) adds 5 points plus
/// up to 20 more the earlier it comes (`5 + 20 × weeks left / horizon`), so
/// scores run from 0 to about 110.
/// Before the end, the score is computed as if the run ended now at the horizon.
pub fn score(state: &State, scenario: &Scenario) -> f64 {
    let horizon_weeks = scenario.horizon_weeks;
    let company = company_standing(state.company.arr, scenario);
    let pull = if state.week == 0 {
        state.metrics.influence * state.metrics.adoption
    } else {
        state.tracking.pull_sum / f64::from(state.week)
    }
    .clamp(0.0, 1.0);
    let ending = state.ending.unwrap_or(Ending::TimeUp);
    let win = scenario.ending_outcome(ending) == Some(Outcome::Win);
    let bonus = if win {
        let horizon = f64::from(horizon_weeks.max(1));
        let left = (horizon - f64::from(state.week)).max(0.0);
        5.0 + (IPO_BONUS - 5.0) * left / horizon
    } else {
        0.0
    };
    100.0 * (0.6 * company + 0.4 * pull) * score_factor(ending, scenario) + bonus
}
