//! Events that can fire week after week with effects that add up to far more
//! than the company starts with: a deck that pays out (or wipes out) without
//! the player doing anything.

use super::Checker;
use crate::engine::events::{Effect, EventDef, Metric};
use crate::engine::Scenario;

/// Lowest chance that counts as firing week after week.
pub const WEEKLY_CHANCE: f64 = 0.1;
/// How many times the start an effect may add up to over the horizon.
pub const TIMES_THE_START: f64 = 10.0;

impl Checker<'_> {
    /// Warn of each effect of an event that can fire every week (no `once`,
    /// no cooldown, not only a follow-up, a chance of at
    /// least [`WEEKLY_CHANCE`]) whose sum over the horizon, at that chance,
    /// exceeds [`TIMES_THE_START`] times the scale the scenario starts from.
    pub(super) fn windfalls(&mut self, sc: &Scenario) {
        for (i, ev) in sc.events.iter().enumerate() {
            if !fires_weekly(ev) {
                continue;
            }
            let firings = ev.chance * f64::from(sc.horizon_weeks);
            for (j, choice) in ev.choices.iter().enumerate() {
                for (k, effect) in choice.effects.iter().enumerate() {
                    let (Effect::Change { metric, by } | Effect::Spread { metric, by, .. }) =
                        effect
                    else {
                        continue;
                    };
                    let Some((scale, said)) = scale(sc, *metric) else {
                        continue;
                    };
                    let total = by * firings;
                    if total.abs() > TIMES_THE_START * scale && by.is_finite() {
                        self.warning(
                            format!("events[{i}].choices[{j}].effects[{k}].by"),
                            format!(
                                "this event can fire every week (chance {}, no `once`, no cooldown): about {} firings over {} weeks add up to {} {}, over {TIMES_THE_START} times {said}",
                                ev.chance,
                                firings.round(),
                                sc.horizon_weeks,
                                amount(*metric, total),
                                metric.name(),
                            ),
                        );
                        if let Some(last) = self.found.last_mut() {
                            last.hint = Some("give the event `once: true` or a `cooldown_weeks`, a lower `chance`, or a smaller effect".into());
                        }
                    }
                }
            }
        }
    }
}

fn fires_weekly(ev: &EventDef) -> bool {
    !ev.follow_up_only && !ev.once && ev.cooldown_weeks == 0 && ev.chance >= WEEKLY_CHANCE
}

/// What an effect on `metric` is measured against, and how to say it: cash
/// and ARR against the start's (at least $1M), engineers and managers
/// against the start's team (at least ten), a 0–1 share against its whole
/// range; `None` for what an effect cannot change much.
fn scale(sc: &Scenario, metric: Metric) -> Option<(f64, String)> {
    let st = &sc.start;
    let at_least = |x: f64, min: f64| x.max(min);
    Some(match metric {
        Metric::Cash => {
            let s = at_least(st.cash, 1e6);
            (s, format!("the starting cash ({})", dollars(s)))
        }
        Metric::Arr => {
            let s = at_least(st.arr, 1e6);
            (s, format!("the starting ARR ({})", dollars(s)))
        }
        Metric::Engineers | Metric::Managers => {
            let s = at_least(f64::from(st.engineers + st.managers), 10.0);
            (s, format!("the starting team ({s})"))
        }
        m if m.range() == (0.0, 1.0) => (1.0, format!("the whole range of {}", m.name())),
        _ => return None,
    })
}

fn amount(metric: Metric, x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "+" };
    match metric {
        Metric::Cash | Metric::Arr => format!("{sign}{}", dollars(x.abs())),
        _ => format!("{sign}{:.0}", x.abs()),
    }
}

fn dollars(x: f64) -> String {
    if x >= 1e9 {
        format!("${:.1}B", x / 1e9)
    } else if x >= 1e6 {
        format!("${:.1}M", x / 1e6)
    } else {
        format!("${x:.0}")
    }
}
