//! Illegal decisions get typed errors, never a panic, and leave the run untouched.

use crate::common;

use std::sync::Arc;

use cto_sim::engine::{Answer, Attention, Decision, DecisionError, Game, ReportingLine};

fn game() -> Game {
    Game::new(Arc::new(common::default_scenario()), 1)
}

fn refused(d: &Decision) -> DecisionError {
    let mut g = game();
    let before = g.hash();
    let err = g.step(d).expect_err("the decision must be refused");
    assert_eq!(g.hash(), before, "a refused decision changed the state");
    assert_eq!(g.state().week, 0);
    err
}

#[test]
fn attention_that_does_not_add_up_to_100_is_refused() {
    let d = Decision {
        attention: Attention::new(40, 40, 40, 0),
        ..Decision::default()
    };
    assert_eq!(refused(&d), DecisionError::AttentionSum { total: 120 });
    assert_eq!(
        refused(&d).to_string(),
        "attention adds up to 120%, it must add up to 100%"
    );
}

#[test]
fn hours_outside_35_to_80_are_refused() {
    for hours in [0, 34, 81, 255] {
        let d = Decision {
            hours,
            ..Decision::default()
        };
        assert!(matches!(refused(&d), DecisionError::HoursOutOfRange { .. }));
    }
}

#[test]
fn a_reporting_line_for_a_vp_who_does_not_exist_is_refused() {
    let d = Decision {
        vp_lines: vec![ReportingLine::Ceo { forum: true }],
        ..Decision::default()
    };
    assert_eq!(
        refused(&d),
        DecisionError::LineWithoutVp { index: 0, vps: 0 }
    );
}

#[test]
fn too_much_refactoring_and_too_many_vps_are_refused() {
    let d = Decision {
        refactor_pct: 41,
        ..Decision::default()
    };
    assert!(matches!(
        refused(&d),
        DecisionError::RefactorOutOfRange { .. }
    ));
    let mut d = Decision::default();
    d.hiring.vps = 4;
    assert!(matches!(refused(&d), DecisionError::TooManyVps { .. }));
}

#[test]
fn answers_to_events_that_are_not_pending_are_refused() {
    let d = Decision {
        answers: vec![Answer {
            pending: 0,
            choice: 0,
        }],
        ..Decision::default()
    };
    assert_eq!(
        refused(&d),
        DecisionError::UnknownEvent {
            index: 0,
            pending: 0
        }
    );
}

#[test]
fn a_finished_run_takes_no_more_decisions() {
    let scenario = common::quiet_scenario(|s| s.horizon_weeks = 2);
    let mut g = Game::new(scenario, 1);
    g.step(&Decision::default()).unwrap();
    g.step(&Decision::default()).unwrap();
    assert!(g.is_over());
    assert_eq!(g.step(&Decision::default()), Err(DecisionError::RunOver));
}

#[test]
fn an_event_is_answered_by_the_cto_or_settled_by_its_default() {
    use cto_sim::engine::events::{Choice, Effect, EventDef, Metric};
    use cto_sim::engine::News;
    let scenario = common::quiet_scenario(|s| {
        s.events.push(EventDef {
            id: "offsite".into(),
            title: "Offsite".into(),
            text: "The team wants an offsite.".into(),
            when: vec![],
            chance: 1.0,
            once: false,
            cooldown_weeks: 1,
            follow_up_only: false,
            choices: vec![
                Choice {
                    label: "Pay for it".into(),
                    effects: vec![Effect::Change {
                        metric: Metric::Cash,
                        by: -50_000.0,
                    }],
                },
                Choice {
                    label: "No".into(),
                    effects: vec![Effect::Change {
                        metric: Metric::Morale,
                        by: -0.01,
                    }],
                },
            ],
            default_choice: 1,
        });
    });
    let mut g = Game::new(Arc::clone(&scenario), 1);
    g.step(&Decision::default()).unwrap();
    assert_eq!(g.state().pending.len(), 1, "the event fires");
    // Choosing an option that does not exist is refused.
    let mut d = Decision {
        answers: vec![Answer {
            pending: 0,
            choice: 2,
        }],
        ..Decision::default()
    };
    assert!(matches!(
        g.step(&d),
        Err(DecisionError::UnknownChoice { .. })
    ));
    // The CTO pays: the week's costs include the offsite.
    d.answers[0].choice = 0;
    let mut same = g.clone();
    g.step(&d).unwrap();
    same.step(&Decision::default()).unwrap();
    assert!(g.state().news.contains(&News::EventSettled {
        event: 0,
        choice: 0,
        by_cto: true
    }));
    assert!(same.state().news.contains(&News::EventSettled {
        event: 0,
        choice: 1,
        by_cto: false
    }));
    let extra = g.state().metrics.costs - same.state().metrics.costs;
    assert!((extra - 50_000.0).abs() < 1.0, "offsite cost {extra}");
}
