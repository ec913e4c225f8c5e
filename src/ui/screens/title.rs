//! The title screen: the game's name and its menu.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::protocol::Outcome;
use crate::ui::keymap::{Action, Context};
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, hint_bar};

const TITLE_ART: &str = include_str!("../../../assets/title.txt");

/// The title menu, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuItem {
    NewGame,
    Continue,
    Replays,
    Help,
    Quit,
}

impl MenuItem {
    pub const ALL: [MenuItem; 5] = [
        MenuItem::NewGame,
        MenuItem::Continue,
        MenuItem::Replays,
        MenuItem::Help,
        MenuItem::Quit,
    ];

    /// The words on the menu.
    pub fn label(self) -> &'static str {
        match self {
            MenuItem::NewGame => "New game",
            MenuItem::Continue => "Continue",
            MenuItem::Replays => "Replays",
            MenuItem::Help => "Help",
            MenuItem::Quit => "Quit",
        }
    }
}

/// The title screen's state: where the menu cursor is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Title {
    pub cursor: usize,
}

impl Title {
    /// Move the cursor, or go where the chosen item leads.
    pub fn on_action(&mut self, action: Action) -> Outcome {
        let n = MenuItem::ALL.len();
        match action {
            Action::Up => self.cursor = self.cursor.checked_sub(1).unwrap_or(n - 1),
            Action::Down => self.cursor = (self.cursor + 1) % n,
            Action::Help => return Outcome::Help,
            Action::Quit => return Outcome::Quit,
            Action::Select => {
                return match MenuItem::ALL.get(self.cursor) {
                    Some(MenuItem::NewGame) => Outcome::NewGame,
                    Some(MenuItem::Continue) => Outcome::Continue(None),
                    Some(MenuItem::Replays) => Outcome::Runs,
                    Some(MenuItem::Help) => Outcome::Help,
                    Some(MenuItem::Quit) => Outcome::Quit,
                    None => Outcome::Stay,
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// Draw the title screen with `status` under the menu.
    pub fn render(&self, t: Theme, status: Option<&str>, area: Rect, buf: &mut Buffer) {
        let [art, menu, status_area, keys] = Layout::vertical([
            Constraint::Length(7),
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(area);
        let mut lines: Vec<Line> = vec![Line::raw("")];
        lines.extend(
            TITLE_ART
                .lines()
                .map(|l| Line::styled(l.to_string(), t.title())),
        );
        lines.push(Line::styled(
            "You are the CTO of a growing startup.",
            t.dim(),
        ));
        Paragraph::new(lines).centered().render(art, buf);
        let items: Vec<Line> = MenuItem::ALL
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut style = Style::new();
                if i == self.cursor {
                    style = style.patch(t.selected());
                }
                let mark = t.mark(i == self.cursor);
                Line::styled(format!("{mark} {:<12}", item.label()), style)
            })
            .collect();
        Paragraph::new(items)
            .centered()
            .render(centered(menu, 20, MenuItem::ALL.len() as u16 + 1), buf);
        if let Some(s) = status {
            Paragraph::new(s)
                .centered()
                .style(t.dim())
                .render(status_area, buf);
        }
        hint_bar(Context::Title, t, keys.width).render(keys, buf);
    }
}
