//! `cto-sim balance`: the balance report of a scenario, as text or JSON.

use crate::ui::text::plural;
use std::sync::Arc;
use std::time::Instant;

use super::error::CliError;
use crate::balance::{self, Row};
use crate::scenario;
use crate::untrusted::one_line;

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
    let meter = super::progress::Meter::new();
    let tell = |done, all| meter.tell("balance", done, all);
    let report = balance::report_told(&scenario, runs, seed, threads, &tell);
    meter.finish();
    let report = report.map_err(CliError::from)?;
    let seconds = started.elapsed().as_secs_f64();
    if json {
        return Ok(super::json::write_json(out, &report)?);
    }
    writeln!(
        out,
        "Balance of '{}': {} bots and {} fixed policies, {} each ({}), {}, {seconds:.1} s.\n",
        one_line(&report.scenario),
        report.bots.len(),
        report.grid_size,
        plural(runs, "run"),
        super::words::seeds(seed, runs),
        plural(threads, "thread"),
    )?;
    writeln!(
        out,
        "{:<44} {:>6} {:>6} {:>6}  most often",
        "policy", "score", "sd", "wins"
    )?;
    for row in &report.bots {
        print_row(out, row)?;
    }
    writeln!(out, "\nBest fixed policies:")?;
    for row in &report.best_fixed {
        print_row(out, row)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", lead_verdict(&report))?;
    if report.fixed_winning > 0 {
        let share = report.fixed_winning as f64 / report.grid_size.max(1) as f64;
        writeln!(
            out,
            "{} of {} fixed policies win {:.0}% of runs or more{}",
            report.fixed_winning,
            report.grid_size,
            balance::EASY_WIN_RATE * 100.0,
            if share >= 0.1 {
                ": many ways of playing win without adapting; a crisis that needs a change of course, or a stage change inside the run, would test the player."
            } else {
                "."
            }
        )?;
    }
    writeln!(
        out,
        "{}",
        if report.passive_wins {
            "passive wins in more than 10% of runs: doing nothing is a strategy here."
        } else {
            "passive does not win (10% of runs at most): doing nothing loses."
        }
    )?;
    Ok(())
}

/// What the best fixed policy's score says about adapting.
fn lead_verdict(report: &balance::Report) -> String {
    let lead = report.lead;
    if report.fixed_beats_balanced {
        format!(
            "A fixed policy beats balanced by {:.1} points: a recipe wins without adapting to the stage.",
            -lead
        )
    } else if lead < balance::CLEAR_LEAD {
        format!("balanced leads the best fixed policy by only {lead:.1} points: adapting barely pays here.")
    } else {
        format!(
            "balanced leads the best fixed policy by {lead:.1} points: adapting to the stage pays."
        )
    }
}

fn print_row(out: &mut dyn std::io::Write, r: &Row) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<44} {:>6.1} {:>6.1} {:>5.0}%  {}",
        r.policy,
        r.mean_score,
        r.sd_score,
        r.win_rate * 100.0,
        r.ending
    )
}
