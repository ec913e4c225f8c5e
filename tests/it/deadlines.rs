//! Deadlines an event sets (issue 23, hours that stay live): the hours put
//! in count, a rested crunch makes a deadline a steady week misses, a tired
//! CTO cannot, and a deck's author hears about a deadline built wrong.

use std::sync::Arc;

use crate::common;

use cto_sim::engine::events::Condition;
use cto_sim::engine::events::{Choice, Effect, EventDef, Metric, Op};
use cto_sim::engine::kinds::Activity;
use cto_sim::engine::news::News;
use cto_sim::engine::{Answer, Attention, Game, Scenario};
use cto_sim::sim::batch;

/// The week the test event fires (answered the week after).
const FIRES: u32 = 10;

/// A quiet scenario whose one event fires at week [`FIRES`] and offers a
/// deadline of `hours` over `weeks` (on `on`): met raises fit, missed lowers it.
fn with_deadline(hours: f64, weeks: u32, on: Option<Activity>) -> Arc<Scenario> {
    common::quiet_scenario(|s| {
        s.events.push(EventDef {
            id: "launch".into(),
            title: "Launch".into(),
            text: "A date.".into(),
            when: vec![Condition::new(Metric::Week, Op::AtLeast, f64::from(FIRES))],
            chance: 1.0,
            once: true,
            cooldown_weeks: 0,
            follow_up_only: false,
            choices: vec![
                Choice {
                    label: "Hold the date".into(),
                    effects: vec![Effect::Deadline {
                        hours,
                        weeks,
                        on,
                        met: vec![Effect::Change {
                            metric: Metric::Credits,
                            by: 0.05,
                        }],
                        missed: vec![Effect::Change {
                            metric: Metric::Credits,
                            by: -0.05,
                        }],
                    }],
                },
                Choice {
                    label: "Move it".into(),
                    effects: vec![Effect::Change {
                        metric: Metric::Morale,
                        by: -0.01,
                    }],
                },
            ],
            default_choice: 1,
        });
    })
}

/// Play `before` hours until the event fires, answer it with the deadline,
/// then `during` hours for `weeks` + 1 weeks at `split`: whether the
/// deadline was met (`None`: it never settled).
fn play(sc: Arc<Scenario>, before: u8, during: u8, weeks: u32, split: Attention) -> Option<bool> {
    let mut g = Game::new(sc, 7);
    common::play_steady(&mut g, FIRES, &common::decision(before, split));
    assert_eq!(
        g.state().pending.len(),
        1,
        "the event fired at week {FIRES}"
    );
    let mut answer = common::decision(before, split);
    answer.answers = vec![Answer {
        pending: 0,
        choice: 0,
    }];
    common::play_steady(&mut g, 0, &answer);
    g.step(&answer).unwrap();
    assert_eq!(g.state().deadlines.len(), 1, "the answer set the deadline");
    let mut settled = None;
    for _ in 0..=weeks {
        common::play_steady(&mut g, 1, &common::decision(during, split));
        for n in &g.state().news {
            match n {
                News::DeadlineMet(_) => settled = Some(true),
                News::DeadlineMissed(_) => settled = Some(false),
                _ => {}
            }
        }
    }
    assert!(g.state().deadlines.is_empty(), "a settled deadline is gone");
    settled
}

fn split() -> Attention {
    Attention::new(30, 10, 30, 30)
}

#[test]
fn a_rested_crunch_meets_a_deadline_a_steady_week_misses() {
    let sc = with_deadline(96.0, 2, None);
    assert_eq!(play(sc.clone(), 45, 45, 2, split()), Some(false));
    assert_eq!(play(sc.clone(), 45, 54, 2, split()), Some(true));
    // Ten weeks at 55 hours leave the CTO too tired for the same crunch.
    assert_eq!(play(sc, 55, 54, 2, split()), Some(false));
}

#[test]
fn a_deadline_on_coding_counts_only_the_hours_given_to_coding() {
    let sc = with_deadline(25.0, 2, Some(Activity::Coding));
    let none = Attention::new(40, 20, 0, 40);
    assert_eq!(play(sc.clone(), 45, 60, 2, none), Some(false));
    let coding = Attention::new(20, 10, 50, 20);
    assert_eq!(play(sc, 45, 45, 2, coding), Some(true));
}

#[test]
fn a_met_deadline_pays_and_a_missed_one_costs() {
    let credits = |during: u8| {
        let mut g = Game::new(with_deadline(96.0, 2, None), 7);
        common::play_steady(&mut g, FIRES, &common::decision(45, split()));
        let mut answer = common::decision(45, split());
        answer.answers = vec![Answer {
            pending: 0,
            choice: 0,
        }];
        g.step(&answer).unwrap();
        common::play_steady(&mut g, 2, &common::decision(during, split()));
        let before = g.state().power.credits;
        common::play_steady(&mut g, 1, &common::decision(45, split()));
        g.state().power.credits - before
    };
    assert!(
        credits(54) > credits(45) + 0.05,
        "{} vs {}",
        credits(54),
        credits(45)
    );
}

/// `balanced` crunches for a deadline and rests otherwise; the same player
/// at any constant week scores at least a point lower on the two built-ins
/// whose decks set deadlines (200 seeds; `cto-sim simulate SC --policy
/// balanced,hours=N --runs 200`). Fails if hours go dead again: if no
/// deadline's stake pays for the crunch, or a steady long week pays.
#[test]
fn crunching_for_deadlines_beats_every_constant_week() {
    for name in ["default", "turnaround"] {
        let sc = Arc::new(Scenario::builtin(name).unwrap());
        let score = |p: &str| batch(&sc, p, 200, 1).unwrap().mean.score;
        let balanced = score("balanced");
        for h in [40, 45, 48, 52, 56] {
            let steady = score(&format!("balanced,hours={h}"));
            println!("{name}: balanced {balanced:.2}, hours={h} {steady:.2}");
            assert!(
                steady + 1.0 <= balanced,
                "{name}: a constant {h} h scores {steady:.2} against balanced's {balanced:.2}"
            );
        }
    }
}

#[test]
fn a_deadline_with_nothing_at_stake_or_inside_another_is_refused() {
    let text = r#"(
        version: 1,
        name: "Dates",
        description: "Deadlines built wrong.",
        events: [
            (id: "empty", title: "Empty", text: "Nothing.", choices: [(label: "Go", effects: [Deadline(hours: 50.0, weeks: 2)])]),
            (id: "nested", title: "Nested", text: "Twice.", choices: [(label: "Go", effects: [Deadline(hours: 50.0, weeks: 2, met: [Deadline(hours: 10.0, weeks: 1, met: [Change(metric: fit, by: 0.01)])])])]),
            (id: "long", title: "Long", text: "Forever.", choices: [(label: "Go", effects: [Deadline(hours: 50.0, weeks: 99, missed: [Change(metric: fit, by: -0.01)])])]),
        ],
    )"#;
    assert_eq!(
        common::error_paths(text, "dates.ron"),
        [
            "events[0].choices[0].effects[0]",
            "events[1].choices[0].effects[0].met[0]",
            "events[2].choices[0].effects[0].weeks",
        ]
    );
}
