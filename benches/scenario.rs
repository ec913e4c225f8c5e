//! Parsing and validating the largest scenario the game accepts: just under the
//! 1 MiB limit, full of events with the most choices, effects and conditions.
//! Run with `cargo bench --bench scenario`; figures go in BENCHMARKS.md.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use cto_sim::scenario::{load_str, MAX_BYTES};

/// A valid scenario as close to the size limit as whole events allow.
fn largest_scenario() -> String {
    let head = "(\n    version: 1,\n    name: \"Largest\",\n    description: \"As big as allowed.\",\n    events: [\n";
    let tail = "    ],\n)\n";
    let mut events = Vec::new();
    let mut size = head.len() + tail.len();
    for i in 0..256 {
        let mut e = String::new();
        let _ = write!(
            e,
            "        (\n            id: \"event_{i}\",\n            title: \"Event {i}\",\n            text: \"{}\",\n            when: [",
            "The team has {engineers} engineers. ".repeat(50)
        );
        for k in 0..16 {
            let _ = write!(e, "(metric: week, op: at_least, value: {k}), ");
        }
        e.push_str("],\n            chance: 0.01,\n            choices: [\n");
        for c in 0..8 {
            let _ = write!(e, "                (label: \"Choice {c}\", effects: [");
            for _ in 0..16 {
                e.push_str("Change(metric: morale, by: 0.001), ");
            }
            e.push_str("]),\n");
        }
        e.push_str("            ],\n        ),\n");
        if size + e.len() > MAX_BYTES as usize {
            break;
        }
        size += e.len();
        events.push(e);
    }
    format!("{head}{}{tail}", events.concat())
}

fn bench_load(c: &mut Criterion) {
    let text = largest_scenario();
    let checked = load_str(&text, "largest.ron").expect("the largest scenario is valid");
    let mut g = c.benchmark_group("scenario");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(
        format!(
            "parse + validate the largest scenario ({} bytes, {} events)",
            text.len(),
            checked.scenario.events.len()
        ),
        |b| b.iter(|| black_box(load_str(black_box(&text), "largest.ron").unwrap())),
    );
    let default = cto_sim::scenario::BUILTIN[0].1;
    g.throughput(Throughput::Bytes(default.len() as u64));
    g.bench_function("parse + validate the default scenario", |b| {
        b.iter(|| black_box(load_str(black_box(default), "default.ron").unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
