//! The Why panel: what moved influence last week, line by line, and the
//! drivers behind the numbers. In a fork, the original run beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Week;
use crate::engine::ledger::Cause;
use crate::engine::{PowerBase, Scenario, State};
use crate::run::Headline;
use crate::ui::money::money;
use crate::ui::session::WeekPoint;
use crate::ui::theme::Theme;
use crate::ui::widgets::{panel, wrapped_rows};

impl Week {
    /// The Why panel in `area`, titled `title`, scrolled as far as the
    /// player scrolled it (at most to its last line); when it does not all
    /// fit, the title says which way PgUp and PgDn scroll it.
    pub(super) fn why(&self, t: Theme, area: Rect, buf: &mut Buffer, title: &str) {
        let lines = self.why_text(t);
        let inner = panel(title, false, t).inner(area);
        let total = wrapped_rows(&lines, inner.width);
        let visible = inner.height;
        let hidden = total.saturating_sub(visible);
        let scroll = self.why_scroll.0.min(hidden);
        let title = match (scroll > 0, scroll < hidden) {
            (false, false) => title.to_string(),
            (false, true) => format!("{title} PgDn↓"),
            (true, false) => format!("{title} PgUp↑"),
            (true, true) => format!("{title} PgUp↑ PgDn↓"),
        };
        panel(&title, false, t).render(area, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(inner, buf);
    }

    /// How many lines of the Why panel at `area` (borders included) do not
    /// show at once: how far it can scroll.
    pub(super) fn why_hidden(&self, area: Rect) -> u16 {
        let inner = panel("", false, Theme::PLAIN).inner(area);
        wrapped_rows(&self.why_text(Theme::PLAIN), inner.width).saturating_sub(inner.height)
    }

    /// What the Why panel says: influence and what moved it last week, the
    /// recent weeks, the drivers.
    fn why_text(&self, t: Theme) -> Vec<Line<'static>> {
        let s = self.state();
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
        lines.extend(drivers(t, s, self.session.scenario()));
        lines
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

/// One line of the Why panel: what moved, because of what, by how much.
#[derive(Clone, Debug, PartialEq)]
pub struct WhyLine {
    /// The power base (or "credits").
    pub what: &'static str,
    pub cause: &'static str,
    /// In influence points (0–100 scale), or credits points for credits.
    pub amount: f64,
}

/// Lines the Why panel shows of influence at most (the last sums the rest).
pub const WHY_LINES: usize = 5;

/// Last week's moves, grouped by power base and cause, biggest first: the
/// influence lines (at most [`WHY_LINES`]; when there are more, the last one,
/// "other moves", sums the rest, so the lines always add up to the change the
/// panel heads with), then the credits lines, a section of their own (credits
/// are not part of influence).
pub fn why_lines(s: &State) -> (Vec<WhyLine>, Vec<WhyLine>) {
    let mut influence: Vec<WhyLine> = Vec::new();
    let mut credits: Vec<WhyLine> = Vec::new();
    for e in &s.ledger {
        let (list, what, amount) = if e.base == PowerBase::Credits {
            (&mut credits, "credits", e.delta * 100.0)
        } else {
            (&mut influence, e.base.label(), e.influence_points)
        };
        let cause = e.cause.label();
        match list.iter_mut().find(|l| l.what == what && l.cause == cause) {
            Some(l) => l.amount += amount,
            None => list.push(WhyLine {
                what,
                cause,
                amount,
            }),
        }
    }
    for list in [&mut influence, &mut credits] {
        list.retain(|l| l.amount.abs() > 1e-9);
        list.sort_by(|a, b| b.amount.abs().total_cmp(&a.amount.abs()));
    }
    if influence.len() > WHY_LINES {
        let rest: f64 = influence[WHY_LINES - 1..].iter().map(|l| l.amount).sum();
        influence.truncate(WHY_LINES - 1);
        influence.push(WhyLine {
            what: "other",
            cause: "smaller moves",
            amount: rest,
        });
    }
    (influence, credits)
}

/// Last week's moves of influence, then of credits, with their causes.
fn ledger_lines(t: Theme, s: &State) -> Vec<Line<'static>> {
    let (influence, credits) = why_lines(s);
    let line = |l: &WhyLine| {
        let style = if l.amount < 0.0 { t.warn() } else { t.good() };
        Line::from(vec![
            Span::styled(format!(" {:+5.1}", l.amount), style),
            Span::raw(format!(" {:<11}  ", l.what)),
            Span::styled(l.cause, t.dim()),
            Span::styled(reading(s, l), t.dim()),
        ])
    };
    // A line that would read ±0.0 says nothing (its tenths still count in the sum).
    let shown = |l: &&WhyLine| (l.amount * 10.0).round() != 0.0;
    let mut lines: Vec<Line<'static>> = influence.iter().filter(shown).map(line).collect();
    if influence.is_empty() {
        lines.push(Line::styled(" nothing moved yet", t.dim()));
    } else if lines.is_empty() {
        lines.push(Line::styled(" nothing moved by a tenth", t.dim()));
    }
    if !credits.is_empty() {
        let net: f64 = credits.iter().map(|l| l.amount).sum();
        lines.push(Line::from(vec![
            Span::styled("Credits ", t.title()),
            Span::raw(format!("{:.0} ", s.power.credits * 100.0)),
            Span::styled(
                format!("({net:+.1})"),
                if net < 0.0 { t.warn() } else { t.good() },
            ),
        ]));
        lines.extend(credits.iter().filter(shown).map(line));
    }
    lines
}

/// What a cause reads, where the panel's other figures could be mistaken
/// for it: neglected reports read the share of the hours they need that your
/// own direct reports got (not the Organisation panel's coverage, which
/// counts everyone any manager looks after and a small-team bonus); trust's,
/// while a VP runs part of engineering for the CEO, your contact with the
/// organisation.
fn reading(s: &State, l: &WhyLine) -> String {
    if l.cause != Cause::NeglectedReports.label() {
        return String::new();
    }
    let m = &s.metrics;
    if l.what == PowerBase::Referent.label() && s.people.vp_outside_chain() {
        format!(": contact {:.0}%", m.contact * 100.0)
    } else {
        format!(": {:.0}% of their hours", m.cto_coverage * 100.0)
    }
}

/// The drivers behind the numbers.
fn drivers(t: Theme, s: &State, sc: &Scenario) -> Vec<Line<'static>> {
    let m = &s.metrics;
    let mut lines = Vec::new();
    lines.push(Line::styled("Drivers", t.title()));
    if s.week == 0 {
        // Velocity, delivery, burn and attrition exist once a week is played.
        lines.push(Line::styled(" the rest after the first week", t.dim()));
        lines.push(power_line(t, s));
        return lines;
    }
    lines.push(Line::raw(format!(
        " Adoption {:.0}% · alignment {:.0}% · credits {:.0}",
        m.adoption * 100.0,
        s.company.alignment * 100.0,
        s.power.credits * 100.0
    )));
    if s.people.vp_outside_chain() {
        // Trust and information outside the chain come from skip-levels.
        lines.push(Line::raw(format!(
            " Contact with the org {:.0}% (spare management hours go to skip-levels)",
            m.contact * 100.0
        )));
    }
    let contested = if s.company.contested_fit > 0.0 {
        format!(" ({:.0} contested)", s.company.contested_fit * 100.0)
    } else {
        String::new()
    };
    lines.push(Line::raw(format!(
        " Direction {:.0}% · fit {:.0}%{contested} · delivery {:.0}%",
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
    lines.push(power_line(t, s));
    lines.push(company_line(t, s, sc));
    lines
}

/// The whole company on the payroll (engineering, the CTO and the rest of the
/// company) and the revenue each person carries: past what it can serve
/// (`business.arr_per_person`), customers leave, and the line says so.
fn company_line(t: Theme, s: &State, sc: &Scenario) -> Line<'static> {
    let mut spans = vec![Span::raw(format!(
        " Company {:.0} people · ARR {} each",
        s.payroll_people(),
        money(s.arr_per_person())
    ))];
    if s.service_overload(sc.params.business.arr_per_person) > 0.0 {
        spans.push(Span::styled(" · too few to serve it", t.warn()));
    }
    Line::from(spans)
}

/// The five power bases, 0–100.
fn power_line(t: Theme, s: &State) -> Line<'static> {
    let p = &s.power;
    Line::styled(
        format!(
            " Power: authority {:.0} reward {:.0} info {:.0} expert {:.0} trust {:.0}",
            p.legitimate * 100.0,
            p.reward * 100.0,
            p.informational * 100.0,
            p.expert * 100.0,
            p.referent * 100.0
        ),
        t.dim(),
    )
}
