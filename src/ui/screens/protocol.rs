//! The screen protocol: what a screen gets from the app and what it asks back.
//!
//! A screen (or an overlay) is a value that carries its own state. It answers
//! its own keys with `on_action(action, area)`, where `area` is the terminal's
//! size as last reported (`None` before the shell has said it), so anything
//! that depends on the layout (how far a text can scroll) is worked out there
//! and not while drawing. It draws from `&self` into a [`Frame`]'s buffer and
//! changes nothing while it does. Whatever it cannot do itself (switch screen,
//! start a run, save) it asks of the [`App`](crate::ui::App) with one
//! [`Outcome`].

use std::path::PathBuf;
use std::sync::Arc;

use crate::engine::Scenario;
use crate::run::Headline;
use crate::ui::session::Session;
use crate::ui::theme::Theme;

/// What a screen or an overlay asks of the app after an input.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing: the screen did what the input asked itself (or it meant
    /// nothing there).
    Stay,
    /// Say this on the status line.
    Say(String),
    /// Empty the status line.
    Hush,
    /// Open help over the screen, on the keys of where the player is.
    Help,
    /// Open the news log of the run on screen over it.
    Log,
    /// Ask whether to quit.
    Quit,
    /// Close the overlay (help, the log, the quit question).
    Close,
    /// Leave the game now.
    Exit,
    /// Back to the title screen.
    Title,
    /// The scenario picker, for a new game.
    NewGame,
    /// Start a new run of this scenario with this seed.
    Start(Arc<Scenario>, u64),
    /// Resume the run in this file, or without one the newest unfinished run.
    Continue(Option<PathBuf>),
    /// Play a fork of the run in this file (another game is playing it): a
    /// new run from its last saved week.
    TakeOver(PathBuf),
    /// The run history.
    Runs,
    /// Watch the run in this file.
    Watch(PathBuf),
    /// Write the story of the run in this file beside it.
    Report(PathBuf),
    /// Take over a replay: play this fork (a new run), with the original
    /// run's headline figures week by week for the comparison.
    Fork {
        session: Box<Session>,
        original: Vec<Headline>,
    },
    /// A week was played: save the run and say what the week did; if the run
    /// `ended`, show how.
    Played { said: String, ended: bool },
}

/// What the app gives a screen to draw with: the colours, the status line,
/// saving trouble, and whether an overlay covers the screen.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    pub theme: Theme,
    pub status: Option<&'a str>,
    /// Why the run being played is not saved, shown in the colour of trouble
    /// instead of the status (the week screen).
    pub saving: Option<&'a str>,
    /// No overlay covers the screen, so its focused panel shows its focus.
    pub focused: bool,
}
