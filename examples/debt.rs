//! Where do the debt tax and refactoring cost? Plays each policy over the
//! same seeds and prints, for every 20 weeks of the run, the mean delivery
//! (velocity over what the business needs, capped at 100%), the share of
//! weeks short of 100%, the debt tax, velocity and the stage (0 = Seed). A
//! point of velocity costs something only in weeks short of 100%: spare
//! capacity is free (docs/model.md, "Refactoring stays live on default").
//!
//! `cargo run --release --example debt [SCENARIO] [SEEDS] [POLICY…]`
//! (defaults: default, 200 seeds, `balanced`, `balanced,refactor=0`,
//! `balanced,refactor=40`; SCENARIO may be a path).

use std::sync::Arc;

use cto_sim::engine::Scenario;

/// Weeks per row.
const SPAN: u32 = 20;
/// Rows: the last one takes every later week.
const ROWS: usize = 15;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("default", String::as_str);
    let seeds: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    let policies: Vec<&str> = match args.get(3..) {
        Some(rest) if !rest.is_empty() => rest.iter().map(String::as_str).collect(),
        _ => vec!["balanced", "balanced,refactor=0", "balanced,refactor=40"],
    };
    let sc: Arc<Scenario> = match cto_sim::scenario::resolve(name) {
        Ok((checked, _)) => Arc::new(checked.scenario),
        Err(e) => {
            eprintln!("{name}: {e}");
            std::process::exit(2);
        }
    };
    for policy in policies {
        // Per row: weeks, delivery, weeks short, debt tax, velocity, stage.
        let mut rows = [[0.0f64; 6]; ROWS];
        let mut score = 0.0;
        for seed in 1..=seeds {
            let r = cto_sim::sim::play(&sc, policy, seed, |s| {
                let row = &mut rows[((s.week.saturating_sub(1) / SPAN) as usize).min(ROWS - 1)];
                let m = &s.metrics;
                row[0] += 1.0;
                row[1] += m.delivery;
                row[2] += f64::from(u8::from(m.delivery < 0.999));
                row[3] += m.debt_tax;
                row[4] += m.velocity;
                row[5] += s.company.stage.index() as f64;
            });
            match r {
                Ok(r) => score += r.score,
                Err(e) => {
                    eprintln!("{policy}: {e}");
                    std::process::exit(2);
                }
            }
        }
        println!(
            "{policy}: mean score {:.1} over {seeds} seeds",
            score / seeds as f64
        );
        println!("  weeks    runs  delivery  short  debt tax  velocity  stage");
        for (i, row) in rows.iter().enumerate().filter(|(_, r)| r[0] > 0.0) {
            let n = row[0];
            let from = i as u32 * SPAN + 1;
            println!(
                "  {from:>3}–{:<3} {:>5.0}  {:>7.0}%  {:>4.0}%  {:>7.0}%  {:>8.1}  {:>5.1}",
                from + SPAN - 1,
                n / f64::from(SPAN),
                100.0 * row[1] / n,
                100.0 * row[2] / n,
                100.0 * row[3] / n,
                row[4] / n,
                row[5] / n
            );
        }
    }
}
