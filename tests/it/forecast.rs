//! The forecast in the header: where this week's plan leads, from the model,
//! without reading the run's own luck.

use std::sync::Arc;

use cto_sim::engine::{Decision, Ending, Game, Scenario};
use cto_sim::forecast::{forecast, Forecast};
use cto_sim::policy;

/// `policy` on `scenario` with `seed`, stopped after `weeks` weeks, and the
/// decision it would play next.
fn bot_game(scenario: &str, policy: &str, seed: u64, weeks: u32) -> (Game, Decision) {
    let sc = Arc::new(Scenario::builtin(scenario).unwrap());
    let mut bot = policy::by_name(policy, seed).unwrap();
    let mut game = Game::new(Arc::clone(&sc), seed);
    for _ in 0..weeks {
        let d = bot.decide(game.state(), &sc);
        game.step(&d).unwrap();
    }
    let d = bot.decide(game.state(), &sc);
    (game, d)
}

fn show(f: &Forecast) -> String {
    format!("{f:?}")
}

#[test]
fn a_passive_run_is_told_at_week_60_that_its_plan_falls_short_of_the_goal() {
    for seed in [1, 22, 23] {
        let (game, plan) = bot_game("default", "passive", seed, 60);
        let f = forecast(&game, &plan);
        assert!(f.high < f.goal.target, "seed {seed}: {}", show(&f));
        assert!(!f.reaches_goal(), "seed {seed}: {}", show(&f));
    }
}

#[test]
fn from_week_150_of_a_balanced_run_that_wins_the_plan_reaches_the_goal() {
    // Seeds whose balanced run goes public, and whose plan at week 150 is
    // the steady one after Series B's hiring (a plan in the middle of hiring,
    // with a fifth of the week on recruiting and one manager, misses when
    // held for the rest of the run, as it should).
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    for seed in [15, 17] {
        let run = cto_sim::sim::play(&sc, "balanced", seed, |_| {}).unwrap();
        assert_eq!(run.ending, Ending::Ipo, "seed {seed}");
        let (game, plan) = bot_game("default", "balanced", seed, 150);
        let f = forecast(&game, &plan);
        assert!(f.reaches_goal(), "seed {seed}: {}", show(&f));
        assert!(f.high >= f.goal.target, "seed {seed}: {}", show(&f));
        assert!(
            f.win_week.is_some_and(|w| w <= 312),
            "seed {seed}: {}",
            show(&f)
        );
    }
}

#[test]
fn two_runs_that_look_the_same_get_the_same_forecast_whatever_their_luck() {
    let (game, plan) = bot_game("default", "balanced", 22, 40);
    // The same company on screen, with other random streams behind it.
    let other = game.reseeded(987_654_321);
    assert_eq!(game.state(), other.state());
    assert_ne!(game.hash(), other.hash(), "the streams differ");
    assert_eq!(forecast(&game, &plan), forecast(&other, &plan));
}
