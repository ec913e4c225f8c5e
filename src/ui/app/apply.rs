//! Carrying out what a screen or an overlay asks: the one place where the
//! game switches screens, starts, resumes, watches and forks runs, and marks
//! a played week for saving.

use std::path::{Path, PathBuf};

use super::App;
use crate::ui::autosave::{why_not_continued, Autosave};
use crate::ui::screens::end::End;
use crate::ui::screens::help::Help;
use crate::ui::screens::log::Log;
use crate::ui::screens::picker::Picker;
use crate::ui::screens::protocol::Outcome;
use crate::ui::screens::runs::Runs;
use crate::ui::screens::title::Title;
use crate::ui::screens::week::Week;
use crate::ui::screens::{Overlay, Screen};
use crate::ui::session::Session;

impl App {
    /// Carry out `outcome`.
    pub(super) fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Say(said) => self.status = Some(said),
            Outcome::Hush => self.status = None,
            Outcome::Help => self.overlay = Some(Overlay::Help(Help::new(self.context()))),
            Outcome::Log => self.overlay = Some(Overlay::Log(Log::new())),
            Outcome::Quit => self.overlay = Some(Overlay::Quit),
            Outcome::Close => self.overlay = None,
            Outcome::Exit => self.quit = true,
            Outcome::Title => self.switch_to(App::title()),
            Outcome::NewGame => self.screen = Screen::Picker(Picker::new()),
            Outcome::Runs => {
                self.screen = Screen::Runs(Runs::load());
                self.status = None;
            }
            Outcome::Start(scenario, seed) => self.switch_to(App::new_game(scenario, seed)),
            Outcome::Continue(path) => self.continue_run(path),
            Outcome::TakeOver(path) => self.take_over(&path),
            Outcome::Watch(path) => self.watch(&path),
            Outcome::Report(path) => self.status = Some(write_report(&path)),
            Outcome::Fork { session, original } => {
                let week = session.state().week;
                let mut fork = Week::new(*session);
                fork.original = Some(original);
                self.start(fork, Autosave::new_run());
                self.status = Some(format!(
                    "You took over after week {week}. This is a new run; the original is unchanged."
                ));
            }
            Outcome::Played { said, ended } => {
                self.status = Some(said);
                self.autosave.needed = true;
                if ended {
                    self.show_the_end();
                }
            }
        }
    }

    /// Become `next` (a new game, a replay, a resumed run, the title), keeping
    /// the colours the player chose for this session and the terminal's size.
    fn switch_to(&mut self, next: App) {
        let (theme, size) = (self.theme, self.size);
        *self = next;
        self.theme = theme;
        self.size = size;
    }

    /// Resume the run in `path`, or the newest unfinished one (or its
    /// backup), unless another game is playing it.
    fn continue_run(&mut self, path: Option<PathBuf>) {
        match crate::run::load_latest_as(path, Session::verified) {
            Ok(resumed) => self.switch_to(App::continued(resumed)),
            Err(e) => self.status = Some(why_not_continued(&e)),
        }
    }

    /// Play a fork of the run in `path` (another game is playing it).
    fn take_over(&mut self, path: &Path) {
        match crate::run::take_over(path).and_then(|fork| Session::verified(&fork, "fork")) {
            Ok(fork) => self.switch_to(App::forked(fork)),
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// Watch the run in `path`, verified first.
    fn watch(&mut self, path: &Path) {
        let origin = path.display().to_string();
        match crate::run::load(path).and_then(|record| App::watch_run(&record, &origin)) {
            Ok(app) => self.switch_to(app),
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// The run being played has ended: the end screen takes it over.
    fn show_the_end(&mut self) {
        let screen = std::mem::replace(&mut self.screen, Screen::Title(Title::default()));
        self.screen = match screen {
            Screen::Week(week) => Screen::End(Box::new(End::new(week.session))),
            other => other,
        };
        self.overlay = None;
    }
}

/// Write the story of the run in `path` to a Markdown file beside it; what
/// happened, in a sentence.
fn write_report(path: &Path) -> String {
    match crate::ui::story::report(path) {
        Ok(story) => {
            let md = path.with_extension("md");
            // Atomically, and replacing a link rather than writing where it points.
            match crate::run::write_text_atomic(&md, &story) {
                Ok(()) => format!("The story is in {}", md.display()),
                Err(e) => format!("Cannot write {}: {e}", md.display()),
            }
        }
        Err(e) => e.to_string(),
    }
}
