//! The coach: what the reference CTO (`balanced`) would decide this week,
//! control by control, beside the player's draft, each with its reason in
//! plain words (`policy::advise`, the bot's own decision and the figures it
//! read). It scrolls; a key puts the whole advice in the draft.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::engine::events::EventDef;
use crate::engine::Decision;
use crate::policy::{advise, Advice, Control};
use crate::ui::keymap::Context;
use crate::ui::reporting::line_label;
use crate::ui::session::Session;
use crate::ui::text::{plural, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, hint_bar, panel, Scroll};
use crate::untrusted::printable;
use unicode_width::UnicodeWidthStr;

/// Lines a page key scrolls the advice.
const SCROLL_STEP: i32 = 1;

/// The coach over the week screen: how far its advice is scrolled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coach {
    pub scroll: Scroll,
}

impl Coach {
    /// Scroll by `steps` lines at most as far as the advice goes in a
    /// terminal of `area`.
    pub fn scroll_by(
        &mut self,
        steps: i32,
        session: &Session,
        draft: &Decision,
        area: Option<Rect>,
    ) {
        let limit = area.map(|a| {
            let parts = layout(a);
            let lines = lines(session, draft, Theme::PLAIN, text_width(parts.body));
            (lines.len() as u16).saturating_sub(parts.body.height)
        });
        self.scroll.by(steps * SCROLL_STEP, limit);
    }

    /// Draw the advice over the screen; the keys always show, the advice
    /// scrolls above them.
    pub fn render(
        &self,
        session: &Session,
        draft: &Decision,
        t: Theme,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let parts = layout(area);
        let lines = lines(session, draft, t, text_width(parts.body));
        let total = lines.len() as u16;
        let hidden = total.saturating_sub(parts.body.height);
        let scroll = self.scroll.0.min(hidden);
        let title = if hidden == 0 {
            "Coach".to_string()
        } else {
            format!(
                "Coach · {}–{}/{total} ↑↓",
                scroll + 1,
                (scroll + parts.body.height).min(total)
            )
        };
        Clear.render(parts.rect, buf);
        panel(&title, true, t).render(parts.rect, buf);
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .render(parts.body, buf);
        hint_bar(Context::Coach, t, parts.keys.width).render(parts.keys, buf);
    }
}

/// Where the coach's parts go.
struct Parts {
    rect: Rect,
    body: Rect,
    keys: Rect,
}

fn layout(area: Rect) -> Parts {
    let width = 96.min(area.width.saturating_sub(4));
    let rect = centered(area, width, area.height.saturating_sub(2));
    let [body, _, keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(Block::bordered().inner(rect));
    Parts { rect, body, keys }
}

/// The text's width in `body`: a blank column on the right, so that a wide
/// character at the end of a line cannot cover the border.
fn text_width(body: Rect) -> usize {
    usize::from(body.width.saturating_sub(1)).max(10)
}

/// The advice for the week being drafted, wrapped to `width`: a line of
/// introduction, then each control (events first) with the coach's value,
/// the draft's where it differs, and the reason under it.
fn lines(session: &Session, draft: &Decision, t: Theme, width: usize) -> Vec<Line<'static>> {
    let s = session.state();
    let Advice { decision, reasons } = advise(s, session.scenario());
    let intro = format!(
        "What the reference CTO (the `balanced` bot) would decide for week {}, and why. Enter puts all of it in your draft; you can still change anything.",
        s.week + 1
    );
    let mut out: Vec<Line<'static>> = wrap(&intro, width)
        .into_iter()
        .map(|l| Line::styled(l, t.dim()))
        .collect();
    out.push(Line::raw(""));
    out.extend(
        wrap(&summary(&decision), width)
            .into_iter()
            .map(|l| Line::styled(l, t.title())),
    );
    let events = reasons
        .iter()
        .filter(|r| matches!(r.control, Control::Event(_)));
    let rest = reasons
        .iter()
        .filter(|r| !matches!(r.control, Control::Event(_)));
    for reason in events.chain(rest) {
        let (name, advised, yours) = values(reason.control, &decision, draft, session);
        out.push(Line::raw(""));
        out.extend(head(&name, &advised, &yours, t, width));
        for l in wrap(&printable(&reason.why), width.saturating_sub(2)) {
            out.push(Line::styled(format!("  {l}"), Style::new()));
        }
    }
    out
}

