//! `cto-sim simulate`: a bot plays headlessly, one run as a timeline or a batch
//! as a summary (text or JSON), recording run files if asked; `--policy all`
//! prints the bot table of docs/model.md.

use crate::ui::text::plural;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::args::SimulateArgs;
use super::error::CliError;
use crate::engine::{Scenario, State};
use crate::policy;
use crate::run::RunRecord;
use crate::scenario;
use crate::sim;
use crate::ui::money::money;
use crate::untrusted::one_line;

pub(super) fn simulate(args: SimulateArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let all = args.policy == "all";
    if !all {
        policy::by_name(&args.policy, 0).map_err(sim::SimError::from)?;
    }
    if all && args.json {
        return Err(CliError::Usage(
            "--json reports one policy; name it with --policy NAME".into(),
        ));
    }
    let mut scenario = scenario::find(args.scenario.name())?;
    if let Some(w) = args.weeks {
        // Shorter runs only: past the horizon the score would count weeks the
        // scenario does not have, and run files would not verify.
        if w > scenario.horizon_weeks {
            return Err(CliError::Usage(format!(
                "--weeks {w} is past the scenario's horizon of {} weeks; a run ends there (give at most {0})",
                scenario.horizon_weeks
            )));
        }
        scenario.horizon_weeks = w;
    }
    let scenario = Arc::new(scenario);
    if all {
        return bot_table(&scenario, args.runs, args.seed, out);
    }
    let started = Instant::now();
    if args.runs == 1 && !args.json {
        return one_run(&scenario, &args, out);
    }
    let batch = match &args.record {
        Some(dir) => record_runs(&scenario, &args, dir)?,
        None => sim::batch(&scenario, &args.policy, args.runs, args.seed)?,
    };
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if args.json {
        print_json(&batch, elapsed_ms, out)?;
    } else {
        print_batch(&batch, elapsed_ms, out)?;
    }
    Ok(())
}

/// One run as a timeline, a row a quarter (recorded too, if asked).
fn one_run(
    scenario: &Arc<Scenario>,
    args: &SimulateArgs,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let mut rows = Vec::new();
    let mut record = RunRecord::new(scenario, args.seed);
    let result = sim::play_policy(scenario, &args.policy, args.seed, None, |game, d, hash| {
        let s = game.state();
        if s.week % 13 == 0 || s.ending.is_some() {
            rows.push(timeline_row(s));
        }
        if args.record.is_some() {
            record.push_week(game, d, hash);
        }
    })?;
    if let Some(dir) = &args.record {
        save_run(dir, &args.policy, &record)?;
    }
    writeln!(
        out,
        "{} plays '{}' (seed {}).\n",
        args.policy,
        one_line(&scenario.name),
        args.seed
    )?;
    writeln!(
        out,
        "{:>5}  {:<9} {:>9} {:>9} {:>5} {:>9} {:>9} {:>7} {:>8}",
        "week", "stage", "cash", "ARR", "eng", "influence", "authority", "morale", "debt tax"
    )?;
    for r in rows {
        writeln!(out, "{r}")?;
    }
    writeln!(
        out,
        "\nEnding: {} ({}) after {}. Score {:.1}.",
        scenario.ending_id(result.ending),
        scenario.ending_headline(result.ending),
        plural(result.weeks, "week"),
        result.score
    )?;
    Ok(())
}

fn print_json(
    batch: &sim::Batch,
    elapsed_ms: f64,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let value = serde_json::json!({
        "scenario": batch.scenario,
        "policy": batch.policy,
        "runs": batch.runs,
        "seed": batch.seed,
        "weeks_simulated": batch.weeks_simulated,
        "elapsed_ms": (elapsed_ms * 1000.0).round() / 1000.0,
        "endings": batch.endings,
        "outcomes": batch.outcomes,
        "mean": batch.mean,
        "max": batch.max,
        "sd": batch.sd,
        "digest": batch.digest,
    });
    writeln!(out, "{value}")
}

