//! Funding a player can read: runway follows the recurring burn (a one-off
//! cost or refund never swings it), and the CEO raises because of runway only
//! when runway is really short.

use std::sync::Arc;

use cto_sim::engine::kinds::RUNWAY_LONG;
use cto_sim::engine::{News, Scenario, State};
use cto_sim::sim;

/// Every week of `bot` on `scenario`, seeds 1–50.
fn runs(scenario: &str, bot: &str) -> Vec<Vec<State>> {
    let sc = Arc::new(Scenario::builtin(scenario).expect("a built-in"));
    (1..=50)
        .map(|seed| {
            let mut weeks = Vec::new();
            sim::play(&sc, bot, seed, |s| weeks.push(s.clone())).expect("the bot plays");
            weeks
        })
        .collect()
}

#[test]
fn runway_never_dips_for_one_week() {
    for scenario in ["default", "turnaround"] {
        for (i, weeks) in runs(scenario, "balanced").iter().enumerate() {
            for w in weeks.windows(3) {
                // As the header reads it: past five years it says "> 5 yr".
                let [before, now, after] =
                    [&w[0], &w[1], &w[2]].map(|s| s.metrics.runway_months.min(RUNWAY_LONG));
                assert!(
                    !(before >= 6.0 && after >= 6.0 && now < before / 2.0 && now < after / 2.0),
                    "{scenario} seed {}: runway {before:.1} → {now:.1} → {after:.1} months at week {}",
                    i + 1,
                    w[1].week
                );
            }
        }
    }
}

#[test]
fn the_ceo_raises_for_runway_only_when_it_is_short() {
    for scenario in ["default", "turnaround"] {
        let sc = Scenario::builtin(scenario).expect("a built-in");
        let mut for_runway = 0;
        for (i, weeks) in runs(scenario, "balanced").iter().enumerate() {
            for w in weeks.windows(2) {
                let (before, s) = (&w[0], &w[1]);
                let Some(stage) = s.news.iter().find_map(|n| match n {
                    News::RaiseStarted { stage } => Some(*stage),
                    _ => None,
                }) else {
                    continue;
                };
                let round = sc.params.business.rounds.iter().find(|r| r.from == stage);
                let at_bar = round.is_some_and(|r| s.company.arr >= r.arr_bar);
                if at_bar {
                    continue;
                }
                // Started for lack of runway: the week it started, runway was
                // short by the figure the header shows, and the week before
                // too, unless the week's answer to an event spent the cash
                // (the header then showed the longer runway of the week
                // before the choice).
                for_runway += 1;
                let spent = s
                    .news
                    .iter()
                    .any(|n| matches!(n, News::EventSettled { .. }))
                    && s.company.cash < before.company.cash - 100_000.0;
                let states = if spent { vec![s] } else { vec![before, s] };
                for state in states {
                    assert!(
                        state.metrics.runway_months <= 12.0,
                        "{scenario} seed {}: a raise for runway started at week {} with {:.1} months left",
                        i + 1,
                        s.week,
                        state.metrics.runway_months
                    );
                }
            }
        }
        println!("{scenario}: {for_runway} raises started for runway");
    }
}
