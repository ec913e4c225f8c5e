//! The run history (the title's Replays): every saved run, newest first, to
//! watch or to continue.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::run::history::Summary;
use crate::ui::keymap::{Action, Context};
use crate::ui::theme::Theme;
use crate::ui::widgets::{hint_bar, panel};

/// The history screen's state.
pub struct Runs {
    pub cursor: usize,
    pub runs: Vec<Summary>,
}

/// What the player asked of the history.
pub enum RunsAsk {
    Replay(PathBuf),
    Continue(PathBuf),
    /// Write the run's story beside its file.
    Report(PathBuf),
    /// Something to say on the status line.
    Say(String),
    Back,
    Help,
    Quit,
}

impl Runs {
    /// The history in the data folder, newest first (each run verified).
    pub fn load() -> Runs {
        let runs = crate::run::runs_dir()
            .map(|d| crate::run::history::summaries(&d))
            .unwrap_or_default();
        Runs { cursor: 0, runs }
    }

    pub fn act(&mut self, action: Action) -> Option<RunsAsk> {
        let n = self.runs.len().max(1);
        match action {
            Action::Up => self.cursor = self.cursor.checked_sub(1).unwrap_or(n - 1),
            Action::Down => self.cursor = (self.cursor + 1) % n,
            Action::Select => {
                let run = self.runs.get(self.cursor)?;
                return Some(match &run.error {
                    Some(why) => RunsAsk::Say(format!("This run does not replay: {why}")),
                    None => RunsAsk::Replay(run.path.clone()),
                });
            }
            Action::Resume => {
                let run = self.runs.get(self.cursor)?;
                return Some(match (&run.error, &run.ending) {
                    (Some(why), _) => RunsAsk::Say(format!("This run does not replay: {why}")),
                    (None, Some(_)) => RunsAsk::Say("This run has ended: Enter watches it.".into()),
                    (None, None) => RunsAsk::Continue(run.path.clone()),
                });
            }
            Action::Report => {
                let run = self.runs.get(self.cursor)?;
                return Some(match &run.error {
                    Some(why) => RunsAsk::Say(format!("This run does not replay: {why}")),
                    None => RunsAsk::Report(run.path.clone()),
                });
            }
            Action::Back => return Some(RunsAsk::Back),
            Action::Help => return Some(RunsAsk::Help),
            Action::Quit => return Some(RunsAsk::Quit),
            _ => {}
        }
        None
    }

    pub fn render(&self, t: Theme, status: Option<&str>, area: Rect, buf: &mut Buffer) {
        let [head, body, status_area, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        Line::styled("Your runs, newest first", t.title()).render(head, buf);
        let block = panel("Runs", true, t);
        let inner = block.inner(body);
        block.render(body, buf);
        if self.runs.is_empty() {
            Paragraph::new("No runs yet: start a new game, it is saved after every week.")
                .style(t.dim())
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        } else {
            // Keep the cursor in view.
            let height = usize::from(inner.height.max(1));
            let first = self.cursor.saturating_sub(height - 1);
            let lines: Vec<Line> = self
                .runs
                .iter()
                .enumerate()
                .skip(first)
                .take(height)
                .map(|(i, r)| {
                    let style = if i == self.cursor {
                        t.selected()
                    } else {
                        Style::new()
                    };
                    Line::styled(line(r), style)
                })
                .collect();
            Paragraph::new(lines).render(inner, buf);
        }
        if let Some(s) = status {
            Line::styled(s.lines().next().unwrap_or("").to_string(), t.dim())
                .render(status_area, buf);
        }
        hint_bar(Context::Runs, t, keys.width).render(keys, buf);
    }
}

/// A run on one line: when, what, how far, how it ended.
fn line(r: &Summary) -> String {
    let when: String = r.file.chars().take(17).collect();
    let ending = r.status();
    let score = r.score.map_or(String::new(), |s| format!("score {s:.1}"));
    let fork = r
        .forked_at_week
        .map_or(String::new(), |w| format!("  fork from week {w}"));
    format!(
        " {when}  {:<22} seed {:<5} {:>4} wk  {:<16} {score}{fork}",
        crate::ui::text::clip(&r.scenario, 22),
        r.seed,
        r.weeks,
        ending
    )
}
