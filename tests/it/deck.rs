//! The default deck: decisions all run long, none of them asked again and
//! again, and a structural decision at each stage from Series A on.

use std::sync::Arc;

use cto_sim::engine::events::{Effect, Metric, Op};
use cto_sim::engine::Scenario;

/// The smallest stage an event's conditions ask for (0 when none does).
fn from_stage(e: &cto_sim::engine::events::EventDef) -> f64 {
    e.when
        .iter()
        .filter(|c| c.metric == Metric::Stage && c.op == Op::AtLeast)
        .map(|c| c.value)
        .fold(0.0, f64::max)
}

#[test]
fn no_event_of_the_default_deck_can_fire_three_times_a_run() {
    let sc = Scenario::builtin("default").unwrap();
    for e in sc.events.iter().filter(|e| !e.follow_up_only) {
        assert!(
            e.once || 2 * e.cooldown_weeks >= sc.horizon_weeks,
            "{} can fire every {} weeks of {}",
            e.id,
            e.cooldown_weeks,
            sc.horizon_weeks
        );
    }
    let b = cto_sim::sim::batch(&Arc::new(sc), "balanced", 20, 1).unwrap();
    assert!(b.max.event_repeats <= 2, "{:?}", b.max);
}

#[test]
fn a_run_of_the_default_scenario_still_meets_new_decisions_after_week_150() {
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    let b = cto_sim::sim::batch(&sc, "balanced", 20, 1).unwrap();
    assert!(b.mean.distinct_events >= 15.0, "{:?}", b.mean);
    assert!(b.mean.distinct_events_after_week_150 >= 5.0, "{:?}", b.mean);
    assert!(b
        .results
        .iter()
        .all(|r| r.distinct_events_late <= r.distinct_events));
}

/// Series A, B, C and Growth each bring a decision the organisation settles
/// with a lasting cost when the CTO does not: the default choice shifts a
/// parameter for the rest of the run or schedules the bill.
#[test]
fn each_stage_from_series_a_brings_a_decision_whose_default_costs() {
    let sc = Scenario::builtin("default").unwrap();
    for stage in 1..=4 {
        let found = sc.events.iter().find(|e| {
            let default = &e.choices[e.default_choice];
            from_stage(e) == f64::from(stage)
                && e.once
                && e.choices.len() >= 3
                && default
                    .effects
                    .iter()
                    .any(|f| matches!(f, Effect::Tune { .. } | Effect::FollowUp { .. }))
        });
        assert!(found.is_some(), "no structural decision at stage {stage}");
    }
}
