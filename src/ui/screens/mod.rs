//! The screens and the overlays, each a value with its own state, keys and
//! drawing (see [`protocol`]): this file only says which is up and hands each
//! input to it. A screen never reaches into the [`App`](super::App): it
//! answers with an [`Outcome`] and the `App` carries it out.
//!
//! To add a screen: a file with its state struct and its `on_action`,
//! `render` (and `on_mouse` if it needs it), a [`Context`] and
//! its bindings in the key table, a variant here with an arm in each match,
//! and, if it asks for something new, an [`Outcome`] variant that the app's
//! `apply` carries out. An overlay that any screen can open (it reads the run
//! shown, never changes it) goes in [`Overlay`]; a dialog that changes a
//! screen's state belongs to that screen (the week's are in `week/dialog.rs`).

pub mod end;
pub mod help;
pub mod log;
pub mod picker;
pub mod protocol;
pub mod replay;
pub mod runs;
pub mod title;
pub mod week;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::MouseEvent;
use ratatui::layout::Rect;

use crate::engine::par::Par;
use crate::ui::keymap::{Action, Context};
use crate::ui::session::Session;
use crate::ui::theme::Theme;
use end::End;
use help::{Help, Shown};
use log::Log;
use picker::Picker;
use protocol::{Frame, Outcome};
use replay::Replay;
use runs::Runs;
use title::Title;
use week::Week;

/// Which screen is up, with the state only that screen has.
pub enum Screen {
    Title(Title),
    /// The scenario picker, for a new game.
    Picker(Picker),
    /// The run history (the title's Replays).
    Runs(Runs),
    /// The run being played.
    Week(Box<Week>),
    /// The run being played has ended.
    End(Box<End>),
    /// A run being watched.
    Replay(Box<Replay>),
}

impl Screen {
    /// The keys that apply: the screen's, or its dialog's while one is open.
    pub fn context(&self) -> Context {
        match self {
            Screen::Title(_) => Context::Title,
            Screen::Picker(_) => Context::Picker,
            Screen::Runs(_) => Context::Runs,
            Screen::Week(week) => week.dialog.as_ref().map_or(Context::Week, |d| d.context()),
            Screen::End(_) => Context::End,
            Screen::Replay(_) => Context::Replay,
        }
    }

    /// The run on screen (being played, ended, or watched), if any.
    pub fn shown(&self) -> Option<&Session> {
        match self {
            Screen::Week(week) => Some(&week.session),
            Screen::End(end) => Some(&end.session),
            Screen::Replay(replay) => Some(&replay.shown.session),
            Screen::Title(_) | Screen::Picker(_) | Screen::Runs(_) => None,
        }
    }

    /// What help reads of the run on screen: the run, and the par its week
    /// screen shows for the draft (`par` holds it: help borrows it).
    pub fn help_view<'a>(&'a self, par: &'a Option<Par>) -> Shown<'a> {
        Shown {
            session: self.shown(),
            par: par.as_ref(),
            forecast: match self {
                Screen::Week(week) => week.forecast(),
                _ => None,
            },
        }
    }

    /// The par the week screen shows for its draft (a replay's too), if one
    /// is up.
    pub fn par(&self) -> Option<Par> {
        match self {
            Screen::Week(week) => Some(week.par()),
            Screen::Replay(replay) => Some(replay.shown.par()),
            _ => None,
        }
    }

    /// The run being played (on the week or the end screen), if any.
    pub fn played(&self) -> Option<&Session> {
        match self {
            Screen::Week(week) => Some(&week.session),
            Screen::End(end) => Some(&end.session),
            _ => None,
        }
    }

    /// Hand a key's action to the screen; `area` is the terminal's.
    pub fn on_action(&mut self, action: Action, area: Option<Rect>) -> Outcome {
        match self {
            Screen::Title(title) => title.on_action(action),
            Screen::Picker(picker) => picker.on_action(action),
            Screen::Runs(runs) => runs.on_action(action),
            Screen::Week(week) => week.on_action(action, area),
            Screen::End(end) => end.on_action(action, area),
            Screen::Replay(replay) => replay.on_action(action),
        }
    }

    /// Hand a mouse event to the screen; `None` if it changed nothing.
    pub fn on_mouse(&mut self, ev: MouseEvent, area: Option<Rect>) -> Option<Outcome> {
        match self {
            Screen::Week(week) => week.on_mouse(ev, area),
            Screen::End(end) => end.on_mouse(ev, area),
            _ => None,
        }
    }

    /// Draw the screen (and its dialog).
    pub fn render(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        match self {
            Screen::Title(title) => title.render(f.theme, f.status, area, buf),
            Screen::Picker(picker) => picker.render(f.theme, f.status, area, buf),
            Screen::Runs(runs) => runs.render(f.theme, f.status, area, buf),
            Screen::Week(week) => week.render(f, area, buf),
            Screen::End(end) => end.render(f, area, buf),
            Screen::Replay(replay) => replay.render(f, area, buf),
        }
    }
}

/// What any screen can open over itself. Overlays read the run shown (they
/// get it with every input and every frame) and never change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help(Help),
    /// The news log of the run on screen.
    Log(Log),
    /// Quit? (y/n)
    Quit,
}

impl Overlay {
    /// The keys that apply.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help(_) => Context::Help,
            Overlay::Log(_) => Context::Log,
            Overlay::Quit => Context::Quit,
        }
    }

    /// Hand a key's action to the overlay; `shown` is the run on screen.
    pub fn on_action(&mut self, action: Action, shown: Shown, area: Option<Rect>) -> Outcome {
        match self {
            Overlay::Help(help) => help.on_action(action, shown, area),
            Overlay::Log(log) => log.on_action(action, shown.session, area),
            Overlay::Quit => match action {
                Action::Yes => Outcome::Exit,
                Action::No => Outcome::Close,
                _ => Outcome::Stay,
            },
        }
    }

    /// Draw it over the screen; `quit_note` says what quitting does to the
    /// run (the app knows how saving goes).
    pub fn render(&self, shown: Shown, quit_note: &str, t: Theme, area: Rect, buf: &mut Buffer) {
        match self {
            Overlay::Help(help) => help.render(shown, t, area, buf),
            Overlay::Log(log) => log.render(shown.session, t, area, buf),
            Overlay::Quit => crate::ui::widgets::confirm(area, buf, t, "Quit?", &[quit_note]),
        }
    }
}
