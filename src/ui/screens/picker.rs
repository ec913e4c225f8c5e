//! The scenario picker: every scenario by its own name (those that do not
//! load greyed out, with what is wrong), its description, and the seed.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::protocol::Outcome;
use crate::scenario::{self, Listing, Source};
use crate::ui::goals::endings_summary;
use crate::ui::keymap::{Action, Context};
use crate::ui::theme::Theme;
use crate::ui::widgets::{hint_bar, panel};
use crate::untrusted::one_line;

/// The picker's state.
#[derive(Clone, Debug)]
pub struct Picker {
    pub cursor: usize,
    /// Digits typed for the seed.
    pub seed: String,
    /// The scenarios offered.
    pub listing: Vec<Listing>,
    /// For each, how a run ends (wins, losses, horizon), as lines.
    pub endings: Vec<Vec<String>>,
}

impl Picker {
    /// The picker with every scenario, built-in ones first.
    pub fn new() -> Picker {
        Picker::with_listing(scenario::list())
    }

    /// The picker offering `listing` (those not valid shown greyed out).
    pub fn with_listing(listing: Vec<Listing>) -> Picker {
        let endings = listing
            .iter()
            .map(|l| {
                let loaded = load(l).ok().filter(|_| l.valid);
                loaded.map_or_else(Vec::new, |c| endings_summary(&c.scenario))
            })
            .collect();
        Picker {
            cursor: 0,
            seed: String::new(),
            listing,
            endings,
        }
    }

    /// Move through the scenarios, type a seed, or start.
    pub fn on_action(&mut self, action: Action) -> Outcome {
        let n = self.listing.len().max(1);
        match action {
            Action::Up => self.cursor = self.cursor.checked_sub(1).unwrap_or(n - 1),
            Action::Down => self.cursor = (self.cursor + 1) % n,
            Action::Digit(d) if self.seed.len() < 19 => self.seed.push(char::from(b'0' + d)),
            Action::Erase => {
                self.seed.pop();
            }
            Action::Back => return Outcome::Title,
            Action::Help => return Outcome::Help,
            Action::Quit => return Outcome::Quit,
            Action::Select => return self.pick(),
            _ => {}
        }
        Outcome::Stay
    }

    /// Start the scenario under the cursor, or say why it does not load.
    fn pick(&self) -> Outcome {
        let seed = self.seed.parse::<u64>().unwrap_or(1);
        let Some(choice) = self.listing.get(self.cursor) else {
            return Outcome::Stay;
        };
        if !choice.valid {
            // Greyed out: say what is wrong instead.
            return Outcome::Say(
                load(choice).map_or_else(|e| e.to_string(), |_| choice.description.clone()),
            );
        }
        match load(choice) {
            Ok(checked) => Outcome::Start(Arc::new(checked.scenario), seed),
            Err(e) => Outcome::Say(e.to_string()),
        }
    }

    pub fn render(&self, t: Theme, status: Option<&str>, area: Rect, buf: &mut Buffer) {
        let [head, body, seed_area, status_area, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        Line::styled("New game: pick a scenario", t.title()).render(head, buf);
        let [list, about] =
            Layout::horizontal([Constraint::Length(38), Constraint::Fill(1)]).areas(body);
        let names: Vec<Line> = self
            .listing
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let stars = if l.valid {
                    "*".repeat(usize::from(l.difficulty.unwrap_or(0)))
                } else {
                    "(!)".to_string()
                };
                let style = match (i == self.cursor, l.valid) {
                    (true, _) => t.selected(),
                    (false, true) => Style::new(),
                    (false, false) => t.dim(),
                };
                let mark = t.mark(i == self.cursor);
                let title = fit(&one_line(&l.title), 28);
                Line::styled(format!("{mark}{title:<28} {stars:<5}"), style)
            })
            .collect();
        Paragraph::new(names)
            .block(panel("Scenarios", true, t))
            .render(list, buf);
        let desc = self.about(t);
        Paragraph::new(desc)
            .wrap(Wrap { trim: true })
            .block(panel("About", false, t))
            .render(about, buf);
        self.render_seed(t, seed_area, buf);
        if let Some(s) = status {
            Line::styled(s.lines().next().unwrap_or("").to_string(), t.bad())
                .render(status_area, buf);
        }
        hint_bar(Context::Picker, t, keys.width).render(keys, buf);
    }

    /// The About panel: the scenario under the cursor, or what is wrong with it.
    fn about(&self, t: Theme) -> Vec<Line<'static>> {
        let desc = self.listing.get(self.cursor).map_or_else(Vec::new, |l| {
            if !l.valid {
                return vec![
                    Line::styled(one_line(&l.title).into_owned(), t.dim()),
                    Line::styled(l.source.to_string(), t.dim()),
                    Line::raw(""),
                    Line::styled(l.description.clone(), t.bad()),
                    Line::raw(""),
                    Line::styled("Fix it, then `cto-sim check` the file.", t.dim()),
                ];
            }
            vec![
                Line::styled(one_line(&l.title).into_owned(), t.title()),
                Line::styled(
                    format!(
                        "{} · difficulty {}",
                        l.source,
                        l.difficulty.map_or("?".into(), |d| d.to_string())
                    ),
                    t.dim(),
                ),
                Line::raw(""),
                Line::raw(l.description.clone()),
                Line::raw(""),
            ]
        });
        desc.into_iter()
            .chain(
                self.endings
                    .get(self.cursor)
                    .into_iter()
                    .flatten()
                    .map(|e| Line::styled(e.clone(), t.dim())),
            )
            .collect()
    }

    /// The seed typed, and what a seed is for, in as many words as fit.
    fn render_seed(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let seed = if self.seed.is_empty() {
            "1 (type digits to change)".to_string()
        } else {
            format!("{}_", self.seed)
        };
        let room =
            usize::from(area.width.saturating_sub(2)).saturating_sub(7 + seed.chars().count());
        let about = [
            "   the same scenario and seed always give the same game",
            "   same scenario and seed, same game",
        ]
        .into_iter()
        .find(|a| a.chars().count() <= room)
        .unwrap_or("");
        let seed_line = Line::from(vec![
            Span::raw(" Seed: "),
            Span::styled(seed, t.key()),
            Span::styled(about, t.dim()),
        ]);
        Paragraph::new(seed_line)
            .block(Block::bordered().border_style(t.dim()))
            .render(area, buf);
    }
}

impl Default for Picker {
    fn default() -> Self {
        Picker::new()
    }
}

/// `text` cut to `width` characters, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// Load the scenario of `choice`: a built-in by name, a file by its path as it
/// is (its name need not be UTF-8).
fn load(choice: &Listing) -> Result<scenario::Checked, scenario::ScenarioError> {
    match &choice.source {
        Source::Builtin => scenario::resolve(&choice.name).map(|(checked, _)| checked),
        Source::User(p) | Source::Path(p) => scenario::load_path(p),
    }
}
