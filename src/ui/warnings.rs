//! Warnings: an ending on its way, in a line that says which, when, why and
//! what helps (the week screen's warning line and the news log).

use crate::engine::risk::Risk;
use crate::engine::{Ending, Scenario, State};

/// A warning for an ending on its way: which, when, why, and the lever.
pub fn risk_line(risk: &Risk, sc: &Scenario, s: &State) -> String {
    let m = &s.metrics;
    let when = match risk.weeks_left {
        0 => "next week".to_string(),
        1 => "in 1 week".to_string(),
        n => format!("in {n} weeks"),
    };
    match risk.ending {
        Ending::Puppet => format!(
            "Puppet {when}: the VP leads (adoption {:.0}%); take them back or tend a forum.",
            m.adoption * 100.0
        ),
        Ending::TenXProgrammer => format!(
            "10x programmer {when}: nobody leads (coverage {:.0}%). Code less, manage more.",
            m.org_coverage * 100.0
        ),
        Ending::Fired => format!(
            "Fired {when}: the board's patience is gone (credits {:.0}). Deliver; avoid fights.",
            s.power.credits * 100.0
        ),
        Ending::OutOfCash => format!(
            "Out of cash {when} (runway {:.1} months): hire less, or raise.",
            m.runway_months
        ),
        other => format!(
            "{} {when}.",
            sc.ending_headline(other).trim_end_matches('.')
        ),
    }
}
