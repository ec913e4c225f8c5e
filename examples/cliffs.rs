//! Where does an ending hang on a cliff? Plays every split of an attention grid
//! and each neighbour five points away (five points moved from one activity to
//! another), and prints the pairs whose share of some ending differs most.
//!
//! `cargo run --release --example cliffs [SCENARIO] [RUNS] [STEP] [--floor N] [--top N]`
//! (defaults: `default`, 50 seeds, a 20% grid). `--floor N` leaves out pairs
//! where either split gives an activity less than N percent (`--no-zero`:
//! `--floor 5`); `--top N` lists the N widest (10); `--options ,vp=ceo,hours=48`
//! follows every split (a fixed policy's options). The bar: no pair differs by more than 35 points.

use std::sync::Arc;

use cto_sim::balance;
use cto_sim::scenario;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--floor N`: leave out pairs where either split gives an activity less
    // than N percent (`--no-zero` is `--floor 5`).
    let floor: u8 = args
        .iter()
        .position(|a| a == "--floor")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(if args.iter().any(|a| a == "--no-zero") {
            5
        } else {
            0
        });
    let top: usize = args
        .iter()
        .position(|a| a == "--top")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let mut positional = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--")
                && (*i == 0 || !["--floor", "--top", "--options"].contains(&args[i - 1].as_str()))
        })
        .map(|(_, a)| a);
    let name = positional.next().map_or("default", String::as_str);
    let runs: u32 = positional.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let step: u8 = positional.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let scenario = Arc::new(scenario::find(name).expect("a scenario"));

    // `--options ,vp=forum,hours=48`: what follows every split.
    let options = args
        .iter()
        .position(|a| a == "--options")
        .and_then(|i| args.get(i + 1))
        .map_or("", String::as_str);
    let cliffs =
        balance::cliffs(&scenario, step, floor, runs, options).expect("every policy plays");
    for cliff in cliffs.iter().take(top) {
        println!(
            "{:>3.0} points  {} vs {}: {} {:.0}% vs {:.0}%",
            cliff.gap() * 100.0,
            cliff.policies[0],
            cliff.policies[1],
            cliff.ending,
            cliff.shares[0] * 100.0,
            cliff.shares[1] * 100.0
        );
    }
    let over = cliffs.iter().filter(|c| c.gap() > 0.35).count();
    println!(
        "{over} of {} ending shares move by more than 35 points",
        cliffs.len()
    );
}
