//! What to try next time, after an ending (the end screen and `cto-sim report`).

use crate::engine::scenario::Outcome;
use crate::engine::{Ending, Scenario, State};

/// What to try next time, after `ending` of `sc`. A harder scenario is
/// suggested only after a win.
pub fn tips(ending: Ending, s: &State, sc: &Scenario) -> Vec<&'static str> {
    let won = sc.ending_outcome(ending) == Some(Outcome::Win);
    let mut t = Vec::new();
    match ending {
        Ending::OutOfCash => {
            t.push("Hire to the stage, not ahead of it: every engineer shortens the runway long before they are productive.");
            t.push("Revenue comes from aligned work: keep a third of your week on strategy.");
        }
        Ending::Fired => {
            t.push("The board judges delivery: keep velocity up with what the business needs.");
            t.push(
                "Credits are earned by good calls and delivery; fights and failed bets spend them.",
            );
        }
        Ending::Puppet => {
            t.push("Keep the VP reporting to you, or keep a shared-responsibility forum if the VP goes to the CEO.");
            t.push("Authority without a reporting line decays in weeks; trust without contact in months.");
        }
        Ending::TenXProgrammer => {
            t.push("Past ten engineers, your code is a rounding error; your management is not.");
            t.push(
                "Promote managers at six to eight engineers each, and code less as the team grows.",
            );
        }
        _ if won => t.push("Try a harder scenario: `cto-sim scenarios` lists them."),
        Ending::Ipo | Ending::TimeUp | Ending::Custom(_) => {
            t.push("ARR follows fit and delivery: raise \"Engineers wanted\" as each round lands, and spend over half the week on strategy once managers run the team.");
            t.push(
                "The \"What if\" changes above were measured on this very run: try the first one.",
            );
        }
    }
    if s.metrics.debt_tax > 0.3 {
        t.push("Debt ate a third of the team's time: protect 25–35% for refactoring once the tax passes 15%.");
    }
    if s.company.morale < 0.4 {
        t.push("Morale follows management coverage: a manager per 6–8 engineers, and time for your own reports.");
    }
    t
}
