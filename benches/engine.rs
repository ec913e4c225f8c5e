//! Engine speed: one week, a whole run, and the state hash.
//! Run with `cargo bench --bench engine`; figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use cto_sim::engine::Scenario;
use cto_sim::engine::{Decision, Game};
use cto_sim::policy;

fn default_scenario() -> Arc<Scenario> {
    Arc::new(Scenario::builtin("default").expect("default scenario"))
}

/// A game 100 weeks into a balanced run, and the decision for the next week.
fn mid_game() -> (Game, Decision) {
    let scenario = default_scenario();
    let mut bot = policy::by_name("balanced", 1).unwrap();
    let mut game = Game::new(Arc::clone(&scenario), 1);
    for _ in 0..100 {
        let d = bot.decide(game.state(), &scenario);
        game.step(&d).unwrap();
    }
    let d = bot.decide(game.state(), &scenario);
    (game, d)
}

fn bench_step(c: &mut Criterion) {
    let (game, decision) = mid_game();
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Elements(1));
    g.bench_function("step (one week, hash included)", |b| {
        b.iter_batched_ref(
            || game.clone(),
            |game| black_box(game.step(black_box(&decision)).unwrap()),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("state hash", |b| b.iter(|| black_box(game.hash())));
    g.finish();
}

/// A whole run: the engine with the reference's weekly plan (events left to
/// their defaults), and `balanced` itself, which also plays each pending
/// event's choices a few futures ahead.
fn bench_run(c: &mut Criterion) {
    let scenario = default_scenario();
    let mut g = c.benchmark_group("run");
    for (policy, what) in [
        (
            "balanced,answers=default",
            "balanced's plan, events to their defaults",
        ),
        (
            "balanced",
            "balanced, answering events from their forecasts",
        ),
    ] {
        let weeks = cto_sim::sim::play(&scenario, policy, 1, |_| {})
            .unwrap()
            .weeks;
        g.throughput(Throughput::Elements(u64::from(weeks)));
        g.bench_function(format!("default scenario, {what} ({weeks} weeks)"), |b| {
            b.iter(|| black_box(cto_sim::sim::play(&scenario, policy, 1, |_| {}).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_step, bench_run);
criterion_main!(benches);
