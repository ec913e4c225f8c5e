//! Drawing the week screen: the header, the status or warning line, the two
//! editable panels, Why, charts and news, the hint bar, and a dialog over it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{self, parts, Right};
use super::{Tab, Week};
use crate::engine::risk::risks;
use crate::engine::{RUNWAY_CAP, RUNWAY_LONG};
use crate::ui::deadline::deadline_line;
use crate::ui::keymap::Context;
use crate::ui::money::money;
use crate::ui::screens::protocol::Frame;
use crate::ui::theme::Theme;
use crate::ui::warnings::risk_line;
use crate::ui::widgets::{hint_bar, panel};

impl Week {
    /// Draw the week screen of the run being played.
    pub fn render(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        self.render_as(f, Context::Week, false, area, buf);
    }

    /// Draw the week screen with the hint bar of `keys` (the week's, or a
    /// replay's) and, if `timeline`, a line left for a replay's timeline under
    /// the status line; returns that line's area. A dialog is drawn over it.
    pub fn render_as(
        &self,
        f: &Frame,
        keys: Context,
        timeline: bool,
        area: Rect,
        buf: &mut Buffer,
    ) -> Rect {
        let f = &Frame {
            focused: f.focused && self.dialog.is_none(),
            ..*f
        };
        let t = f.theme;
        let parts = parts(area, timeline);
        self.header(t, parts.head, buf);
        self.status_line(f, parts.status, buf);
        self.attention(f, parts.attention, buf);
        self.organisation(f, parts.organisation, buf);
        self.right(t, parts.right, parts.wide, buf);
        hint_bar(keys, t, parts.keys.width).render(parts.keys, buf);
        if let Some(dialog) = &self.dialog {
            dialog.render(&self.session, &self.draft, t, area, buf);
        }
        parts.timeline
    }

    /// Saving trouble first, then the ending that comes soonest, then a
    /// running deadline, or else the status.
    fn status_line(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        let (s, sc) = (self.session.state(), self.session.scenario());
        let warning = f
            .saving
            .map(str::to_string)
            .or_else(|| risks(s, sc).first().map(|r| risk_line(r, sc, s)));
        let d = &self.draft;
        let deadline = || deadline_line(s, sc, d.hours, d.hiring.engineers);
        if let Some(warning) = warning {
            Line::styled(warning, f.theme.bad()).render(area, buf);
        } else if let Some(line) = deadline() {
            Line::styled(line, f.theme.warn()).render(area, buf);
        } else if let Some(msg) = f.status {
            Line::styled(msg.to_string(), f.theme.dim()).render(area, buf);
        }
    }

    /// Why, charts and news: side by side when wide, one above the other
    /// when tall, else one at a time.
    fn right(&self, t: Theme, area: Rect, wide: bool, buf: &mut Buffer) {
        match layout::right(area, wide) {
            Right::Wide { charts, why, news } => {
                self.charts(t, charts, buf, true);
                self.why(t, why, buf, "Why");
                self.news(t, news, buf);
            }
            Right::Tall { why, charts, news } => {
                self.why(t, why, buf, "Why");
                let block = panel("Charts", false, t);
                let inner = block.inner(charts);
                block.render(charts, buf);
                self.charts(t, inner, buf, false);
                self.news(t, news, buf);
            }
            Right::Tabbed(area) => self.tabbed(t, area, buf),
        }
    }

    /// One of Why, Charts and News, chosen with the tab key.
    fn tabbed(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let titles: Vec<String> = Tab::ALL
            .iter()
            .map(|x| {
                if *x == self.tab {
                    format!("[{}]", x.label())
                } else {
                    x.label().to_string()
                }
            })
            .collect();
        let log = if self.tab == Tab::News {
            " · m log"
        } else {
            ""
        };
        let title = format!("{} (v){log}", titles.join(" "));
        match self.tab {
            Tab::Why => self.why(t, area, buf, &title),
            Tab::Charts => {
                let inner = panel(&title, false, t).inner(area);
                panel(&title, false, t).render(area, buf);
                self.charts(t, inner, buf, false);
            }
            Tab::News => {
                let inner = panel(&title, false, t).inner(area);
                panel(&title, false, t).render(area, buf);
                self.news_lines(t, inner, buf);
            }
        }
    }

    fn header(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let game = self.session.game();
        let s = game.state();
        let sc = game.scenario();
        let m = &s.metrics;
        let runway = if s.week == 0 {
            "–".to_string()
        } else if m.runway_months >= RUNWAY_CAP {
            "∞".to_string()
        } else if m.runway_months > RUNWAY_LONG {
            // Past five years, month counts only jump about.
            "> 5 yr".to_string()
        } else {
            format!("{:.0} mo", m.runway_months)
        };
        let line1 = Line::from(vec![
            Span::styled(sc.name.clone(), t.title()),
            Span::raw(format!(
                "  ·  Week {} of {}  ·  {} stage  ·  seed {}",
                // The week being decided; once the run is over, its last.
                if s.ending.is_some() {
                    s.week
                } else {
                    s.week + 1
                },
                sc.horizon_weeks,
                s.company.stage.label(),
                game.seed()
            )),
        ]);
        let influence = s.influence_points();
        let authority = s.authority_points();
        let line2 = Line::from(vec![
            Span::raw("Cash "),
            Span::styled(
                money(s.company.cash),
                if m.runway_months < 6.0 {
                    t.bad()
                } else {
                    Style::new()
                },
            ),
            Span::raw(format!(
                "  Runway {runway}{}  ARR {}  Headcount {}  ",
                raise_rule(s, sc, area.width),
                money(s.company.arr),
                s.people.headcount()
            )),
            Span::raw("Influence "),
            Span::styled(
                format!("{influence:.0}"),
                t.level(influence).add_modifier(Modifier::BOLD),
            ),
            Span::raw("  Authority "),
            Span::styled(
                format!("{authority:.0}"),
                t.level(authority).add_modifier(Modifier::BOLD),
            ),
        ]);
        Paragraph::new(vec![line1, line2, self.goal_line(t, area.width)]).render(area, buf);
    }

    /// The goal, and where this week's plan leads once the forecast is in.
    fn goal_line(&self, t: Theme, width: u16) -> Line<'static> {
        let (s, sc) = (self.state(), self.session.scenario());
        let forecast = self.forecast();
        let words = forecast.map(|f| crate::ui::forecast::words(f, sc));
        let (goal, plan) = crate::ui::goals::goal_and_plan(sc, s, width, words.as_ref());
        let mut spans = vec![Span::styled(goal, t.dim())];
        if let (Some(plan), Some(f)) = (plan, forecast) {
            spans.push(Span::styled(" · ", t.dim()));
            spans.push(Span::styled(
                plan,
                if f.reaches_goal() { t.good() } else { t.warn() },
            ));
        }
        Line::from(spans)
    }
}

/// The columns from which the header says, after runway, under what runway
/// the CEO raises.
const RAISE_RULE_FROM: u16 = 104;

/// ` (CEO raises under 9)`: the scenario's runway rule for starting a raise,
/// while none is under way and a round is left, where the header has room.
fn raise_rule(s: &crate::engine::State, sc: &crate::engine::Scenario, width: u16) -> String {
    let idle = s.raise.weeks_left == 0 && crate::engine::funding::next_round(s, sc).is_some();
    if width < RAISE_RULE_FROM || !idle {
        return String::new();
    }
    format!(
        " (CEO raises under {:.0})",
        sc.params.business.raise_below_runway_months
    )
}
