//! The week screen: the decision being drafted (attention, hours, refactoring,
//! hiring, reporting lines), the organisation, why the numbers moved, charts and
//! news. Replays show the same screen, read-only.

mod charts;
mod panels;
pub mod why;

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::engine::draft::{first_draft, follow_events};
use crate::engine::par::{par, Par};
use crate::engine::{
    Activity, Answer, Attention, Decision, ReportingLine, State, HOURS_RANGE, RUNWAY_CAP,
    RUNWAY_LONG,
};
use crate::run::Headline;
use crate::ui::keymap::{Action, Context};
use crate::ui::money::money;
use crate::ui::reporting::LINES;
use crate::ui::session::Session;
use crate::ui::theme::Theme;
use crate::ui::widgets::{hint_bar, panel};
use crate::whatif::{what_ifs, Actual, WhatIf};

/// The two editable panels of the week screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Attention,
    Org,
}

/// The views of the lower right area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Why,
    Charts,
    News,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Why, Tab::Charts, Tab::News];
    fn next(self) -> Tab {
        match self {
            Tab::Why => Tab::Charts,
            Tab::Charts => Tab::News,
            Tab::News => Tab::Why,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Tab::Why => "Why",
            Tab::Charts => "Charts",
            Tab::News => "News",
        }
    }
}

/// Rows of the attention panel: the four shares, hours, refactoring.
pub const ATTENTION_ROWS: usize = 6;

/// A run on the week screen: the session, the decision being drafted and where
/// the player is on the screen.
pub struct Week {
    pub session: Session,
    pub draft: Decision,
    pub panel: Panel,
    pub row: usize,
    pub tab: Tab,
    /// Where the attention bars were drawn (row, column, width), for mouse
    /// clicks. Written while drawing, read by the input.
    pub bar_hits: Cell<[(u16, u16, u16); 4]>,
    /// In a fork: the original run's headline figures, week by week, for the
    /// side-by-side comparison.
    pub original: Option<Vec<Headline>>,
    /// Once the run has ended: how it went, and what one change would have
    /// given (computed the first time the end screen needs it).
    pub retrospective: std::cell::OnceCell<(Actual, Vec<WhatIf>)>,
}

/// What the week screen asks of the game around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeekAsk {
    EndWeek,
    OpenEvent,
    Help,
    Quit,
    Say(String),
}

/// How playing the drafted week went.
pub enum Played {
    /// The engine refused the decision (the state is unchanged): why.
    Refused(String),
    /// The run ended; what the week did.
    Ended(String),
    /// The week was played (events may be waiting); what it did.
    Played(String),
}

impl Week {
    /// The week screen on `session`, with a draft that continues its last week
    /// (or, before week 1, the stage's par).
    pub fn new(session: Session) -> Week {
        let mut draft = first_draft(session.state(), session.scenario());
        if let Some(last) = session.record().weeks.last() {
            draft.hours = last.decision.hours;
            draft.attention = last.decision.attention;
            draft.refactor_pct = last.decision.refactor_pct;
            draft.hiring = last.decision.hiring;
            follow_events(&mut draft.hiring, session.state(), session.scenario());
        }
        Week {
            session,
            draft,
            panel: Panel::Attention,
            row: 0,
            tab: Tab::Why,
            bar_hits: Cell::new([(0, 0, 0); 4]),
            original: None,
            retrospective: std::cell::OnceCell::new(),
        }
    }

    /// The state after the last week played.
    pub fn state(&self) -> &State {
        self.session.state()
    }

    /// Par for the week being drafted: the attention the rules reward for the
    /// company as it is, at the draft's hours and hiring target.
    pub fn par(&self) -> Par {
        let params = &self.session.scenario().params;
        par(
            self.state(),
            params,
            self.draft.hours,
            self.draft.hiring.engineers,
        )
    }

