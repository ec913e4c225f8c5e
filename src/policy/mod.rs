//! Bots: scripted CTOs that play through the public decision API.
//!
//! A bot sees what a player sees (the state and the scenario) and returns a
//! [`Decision`]; the engine cannot tell a bot from a person. The bots exist to test
//! the model's claims: each one plays a recognisable CTO style. Two more are
//! instruments: `passive` (what pressing Enter every week gives) and
//! `fixed:S/H/C/M` (one attention split for the whole run).

mod advice;
pub mod answer;
mod balanced;
mod base;
pub mod crunch;
mod fixed;
mod freeze;
mod par;
mod passive;
mod random;
mod scripted;

pub use advice::{advise, Advice, Control, Reason};
pub use base::{within_limits, Policy};
pub use fixed::{Fixed, Phase, Switch, BALANCED_HOURS};

use crate::engine::rng::{SimRng, Stream};
use scripted::{Scripted, Style};

/// The bots, with a line each describing how they play.
pub const BOTS: &[(&str, &str)] = &[
    ("balanced", "adapts attention to the stage, builds managers at sensible spans, keeps the VP reporting to the CTO"),
    ("static", "plays like balanced but keeps the seed-stage attention split forever"),
    ("coder", "codes most of the week and never builds a management layer"),
    ("delegator", "hires a VP early and hands the VP to the CEO without a forum; little management time"),
    ("sharer", "like delegator, but keeps a shared-responsibility forum with the VP and the CEO"),
    ("hire_fast", "hires far ahead of the stage and spends the week recruiting"),
    ("drifter", "neglects strategy: codes, hires and manages, but never looks at the business"),
    ("random", "random hours, attention, hiring, reporting lines and answers"),
    ("passive", "presses Enter every week: the screen's first draft, never changed, events left to their default"),
    ("par", "sets attention to the par the screen shows every week; hires and answers events as balanced does, every VP reporting to the CTO"),
    ("par_only", "sets attention to the shown par every week and changes nothing else (never raises the first draft's hiring)"),
];

/// How to name a fixed policy, for `cto-sim policies` and error messages.
pub const FIXED_SYNTAX: &str =
    "fixed:S/H/C/M[>S/H/C/M@N|@stage]…[,hours=N][,refactor=P][,vp=cto|forum|ceo][,answers=forecast]";

/// What `freeze:W` does, a line.
pub const FREEZE_ABOUT: &str = "balanced until week W, then Enter every week: the draft of week W kept, events left to their defaults (what the rest of the run is worth)";

/// What `fixed:…` does, a line.
pub const FIXED_ABOUT: &str = "one attention split all run (strategy/hiring/coding/management percentages summing to 100), or up to three phases each from a headcount (@8) or a stage (@series_b) on, with balanced's hiring and managers; hours (default 45), refactoring (default: balanced's), every VP's line (default cto) and answers (default: events left to their defaults; answers=forecast: as balanced) as given";

/// Why no bot answers to a name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("unknown policy '{name}'{}; `cto-sim policies` lists them", suggestion.as_ref().map_or(String::new(), |s| format!(" (did you mean '{s}'?)")))]
    Unknown {
        name: String,
        suggestion: Option<String>,
    },
    #[error("bad fixed policy '{spec}': {why} (the syntax is {FIXED_SYNTAX})")]
    BadFixed { spec: String, why: String },
    #[error("bad policy '{spec}': {why}")]
    BadOptions { spec: String, why: String },
}

/// The bot called `name`, seeded with `seed` (only `random` uses it).
pub fn by_name(name: &str, seed: u64) -> Result<Box<dyn Policy>, PolicyError> {
    if let Some(options) = name.strip_prefix("balanced,") {
        return boxed(balanced::Balanced::parse(options), |why| {
            PolicyError::BadOptions {
                spec: name.into(),
                why,
            }
        });
    }
    if let Some(week) = name.strip_prefix("freeze:") {
        return boxed(freeze::Freeze::parse(week), |why| PolicyError::BadOptions {
            spec: name.into(),
            why,
        });
    }
    if let Some(split) = name.strip_prefix("fixed:") {
        return boxed(Fixed::parse(split), |why| PolicyError::BadFixed {
            spec: name.into(),
            why,
        });
    }
    let style = match name {
        "balanced" => return Ok(Box::new(balanced::Balanced::REFERENCE)),
        "static" => Style::Static,
        "coder" => Style::Coder,
        "delegator" => Style::Delegator,
        "sharer" => Style::Sharer,
        "hire_fast" => Style::HireFast,
        "drifter" => Style::Drifter,
        "random" => {
            return Ok(Box::new(random::RandomBot {
                rng: SimRng::new(seed, Stream::Policy),
            }))
        }
        "passive" => return Ok(Box::<passive::Passive>::default()),
        "par" => return Ok(Box::new(par::ParBot::new(false))),
        "par_only" => return Ok(Box::new(par::ParBot::new(true))),
        _ => {
            let suggestion = crate::scenario::suggest::closest(name, names().chain(["fixed:"]))
                .map(str::to_string);
            return Err(PolicyError::Unknown {
                name: name.to_string(),
                suggestion,
            });
        }
    };
    Ok(Box::new(Scripted { style }))
}

/// A parsed bot, boxed, or why it does not parse.
fn boxed<P: Policy + 'static>(
    parsed: Result<P, String>,
    error: impl FnOnce(String) -> PolicyError,
) -> Result<Box<dyn Policy>, PolicyError> {
    parsed
        .map(|p| Box::new(p) as Box<dyn Policy>)
        .map_err(error)
}

/// The names of all named bots (fixed policies are named by their spec).
pub fn names() -> impl Iterator<Item = &'static str> {
    BOTS.iter().map(|(n, _)| *n)
}
