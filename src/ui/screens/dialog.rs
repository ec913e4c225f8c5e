//! The event dialog: a pending event's text and its choices.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::week::Week;
use crate::engine::events::EventDef;
use crate::ui::keymap::{Action, Context};
use crate::ui::news::event_text;
use crate::ui::text::wrapped_height;
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, hint_bar, panel};
use crate::untrusted::printable;

/// What the player did in an event dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogAsk {
    /// Move the cursor to this choice.
    Move(usize),
    /// Answer with this choice.
    Answer(usize),
    /// Close the dialog, leaving the event unanswered for now.
    Leave,
    Help,
    /// Scroll the text by this many lines (negative: up).
    Scroll(i32),
}

/// The dialog's answer to `action`, with the cursor on `cursor` of `choices`.
pub fn act(cursor: usize, choices: usize, action: Action) -> Option<DialogAsk> {
    match action {
        Action::Up => Some(DialogAsk::Move(
            cursor.checked_sub(1).unwrap_or(choices.saturating_sub(1)),
        )),
        Action::Down => Some(DialogAsk::Move((cursor + 1) % choices.max(1))),
        Action::Select => Some(DialogAsk::Answer(cursor)),
        Action::Back => Some(DialogAsk::Leave),
        Action::Help => Some(DialogAsk::Help),
        Action::ScrollUp => Some(DialogAsk::Scroll(-SCROLL_STEP)),
        Action::ScrollDown => Some(DialogAsk::Scroll(SCROLL_STEP)),
        _ => None,
    }
}

/// Lines a page key scrolls an event's text.
const SCROLL_STEP: i32 = 5;

/// Draw pending event `index` of `play` with the cursor on `cursor` and the
/// text scrolled down by `scroll` lines. The choices and the keys always show;
/// a long text scrolls above them. Returns how far the text can scroll.
pub fn render(
    play: &Week,
    t: Theme,
    (index, cursor, scroll): (usize, usize, u16),
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
    let game = play.session.game();
    let s = game.state();
    let Some(def) = s
        .pending
        .get(index)
        .and_then(|p| game.scenario().events.get(p.event))
    else {
        return 0;
    };
    let text = printable(&event_text(&def.text, s)).into_owned();
    let width = 72.min(area.width.saturating_sub(4));
    let inner_width = width.saturating_sub(2).max(1);
    // The text keeps a blank column on its right: a wide character that the
    // wrapping puts in the last column then cannot cover the border.
    let text_lines = wrapped_height(&text, inner_width.saturating_sub(1));
    let choices = def.choices.len() as u16;
    // Header, text, a blank line, the choices, a blank line, the keys, borders.
    let wanted = 2 + text_lines + 1 + choices + 2 + 2;
    let rect = centered(area, width, wanted.min(area.height.saturating_sub(2)));
    Clear.render(rect, buf);
    let block = panel(&printable(&def.title), true, t);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [head, body, _, list, _, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(choices),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let hidden = text_lines.saturating_sub(body.height);
    let scroll = scroll.min(hidden);
    let mut header = format!("Event {} of {}", index + 1, s.pending.len());
    if hidden > 0 {
        header.push_str(&format!(
            " · text {}–{} of {} lines, PgUp/PgDn scroll",
            scroll + 1,
            (scroll + body.height).min(text_lines),
            text_lines
        ));
    }
    Line::styled(header, t.dim()).render(head, buf);
    let body_text = Rect {
        width: body.width.saturating_sub(1),
        ..body
    };
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .scroll((scroll, 0))
        .render(body_text, buf);
    Paragraph::new(choice_lines(def, cursor, t)).render(list, buf);
    hint_bar(Context::Event, t, keys.width).render(keys, buf);
    hidden
}

/// The choices, numbered, the cursor's highlighted and the default marked.
fn choice_lines(def: &EventDef, cursor: usize, t: Theme) -> Vec<Line<'static>> {
    def.choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let marker = if i == def.default_choice {
                " (if you don't answer)"
            } else {
                ""
            };
            let style = if i == cursor {
                t.selected()
            } else {
                Style::new()
            };
            Line::from(vec![
                Span::styled(format!(" {}. {} ", i + 1, printable(&c.label)), style),
                Span::styled(marker, t.dim()),
            ])
        })
        .collect()
}
