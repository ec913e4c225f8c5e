//! Colours and emphasis. `NO_COLOR` (any non-empty value) turns colour off;
//! emphasis that carries meaning stays (bold, reversed).

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// No colour: for measuring text, whose words do not depend on colours.
    pub const PLAIN: Theme = Theme { color: false };

    /// Colour unless `NO_COLOR` is set.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// The column before a row that may have the focus: without colour,
    /// reverse video alone is easy to miss (and some terminals drop it), so a
    /// `›` marks the focused row too; otherwise a space.
    pub fn mark(&self, focused: bool) -> &'static str {
        if focused && !self.color {
            "›"
        } else {
            " "
        }
    }
    /// `label` padded to `width` columns, starting with a `›` when it has
    /// the focus and there is no colour (see [`Theme::mark`]).
    pub fn focus_label(&self, focused: bool, label: &str, width: usize) -> String {
        if focused && !self.color {
            format!("›{label:<w$}", w = width.saturating_sub(1))
        } else {
            format!("{label:<width$}")
        }
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn bad(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn focus_border(&self) -> Style {
        self.fg(Color::Cyan)
    }
    /// Good, warning or bad for a 0–100 figure where higher is better.
    pub fn level(&self, x: f64) -> Style {
        if x >= 60.0 {
            self.good()
        } else if x >= 40.0 {
            self.warn()
        } else {
            self.bad()
        }
    }
}
