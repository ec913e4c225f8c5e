//! The week screen's dialogs: a pending event's text and its choices, the
//! coach (`coach.rs`), and the two questions Enter may ask before the week is
//! played. Each carries what it
//! shows; the week screen answers their keys (they change its draft).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::coach::Coach;
use crate::engine::events::EventDef;
use crate::engine::Decision;
use crate::ui::effects::effects_wrapped;
use crate::ui::keymap::{Action, Context};
use crate::ui::news::event_text;
use crate::ui::session::Session;
use crate::ui::text::{clip, wrapped_height};
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, confirm, hint_bar, panel, Scroll};
use crate::untrusted::printable;

/// A dialog over the week screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Answering a pending event.
    Event(EventDialog),
    /// The drafted week hands VP `vp` (from 0) from the CTO to the CEO: sure?
    ConfirmHandover { vp: usize },
    /// `unanswered` events would be settled without the player: end the week?
    ConfirmEnd { unanswered: usize },
    /// What the reference CTO would decide this week, and why; opened over
    /// an event (`from`, which Esc goes back to) or the week.
    Coach {
        coach: Coach,
        from: Option<EventDialog>,
    },
}

impl Dialog {
    /// The keys that apply while it is open.
    pub fn context(&self) -> Context {
        match self {
            Dialog::Event(_) => Context::Event,
            Dialog::ConfirmHandover { .. } | Dialog::ConfirmEnd { .. } => Context::ConfirmEnd,
            Dialog::Coach { .. } => Context::Coach,
        }
    }

    /// Draw it over the week screen of `session`, whose draft is `draft`,
    /// in `area`.
    pub fn render(
        &self,
        session: &Session,
        draft: &Decision,
        t: Theme,
        area: Rect,
        buf: &mut Buffer,
    ) {
        match self {
            Dialog::Event(event) => event.render(session, t, area, buf),
            Dialog::Coach { coach, .. } => coach.render(session, draft, t, area, buf),
            Dialog::ConfirmHandover { vp } => confirm(
                area,
                buf,
                t,
                &format!("Hand VP #{} to the CEO?", vp + 1),
                &["Your authority over their part of engineering fades within weeks (a forum keeps some of it, as much as you show up for it, if the CEO agrees to one), and taking the VP back is the CEO's call."],
            ),
            Dialog::ConfirmEnd { unanswered: n } => {
                let first = format!(
                    "{n} event{} unanswered: the organisation will settle {} without you.",
                    if *n == 1 { " is" } else { "s are" },
                    if *n == 1 { "it" } else { "them" }
                );
                confirm(area, buf, t, "End the week?", &[&first]);
            }
        }
    }
}

/// Lines a page key scrolls an event's text.
const SCROLL_STEP: i32 = 5;

/// Pending event `index` with the cursor on a choice and its text scrolled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDialog {
    pub index: usize,
    pub cursor: usize,
    pub scroll: Scroll,
}

impl EventDialog {
    /// Pending event `index`, the cursor on choice `cursor`, from the top.
    pub fn new(index: usize, cursor: usize) -> EventDialog {
        EventDialog {
            index,
            cursor,
            scroll: Scroll::default(),
        }
    }

    /// The cursor and scroll keys; `false` for the others (answering,
    /// leaving, help and quit are for the week screen to decide).
    pub fn on_action(&mut self, action: Action, session: &Session, area: Option<Rect>) -> bool {
        let choices = event(session, self.index).map_or(0, |def| def.choices.len());
        match action {
            // The cursor stops at the first and last choice, as the week
            // screen's rows do: a key pressed once too often never lands on
            // the other end of the list, and an answer is a decision.
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(choices.saturating_sub(1)),
            Action::ScrollUp => self.scroll.by(-SCROLL_STEP, self.limit(session, area)),
            Action::ScrollDown => self.scroll.by(SCROLL_STEP, self.limit(session, area)),
            _ => return false,
        }
        true
    }

    /// How far the text can scroll in a terminal of `area`.
    fn limit(&self, session: &Session, area: Option<Rect>) -> Option<u16> {
        let def = event(session, self.index)?;
        let text = text(def, session);
        area.map(|a| {
            let parts = layout(def, &text, a, self.cursor);
            parts.text_lines.saturating_sub(parts.body.height)
        })
    }