    /// How the run went and its "what if"s (replayed once, when first asked).
    pub fn retrospective(&self) -> &(Actual, Vec<WhatIf>) {
        self.retrospective
            .get_or_init(|| what_ifs(self.session.record(), self.session.game().scenario_arc()))
    }

    /// Handle a key's action on the week screen.
    pub fn act(&mut self, action: Action) -> Option<WeekAsk> {
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.rows().saturating_sub(1)),
            Action::Left => self.adjust(-1),
            Action::Right => self.adjust(1),
            Action::BigLeft => self.adjust(-4),
            Action::BigRight => self.adjust(4),
            Action::NextPanel | Action::PrevPanel => {
                self.panel = match self.panel {
                    Panel::Attention => Panel::Org,
                    Panel::Org => Panel::Attention,
                };
                self.row = 0;
            }
            Action::NextTab => self.tab = self.tab.next(),
            Action::Par => {
                self.draft.attention = self.par().attention;
                return Some(WeekAsk::Say("Attention set to par.".into()));
            }
            Action::OpenEvent => return Some(WeekAsk::OpenEvent),
            Action::EndWeek => return Some(WeekAsk::EndWeek),
            Action::Help => return Some(WeekAsk::Help),
            Action::Quit => return Some(WeekAsk::Quit),
            _ => {}
        }
        None
    }

    /// Rows of the focused panel.
    pub fn rows(&self) -> usize {
        match self.panel {
            Panel::Attention => ATTENTION_ROWS,
            Panel::Org => 3 + self.state().people.vps.len(),
        }
    }

    /// Change the focused row by `steps` (±1 or ±4).
    pub fn adjust(&mut self, steps: i32) {
        let params = &self.session.scenario().params;
        let vps = &self.session.state().people.vps;
        let d = &mut self.draft;
        match (self.panel, self.row) {
            (Panel::Attention, r @ 0..=3) => {
                let activity = Activity::ALL[r];
                let now = i32::from(d.attention.get(activity));
                let target = (now + 5 * steps).clamp(0, 100) as u8;
                d.attention = rebalance(d.attention, activity, target);
            }
            (Panel::Attention, 4) => {
                let delta = if steps.abs() > 1 {
                    5 * steps.signum()
                } else {
                    steps
                };
                let h = i32::from(d.hours) + delta;
                d.hours = h.clamp(i32::from(HOURS_RANGE.0), i32::from(HOURS_RANGE.1)) as u8;
            }
            (Panel::Attention, _) => {
                let max = params.engineering.max_refactor_pct;
                d.refactor_pct =
                    (i32::from(d.refactor_pct) + 5 * steps.signum()).clamp(0, i32::from(max)) as u8;
            }
            (Panel::Org, 0) => d.hiring.engineers = bump(d.hiring.engineers, steps, 2000),
            (Panel::Org, 1) => d.hiring.managers = bump(d.hiring.managers, steps, 500),
            (Panel::Org, 2) => {
                d.hiring.vps = bump(d.hiring.vps, steps.signum(), params.hiring.max_vps);
            }
            (Panel::Org, r) => {
                while d.vp_lines.len() < vps.len() {
                    d.vp_lines.push(vps[d.vp_lines.len()].line);
                }
                if let Some(line) = d.vp_lines.get_mut(r - 3) {
                    *line = step_line(*line, steps.signum());
                }
            }
        }
    }

    /// Set share `activity` from a click at `pct` percent of its bar.
    pub fn click_bar(&mut self, activity: Activity, pct: u8) {
        self.draft.attention = rebalance(self.draft.attention, activity, pct.min(100));
        self.panel = Panel::Attention;
        self.row = activity as usize;
    }

    /// Play the drafted week.
    pub fn end_week(&mut self) -> Played {
        let before = self.state().metrics.influence;
        if let Err(e) = self.session.step(&self.draft) {
            return Played::Refused(format!("That week can't be played: {e}."));
        }
        let s = self.session.state();
        let moved = (s.metrics.influence - before) * 100.0;
        let said = format!(
            "Week {} played. Influence {:+.1} to {:.0}.",
            s.week,
            moved,
            s.metrics.influence * 100.0
        );
        // Keep the player's settings; forget answers and follow the lines as
        // they are, and the targets as the week's events moved them.
        self.draft.answers.clear();
        follow_events(&mut self.draft.hiring, s, self.session.scenario());
        self.draft.vp_lines = s.people.vps.iter().map(|v| v.line).collect();
        if s.ending.is_some() {
            self.tab = Tab::Why;
            Played::Ended(said)
        } else {
            Played::Played(said)
        }
    }

    /// Pending events without an answer in the draft.
    pub fn unanswered(&self) -> usize {
        (0..self.state().pending.len())
            .filter(|i| !self.draft.answers.iter().any(|a| a.pending == *i))
            .count()
    }

    /// The next pending event to show (the first unanswered one, or any when
    /// `include_answered`), with the cursor on its current answer, or else on
    /// the choice the organisation takes if it is left unanswered: a blind
    /// Enter changes nothing.
    pub fn next_event(&self, include_answered: bool) -> Option<(usize, usize)> {
        let s = self.state();
        let index = (0..s.pending.len())
            .find(|i| include_answered || !self.draft.answers.iter().any(|a| a.pending == *i))?;
        let default = s
            .pending
            .get(index)
            .and_then(|p| self.session.scenario().events.get(p.event))
            .map_or(0, |e| {
                e.default_choice.min(e.choices.len().saturating_sub(1))
            });
        let cursor = self
            .draft
            .answers
            .iter()
            .find(|a| a.pending == index)
            .map_or(default, |a| a.choice);
        Some((index, cursor))
    }

    /// How many choices pending event `index` offers.
    pub fn event_choices(&self, index: usize) -> usize {
        self.state()
            .pending
            .get(index)
            .and_then(|p| self.session.scenario().events.get(p.event))
            .map_or(0, |e| e.choices.len())
    }

    /// Answer pending event `index` with `choice` in the draft.
    pub fn answer(&mut self, index: usize, choice: usize) {
        self.draft.answers.retain(|a| a.pending != index);
        self.draft.answers.push(Answer {
            pending: index,
            choice,
        });
    }
}

