//! The week screen: the decision being drafted (attention, hours, refactoring,
//! hiring, reporting lines), the organisation, why the numbers moved, charts and
//! news, and the dialogs over it (events, and what Enter asks first). Replays
//! show the same screen, read-only. It answers its own keys: `mod.rs` the
//! drafting, `flow.rs` ending the week and the dialogs, `render.rs` drawing.

mod charts;
pub mod coach;
pub mod dialog;
mod flow;
pub mod layout;
mod news;
mod panels;
mod render;
pub mod why;

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::engine::draft::{first_draft, follow_events};
use crate::engine::par::{par, Par};
use crate::engine::{Activity, Attention, Decision, ReportingLine, State, HOURS_RANGE};
use crate::run::Headline;
use crate::ui::keymap::Action;
use crate::ui::reporting::LINES;
use crate::ui::screens::protocol::Outcome;
use crate::ui::session::Session;
use crate::ui::widgets::Scroll;
use coach::Coach;
use dialog::Dialog;

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

/// A run on the week screen: the session, the decision being drafted, where
/// the player is on the screen, and the dialog over it.
pub struct Week {
    pub session: Session,
    pub draft: Decision,
    pub panel: Panel,
    /// The focused row of the focused panel.
    pub row: usize,
    /// The row the other panel had when focus left it: Tab goes back to it.
    other_row: usize,
    pub tab: Tab,
    /// In a fork: the original run's headline figures, week by week, for the
    /// side-by-side comparison.
    pub original: Option<Vec<Headline>>,
    /// The dialog open over the screen, if any.
    pub dialog: Option<Dialog>,
    /// How far the Why panel is scrolled (back to the top each week).
    pub why_scroll: Scroll,
    /// The forecast last computed for this run (shown only while its week is
    /// on screen: [`Week::forecast`]).
    pub forecast: Option<crate::ui::forecast::Done>,
    /// The coach's advice was applied to the draft of the week being
    /// drafted: the run file marks the week as coached once it is played.
    pub coached: bool,
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
            other_row: 0,
            tab: Tab::Why,
            original: None,
            dialog: None,
            why_scroll: Scroll::default(),
            forecast: None,
            coached: false,
        }
    }

    /// The forecast for the week on screen, once the worker has made it
    /// (for the draft as it was then: a newer one follows a changed draft).
    pub fn forecast(&self) -> Option<&crate::forecast::Forecast> {
        let done = self.forecast.as_ref()?;
        (done.key == self.session.game().hash()).then_some(&done.forecast)
    }

    /// Keep `done` if it is for the week on screen; `true` if it was kept.
    pub fn on_forecast(&mut self, done: crate::ui::forecast::Done) -> bool {
        if done.key != self.session.game().hash() {
            return false; // stale: another week or another run
        }
        self.forecast = Some(done);
        true
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

    /// The week screen's keys (a dialog's, while one is open); `area` is the
    /// terminal's.
    pub fn on_action(&mut self, action: Action, area: Option<Rect>) -> Outcome {
        if self.dialog.is_some() {
            return self.on_dialog_action(action, area);
        }
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.rows().saturating_sub(1)),
            Action::Left | Action::Right | Action::BigLeft | Action::BigRight => {
                let steps = match action {
                    Action::Left => -1,
                    Action::Right => 1,
                    Action::BigLeft => -4,
                    _ => 4,
                };
                self.adjust(steps);
                if let Some(said) = self.locked_row() {
                    return Outcome::Say(said);
                }
            }
            Action::NextPanel | Action::PrevPanel => self.focus(match self.panel {
                Panel::Attention => Panel::Org,
                Panel::Org => Panel::Attention,
            }),
            Action::NextTab => self.tab = self.tab.next(),
            Action::ScrollUp => self.scroll_why(-1, area),
            Action::ScrollDown => self.scroll_why(1, area),
            Action::Par => {
                self.draft.attention = self.par().attention;
                return Outcome::Say("Attention set to par.".into());
            }
            Action::OpenEvent => return self.open_events(),
            Action::Coach => {
                self.dialog = Some(Dialog::Coach {
                    coach: Coach::default(),
                    from: None,
                });
            }
            Action::EndWeek => return self.end_week(),
            Action::Help => return Outcome::Help,
            Action::Log => return Outcome::Log,
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// The mouse: a click on a share's bar sets it, the wheel adjusts the
    /// focused row (or scrolls the coach's advice). `area` is the terminal's (where the bars are drawn).
    /// `None` if the event changed nothing.
    pub fn on_mouse(&mut self, ev: MouseEvent, area: Option<Rect>) -> Option<Outcome> {
        if let Some(dialog) = &self.dialog {
            // The wheel scrolls the coach's advice; other dialogs take keys only.
            let wheel = match ev.kind {
                MouseEventKind::ScrollUp => Action::ScrollUp,
                MouseEventKind::ScrollDown => Action::ScrollDown,
                _ => return None,
            };
            return matches!(dialog, Dialog::Coach { .. })
                .then(|| self.on_dialog_action(wheel, area));
        }
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) | MouseEventKind::Drag(MouseButton::Left) => {
                let bars = layout::bars(layout::parts(area?, false).attention);
                let (activity, (_, x, w)) = Activity::ALL
                    .into_iter()
                    .zip(bars)
                    .find(|(_, (y, x, w))| ev.row == *y && ev.column >= *x && ev.column < x + w)?;
                let pct = (u32::from(ev.column - x + 1) * 100 / u32::from(w)) as u8;
                self.click_bar(activity, (pct + 2) / 5 * 5);
            }
            MouseEventKind::ScrollUp => self.adjust(1),
            MouseEventKind::ScrollDown => self.adjust(-1),
            _ => return None,
        }
        Some(Outcome::Stay)
    }

    /// On a VP's row, a line the CEO will not discuss yet, in words.
    fn locked_row(&self) -> Option<String> {
        let vp = match (self.panel, self.row) {
            (Panel::Org, r) if r >= 3 => r - 3,
            _ => return None,
        };
        let locked = self.locked_requests();
        let until = locked.iter().find(|(i, _)| *i == vp)?.1;
        Some(crate::ui::reporting::locked_words(vp, until))
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
        self.focus(Panel::Attention);
        self.row = activity as usize;
    }

    /// PgUp (`pages` −1) or PgDn (+1): scroll the Why panel by most of its
    /// height, at most to its last line, in a terminal of `area`.
    fn scroll_why(&mut self, pages: i32, area: Option<Rect>) {
        let why = area.and_then(|a| {
            let parts = layout::parts(a, false);
            layout::right(parts.right, parts.wide).why(self.tab == Tab::Why)
        });
        let limit = why.map(|w| self.why_hidden(w));
        let page = why.map_or(1, |w| w.height.saturating_sub(3).max(1));
        self.why_scroll.by(pages * i32::from(page), limit);
    }

    /// The organisation panel's row: focused, or the one Tab goes back to.
    pub fn org_row(&self) -> usize {
        match self.panel {
            Panel::Org => self.row,
            Panel::Attention => self.other_row,
        }
    }

    /// Focus `panel` on the row it had when focus last left it (the
    /// organisation's rows may have become fewer since: a VP left).
    fn focus(&mut self, panel: Panel) {
        if panel != self.panel {
            self.panel = panel;
            std::mem::swap(&mut self.row, &mut self.other_row);
            self.row = self.row.min(self.rows().saturating_sub(1));
        }
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
