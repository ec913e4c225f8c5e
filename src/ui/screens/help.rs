//! Help: the keys of where the player was when they asked, from the key table,
//! then "How it works", the guide to every figure of the week screen with its
//! value in the run on screen (`ui/guide`). It owns its scroll and its keys:
//! ↑/↓ a line, PgUp/PgDn a page, Tab/→ and S-Tab/← from section to section.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::protocol::Outcome;
use crate::engine::par::Par;
use crate::engine::Scenario;
use crate::ui::guide::{sections, Now};
use crate::ui::keymap::{bindings, Action, Context};
use crate::ui::session::Session;
use crate::ui::text::wrap;
use crate::ui::theme::Theme;
use crate::ui::widgets::{centered, panel, Scroll};

/// Help over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Help {
    /// The keys it describes: where the player was.
    pub context: Context,
    pub scroll: Scroll,
}

/// What help reads of the run on screen: the run, and the par its week
/// screen shows for the draft.
#[derive(Clone, Copy, Default)]
pub struct Shown<'a> {
    pub session: Option<&'a Session>,
    pub par: Option<&'a Par>,
    /// The forecast the week screen shows, once it is in.
    pub forecast: Option<&'a crate::forecast::Forecast>,
}

/// Help's text, a line per row, with the row each section starts on.
struct Text {
    lines: Vec<Line<'static>>,
    sections: Vec<(u16, String)>,
}

impl Help {
    /// Help on the keys of `context`, from the top.
    pub fn new(context: Context) -> Help {
        Help {
            context,
            scroll: Scroll::default(),
        }
    }

