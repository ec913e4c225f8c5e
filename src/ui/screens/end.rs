//! The end screen: how the run ended, its charts, where influence moved, the
//! player's attention by stage against par, what one change would have given,
//! and tips for next time. It owns the ended run, its scroll and its keys.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::protocol::{Frame, Outcome};
use crate::engine::{score, Ending};
use crate::ui::keymap::{Action, Context};
use crate::ui::money::money;
use crate::ui::session::Session;
use crate::ui::story::{attention_by_stage, attention_row, biggest_moves};
use crate::ui::theme::Theme;
use crate::ui::tips::tips;
use crate::ui::widgets::{hidden_lines, hint_bar, line_chart, scrolled_panel, Scroll};
use crate::whatif::{what_ifs, Actual, WhatIf};

/// Lines the story moves per key press or wheel step.
const SCROLL_STEP: i32 = 3;

/// A run that has ended, on the end screen.
pub struct End {
    pub session: Session,
    /// How far the story of the run is scrolled.
    pub scroll: Scroll,
    /// How the run went, and what one change would have given (replayed
    /// once, when the screen opens).
    retrospective: (Actual, Vec<WhatIf>),
}

impl End {
    /// The end screen of `session`'s run.
    pub fn new(session: Session) -> End {
        let retrospective = what_ifs(session.record(), session.game().scenario_arc());
        End {
            session,
            scroll: Scroll::default(),
            retrospective,
        }
    }

    /// The end screen's keys: scroll the story, back to the title.
    pub fn on_action(&mut self, action: Action, area: Option<Rect>) -> Outcome {
        match action {
            Action::Quit => return Outcome::Quit,
            Action::Help => return Outcome::Help,
            Action::Log => return Outcome::Log,
            Action::Select => return Outcome::Title,
            Action::ScrollUp => self.scroll.by(-SCROLL_STEP, self.limit(area)),
            Action::ScrollDown => self.scroll.by(SCROLL_STEP, self.limit(area)),
            _ => {}
        }
        Outcome::Stay
    }

    /// The mouse wheel scrolls the story (`None` for other mouse events).
    pub fn on_mouse(&mut self, ev: MouseEvent, area: Option<Rect>) -> Option<Outcome> {
        Some(match ev.kind {
            MouseEventKind::ScrollUp => self.on_action(Action::ScrollUp, area),
            MouseEventKind::ScrollDown => self.on_action(Action::ScrollDown, area),
            _ => return None,
        })
    }

    /// How far the story can scroll in a terminal of `area`.
    fn limit(&self, area: Option<Rect>) -> Option<u16> {
        area.map(|a| hidden_lines(&self.story(Theme::PLAIN), layout(a).story))
    }

    /// Draw the end of the run.
    pub fn render(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        let t = f.theme;
        let parts = layout(area);
        self.headline(t, parts.head, buf);
        self.charts(t, parts.charts, buf);
        scrolled_panel(
            self.story(t),
            "The run",
            self.scroll,
            false,
            t,
            parts.story,
            buf,
        );
        hint_bar(Context::End, t, parts.keys.width).render(parts.keys, buf);
    }

    /// How it ended, and the figures it ended with.
    fn headline(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let game = self.session.game();
        let (s, sc) = (game.state(), game.scenario());
        let ending = s.ending.unwrap_or(Ending::TimeUp);
        Paragraph::new(vec![
            Line::styled(sc.ending_headline(ending).to_string(), t.title()),
            Line::raw(format!(
                "Ending `{}` after {} · score {:.1} · ARR {} · influence {:.0} · authority {:.0}",
                sc.ending_id(ending),
                crate::ui::text::plural(s.week, "week"),
                score(s, sc),
                money(s.company.arr),
                s.influence_points(),
                s.authority_points()
            )),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
    }

    /// Influence and authority, ARR and cash, over the run.
    fn charts(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let h = &self.session.history;
        if h.is_empty() {
            Paragraph::new("No weeks were played.").render(area, buf);
            return;
        }
        let [c1, c2] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
        let series = |f: fn(&crate::ui::session::WeekPoint) -> f64| -> Vec<f64> {
            h.iter().map(f).collect()
        };
        let infl = series(|w| w.influence * 100.0);
        let auth = series(|w| w.authority * 100.0);
        let (arr, cash) = (series(|w| w.arr / 1e6), series(|w| w.cash / 1e6));
        line_chart(
            t,
            "Influence",
            &infl,
            "Authority",
            Some(&auth),
            100.0,
            c1,
            buf,
        );
        line_chart(t, "ARR $M", &arr, "Cash $M", Some(&cash), 0.0, c2, buf);
    }

    /// The story of the run: where influence moved, attention by stage, what
    /// if, next time.
    fn story(&self, t: Theme) -> Vec<Line<'static>> {
        let s = self.session.state();
        let sc = self.session.scenario();
        let h = &self.session.history;
        let mut lines = Vec::new();
        if let Some(decided) = crate::ui::decided::decided(&self.session) {
            lines.push(Line::raw(decided));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled("Where influence moved most", t.title()));
        for (w, net, cause) in biggest_moves(h, sc, 5) {
            lines.push(Line::raw(format!(" week {w:<4} {net:+5.1}  {cause}")));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Your attention by stage (mean par)",
            t.title(),
        ));
        for (stage, a, par) in attention_by_stage(h) {
            lines.push(Line::raw(format!(" {}", attention_row(stage, &a, &par))));
        }
        lines.push(Line::styled("  strategy/hiring/coding/management", t.dim()));
        lines.push(Line::raw(""));
        let (actual, alternatives) = &self.retrospective;
        if !alternatives.is_empty() {
            lines.push(Line::styled("What if", t.title()));
            // The two that matter most; `cto-sim report` lists three.
            for w in alternatives.iter().take(2) {
                lines.push(Line::raw(format!(" · {}", w.sentence(actual, sc))));
            }
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled("Next time", t.title()));
        for tip in tips(s.ending.unwrap_or(Ending::TimeUp), s, sc) {
            lines.push(Line::raw(format!(" · {tip}")));
        }
        lines
    }
}

/// Where the end screen's parts go in `area`.
struct Parts {
    head: Rect,
    charts: Rect,
    story: Rect,
    keys: Rect,
}

fn layout(area: Rect) -> Parts {
    let [head, body, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [charts, story] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body);
    Parts {
        head,
        charts,
        story,
        keys,
    }
}
