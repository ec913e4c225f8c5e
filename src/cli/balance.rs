//! `cto-sim balance`: the balance report of a scenario, as text or JSON.

use std::sync::Arc;
use std::time::Instant;

use super::error::CliError;
use crate::balance::{self, Row};
use crate::scenario;

pub(super) fn balance(
    name: &str,
    runs: u32,
    seed: u64,
    json: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let scenario = Arc::new(scenario::find(name)?);
    let started = Instant::now();
    let threads = balance::threads();
    let report = balance::report(&scenario, runs, seed, threads).map_err(CliError::from)?;
    let seconds = started.elapsed().as_secs_f64();
    if json {
        super::json::write_json(out, &report);
        return Ok(());
    }
    let _ = writeln!(
        out,
        "Balance of '{}': {} bots and {} fixed policies, {runs} runs each (seeds {seed}–{}), {threads} threads, {seconds:.1} s.\n",
        report.scenario,
        report.bots.len(),
        report.grid_size,
        seed.wrapping_add(u64::from(runs) - 1),
    );
    let _ = writeln!(
        out,
        "{:<44} {:>6} {:>6} {:>6}  most often",
        "policy", "score", "sd", "wins"
    );
    for row in &report.bots {
        print_row(out, row);
    }
    let _ = writeln!(out, "\nBest fixed policies:");
    for row in &report.best_fixed {
        print_row(out, row);
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        if report.fixed_beats_balanced {
            "A fixed policy beats balanced: a recipe wins without adapting to the stage."
        } else {
            "No fixed policy beats balanced: adapting to the stage pays."
        }
    );
    let _ = writeln!(
        out,
        "{}",
        if report.passive_wins {
            "passive wins in more than 10% of runs: doing nothing is a strategy here."
        } else {
            "passive does not win (10% of runs at most): doing nothing loses."
        }
    );
    Ok(())
}

fn print_row(out: &mut dyn std::io::Write, r: &Row) {
    let _ = writeln!(
        out,
        "{:<44} {:>6.1} {:>6.1} {:>5.0}%  {}",
        r.policy,
        r.mean_score,
        r.sd_score,
        r.win_rate * 100.0,
        r.ending
    );
}
