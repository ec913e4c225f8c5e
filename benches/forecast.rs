//! The forecast's speed: one week's forecast (every future played to the
//! end of the run), as the week screen's worker computes it.
//! Run with `cargo bench --bench forecast`; figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use cto_sim::engine::{Decision, Game, Scenario};
use cto_sim::forecast::forecast;
use cto_sim::policy;

/// `policy` on the default scenario after `weeks` weeks, and its next decision.
fn game_at(policy: &str, seed: u64, weeks: u32) -> (Game, Decision) {
    let sc = Arc::new(Scenario::builtin("default").expect("default scenario"));
    let mut bot = policy::by_name(policy, seed).unwrap();
    let mut game = Game::new(Arc::clone(&sc), seed);
    for _ in 0..weeks {
        let d = bot.decide(game.state(), &sc);
        game.step(&d).unwrap();
    }
    let d = bot.decide(game.state(), &sc);
    (game, d)
}

fn bench_forecast(c: &mut Criterion) {
    let mut g = c.benchmark_group("forecast");
    // The longest forecasts: from the first week, every future to week 312;
    // and from the middle of a growing company.
    for (name, policy, weeks) in [
        ("week 1, passive (16 futures x 312 weeks)", "passive", 0),
        ("week 1, balanced", "balanced", 0),
        ("week 150, balanced (Series B)", "balanced", 150),
    ] {
        let (game, plan) = game_at(policy, 15, weeks);
        g.bench_function(name, |b| b.iter(|| black_box(forecast(&game, &plan))));
    }
    g.finish();
}

criterion_group!(benches, bench_forecast);
criterion_main!(benches);
