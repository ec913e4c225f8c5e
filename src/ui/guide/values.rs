//! How the guide reads a figure's value in the run shown.

use super::kinds::Now;
use crate::engine::PowerBase;

/// `62%`, or `–` before the first week.
pub fn pct(n: &Now, x: f64) -> String {
    if n.played() {
        format!("{:.0}%", x * 100.0)
    } else {
        "– (after the first week)".to_string()
    }
}

/// A power base on the 0–100 scale.
pub fn base(n: &Now, b: PowerBase) -> String {
    format!("{:.0} of 100", n.s.power.base(b) * 100.0)
}

/// Par's split, if the screen shows one.
pub fn par_split(n: &Now) -> String {
    n.par
        .map_or("– (shown on the week screen)".to_string(), |p| {
            let a = p.attention;
            format!(
                "{}/{}/{}/{} (strategy/hiring/coding/management)",
                a.strategy, a.hiring, a.coding, a.management
            )
        })
}

/// Last week's net move of `b` in the Why panel, in points.
pub fn moved(n: &Now, b: PowerBase) -> String {
    let net: f64 =
        n.s.ledger
            .iter()
            .filter(|e| e.base == b)
            .map(|e| {
                if b == PowerBase::Credits {
                    e.delta * 100.0
                } else {
                    e.influence_points
                }
            })
            .sum();
    format!("{net:+.1} last week")
}