    /// Draw the event over the screen. The choices and the keys always show;
    /// a long text scrolls above them.
    fn render(&self, session: &Session, t: Theme, area: Rect, buf: &mut Buffer) {
        let Some(def) = event(session, self.index) else {
            return;
        };
        let text = text(def, session);
        let parts = layout(def, &text, area, self.cursor);
        Clear.render(parts.rect, buf);
        panel(&printable(&def.title), true, t).render(parts.rect, buf);
        let (body, text_lines) = (parts.body, parts.text_lines);
        let hidden = text_lines.saturating_sub(body.height);
        let scroll = self.scroll.0.min(hidden);
        let pending = session.state().pending.len();
        let mut header = format!("Event {} of {pending}", self.index + 1);
        if hidden > 0 {
            header.push_str(&format!(
                " · text {}–{} of {} lines, PgUp/PgDn scroll",
                scroll + 1,
                (scroll + body.height).min(text_lines),
                text_lines
            ));
        }
        Line::styled(header, t.dim()).render(parts.head, buf);
        let body_text = Rect {
            width: body.width.saturating_sub(1),
            ..body
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .scroll((scroll, 0))
            .render(body_text, buf);
        Paragraph::new(choice_lines(def, self.cursor, &parts.effects, t)).render(parts.list, buf);
        hint_bar(Context::Event, t, parts.keys.width).render(parts.keys, buf);
    }
}

/// The definition of pending event `index` of `session`'s run.
fn event(session: &Session, index: usize) -> Option<&EventDef> {
    let p = session.state().pending.get(index)?;
    session.scenario().events.get(p.event)
}

/// The event's text with its placeholders filled in, safe for the terminal.
fn text(def: &EventDef, session: &Session) -> String {
    printable(&event_text(&def.text, session.state())).into_owned()
}

/// Where an event dialog's parts go.
struct Parts {
    rect: Rect,
    head: Rect,
    body: Rect,
    list: Rect,
    keys: Rect,
    /// Lines the text takes wrapped to the body's width.
    text_lines: u16,
    /// The lines of what each choice does, shown under it.
    effects: Vec<Vec<String>>,
}

/// Columns the effects are indented by, under the choice's label (past its
/// mark and number).
const EFFECTS_INDENT: u16 = 4;

/// Lines of the text kept in view, at least, when the choices' effects take
/// room (the rest scrolls).
const MIN_TEXT_LINES: u16 = 3;

fn layout(def: &EventDef, text: &str, area: Rect, cursor: usize) -> Parts {
    let width = 72.min(area.width.saturating_sub(4));
    let inner_width = width.saturating_sub(2).max(1);
    // The text keeps a blank column on its right: a wide character that the
    // wrapping puts in the last column then cannot cover the border.
    let text_lines = wrapped_height(text, inner_width.saturating_sub(1));
    let choices = def.choices.len() as u16;
    // Borders, header, a blank line, a blank line, the keys: six rows that
    // always show; then as much of the text as the choices leave.
    let room = area
        .height
        .saturating_sub(2 + 6 + text_lines.min(MIN_TEXT_LINES));
    let effects = effect_lines(
        def,
        cursor,
        usize::from(inner_width.saturating_sub(EFFECTS_INDENT + 1)),
        usize::from(room.saturating_sub(choices)),
    );
    let list = choices + effects.iter().map(Vec::len).sum::<usize>() as u16;
    // Header, text, a blank line, the choices, a blank line, the keys, borders.
    let wanted = 2 + text_lines + 1 + list + 2 + 2;
    let rect = centered(area, width, wanted.min(area.height.saturating_sub(2)));
    let [head, body, _, list, _, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(list),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(Block::bordered().inner(rect));
    Parts {
        rect,
        head,
        body,
        list,
        keys,
        text_lines,
        effects,
    }
}

/// What each choice does, wrapped to `width` columns, in at most `room`
/// lines: every choice's in full when they fit, else the cursor's alone
/// (cut to the room left, the last line ending in an ellipsis).
fn effect_lines(def: &EventDef, cursor: usize, width: usize, room: usize) -> Vec<Vec<String>> {
    let width = width.max(2);
    let all: Vec<Vec<String>> = def
        .choices
        .iter()
        .map(|c| effects_wrapped(&c.effects, width))
        .collect();
    if all.iter().map(Vec::len).sum::<usize>() <= room {
        return all;
    }
    all.into_iter()
        .enumerate()
        .map(|(i, mut lines)| {
            if i != cursor {
                return Vec::new();
            }
            if lines.len() > room {
                lines.truncate(room);
                if let Some(last) = lines.last_mut() {
                    *last = clip(&format!("{last} …"), width);
                }
            }
            lines
        })
        .collect()
}

/// The choices, numbered, the cursor's highlighted and the default marked,
/// each with what it does under it, dimmed.
fn choice_lines(
    def: &EventDef,
    cursor: usize,
    effects: &[Vec<String>],
    t: Theme,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(usize::from(EFFECTS_INDENT));
    let mut lines = Vec::new();
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
            Span::styled(
                format!("{}{}. {} ", t.mark(i == cursor), i + 1, printable(&c.label)),
                style,
            ),
            Span::styled(marker, t.dim()),
        ]));
        for words in effects.get(i).into_iter().flatten() {
            lines.push(Line::styled(format!("{indent}{words}"), t.dim()));
        }
    }
    lines
}
