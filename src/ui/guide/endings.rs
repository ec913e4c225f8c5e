//! What ends a run, read from the scenario: the built-in endings with the
//! scenario's own thresholds, then the scenario's own endings with their
//! conditions, and the horizon.

use super::kinds::Block;
use crate::engine::events::{Condition, Op};
use crate::engine::scenario::Outcome;
use crate::engine::{Scenario, State};
use crate::ui::money::money;
use crate::ui::text::plural;

/// A block per ending of `sc`, with where `s` stands when a run is shown.
pub fn blocks(sc: &Scenario, s: Option<&State>) -> Vec<Block> {
    let mut out = built_in(sc, s);
    out.extend(own(sc, s));
    out.push(block(
        "Time up",
        s.map(|s| format!("week {} of {}", s.week + 1, sc.horizon_weeks)),
        format!(
            "Otherwise the run ends after {}: the company goes on, and the score counts three quarters.",
            plural(sc.horizon_weeks, "week")
        ),
    ));
    out
}

/// The built-in endings, with the scenario's own thresholds.
fn built_in(sc: &Scenario, s: Option<&State>) -> Vec<Block> {
    let e = &sc.params.endings;
    let t = &s.map(|s| &s.tracking);
    let streak = |n: Option<u32>, of: u32| n.map(|n| format!("held {n} of {}", plural(of, "week")));
    vec![
        block(
            "Out of cash (loss)",
            s.map(|s| format!("cash {}", money(s.company.cash))),
            "Cash below zero.".to_string(),
        ),
        block(
            "Fired (loss)",
            streak(t.map(|t| t.fired_streak), e.fired_weeks),
            format!(
                "Credits at or under {:.0} for {} while you still hold authority (50 or more): the board replaces a CTO who keeps making bad calls.",
                e.fired_credits * 100.0,
                plural(e.fired_weeks, "week")
            ),
        ),
        block(
            "Puppet (loss)",
            streak(t.map(|t| t.puppet_streak), e.puppet_weeks),
            format!(
                "For {}: authority under {:.0}, influence under {} and adoption under {:.0}%: the title without the organisation.",
                plural(e.puppet_weeks, "week"),
                e.puppet_authority * 100.0,
                puppet_bar(t.map(|t| t.puppet_bar), e),
                e.puppet_adoption * 100.0
            ),
        ),
        block(
            "10x programmer (loss)",
            streak(t.map(|t| t.ten_x_streak), e.ten_x_weeks),
            format!(
                "For {}: coding {:.0}% or more in {} of the last 16, at least {}, coverage under {:.0}% and pull (influence × adoption) under {:.0}: the line is still yours, the pull is gone.",
                plural(e.ten_x_weeks, "week"),
                e.ten_x_coding_share * 100.0,
                e.ten_x_coding_weeks,
                plural(e.ten_x_min_engineers, "engineer"),
                e.ten_x_coverage * 100.0,
                e.ten_x_pull * 100.0
            ),
        ),
        block(
            "IPO (win)",
            s.map(|s| format!("ARR {}, {} stage", money(s.company.arr), s.company.stage.label())),
            format!(
                "ARR of {} or more at {} or later.",
                money(e.ipo_arr),
                e.ipo_stage.label()
            ),
        ),
    ]
}

/// The scenario's own endings, with their conditions.
fn own(sc: &Scenario, s: Option<&State>) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, end) in sc.endings.iter().enumerate() {
        let kind = match end.outcome {
            Outcome::Win => "win",
            Outcome::Loss => "loss",
        };
        let when: Vec<String> = end
            .when
            .iter()
            .enumerate()
            .map(|(j, c)| drawn_words(c, s.map(|s| c.threshold(s, i, j))))
            .collect();
        let weeks = if end.for_weeks > 1 {
            format!(", for {}", plural(end.for_weeks, "week"))
        } else {
            String::new()
        };
        out.push(block(
            &format!("{} ({kind}, this scenario's own)", end.title),
            s.map(|s| {
                let now: Vec<String> = end
                    .when
                    .iter()
                    .map(|c| format!("{} {}", name(c), c.metric.format(c.metric.read(s))))
                    .collect();
                let held = s.ending_streaks.get(i).copied().unwrap_or(0);
                format!(
                    "{}; held {} of {}",
                    now.join(", "),
                    held,
                    plural(end.for_weeks, "week")
                )
            }),
            format!("When {}{weeks}.", when.join(" and ")),
        ));
    }
    out
}

fn block(term: &str, now: Option<String>, what: String) -> Block {
    Block {
        term: term.to_string(),
        now,
        paragraphs: vec![what],
    }
}

/// A condition's metric in words.
pub(super) fn name(c: &Condition) -> String {
    match c.metric {
        crate::engine::events::Metric::Arr => "ARR".to_string(),
        m => m.name().replace('_', " "),
    }
}

/// `ARR at least $8.0M`: a condition in words.
fn words(c: &Condition) -> String {
    let op = match c.op {
        Op::Below => "under",
        Op::AtMost => "at most",
        Op::Above => "over",
        Op::AtLeast => "at least",
    };
    format!("{} {op} {}", name(c), c.metric.format(c.value))
}

/// A condition in words; with a spread, this run's threshold (`drawn`) and
/// the range it was drawn from, or, outside a run, the range alone.
fn drawn_words(c: &Condition, drawn: Option<f64>) -> String {
    let spread = c.spread();
    if spread <= 0.0 {
        return words(c);
    }
    let range = format!(
        "{}–{}",
        c.metric.format(c.value - spread),
        c.metric.format(c.value + spread)
    );
    match drawn {
        Some(bar) => format!("{} (this run's, drawn from {range})", words(&c.at(bar))),
        None => format!("{} (drawn for each run from {range})", words(c)),
    }
}

/// The influence under which this run's CEO sidelines the CTO, or, outside
/// a run, the range the bar is drawn from.
fn puppet_bar(bar: Option<f64>, e: &crate::engine::params::EndingParams) -> String {
    match bar {
        Some(bar) => format!("{:.0} (this CEO's bar)", bar * 100.0),
        None if e.puppet_influence_spread > 0.0 => format!(
            "the CEO's bar ({:.0}–{:.0}, drawn for each run)",
            (e.puppet_influence - e.puppet_influence_spread) * 100.0,
            (e.puppet_influence + e.puppet_influence_spread) * 100.0
        ),
        None => format!("{:.0}", e.puppet_influence * 100.0),
    }
}
