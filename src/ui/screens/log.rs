//! The news log over the screen: every line of the run shown (up to the week
//! a replay shows), each under its week, newest last. It opens at the newest
//! line and scrolls back to the first; what is still under way is marked ▸,
//! as in the news panel. It reads the session's log, the list the panel
//! reads, so every line the panel ever showed is here (a warning as it was
//! first given).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::protocol::Outcome;
use crate::ui::keymap::Action;
use crate::ui::log::{under_way, Kind, PINNED};
use crate::ui::session::Session;
use crate::ui::text::{week_label, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, panel, Scroll};

/// Columns of the week before each line.
const WEEK: usize = 6;

/// The news log over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Log {
    /// Lines scrolled from the top; past the end means the newest line last.
    pub scroll: Scroll,
}

impl Default for Log {
    fn default() -> Log {
        Log::new()
    }
}

impl Log {
    /// The log, at its newest line.
    pub fn new() -> Log {
        Log {
            scroll: Scroll(u16::MAX),
        }
    }

    /// The log's keys: close, scroll. `shown` is the run on screen; `area`
    /// the terminal's.
    pub fn on_action(
        &mut self,
        action: Action,
        shown: Option<&Session>,
        area: Option<Rect>,
    ) -> Outcome {
        let limit = area.map(|a| {
            let inner = inner(rect(a));
            let total = lines(shown, Theme::PLAIN, inner.width).len();
            u16::try_from(total.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
        });
        match action {
            Action::Back | Action::Log => return Outcome::Close,
            Action::ScrollUp => self.scroll.by(-1, limit),
            Action::ScrollDown => self.scroll.by(1, limit),
            Action::First => self.scroll = Scroll(0),
            Action::Last => self.scroll = Scroll(u16::MAX),
            _ => {}
        }
        Outcome::Stay
    }

    /// Draw over the screen in `area`; the title says which lines show when
    /// they do not all fit.
    pub fn render(&self, shown: Option<&Session>, t: Theme, area: Rect, buf: &mut Buffer) {
        let rect = rect(area);
        let inner = inner(rect);
        let lines = lines(shown, t, inner.width);
        let total = lines.len();
        let visible = usize::from(inner.height);
        let hidden = total.saturating_sub(visible);
        let scroll = usize::from(self.scroll.0).min(hidden);
        let title = if hidden == 0 {
            "News log".to_string()
        } else {
            format!(
                "News log · {}–{}/{total} ↑↓",
                scroll + 1,
                (scroll + visible).min(total)
            )
        };
        let block = panel(&title, true, t).title_bottom(Span::styled(
            " Esc close · ↑↓ scroll · Home first · End newest ",
            t.dim(),
        ));
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .block(block)
            .render(rect, buf);
    }
}

/// Every line of the log of `shown`, wrapped to `width` under its week, the
/// lines under way marked.
fn lines(shown: Option<&Session>, t: Theme, width: u16) -> Vec<Line<'static>> {
    let Some(session) = shown else {
        return vec![Line::styled("No run on screen.", t.dim())];
    };
    let live = under_way(&session.log, session.state(), session.scenario());
    let width = usize::from(width).saturating_sub(WEEK);
    let mut out = Vec::new();
    for (i, e) in session.log.iter().enumerate() {
        let (text, style) = match (live.contains(&i), e.kind) {
            (true, Kind::Warning(_)) => (format!("{PINNED}{}", e.text), t.bad()),
            (true, _) => (format!("{PINNED}{}", e.text), t.title()),
            (false, _) => (e.text.clone(), Style::new()),
        };
        for (j, part) in wrap(&text, width).into_iter().enumerate() {
            let week = if j == 0 {
                format!("{:<WEEK$}", week_label(e.week))
            } else {
                " ".repeat(WEEK)
            };
            out.push(Line::from(vec![
                Span::styled(week, t.dim()),
                Span::styled(part, style),
            ]));
        }
    }
    out
}

/// Where the log is drawn in `area`: nearly all of it, at most 100 wide.
fn rect(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(2).min(100),
        area.height.saturating_sub(2),
    )
}

/// Inside its border.
fn inner(rect: Rect) -> Rect {
    rect.inner(ratatui::layout::Margin::new(1, 1))
}
