//! The command line: argument definitions and the commands behind them.

mod args;
mod balance;
mod error;
mod json;
mod runs;
mod simulate;

pub use args::{Cli, Command, SimulateArgs, VERSION};
pub use error::CliError;

use std::sync::Arc;
use std::time::Instant;

use crate::policy;
use crate::scenario;

/// Run the parsed command line, writing to `out`.
pub fn run(cli: Cli, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    run_from(cli, out, Instant::now())
}

/// [`run`], timing the first frame from `started` (the process's start).
pub fn run_from(cli: Cli, out: &mut dyn std::io::Write, started: Instant) -> Result<(), CliError> {
    match cli.command {
        None => Ok(crate::ui::run(crate::ui::App::title(), started)?),
        Some(Command::Play { scenario, seed }) => {
            let scenario = Arc::new(scenario::find(&scenario)?);
            Ok(crate::ui::run(
                crate::ui::App::play(scenario, seed),
                started,
            )?)
        }
        Some(Command::Policies) => {
            list_policies(out);
            Ok(())
        }
        Some(Command::Simulate(args)) => simulate::simulate(args, out),
        Some(Command::Balance {
            scenario,
            runs,
            seed,
            json,
        }) => balance::balance(&scenario, runs, seed, json, out),
        Some(Command::Continue { file }) => Ok(crate::ui::run(continued(file)?, started)?),
        Some(Command::Verify { file, json }) => verify_command(&file, json, out),
        Some(Command::Runs { json }) => runs::runs(json, out),
        Some(Command::Scores) => runs::scores(out),
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "cto-sim", out);
            Ok(())
        }
        Some(Command::Replay { file }) => {
            let verified = crate::run::load_verified(&file)?;
            Ok(crate::ui::run(
                crate::ui::App::replay(verified.recording),
                started,
            )?)
        }
        Some(Command::Report { file }) => report(&file, out),
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

fn list_policies(out: &mut dyn std::io::Write) {
    for (name, about) in policy::BOTS {
        let _ = writeln!(out, "{name:<10} {about}");
    }
    let _ = writeln!(
        out,
        "\n{}\n           {}",
        policy::FIXED_SYNTAX,
        policy::FIXED_ABOUT
    );
}

/// The game, resuming the run `continue` finds (saying so when it had to use
/// the backup).
fn continued(file: Option<std::path::PathBuf>) -> Result<crate::ui::App, CliError> {
    let (loaded, path) = crate::run::load_latest(file)?;
    if let Some(why) = &loaded.fell_back {
        use std::io::Write as _;
        let _ = writeln!(
            crate::untrusted::Printable::new(std::io::stderr()),
            "{why}\ncto-sim: the save is damaged; continuing from the backup {}",
            crate::run::backup_path(&path).display()
        );
    }
    let fell_back = loaded.fell_back.is_some();
    let mut app = crate::ui::App::resume(loaded.verified.recording, Some(path));
    if fell_back {
        app.status = Some("The save was damaged; resumed from the backup.".into());
    }
    Ok(app)
}

/// `cto-sim report`: the verified run's story as Markdown.
fn report(file: &std::path::Path, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let _ = write!(out, "{}", crate::ui::story::report(file)?);
    Ok(())
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

fn verify_command(
    file: &std::path::Path,
    json: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let origin = file.display().to_string();
    let result = crate::run::load_verified(file);
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
                    crate::run::RunError::Header { field, .. } => (None, vec![field.to_string()]),
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
