//! Warnings: an ending on its way, in a line that says which, when, why and
//! what helps (the week screen's warning line and the news log).

use crate::engine::funding::{next_round, raising};
use crate::engine::risk::Risk;
use crate::engine::{Ending, Scenario, State};
use crate::ui::money::money;
use crate::ui::text::plural;

/// A warning for an ending on its way: which, when, why, and the lever. An
/// ending still forming says "at this pace" and the trend that leads there.
pub fn risk_line(risk: &Risk, sc: &Scenario, s: &State) -> String {
    let m = &s.metrics;
    let trend = &s.tracking.trends;
    let when = match (risk.weeks_left, risk.forming) {
        (n, true) => format!("in ~{} at this pace", plural(n, "week")),
        (0, false) => "next week".to_string(),
        (n, false) => format!("in {}", plural(n, "week")),
    };
    // Points a month, from a weekly trend of a 0–1 figure.
    let monthly = |x: f64| x * 100.0 * 52.0 / 12.0;
    match (risk.ending, risk.forming) {
        (Ending::Puppet, false) => format!(
            "Puppet {when}: the VP leads (adoption {:.0}%); take them back or tend a forum.",
            m.adoption * 100.0
        ),
        (Ending::Puppet, true) => format!(
            "Puppet {when}: adoption {:.0}% ({:+.0} a month), authority {:.0}; take the VP back or tend a forum.",
            m.adoption * 100.0,
            monthly(trend.adoption),
            s.power.legitimate * 100.0
        ),
        (Ending::TenXProgrammer, _) => format!(
            "10x programmer {when}: nobody leads (coverage {:.0}%). Code less, manage more.",
            m.org_coverage * 100.0
        ),
        (Ending::Fired, false) => format!(
            "Fired {when}: the board's patience is gone (credits {:.0}). Deliver; avoid fights.",
            s.power.credits * 100.0
        ),
        (Ending::Fired, true) => format!(
            "Fired {when}: credits {:.0} ({:+.1} a month). Deliver the roadmap, make the technology bets (strategy time); avoid fights.",
            s.power.credits * 100.0,
            monthly(trend.credits)
        ),
        (Ending::OutOfCash, _) => match raising(s, sc) {
            Some(r) => format!(
                "Out of cash {when} (runway {:.1} months) unless the raise closes (week {} of {}–{}): hire less meanwhile.",
                m.runway_months, r.week, r.takes[0], r.takes[1]
            ),
            // The CEO raises, not the CTO: under the runway trigger a new
            // raise starts with the next week, if there is a round left.
            None => format!(
                "Out of cash {when} (runway {:.1} months): hire less; {}.",
                m.runway_months,
                match next_round(s, sc) {
                    None => "there is no round left to raise".to_string(),
                    Some(_) if m.runway_months < sc.params.business.raise_below_runway_months =>
                        "the CEO starts another raise next week".to_string(),
                    Some(round) => format!(
                        "the CEO raises under {:.0} months of runway or at ARR {}",
                        sc.params.business.raise_below_runway_months,
                        money(round.arr_bar)
                    ),
                }
            ),
        },
        (other, _) => format!(
            "{} {when}.",
            sc.ending_headline(other).trim_end_matches('.')
        ),
    }
}

/// The line that says a warned-of ending is no longer on its way.
pub fn risk_cleared_line(ending: Ending, sc: &Scenario, s: &State) -> String {
    let m = &s.metrics;
    match ending {
        Ending::Puppet => format!(
            "No longer heading for puppet: adoption {:.0}%, authority {:.0}.",
            m.adoption * 100.0,
            s.power.legitimate * 100.0
        ),
        Ending::TenXProgrammer => format!(
            "No longer heading for 10x programmer: coverage {:.0}%.",
            m.org_coverage * 100.0
        ),
        Ending::Fired => format!(
            "No longer heading for fired: credits {:.0}.",
            s.power.credits * 100.0
        ),
        Ending::OutOfCash => format!(
            "No longer running out of cash: runway {}.",
            if m.runway_months >= crate::engine::RUNWAY_CAP {
                "covered by revenue".to_string()
            } else {
                format!("{:.0} months", m.runway_months)
            }
        ),
        other => format!("No longer on the way: {}", sc.ending_headline(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Game, Stage};
    use std::sync::Arc;

    /// Out of cash with no raise under way: the warning says what the CEO
    /// will do (the CTO cannot raise), and when there is nothing to raise.
    #[test]
    fn out_of_cash_without_a_raise_says_what_the_ceo_does() {
        let sc = Arc::new(Scenario::builtin("default").unwrap());
        let mut s = Game::new(Arc::clone(&sc), 1).state().clone();
        s.week = 40;
        let risk = Risk {
            ending: Ending::OutOfCash,
            weeks_left: 17,
            forming: false,
        };
        s.metrics.runway_months = 4.0;
        let line = risk_line(&risk, &sc, &s);
        assert!(
            line.contains("the CEO starts another raise next week"),
            "{line}"
        );
        assert!(!line.contains("or raise"), "{line}");
        let mut late = (*sc).clone();
        late.params.business.raise_below_runway_months = 3.0;
        let line = risk_line(&risk, &late, &s);
        assert!(
            line.contains("under 3 months of runway or at ARR $2.0M"),
            "{line}"
        );
        s.company.stage = Stage::Growth;
        let line = risk_line(&risk, &sc, &s);
        assert!(line.contains("no round left"), "{line}");
    }
}
