//! The command line's arguments (clap), with the help text each command shows.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::scenario::DEFAULT;

/// `--version`: the game's version and the simulation rules it plays (saved
/// runs replay only under the same rules). A test keeps the number in step with
/// `engine::RULES_VERSION`.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (simulation rules 10)");

#[derive(Debug, Parser)]
#[command(
    name = "cto-sim",
    version = VERSION,
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
        #[command(flatten)]
        scenario: ScenarioChoice,
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
        /// Take FILE over in a new run from its last saved week (for a run
        /// another game is playing: a run has one player at a time).
        #[arg(long, requires = "file")]
        fork: bool,
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
    /// A scenario's balance, for its author: every bot, passive and a grid of
    /// fixed policies over the same seeds; does a fixed recipe beat adapting?
    Balance {
        #[command(flatten)]
        scenario: ScenarioChoice,
        /// Runs per policy; seeds are S, S+1, …
        #[arg(long, short, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        runs: u32,
        /// Seed of the first run.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print exactly one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The run history, newest first: scenario, seed, weeks, ending, score, forks.
    Runs {
        /// Print exactly one JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The best verified scores of your finished runs, per scenario.
    Scores,
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write a commented skeleton scenario NAME.ron into your scenario folder
    /// (never over an existing file), ready to check and play.
    New {
        /// The file name without `.ron`: lowercase letters, digits, `_` and `-`.
        name: String,
    },
    /// Check scenario files: syntax, values, then a short simulation with bots.
    Check {
        /// Scenario files (or built-in names) to check.
        #[arg(required = true)]
        files: Vec<String>,
        /// Print exactly one JSON object: every finding with its file, line,
        /// column, field path, severity, message and hint.
        #[arg(long)]
        json: bool,
        /// Check the one FILE again every time it is saved, until Ctrl-C.
        #[arg(long, conflicts_with = "json")]
        watch: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// The bot that plays (see `cto-sim policies`), or `all` for a table of every bot.
    #[arg(long, short)]
    pub policy: String,
    #[command(flatten)]
    pub scenario: ScenarioChoice,
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

/// The scenario a command plays: given as `cto-sim balance NAME|PATH` or as
/// `--scenario NAME|PATH` (not both); the default scenario without either.
#[derive(Debug, clap::Args)]
pub struct ScenarioChoice {
    /// A built-in scenario name, a name from your scenario folder, or a path
    /// to a .ron file (the same as --scenario).
    #[arg(value_name = "SCENARIO", conflicts_with = "scenario")]
    pub given: Option<String>,
    /// A built-in scenario name, a name from your scenario folder, or a path.
    #[arg(long, short, default_value = DEFAULT)]
    pub scenario: String,
}

impl ScenarioChoice {
    /// The scenario named, by position or by `--scenario`.
    pub fn name(&self) -> &str {
        self.given.as_deref().unwrap_or(&self.scenario)
    }
}