/// The whole decision on a line or two, before the reasons.
fn summary(d: &Decision) -> String {
    let a = d.attention;
    format!(
        "In short: strategy {}%, hiring {}%, coding {}%, management {}% · {} h · refactoring {}% · wanted: {}, {}, {}",
        a.strategy, a.hiring, a.coding, a.management, d.hours, d.refactor_pct,
        plural(d.hiring.engineers, "engineer"),
        plural(d.hiring.managers, "manager"),
        plural(d.hiring.vps, "VP"),
    )
}

/// A control's name and its value as the coach sets it, then the draft's
/// value beside it (or under it, when both do not fit on a line) where they
/// differ.
fn head(name: &str, advised: &str, yours: &str, t: Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = wrap(&format!("{name} {advised}"), width)
        .into_iter()
        .map(|l| Line::styled(l, t.title()))
        .collect();
    if yours == advised {
        return lines;
    }
    let yours = format!("yours: {yours}");
    let last = lines.last().map_or(0, Line::width);
    if last + 3 + yours.width() <= width {
        if let Some(line) = lines.last_mut() {
            line.spans
                .push(Span::styled(format!("   {yours}"), t.warn()));
        }
    } else {
        for l in wrap(&yours, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), t.warn()));
        }
    }
    lines
}

/// A control's name, its value as the coach sets it and as the draft has
/// it, in words safe for the terminal.
fn values(
    c: Control,
    advice: &Decision,
    draft: &Decision,
    session: &Session,
) -> (String, String, String) {
    let s = session.state();
    let name = match c {
        Control::Attention(a) => a.label().to_string(),
        Control::Hours => "Hours".to_string(),
        Control::Refactor => "Refactoring".to_string(),
        Control::Engineers => "Engineers wanted".to_string(),
        Control::Managers => "Managers wanted".to_string(),
        Control::Vps => "VPs wanted".to_string(),
        Control::VpLine(vp) => format!("VP #{}", vp + 1),
        Control::Event(i) => format!("Event “{}”:", event_title(session, i)),
    };
    let value = |d: &Decision| -> String {
        match c {
            Control::Attention(a) => format!("{}%", d.attention.get(a)),
            Control::Hours => d.hours.to_string(),
            Control::Refactor => format!("{}%", d.refactor_pct),
            Control::Engineers => d.hiring.engineers.to_string(),
            Control::Managers => d.hiring.managers.to_string(),
            Control::Vps => d.hiring.vps.to_string(),
            Control::VpLine(vp) => d
                .vp_lines
                .get(vp)
                .or_else(|| s.people.vps.get(vp).map(|v| &v.line))
                .map_or("", |l| line_label(*l))
                .to_string(),
            Control::Event(i) => answer(session, d, i),
        }
    };
    (name, value(advice), value(draft))
}

/// Pending event `i`'s title, safe for the terminal.
fn event_title(session: &Session, i: usize) -> String {
    event(session, i).map_or(String::new(), |e| printable(&e.title).into_owned())
}

/// Pending event `i`'s definition.
fn event(session: &Session, i: usize) -> Option<&EventDef> {
    let p = session.state().pending.get(i)?;
    session.scenario().events.get(p.event)
}

/// The answer `d` gives pending event `i`, in words safe for the terminal.
fn answer(session: &Session, d: &Decision, i: usize) -> String {
    let chosen = d
        .answers
        .iter()
        .find(|a| a.pending == i)
        .and_then(|a| event(session, i).and_then(|e| e.choices.get(a.choice)));
    match chosen {
        Some(c) => printable(&c.label).into_owned(),
        None => "leave it unanswered".to_string(),
    }
}
