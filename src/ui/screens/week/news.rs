//! The news panel: what is under way pinned at the top (marked ▸), then the
//! rest of the log newest first, routine repeats folded (`log::panel`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Week;
use crate::ui::log::{self, Kind, PINNED};
use crate::ui::text::{week_label, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::panel;

/// Columns of the week before each line.
const WEEK: usize = 5;

impl Week {
    pub(super) fn news(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let block = panel("News · m log", false, t);
        let inner = block.inner(area);
        block.render(area, buf);
        self.news_lines(t, inner, buf);
    }

    /// The news panel's lines, each wrapped under its week so a narrow panel
    /// shows all of it.
    pub(super) fn news_lines(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height);
        let width = usize::from(area.width).saturating_sub(WEEK);
        let session = &self.session;
        let shown = log::panel(&session.log, session.state(), session.scenario(), height);
        let mut lines: Vec<Line> = Vec::new();
        for item in shown {
            if lines.len() >= height {
                break;
            }
            let (text, style) = if item.pinned {
                let style = match item.entry.kind {
                    Kind::Warning(_) => t.bad(),
                    _ => t.title(),
                };
                (format!("{PINNED}{}", item.text()), style)
            } else {
                (item.text(), Style::new())
            };
            for (i, part) in wrap(&text, width).into_iter().enumerate() {
                let week = if i == 0 {
                    format!("{:<WEEK$}", week_label(item.entry.week))
                } else {
                    " ".repeat(WEEK)
                };
                lines.push(Line::from(vec![
                    Span::styled(week, t.dim()),
                    Span::styled(part, style),
                ]));
            }
        }
        lines.truncate(height);
        Paragraph::new(lines).render(area, buf);
    }
}