fn bump(x: u32, steps: i32, max: u32) -> u32 {
    (i64::from(x) + i64::from(steps)).clamp(0, i64::from(max)) as u32
}

/// The next reporting line in the listed order (you, CEO + forum, CEO), left
/// or right; the ends stay put, so → never wraps round to "you".
fn step_line(line: ReportingLine, dir: i32) -> ReportingLine {
    let i = LINES.iter().position(|l| *l == line).unwrap_or(0) as i32;
    LINES[(i + dir).clamp(0, LINES.len() as i32 - 1) as usize]
}

impl Week {
    /// The first VP the draft hands from the CTO to the CEO this week, if any.
    pub fn handover(&self) -> Option<usize> {
        let vps = &self.state().people.vps;
        self.draft
            .vp_lines
            .iter()
            .zip(vps)
            .position(|(new, vp)| vp.line == ReportingLine::Cto && *new != ReportingLine::Cto)
    }
}

/// Set `activity`'s share to `value` and spread the rest over the other three
/// in proportion to what they had (largest remainder), so the four always sum
/// to 100.
pub fn rebalance(a: Attention, activity: Activity, value: u8) -> Attention {
    let i = activity as usize;
    let value = value.min(100);
    let mut shares = a.percents().0.map(u32::from);
    let rest = 100 - u32::from(value);
    let others: Vec<usize> = (0..4).filter(|&j| j != i).collect();
    let total: u32 = others.iter().map(|&j| shares[j]).sum();
    let weights: Vec<u32> = if total == 0 {
        vec![1; 3]
    } else {
        others.iter().map(|&j| shares[j]).collect()
    };
    let wsum: u32 = weights.iter().sum();
    let mut given = 0;
    let mut remainders = Vec::new();
    for (k, &j) in others.iter().enumerate() {
        let exact = rest * weights[k];
        shares[j] = exact / wsum;
        given += shares[j];
        remainders.push((exact % wsum, k));
    }
    // Hand out what rounding left over, biggest remainders first (ties: order).
    remainders.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, k) in remainders.into_iter().take((rest - given) as usize) {
        shares[others[k]] += 1;
    }
    shares[i] = u32::from(value);
    Attention::new(
        shares[0] as u8,
        shares[1] as u8,
        shares[2] as u8,
        shares[3] as u8,
    )
}

