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
        "{:<44} {:>6} {:>6} {:>5}  endings",
        "policy", "score", "±95%", "wins"
    )?;
    for row in &report.bots {
        print_row(out, row)?;
    }
    writeln!(out, "\nBest fixed policies of the grid:")?;
    for row in &report.best_fixed {
        print_row(out, row)?;
    }
    if let Some(found) = &report.search {
        writeln!(
            out,
            "\nThe search: {} policies around the grid's best (5 points of attention, hours 40–60, refactoring 0–40%, every VP line, a second and third phase).",
            found.evaluated,
        )?;
        print_row(out, &found.best)?;
        writeln!(
            out,
            "On {}, which the search never saw:",
            super::words::seeds(found.fresh_seed, runs)
        )?;
        print_row(out, &found.fresh_balanced)?;
        print_row(out, &found.fresh_best)?;
        let (word, by) = if found.lead < 0.0 {
            ("trails", -found.lead)
        } else {
            ("leads", found.lead)
        };
        writeln!(
            out,
            "balanced {word} by {by:.1} ± {:.1} points (paired by seed, 95%).",
            found.lead_ci95
        )?;
    }
    print_events(out, &report.events, runs)?;
    writeln!(out)?;
    for line in &report.verdict {
        writeln!(out, "{}", one_line(line))?;
    }
    Ok(())
}

fn print_row(out: &mut dyn std::io::Write, r: &Row) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<44} {:>6.1} {:>6.1} {:>4.0}%  {}",
        r.policy,
        r.mean_score,
        r.ci95,
        r.win_rate * 100.0,
        r.ending_shares()
    )
}

/// The events `balanced` met, with each choice: how often it was taken and
/// its paired effect on the final score against the default.
fn print_events(
    out: &mut dyn std::io::Write,
    events: &[balance::EventStats],
    runs: u32,
) -> std::io::Result<()> {
    let fired: Vec<&balance::EventStats> = events.iter().filter(|e| e.per_run > 0.0).collect();
    if fired.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\nEvents ({} of {} fired; balanced over {}; each choice played on from every firing, paired with the default):",
        fired.len(),
        events.len(),
        plural(runs, "run")
    )?;
    for e in fired {
        let flag = if e.choices.len() > 1 && e.spread < balance::MOOT_SPREAD {
            "  choices barely matter"
        } else if e.dominated {
            "  one right answer"
        } else {
            ""
        };
        writeln!(
            out,
            "{}: {:.1} a run ({}), median week {}{flag}",
            one_line(&e.id),
            e.per_run,
            plural(e.firings, "firing"),
            e.median_week
        )?;
        for c in &e.choices {
            writeln!(
                out,
                "    {:<40} taken {:>3.0}%  {:>+6.1} ± {:.1}",
                one_line(&c.label),
                c.taken * 100.0,
                c.effect,
                c.effect_ci95
            )?;
        }
    }
    Ok(())
}