    /// Help's keys: close, scroll, jump. `area` is the terminal's.
    pub fn on_action(&mut self, action: Action, shown: Shown, area: Option<Rect>) -> Outcome {
        if matches!(action, Action::Back | Action::Help) {
            return Outcome::Close;
        }
        let Some(area) = area else {
            // Before the terminal's size is known nothing is drawn to scroll.
            return Outcome::Stay;
        };
        let rect = rect(area);
        let text = self.text(shown, Theme::PLAIN, rect);
        let visible = rect.height.saturating_sub(2);
        let limit = (text.lines.len() as u16).saturating_sub(visible);
        let at = self.scroll.0.min(limit);
        let page = i32::from(visible.saturating_sub(1).max(1));
        match action {
            Action::ScrollUp => self.scroll.by(-1, Some(limit)),
            Action::ScrollDown => self.scroll.by(1, Some(limit)),
            Action::BigLeft => self.scroll.by(-page, Some(limit)),
            Action::BigRight => self.scroll.by(page, Some(limit)),
            Action::NextPanel => {
                let next = text.sections.iter().map(|(r, _)| *r).find(|r| *r > at);
                self.scroll = Scroll(next.unwrap_or(limit).min(limit));
            }
            Action::PrevPanel => {
                let prev = text
                    .sections
                    .iter()
                    .map(|(r, _)| *r)
                    .rev()
                    .find(|r| *r < at);
                self.scroll = Scroll(prev.unwrap_or(0));
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// Draw over the screen in `area`, scrolled where the text does not all fit;
    /// the title names the section at the top and which lines show.
    pub fn render(&self, shown: Shown, t: Theme, area: Rect, buf: &mut Buffer) {
        let rect = rect(area);
        Clear.render(rect, buf);
        let text = self.text(shown, t, rect);
        let total = text.lines.len() as u16;
        let visible = rect.height.saturating_sub(2);
        let scroll = self.scroll.0.min(total.saturating_sub(visible));
        let section = text
            .sections
            .iter()
            .rev()
            .find(|(r, _)| *r <= scroll)
            .map_or("Keys", |(_, s)| s.as_str());
        let title = if total <= visible {
            format!("Help · {section}")
        } else {
            format!(
                "Help · {section} · {}–{}/{total} ↑↓ Tab",
                scroll + 1,
                (scroll + visible).min(total)
            )
        };
        Paragraph::new(text.lines)
            .scroll((scroll, 0))
            .block(panel(&title, true, t))
            .render(rect, buf);
    }

    /// The keys, then how it works, wrapped to the panel in `rect`.
    fn text(&self, shown: Shown, t: Theme, rect: Rect) -> Text {
        let width = usize::from(rect.width.saturating_sub(2)).max(20);
        let mut text = Text {
            lines: Vec::new(),
            sections: vec![(0, "Keys".to_string())],
        };
        self.keys(&mut text, t, width);
        guide(&mut text, shown, t, width);
        text
    }

    /// The keys of where the player was, and how help itself works.
    fn keys(&self, text: &mut Text, t: Theme, width: usize) {
        let ctx = self.context;
        let lines = &mut text.lines;
        lines.push(Line::styled(format!("Keys here ({ctx:?})"), t.title()));
        for b in bindings(ctx) {
            let label = format!("{:<8}", b.label);
            for (i, part) in wrap(b.help, width.saturating_sub(8))
                .into_iter()
                .enumerate()
            {
                let key = if i == 0 { label.clone() } else { " ".repeat(8) };
                lines.push(Line::from(vec![
                    Span::styled(key, t.key()),
                    Span::raw(part),
                ]));
            }
        }
        lines.push(Line::raw(""));
        para(
            lines,
            "In help: Esc, q or ? closes; ↑/↓ scroll, PgUp/PgDn a page, Tab or → the next section (How it works follows), S-Tab or ← the one before.",
            t.dim(),
            width,
        );
        if ctx == Context::Week {
            lines.push(Line::raw(""));
            para(
                lines,
                "Attention always adds up to 100%: raising one share takes from the others in proportion. Mouse: click a bar to set it, scroll to adjust the focused row.",
                t.dim(),
                width,
            );
        }
    }
}

/// How it works: a section per part of the guide, an entry per figure with
/// its value in the run shown.
fn guide(text: &mut Text, shown: Shown, t: Theme, width: usize) {
    let default;
    let sc: &Scenario = match shown.session {
        Some(session) => session.scenario(),
        None => {
            default = Scenario::builtin("default").ok();
            match &default {
                Some(sc) => sc,
                None => return,
            }
        }
    };
    let now = shown.session.map(|session| Now {
        s: session.state(),
        sc,
        par: shown.par,
        forecast: shown.forecast,
    });
    text.lines.push(Line::raw(""));
    text.sections
        .push((text.lines.len() as u16, "How it works".to_string()));
    let lines = &mut text.lines;
    lines.push(Line::styled("How it works", t.title()));
    para(
        lines,
        &match &now {
            Some(n) => format!(
                "Every figure of the week screen, what moves it, and its value now (week {}).",
                n.s.week + 1
            ),
            None => "Every figure of the week screen and what moves it; in a run, each with its value now.".to_string(),
        },
        t.dim(),
        width,
    );
    for (part, blocks) in sections(sc, now.as_ref()) {
        let lines = &mut text.lines;
        lines.push(Line::raw(""));
        text.sections
            .push((lines.len() as u16, part.title().to_string()));
        lines.push(Line::styled(format!("── {} ──", part.title()), t.title()));
        for b in blocks {
            let mut head = vec![Span::styled(b.term.clone(), t.key())];
            if let Some(now) = &b.now {
                head.push(Span::styled(format!(" · now: {now}"), t.good()));
            }
            wrap_spans(lines, head, width);
            for p in &b.paragraphs {
                for l in wrap(p, width.saturating_sub(2)) {
                    lines.push(match l.strip_prefix("Moves:") {
                        Some(rest) => Line::from(vec![
                            Span::styled("  Moves:", t.dim()),
                            Span::raw(rest.to_string()),
                        ]),
                        None => Line::raw(format!("  {l}")),
                    });
                }
            }
        }
    }
}

/// `text` wrapped to `width`, in `style`.
fn para(lines: &mut Vec<Line<'static>>, text: &str, style: Style, width: usize) {
    lines.extend(
        wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, style)),
    );
}

/// A heading and its value: on one line where they fit, else the value
/// wrapped below it.
fn wrap_spans(lines: &mut Vec<Line<'static>>, spans: Vec<Span<'static>>, width: usize) {
    let line = Line::from(spans.clone());
    if line.width() <= width {
        lines.push(line);
        return;
    }
    let mut spans = spans.into_iter();
    if let Some(head) = spans.next() {
        lines.push(Line::from(head));
    }
    for s in spans {
        let style = s.style;
        for l in wrap(s.content.trim_start_matches(" · "), width.saturating_sub(2)) {
            lines.push(Line::from(Span::styled(format!("  {l}"), style)));
        }
    }
}

/// Where help is drawn in `area`: most of the terminal, at most 96 wide.
fn rect(area: Rect) -> Rect {
    centered(
        area,
        96.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2),
    )
}
