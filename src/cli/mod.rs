//! The command line: argument definitions and the commands behind them.

mod args;
mod balance;
mod completions;
mod error;
mod json;
mod new;
mod progress;
mod runs;
mod simulate;
mod watch;
mod words;

pub use args::{Cli, Command, ScenarioChoice, SimulateArgs, VERSION};
pub use error::CliError;

use std::io::{self, Write};
use std::sync::Arc;
use std::time::Instant;

use crate::policy;
use crate::scenario;
use crate::ui::session::Session;
use crate::untrusted::one_line;

/// Run the parsed command line, writing to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), CliError> {
    run_from(cli, out, Instant::now())
}

/// [`run`], timing the first frame from `started` (the process's start).
pub fn run_from(cli: Cli, out: &mut dyn Write, started: Instant) -> Result<(), CliError> {
    let game = |app| crate::ui::run(app, started).map_err(CliError::Terminal);
    match cli.command {
        None => game(crate::ui::App::title()),
        Some(Command::Play { scenario, seed }) => {
            let scenario = Arc::new(scenario::find(scenario.name())?);
            game(crate::ui::App::new_game(scenario, seed))
        }
        Some(Command::Policies) => Ok(list_policies(out)?),
        Some(Command::Simulate(args)) => simulate::simulate(args, out),
        Some(Command::Balance {
            scenario,
            runs,
            seed,
            json,
        }) => balance::balance(scenario.name(), runs, seed, json, out),
        Some(Command::Continue { file, fork }) => game(continued(file, fork)?),
        Some(Command::Verify { file, json }) => verify_command(&runs::named(&file), json, out),
        Some(Command::Runs { json }) => runs::runs(json, out),
        Some(Command::Scores) => runs::scores(out),
        Some(Command::Completions { shell }) => Ok(completions::write(shell, out)?),
        Some(Command::Replay { file }) => {
            let file = runs::named(&file);
            let record = crate::run::load(&file)?;
            game(crate::ui::App::watch_run(
                &record,
                &file.display().to_string(),
            )?)
        }
        Some(Command::Report { file }) => report(&runs::named(&file), out),
        Some(Command::Scenarios) => Ok(list_scenarios(out)?),
        Some(Command::New { name }) => new::new(&name, out),
        Some(Command::Check {
            files, watch: true, ..
        }) => match files.as_slice() {
            [file] => watch::watch(file, out),
            _ => {
                writeln!(out, "error: --watch takes one file")?;
                Err(CliError::Failed)
            }
        },
        Some(Command::Check { files, json, .. }) => {
            let meter = progress::Meter::new();
            let tell = |file: &str, done, all| meter.tell(&format!("checking {file}"), done, all);
            let ok = crate::check::check_all(&files, json, out, &tell);
            meter.finish();
            if ok? {
                Ok(())
            } else {
                Err(CliError::Failed)
            }
        }
    }
}

fn list_policies(out: &mut dyn Write) -> io::Result<()> {
    for (name, about) in policy::BOTS {
        writeln!(out, "{name:<10} {about}")?;
    }
    writeln!(
        out,
        "\n{}\n           {}",
        policy::FIXED_SYNTAX,
        policy::FIXED_ABOUT
    )?;
    writeln!(
        out,
        "balanced[,hours=N][,refactor=P][,answers=default]\n           balanced with its hours or refactoring held, or events left to their defaults\nfreeze:W\n           {}",
        policy::FREEZE_ABOUT
    )
}

/// The game, resuming the run `continue` finds (saying so when it had to use
/// the backup), held by this game; or with `fork`, a new run that takes over
/// `file` from its last saved week (for a run another game is playing).
fn continued(file: Option<std::path::PathBuf>, fork: bool) -> Result<crate::ui::App, CliError> {
    if let (true, Some(path)) = (fork, &file) {
        let fork = crate::run::take_over(path)?;
        return Ok(crate::ui::App::forked(Session::verified(&fork, "fork")?));
    }
    let resumed = crate::run::load_latest_as(file, Session::verified)?;
    if let Some(why) = &resumed.loaded.fell_back {
        // Said on the way into the game, which says it again on its status line.
        writeln!(
            crate::untrusted::Printable::new(io::stderr()),
            "{why}\ncto-sim: the save is damaged; continuing from the backup {}",
            crate::run::backup_path(&resumed.path).display()
        )?;
    }
    Ok(crate::ui::App::continued(resumed))
}

/// `cto-sim report`: the verified run's story as Markdown.
fn report(file: &std::path::Path, out: &mut dyn Write) -> Result<(), CliError> {
    Ok(write!(out, "{}", crate::ui::story::report(file)?)?)
}

fn list_scenarios(out: &mut dyn Write) -> io::Result<()> {
    let listing = scenario::list();
    let width = listing
        .iter()
        .map(|l| one_line(&l.name).chars().count())
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
        writeln!(
            out,
            "{:<width$}  {:<10}  {stars:<5}  {}",
            one_line(&l.name),
            match l.source {
                scenario::Source::Builtin => "built-in".to_string(),
                _ => "user".to_string(),
            },
            one_line(l.description.lines().next().unwrap_or("")),
        )?;
    }
    match scenario::user_dir() {
        Some(dir) => writeln!(out, "\nYour scenarios go in {}", dir.display()),
        None => writeln!(
            out,
            "\nNo data folder found: set {} to choose one",
            scenario::DATA_DIR_ENV
        ),
    }
}

fn verify_command(file: &std::path::Path, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
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
        writeln!(out, "{value}")?;
        return match result {
            Ok(_) => Ok(()),
            Err(_) => Err(CliError::Failed),
        };
    }
    let v = result?;
    writeln!(
        out,
        "{origin}: ok: {} replayed exactly; ending {}; score {:.1}",
        crate::ui::text::plural(v.weeks, "week"),
        v.ending
            .as_deref()
            .unwrap_or("none yet (the run is in progress)"),
        v.score
    )?;
    Ok(())
}
