//! Help: the keys of the screen below it, from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::ui::keymap::{bindings, Context};
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, scrolled_panel};

/// Draw the keys of `ctx` over the screen, scrolled down by `scroll` lines
/// where they do not all fit; returns how far they can scroll.
pub fn render(ctx: Context, t: Theme, scroll: u16, area: Rect, buf: &mut Buffer) -> u16 {
    let rect = centered(area, 70.min(area.width - 2), (area.height - 2).min(26));
    Clear.render(rect, buf);
    let mut lines = vec![Line::styled(format!("Keys here ({ctx:?})"), t.title())];
    for b in bindings(ctx) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<8}", b.label), t.key()),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "In help: Esc, q or ? closes; ↑/↓ scroll.",
        t.dim(),
    ));
    if ctx == Context::Week {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Attention always adds up to 100%: raising one share takes from the others in proportion. Mouse: click a bar to set it, scroll to adjust the focused row.",
            t.dim(),
        ));
    }
    scrolled_panel(lines, "Help", scroll, true, t, rect, buf)
}