fn print_batch(
    batch: &sim::Batch,
    elapsed_ms: f64,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} played '{}' {} ({}), {} in {:.0} ms.\n",
        batch.policy,
        one_line(&batch.scenario),
        plural(batch.runs, "time"),
        super::words::seeds(batch.seed, batch.runs),
        plural(batch.weeks_simulated, "week"),
        elapsed_ms
    )?;
    writeln!(out, "Endings:")?;
    for (id, &c) in &batch.endings {
        if c > 0 {
            let pct = 100.0 * f64::from(c) / f64::from(batch.runs);
            writeln!(out, "  {id:<17} {c:>6}  {pct:>5.1}%")?;
        }
    }
    let m = &batch.mean;
    writeln!(
        out,
        "\nMeans: score {:.1}, influence {:.1}, authority {:.1}, ARR ${:.2}M, headcount {:.1}, weeks {:.1}",
        m.score,
        m.influence,
        m.authority,
        m.arr / 1e6,
        m.headcount,
        m.weeks
    )
}

/// Every bot on one scenario, as a Markdown table (the one in docs/model.md).
fn bot_table(
    scenario: &Arc<Scenario>,
    runs: u32,
    seed: u64,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    writeln!(
        out,
        "'{}', {} per bot, {}.\n",
        one_line(&scenario.name),
        plural(runs, "run"),
        super::words::seeds(seed, runs)
    )?;
    writeln!(
        out,
        "| bot | score | influence | authority | ARR | headcount | weeks | endings |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---|")?;
    for name in policy::names() {
        let b = sim::batch(scenario, name, runs, seed)?;
        let endings: Vec<String> = scenario
            .all_endings()
            .into_iter()
            .filter(|e| b.count(scenario, *e) > 0)
            .map(|e| {
                let pct = 100.0 * f64::from(b.count(scenario, e)) / f64::from(runs);
                let digits = usize::from(pct < 1.0);
                format!("{} {pct:.digits$}%", scenario.ending_id(e))
            })
            .collect();
        let m = &b.mean;
        writeln!(
            out,
            "| {name} | {:.1} | {:.1} | {:.1} | {} | {:.1} | {:.0} | {} |",
            m.score,
            m.influence,
            m.authority,
            money(m.arr),
            m.headcount,
            m.weeks,
            endings.join(", ")
        )?;
    }
    Ok(())
}

/// Play the batch, recording each game to `dir`/`<policy>-<seed>.ron` as it is
/// played (the batch is played once).
fn record_runs(
    scenario: &Arc<Scenario>,
    args: &SimulateArgs,
    dir: &std::path::Path,
) -> Result<sim::Batch, CliError> {
    let mut results = Vec::with_capacity(args.runs as usize);
    for i in 0..args.runs {
        let seed = args.seed.wrapping_add(u64::from(i));
        let mut record = RunRecord::new(scenario, seed);
        let result = sim::play_policy(scenario, &args.policy, seed, None, |game, d, hash| {
            record.push_week(game, d, hash)
        })?;
        save_run(dir, &args.policy, &record)?;
        results.push(result);
    }
    Ok(sim::Batch::of(scenario, &args.policy, args.seed, results))
}

/// Write `record` to `dir`/`<policy>-<seed>.ron`.
fn save_run(dir: &Path, policy: &str, record: &RunRecord) -> Result<(), CliError> {
    let path = dir.join(format!("{policy}-{}.ron", record.seed));
    crate::run::save_atomic(&path, record)?;
    Ok(())
}

fn timeline_row(s: &State) -> String {
    format!(
        "{:>5}  {:<9} {:>9} {:>9} {:>5} {:>9.0} {:>9.0} {:>7.2} {:>7.0}%",
        s.week,
        s.company.stage.label(),
        money(s.company.cash),
        money(s.company.arr),
        s.people.engineers(),
        s.influence_points(),
        s.authority_points(),
        s.company.morale,
        s.metrics.debt_tax * 100.0
    )
}
