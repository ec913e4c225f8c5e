//! The Why panel: what moved influence last week, line by line, and the
//! drivers behind the numbers. In a fork, the original run beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Play;
use crate::engine::{PowerBase, State};
use crate::run::Headline;
use crate::ui::session::WeekPoint;
use crate::ui::text::money;
use crate::ui::theme::Theme;
use crate::ui::widgets::panel;

impl Play {
    pub(super) fn why(&self, t: Theme, s: &State, area: Rect, buf: &mut Buffer, title: &str) {
        let block = panel(title, false, t);
        let inner = block.inner(area);
        block.render(area, buf);
        let mut lines = Vec::new();
        let moved: f64 = s.ledger.iter().map(|e| e.influence_points).sum();
        let mut head = vec![
            Span::styled("Influence ", t.title()),
            Span::raw(format!("{:.0} ", s.influence_points())),
        ];
        if s.week > 0 {
            head.push(Span::styled(
                format!("({moved:+.1} last week)"),
                if moved < 0.0 { t.warn() } else { t.good() },
            ));
        }
        lines.push(Line::from(head));
        lines.extend(self.fork_lines(t, s));
        lines.extend(ledger_lines(t, s));
        lines.extend(self.recent_line(t));
        lines.extend(drivers(t, s));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }

    /// In a fork: the same week of the original run, side by side.
    fn fork_lines(&self, t: Theme, s: &State) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if let Some(original) = &self.original {
            // A fork: the same week of the original run, side by side.
            if let Some(o) = s.week.checked_sub(1).and_then(|w| original.get(w as usize)) {
                let now = Headline::of(s);
                lines.push(Line::styled("Fork vs original, same week", t.title()));
                lines.push(Line::raw(format!(
                    " cash {} / {} · ARR {} / {} · people {} / {}",
                    money(now.cash),
                    money(o.cash),
                    money(now.arr),
                    money(o.arr),
                    now.headcount,
                    o.headcount
                )));
                lines.push(Line::raw(format!(
                    " influence {:.0} / {:.0} · authority {:.0} / {:.0} · morale {:.0}% / {:.0}%",
                    now.influence * 100.0,
                    o.influence * 100.0,
                    now.authority * 100.0,
                    o.authority * 100.0,
                    now.morale * 100.0,
                    o.morale * 100.0
                )));
            } else {
                lines.push(Line::styled(
                    "Fork: past the end of the original run",
                    t.dim(),
                ));
            }
        }
        lines
    }

    /// Recent weeks and their net moves.
    fn recent_line(&self, t: Theme) -> Option<Line<'static>> {
        let recent: Vec<&WeekPoint> = self.session.history.iter().rev().take(4).collect();
        if recent.len() <= 1 {
            return None;
        }
        let mut spans = vec![Span::styled("Recent ", t.dim())];
        for w in recent {
            let net: f64 = w.ledger.iter().map(|e| e.influence_points).sum();
            spans.push(Span::raw(format!("w{} {net:+.1}  ", w.week)));
        }
        Some(Line::from(spans))
    }
}

/// Last week's biggest moves of influence (and credits), with their causes.
fn ledger_lines(t: Theme, s: &State) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut entries: Vec<_> = s.ledger.iter().filter(|e| e.delta.abs() > 1e-4).collect();
    entries.sort_by(|a, b| {
        b.influence_points
            .abs()
            .max(b.delta.abs())
            .total_cmp(&a.influence_points.abs().max(a.delta.abs()))
    });
    for e in entries.iter().take(6) {
        let (amount, unit) = if e.base == PowerBase::Credits {
            (e.delta * 100.0, "credits")
        } else {
            (e.influence_points, "")
        };
        let style = if amount < 0.0 { t.warn() } else { t.good() };
        lines.push(Line::from(vec![
            Span::styled(format!(" {amount:+5.1}"), style),
            Span::raw(format!(
                " {:<11} ",
                if unit.is_empty() {
                    e.base.label()
                } else {
                    unit
                }
            )),
            Span::styled(e.cause.label(), t.dim()),
        ]));
    }
    if entries.is_empty() {
        lines.push(Line::styled(" nothing moved yet", t.dim()));
    }
    lines
}

/// The drivers behind the numbers.
fn drivers(t: Theme, s: &State) -> Vec<Line<'static>> {
    let m = &s.metrics;
    let mut lines = Vec::new();
    lines.push(Line::styled("Drivers", t.title()));
    lines.push(Line::raw(format!(
        " Adoption {:.0}% · alignment {:.0}% · credits {:.0}",
        m.adoption * 100.0,
        s.company.alignment * 100.0,
        s.power.credits * 100.0
    )));
    lines.push(Line::raw(format!(
        " Direction {:.0}% · fit {:.0}% · delivery {:.0}%",
        m.direction * 100.0,
        s.company.fit * 100.0,
        m.delivery * 100.0
    )));
    lines.push(Line::raw(format!(
        " Velocity {:.1} pts (yours {:.1}) · capacity {:.1} FTE",
        m.velocity, m.cto_velocity, m.capacity
    )));
    lines.push(Line::raw(format!(
        " Burn multiple {:.1} · attrition {:.0}%/yr",
        m.burn_multiple,
        m.attrition_rate * 100.0
    )));
    let p = &s.power;
    lines.push(Line::styled(
        format!(
            " Power: authority {:.0} reward {:.0} info {:.0} expert {:.0} trust {:.0}",
            p.legitimate * 100.0,
            p.reward * 100.0,
            p.informational * 100.0,
            p.expert * 100.0,
            p.referent * 100.0
        ),
        t.dim(),
    ));
    lines
}
