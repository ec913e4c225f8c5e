//! Saved runs: verifying a ten-year run, and saving one.
//! Run with `cargo bench --bench runs`; figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use cto_sim::engine::Scenario;
use cto_sim::policy;
use cto_sim::run::{self, Recording};

/// A ten-year (520-week) run: the balanced bot with the IPO out of reach, on
/// the first seed where nothing else ends the run early.
fn ten_years() -> Recording {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.horizon_weeks = 520;
    sc.params.endings.ipo_arr = 1e12; // keep going for all ten years
    let sc = Arc::new(sc);
    (1..=100)
        .map(|seed| {
            let mut bot = policy::by_name("balanced,answers=default", seed).unwrap();
            let mut rec = Recording::start(Arc::clone(&sc), seed);
            while !rec.game.is_over() {
                let d = bot.decide(rec.game.state(), &sc);
                rec.step(&d).unwrap();
            }
            rec
        })
        .find(|rec| rec.record.weeks.len() == 520)
        .expect("a seed that plays all ten years")
}

fn bench_runs(c: &mut Criterion) {
    let rec = ten_years();
    let dir = std::env::temp_dir().join(format!("cto-sim-bench-{}", std::process::id()));
    let path = dir.join("ten_years.ron");
    run::save_atomic(&path, &rec.record).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    let mut g = c.benchmark_group("runs");
    g.bench_function("verify a 520-week run (replay + hash checks)", |b| {
        b.iter(|| black_box(run::verify(black_box(&rec.record), "bench").unwrap()))
    });
    g.bench_function(
        format!("load + verify a 520-week run file ({bytes} bytes)"),
        |b| {
            b.iter(|| {
                let r = run::load(&path).unwrap();
                black_box(run::verify(&r, "bench").unwrap())
            })
        },
    );
    g.bench_function(
        "save a 520-week run atomically (write, fsync, rename)",
        |b| b.iter(|| run::save_atomic(black_box(&path), &rec.record).unwrap()),
    );
    let mut app = cto_sim::ui::App::replay(run::verify(&rec.record, "bench").unwrap().recording);
    let mut week = 519u32;
    g.bench_function(
        "seek anywhere in a 520-week replay (backward included)",
        |b| {
            b.iter(|| {
                // A stride that visits weeks in both directions.
                week = (week + 337) % 521;
                app.seek(black_box(week));
            })
        },
    );
    // The retrospective of a full-length run: every "what if", each a replay.
    let full = run::load(std::path::Path::new("tests/runs/default-sharer-1.ron")).unwrap();
    let sc = Arc::new(
        run::verify(&full, "bench")
            .unwrap()
            .recording
            .game
            .scenario()
            .clone(),
    );
    g.bench_function("what if: every alternative of a 312-week run", |b| {
        b.iter(|| black_box(cto_sim::whatif::what_ifs(black_box(&full), &sc)))
    });
    g.finish();
    std::fs::remove_dir_all(&dir).ok();
}

criterion_group!(benches, bench_runs);
criterion_main!(benches);
