//! What to try next time, after an ending (the end screen and `cto-sim report`).

use crate::engine::{Ending, State};

/// What to try next time, after `ending`.
pub fn tips(ending: Ending, s: &State) -> Vec<&'static str> {
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
        Ending::Ipo | Ending::TimeUp | Ending::Custom(_) => {
            t.push("Try a harder scenario: `cto-sim scenarios` lists them.");
        }
    }
    if s.metrics.debt_tax > 0.3 {
        t.push("Debt ate a third of the team's time: protect 25–35% for refactoring when the tax passes 20%.");
    }
    if s.company.morale < 0.4 {
        t.push("Morale follows management coverage: a manager per 6–8 engineers, and time for your own reports.");
    }
    t
}
