//! The command line: argument definitions and the commands behind them.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::engine::state::State;
use crate::policy;
use crate::scenario::{self, Scenario, ScenarioError, DEFAULT};
use crate::sim;
use crate::ui::text::money;

#[derive(Debug, Parser)]
#[command(
    name = "cto-sim",
    version,
    about = "You are the CTO of a growing startup."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play: start a run at week 1 (without a command: the title screen).
    Play {
        /// A built-in scenario name, a name from your scenario folder, or a path.
        #[arg(long, short, default_value = DEFAULT)]
        scenario: String,
        /// The run's seed: the same scenario and seed always give the same game.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// List the bots, a line each.
    Policies,
    /// Let a bot play runs headlessly and summarise them.
    Simulate(SimulateArgs),
    /// List the scenarios: built-in ones and those in your scenario folder.
    Scenarios,
    /// Resume a saved run (without a file: the run you were playing last).
    Continue {
        /// A run file; default: the autosave in your data folder.
        file: Option<PathBuf>,
    },
    /// Re-simulate a run file and check every week's state hash.
    Verify {
        file: PathBuf,
        /// Print exactly one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Watch a run file: play, pause, speed, step and seek both ways, fork.
    Replay { file: PathBuf },
    /// Tell a run's story as Markdown, for sharing.
    Report { file: PathBuf },
    /// Check scenario files: syntax, values, then a short simulation with bots.
    Check {
        /// Scenario files (or built-in names) to check.
        #[arg(required = true)]
        files: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// The bot that plays (see `cto-sim policies`), or `all` for a table of every bot.
    #[arg(long, short)]
    pub policy: String,
    /// A built-in scenario name or a path to a .ron file.
    #[arg(long, short, default_value = DEFAULT)]
    pub scenario: String,
    /// Number of runs; seeds are S, S+1, …
    #[arg(long, short, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub runs: u32,
    /// Seed of the first run.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Play at most this many weeks (overrides the scenario's horizon).
    #[arg(long, short, value_parser = clap::value_parser!(u32).range(1..=5200))]
    pub weeks: Option<u32>,
    /// Print exactly one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write one run file per game into this folder (replayable with `verify`).
    #[arg(long, value_name = "DIR")]
    pub record: Option<PathBuf>,
}

/// An error for the person at the terminal; `main` prints it and exits 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
    #[error("{0}")]
    Sim(#[from] sim::SimError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Terminal(#[from] std::io::Error),
    #[error("{0}")]
    Run(#[from] crate::run::RunError),
    /// Already reported on the output (e.g. `check` found errors).
    #[error("")]
    Failed,
}

/// Run the parsed command line, writing to `out`.
pub fn run(cli: Cli, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    run_from(cli, out, Instant::now())
}

/// [`run`], timing the first frame from `started` (the process's start).
pub fn run_from(cli: Cli, out: &mut dyn std::io::Write, started: Instant) -> Result<(), CliError> {
    match cli.command {
        None => Ok(crate::ui::run(crate::ui::App::title(), started)?),
        Some(Command::Play { scenario, seed }) => {
            let scenario = Arc::new(load_scenario(&scenario)?);
            Ok(crate::ui::run(
                crate::ui::App::play(scenario, seed),
                started,
            )?)
        }
        Some(Command::Policies) => {
            for (name, about) in policy::BOTS {
                let _ = writeln!(out, "{name:<10} {about}");
            }
            Ok(())
        }
        Some(Command::Simulate(args)) => simulate(args, out),
        Some(Command::Continue { file }) => {
            let (loaded, path) = crate::run::load_latest(file)?;
            if let Some(why) = &loaded.fell_back {
                use std::io::Write as _;
                let _ = writeln!(
                    std::io::stderr(),
                    "{why}\ncto-sim: the save is damaged; continuing from the backup {}",
                    crate::run::backup_path(&path).display()
                );
            }
            let fell_back = loaded.fell_back.is_some();
            let mut app = crate::ui::App::resume(loaded.verified.recording, Some(path));
            if fell_back {
                app.status = Some("The save was damaged; resumed from the backup.".into());
            }
            Ok(crate::ui::run(app, started)?)
        }
        Some(Command::Verify { file, json }) => verify_command(&file, json, out),
        Some(Command::Replay { file }) => {
            let record = crate::run::load(&file)?;
            let verified = crate::run::verify(&record, &file.display().to_string())?;
            Ok(crate::ui::run(
                crate::ui::App::replay(verified.recording),
                started,
            )?)
        }
        Some(Command::Report { file }) => {
            let origin = file.display().to_string();
            let record = crate::run::load(&file)?;
            let verified = crate::run::verify(&record, &origin)?;
            let session = crate::ui::session::Session::resume(verified.recording);
            let _ = write!(out, "{}", crate::ui::story::markdown(&session));
            Ok(())
        }
        Some(Command::Scenarios) => {
            list_scenarios(out);
            Ok(())
        }
        Some(Command::Check { files }) => {
            if crate::check::check_all(&files, out) {
                Ok(())
            } else {
                Err(CliError::Failed)
            }
        }
    }
}

fn list_scenarios(out: &mut dyn std::io::Write) {
    let listing = scenario::list();
    let width = listing
        .iter()
        .map(|l| l.name.len())
        .max()
        .unwrap_or(8)
        .max(8);
    for l in &listing {
        let stars = l.difficulty.map_or_else(String::new, |d| {
            format!(
                "{}{}",
                "*".repeat(d.into()),
                " ".repeat(5 - usize::from(d.min(5)))
            )
        });
        let _ = writeln!(
            out,
            "{:<width$}  {:<10}  {stars:<5}  {}",
            l.name,
            match l.source {
                scenario::Source::Builtin => "built-in".to_string(),
                _ => "user".to_string(),
            },
            l.description.lines().next().unwrap_or(""),
        );
    }
    match scenario::user_dir() {
        Some(dir) => {
            let _ = writeln!(out, "\nYour scenarios go in {}", dir.display());
        }
        None => {
            let _ = writeln!(
                out,
                "\nNo data folder found: set {} to choose one",
                scenario::DATA_DIR_ENV
            );
        }
    }
}

/// Load a scenario by built-in name, user-folder name or path.
pub fn load_scenario(name_or_path: &str) -> Result<Scenario, ScenarioError> {
    scenario::resolve(name_or_path).map(|(checked, _)| checked.scenario)
}

fn simulate(args: SimulateArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let all = args.policy == "all";
    if !all && policy::by_name(&args.policy, 0).is_none() {
        return Err(sim::SimError::UnknownPolicy(args.policy).into());
    }
    if all && args.json {
        return Err(CliError::Usage(
            "--json reports one policy; name it with --policy NAME".into(),
        ));
    }
    let mut scenario = load_scenario(&args.scenario)?;
    if let Some(w) = args.weeks {
        scenario.horizon_weeks = w;
    }
    let scenario = Arc::new(scenario);
    if all {
        return bot_table(&scenario, args.runs, args.seed, out);
    }
    let started = Instant::now();
    if args.runs == 1 && !args.json {
        let mut rows = Vec::new();
        let result = sim::play(&scenario, &args.policy, args.seed, |s, _| {
            if s.week % 13 == 0 || s.ending.is_some() {
                rows.push(timeline_row(s));
            }
        })?;
        let _ = writeln!(
            out,
            "{} plays '{}' (seed {}).\n",
            args.policy, scenario.name, args.seed
        );
        let _ = writeln!(
            out,
            "{:>5}  {:<9} {:>9} {:>9} {:>5} {:>9} {:>9} {:>7} {:>8}",
            "week", "stage", "cash", "ARR", "eng", "influence", "authority", "morale", "debt tax"
        );
        for r in rows {
            let _ = writeln!(out, "{r}");
        }
        let _ = writeln!(
            out,
            "\nEnding: {} ({}) after {} weeks. Score {:.1}.",
            scenario.ending_id(result.ending),
            scenario.ending_headline(result.ending),
            result.weeks,
            result.score
        );
        return Ok(());
    }
    let batch = match &args.record {
        Some(dir) => record_runs(&scenario, &args, dir)?,
        None => sim::batch(&scenario, &args.policy, args.runs, args.seed)?,
    };
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if args.json {
        let value = serde_json::json!({
            "scenario": batch.scenario,
            "policy": batch.policy,
            "runs": batch.runs,
            "seed": batch.seed,
            "weeks_simulated": batch.weeks_simulated,
            "elapsed_ms": (elapsed_ms * 1000.0).round() / 1000.0,
            "endings": batch.endings,
            "mean": batch.mean,
            "digest": batch.digest,
        });
        let _ = writeln!(out, "{value}");
        return Ok(());
    }
    let _ = writeln!(
        out,
        "{} played '{}' {} times (seeds {}–{}), {} weeks in {:.0} ms.\n",
        batch.policy,
        batch.scenario,
        batch.runs,
        batch.seed,
        batch.seed.wrapping_add(u64::from(batch.runs) - 1),
        batch.weeks_simulated,
        elapsed_ms
    );
    let _ = writeln!(out, "Endings:");
    for (id, &c) in &batch.endings {
        if c > 0 {
            let pct = 100.0 * f64::from(c) / f64::from(batch.runs);
            let _ = writeln!(out, "  {id:<17} {c:>6}  {pct:>5.1}%");
        }
    }
    let m = &batch.mean;
    let _ = writeln!(
        out,
        "\nMeans: score {:.1}, influence {:.1}, authority {:.1}, ARR ${:.2}M, headcount {:.1}, weeks {:.1}",
        m.score,
        m.influence,
        m.authority,
        m.arr / 1e6,
        m.headcount,
        m.weeks
    );
    Ok(())
}

/// Every bot on one scenario, as a Markdown table (the one in docs/model.md).
fn bot_table(
    scenario: &Arc<Scenario>,
    runs: u32,
    seed: u64,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let _ = writeln!(
        out,
        "'{}', {runs} runs per bot, seeds {seed}–{}.\n",
        scenario.name,
        seed.wrapping_add(u64::from(runs) - 1)
    );
    let _ = writeln!(
        out,
        "| bot | score | influence | authority | ARR | headcount | weeks | endings |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---|");
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
        let _ = writeln!(
            out,
            "| {name} | {:.1} | {:.1} | {:.1} | {} | {:.1} | {:.0} | {} |",
            m.score,
            m.influence,
            m.authority,
            money(m.arr),
            m.headcount,
            m.weeks,
            endings.join(", ")
        );
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
        let mut record = crate::run::RunRecord::new(scenario, seed);
        let result = sim::play_policy(scenario, &args.policy, seed, None, |game, d, hash| {
            record.push_week(game, d, hash)
        })?;
        let path = dir.join(format!("{}-{seed}.ron", args.policy));
        crate::run::save_atomic(&path, &record)?;
        results.push(result);
    }
    Ok(sim::Batch::of(scenario, &args.policy, args.seed, results))
}

fn verify_command(
    file: &std::path::Path,
    json: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let origin = file.display().to_string();
    let result = crate::run::load(file).and_then(|r| crate::run::verify(&r, &origin));
    if json {
        let value = match &result {
            Ok(v) => serde_json::json!({
                "file": origin,
                "ok": true,
                "weeks": v.weeks,
                "ending": v.ending,
                "score": (v.score * 10.0).round() / 10.0,
            }),
            Err(e) => {
                let (week, fields) = match e {
                    crate::run::RunError::Diverged { divergence, .. } => {
                        (Some(divergence.week), divergence.fields.clone())
                    }
                    _ => (None, Vec::new()),
                };
                serde_json::json!({
                    "file": origin,
                    "ok": false,
                    "error": e.to_string(),
                    "first_divergent_week": week,
                    "fields": fields,
                })
            }
        };
        let _ = writeln!(out, "{value}");
        return match result {
            Ok(_) => Ok(()),
            Err(_) => Err(CliError::Failed),
        };
    }
    let v = result?;
    let _ = writeln!(
        out,
        "{origin}: ok: {} weeks replayed exactly; ending {}; score {:.1}",
        v.weeks,
        v.ending
            .as_deref()
            .unwrap_or("none yet (the run is in progress)"),
        v.score
    );
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
