//! The event dialog: a pending event's text and its choices.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::week::Play;
use crate::ui::keymap::{Action, Context};
use crate::ui::text::event_text;
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, hint_bar, panel};

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
        _ => None,
    }
}

/// Draw pending event `index` of `play` with the cursor on `cursor`.
pub fn render(play: &Play, t: Theme, index: usize, cursor: usize, area: Rect, buf: &mut Buffer) {
    let game = play.session.game();
    let s = game.state();
    let Some(def) = s
        .pending
        .get(index)
        .and_then(|p| game.scenario().events.get(p.event))
    else {
        return;
    };
    let rect = centered(area, 72.min(area.width - 4), 16.min(area.height - 2));
    Clear.render(rect, buf);
    let mut lines = vec![
        Line::styled(
            format!("Event {} of {}", index + 1, s.pending.len()),
            t.dim(),
        ),
        Line::raw(""),
        Line::raw(event_text(&def.text, s)),
        Line::raw(""),
    ];
    for (i, c) in def.choices.iter().enumerate() {
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
        lines.push(Line::from(vec![
            Span::styled(format!(" {}. {} ", i + 1, c.label), style),
            Span::styled(marker, t.dim()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(hint_bar(Context::Event, t, rect.width.saturating_sub(2)));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(&def.title, true, t))
        .render(rect, buf);
}
