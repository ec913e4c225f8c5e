//! The run history (the title's Replays): every saved run, newest first, to
//! watch or to continue. The screen appears at once: the files are listed
//! first and each run's line fills in as it is verified (a thread does it;
//! the history's index makes a second visit quick).

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::protocol::Outcome;
use crate::run::loading::{Listed, Loading};
use crate::run::naming::when;
use crate::ui::keymap::{Action, Context};
use crate::ui::text::clip;
use crate::ui::theme::Theme;
use crate::ui::widgets::{hint_bar, panel};
use crate::untrusted::one_line;

/// The history screen's state.
pub struct Runs {
    pub cursor: usize,
    pub history: Loading,
    /// The run another game is playing, for which a fork was offered (`c`
    /// again takes it).
    pub fork_offered: Option<PathBuf>,
}

impl Runs {
    /// The history in the data folder, newest first, being read.
    pub fn load() -> Runs {
        Runs::of(Loading::start(crate::run::runs_dir()))
    }

    /// The history `history` (being read).
    pub fn of(history: Loading) -> Runs {
        Runs {
            cursor: 0,
            history,
            fork_offered: None,
        }
    }

    /// Whether runs are still being read.
    pub fn loading(&self) -> bool {
        self.history.loading()
    }

    /// Take the runs read since the last call; `true` if there were any.
    pub fn poll(&mut self) -> bool {
        self.history.poll()
    }

    /// Wait until every run is read (for callers without an event loop).
    pub fn wait(&mut self) {
        self.history.wait();
    }

    /// The history's keys: move, watch, continue, write the story, back.
    pub fn on_action(&mut self, action: Action) -> Outcome {
        self.act(action).unwrap_or(Outcome::Stay)
    }

    fn act(&mut self, action: Action) -> Option<Outcome> {
        let n = self.history.runs.len().max(1);
        match action {
            Action::Up => self.cursor = self.cursor.checked_sub(1).unwrap_or(n - 1),
            Action::Down => self.cursor = (self.cursor + 1) % n,
            Action::Select => return self.chosen(Outcome::Watch),
            Action::Report => return self.chosen(Outcome::Report),
            Action::Resume => return self.resume(),
            Action::Back => return Some(Outcome::Title),
            Action::Help => return Some(Outcome::Help),
            Action::Quit => return Some(Outcome::Quit),
            _ => {}
        }
        None
    }

    /// Continue the run under the cursor; if another game is playing it,
    /// offer a fork of it instead, which `c` again takes.
    fn resume(&mut self) -> Option<Outcome> {
        let run = self.history.runs.get(self.cursor)?;
        let path = run.entry.path.clone();
        let offered = self.fork_offered.take() == Some(path.clone());
        Some(match run.summary.as_ref().map(|s| (&s.error, &s.ending)) {
            Some((Some(why), _)) => does_not_replay(why),
            Some((None, Some(_))) => Outcome::Say("This run has ended: Enter watches it.".into()),
            // In progress, or not read yet: continuing reads it.
            _ if !crate::run::lock::RunLock::taken_elsewhere(&path) => {
                Outcome::Continue(Some(path))
            }
            _ if offered => Outcome::TakeOver(path),
            _ => {
                self.fork_offered = Some(path);
                Outcome::Say(
                    "This run is open in another game. c again plays a fork of it here: a new run from its last saved week."
                        .into(),
                )
            }
        })
    }

    /// `ask` for the run under the cursor, unless it is known not to replay.
    fn chosen(&self, ask: fn(PathBuf) -> Outcome) -> Option<Outcome> {
        let run = self.history.runs.get(self.cursor)?;
        Some(match run.summary.as_ref().and_then(|s| s.error.as_ref()) {
            Some(why) => does_not_replay(why),
            None => ask(run.entry.path.clone()),
        })
    }

    pub fn render(&self, t: Theme, status: Option<&str>, area: Rect, buf: &mut Buffer) {
        let [head, body, status_area, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let title = match self
            .history
            .runs
            .iter()
            .filter(|r| r.summary.is_none())
            .count()
        {
            0 if self.loading() => "Your runs, newest first · reading…".to_string(),
            0 => "Your runs, newest first".to_string(),
            n => format!("Your runs, newest first · checking {n}…"),
        };
        Line::styled(title, t.title()).render(head, buf);
        let block = panel("Runs", true, t);
        let inner = block.inner(body);
        block.render(body, buf);
        let empty = match &self.history.error {
            Some(e) => Some(one_line(&e.to_string()).into_owned()),
            None if self.history.runs.is_empty() && self.loading() => {
                Some("Reading your runs…".into())
            }
            None if self.history.runs.is_empty() => {
                Some("No runs yet: start a new game, it is saved after every week.".into())
            }
            None => None,
        };
        if let Some(text) = empty {
            Paragraph::new(text)
                .style(t.dim())
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        } else {
            self.render_list(t, inner, buf);
        }
        if let Some(s) = status {
            Line::styled(s.lines().next().unwrap_or("").to_string(), t.dim())
                .render(status_area, buf);
        }
        hint_bar(Context::Runs, t, keys.width).render(keys, buf);
    }

    fn render_list(&self, t: Theme, inner: Rect, buf: &mut Buffer) {
        // Keep the cursor in view.
        let height = usize::from(inner.height.max(1));
        let first = self.cursor.saturating_sub(height - 1);
        let lines: Vec<Line> = self
            .history
            .runs
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .map(|(i, r)| {
                let style = if i == self.cursor {
                    t.selected()
                } else if r.summary.is_none() {
                    t.dim()
                } else {
                    Style::new()
                };
                let line = line(r);
                let line = line.strip_prefix(' ').unwrap_or(&line);
                Line::styled(format!("{}{line}", t.mark(i == self.cursor)), style)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

fn does_not_replay(why: &str) -> Outcome {
    Outcome::Say(format!("This run does not replay: {why}"))
}

/// `text` cut or padded to `width` terminal columns.
fn column(text: &str, width: usize) -> String {
    let cut = clip(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

/// A run on one line: when, what, how far, how it ended. Every column has
/// its width whatever the file or the scenario is called.
fn line(r: &Listed) -> String {
    let when = when(&r.entry.file, r.entry.modified);
    let Some(s) = &r.summary else {
        return format!(
            " {when}  {}  checking…",
            column(&one_line(&r.entry.file), 22)
        );
    };
    let score = s.score.map_or(String::new(), |x| format!("score {x:.1}"));
    let notes = s.notes();
    format!(
        " {when}  {}  seed {} {:>4} wk  {} {}  {}",
        column(&one_line(&s.scenario), 22),
        column(&s.seed.to_string(), 6),
        s.weeks,
        column(&s.status(), 16),
        column(&score, 11),
        one_line(&notes)
    )
    .trim_end()
    .to_string()
}
