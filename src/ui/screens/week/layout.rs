//! Where the week screen's parts go in the terminal: one place for drawing
//! and for the mouse, so a click lands on the bar it was drawn as without the
//! drawing having to write down where it drew.

use ratatui::layout::{Constraint, Layout, Rect};

/// From this width on, the week screen shows charts, Why and News side by side.
const WIDE: u16 = 140;

/// The week screen's parts.
pub struct Parts {
    pub head: Rect,
    pub status: Rect,
    /// A replay's timeline (empty on the week screen).
    pub timeline: Rect,
    pub attention: Rect,
    pub organisation: Rect,
    /// Why, charts and news.
    pub right: Rect,
    pub keys: Rect,
    /// Wide enough for charts, Why and News side by side.
    pub wide: bool,
}

/// The parts in `area`, with a line for a replay's timeline if `timeline`.
pub fn parts(area: Rect, timeline: bool) -> Parts {
    let [head, status, timeline, body, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(u16::from(timeline)),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let wide = area.width >= WIDE;
    let left_width = if wide { 48 } else { 42 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
    let [attention, organisation] =
        Layout::vertical([Constraint::Length(9), Constraint::Fill(1)]).areas(left);
    Parts {
        head,
        status,
        timeline,
        attention,
        organisation,
        right,
        keys,
        wide,
    }
}

/// Columns before a share's bar (its label) and after it (percent and par).
pub const BAR_LABEL: u16 = 12;
const BAR_AFTER: u16 = 5 + 7;

/// How wide the share bars are inside the attention panel's `inner` area.
pub fn bar_width(inner: Rect) -> u16 {
    inner.width.saturating_sub(BAR_LABEL + BAR_AFTER)
}

/// Where the four share bars are in the attention panel at `attention`
/// (borders included): (row, first column, width) each.
pub fn bars(attention: Rect) -> [(u16, u16, u16); 4] {
    let inner = attention.inner(ratatui::layout::Margin::new(1, 1));
    let width = bar_width(inner);
    [0u16, 1, 2, 3].map(|i| (inner.y + i, inner.x + BAR_LABEL, width))
}

/// Where Why, charts and news go in the right-hand part of the screen.
pub enum Right {
    /// Wide: the charts, and beside them Why above the news.
    Wide { charts: Rect, why: Rect, news: Rect },
    /// Tall: Why, charts and news one above the other.
    Tall { why: Rect, charts: Rect, news: Rect },
    /// One at a time, chosen with the view key.
    Tabbed(Rect),
}

/// Why, charts and news in `area` (the parts' `right`), side by side when
/// `wide`, one above the other when tall, else one at a time.
pub fn right(area: Rect, wide: bool) -> Right {
    if wide {
        let [charts, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(52)]).areas(area);
        let [why, news] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(side);
        Right::Wide { charts, why, news }
    } else if area.height >= 34 {
        let [why, charts, news] = Layout::vertical([
            Constraint::Length(17),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        Right::Tall { why, charts, news }
    } else {
        Right::Tabbed(area)
    }
}

impl Right {
    /// Where the Why panel is (borders included), `chosen` if it is the
    /// view the player chose; `None` when it is not shown.
    pub fn why(&self, chosen: bool) -> Option<Rect> {
        match *self {
            Right::Wide { why, .. } | Right::Tall { why, .. } => Some(why),
            Right::Tabbed(area) => chosen.then_some(area),
        }
    }
}