/// What the week screen needs from around it to draw.
pub struct Frame<'a> {
    pub theme: Theme,
    pub status: Option<&'a str>,
    /// Shown instead of the status, in the colour of trouble (saving fails).
    pub warning: Option<&'a str>,
    /// No dialog is open, so the focused panel shows its focus.
    pub focused: bool,
    /// The keys shown in the hint bar (the week's, or the replay's).
    pub context: Context,
    /// Leave a line for the replay's timeline under the status line.
    pub timeline: bool,
}

impl Week {
    /// Draw the week screen; returns the area left for the replay's timeline.
    pub fn render(&self, f: &Frame, area: Rect, buf: &mut Buffer) -> Rect {
        let t = f.theme;
        let s = self.state();
        let [head, status, timeline_area, body, keys] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Length(u16::from(f.timeline)),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.header(t, head, buf);
        if let Some(warning) = f.warning {
            Line::styled(warning.to_string(), t.bad()).render(status, buf);
        } else if let Some(msg) = f.status {
            Line::styled(msg.to_string(), t.dim()).render(status, buf);
        }
        let wide = area.width >= 140;
        let left_width = if wide { 48 } else { 42 };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
        let [att, org] = Layout::vertical([Constraint::Length(9), Constraint::Fill(1)]).areas(left);
        self.attention(f, att, buf);
        self.organisation(f, org, buf);
        if wide {
            let [charts_area, side] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(52)]).areas(right);
            self.charts(t, charts_area, buf, true);
            let [why_area, news_area] =
                Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(side);
            self.why(t, s, why_area, buf, "Why");
            self.news(t, news_area, buf);
        } else if right.height >= 34 {
            // Tall enough to show all three at once.
            let [why_area, charts_area, news_area] = Layout::vertical([
                Constraint::Length(17),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ])
            .areas(right);
            self.why(t, s, why_area, buf, "Why");
            let block = panel("Charts", false, t);
            let inner = block.inner(charts_area);
            block.render(charts_area, buf);
            self.charts(t, inner, buf, false);
            self.news(t, news_area, buf);
        } else {
            self.tabbed(t, right, buf);
        }
        hint_bar(f.context, t, keys.width).render(keys, buf);
        timeline_area
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
        let title = format!("{}  (v)", titles.join(" "));
        match self.tab {
            Tab::Why => self.why(t, self.state(), area, buf, &title),
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
                s.week + 1,
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
                "  Runway {runway}  ARR {}  Headcount {}  ",
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
        let goal = Line::styled(
            crate::ui::goals::goal_line_within(sc, s, area.width),
            t.dim(),
        );
        Paragraph::new(vec![line1, line2, goal]).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebalancing_always_sums_to_100() {
        let a = Attention::new(35, 15, 35, 15);
        for activity in Activity::ALL {
            for v in [0u8, 5, 33, 50, 99, 100] {
                let b = rebalance(a, activity, v);
                assert_eq!(b.total(), 100, "{b:?}");
                assert_eq!(b.get(activity), v);
            }
        }
        let all = Attention::new(100, 0, 0, 0);
        assert_eq!(
            rebalance(all, Activity::Strategy, 70),
            Attention::new(70, 10, 10, 10)
        );
    }
}
