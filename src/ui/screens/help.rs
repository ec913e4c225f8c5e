//! Help: the keys of where the player was when they asked, from the key table,
//! over the screen. It owns its scroll and its keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::protocol::Outcome;
use crate::ui::keymap::{bindings, Action, Context};
use crate::ui::session::Session;
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, hidden_lines, scrolled_panel, Scroll};

/// Help over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Help {
    /// The keys it describes: where the player was.
    pub context: Context,
    pub scroll: Scroll,
}

impl Help {
    /// Help on the keys of `context`, from the top.
    pub fn new(context: Context) -> Help {
        Help {
            context,
            scroll: Scroll::default(),
        }
    }

    /// Help's keys: close, scroll. `shown` is the run on screen, if any (for
    /// what help says about it); `area` the terminal's.
    pub fn on_action(
        &mut self,
        action: Action,
        shown: Option<&Session>,
        area: Option<Rect>,
    ) -> Outcome {
        match action {
            Action::Back | Action::Help => return Outcome::Close,
            Action::ScrollUp => self.scroll.by(-1, self.limit(shown, area)),
            Action::ScrollDown => self.scroll.by(1, self.limit(shown, area)),
            _ => {}
        }
        Outcome::Stay
    }

    /// How far the text can scroll in `area`.
    fn limit(&self, shown: Option<&Session>, area: Option<Rect>) -> Option<u16> {
        area.map(|a| hidden_lines(&self.lines(shown, Theme::PLAIN), rect(a)))
    }

    /// Draw over the screen in `area`, scrolled where the text does not all fit.
    pub fn render(&self, shown: Option<&Session>, t: Theme, area: Rect, buf: &mut Buffer) {
        let rect = rect(area);
        Clear.render(rect, buf);
        scrolled_panel(
            self.lines(shown, t),
            "Help",
            self.scroll,
            true,
            t,
            rect,
            buf,
        );
    }

    /// The text: the keys, how to leave help, and a word on the week screen.
    /// (`_shown` is there for what help will say about the run on screen.)
    fn lines(&self, _shown: Option<&Session>, t: Theme) -> Vec<Line<'static>> {
        let ctx = self.context;
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
        lines
    }
}

/// Where help is drawn in `area`.
fn rect(area: Rect) -> Rect {
    centered(
        area,
        70.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2).min(26),
    )
}
