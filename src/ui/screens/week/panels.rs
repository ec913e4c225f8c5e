//! The two editable panels: attention (with hours and refactoring) and the
//! organisation (with hiring targets and reporting lines).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{bar_width, BAR_LABEL};
use super::{Panel, Week};
use crate::engine::{Activity, ReportingLine};
use crate::forecast::engineers_cash_pays;
use crate::ui::reporting::{line_short, LINES};
use crate::ui::screens::protocol::Frame;
use crate::ui::text::plural;
use crate::ui::theme::Theme;
use crate::ui::widgets::panel;

impl Week {
    pub(super) fn attention(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        let t = f.theme;
        let focused = self.panel == Panel::Attention && f.focused;
        let par = self.par().attention;
        let block = panel(
            &format!(
                "Attention · par {}/{}/{}/{}",
                par.strategy, par.hiring, par.coding, par.management
            ),
            focused,
            t,
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let d = &self.draft;
        let bar_width = usize::from(bar_width(inner));
        let mut lines = Vec::new();
        for (i, activity) in Activity::ALL.into_iter().enumerate() {
            let v = d.attention.get(activity);
            let p = par.get(activity);
            let filled = (usize::from(v) * bar_width).div_ceil(100).min(bar_width);
            let sel = focused && self.row == i;
            let label_style = if sel { t.selected() } else { Style::new() };
            lines.push(Line::from(vec![
                Span::styled(
                    t.focus_label(sel, activity.label(), usize::from(BAR_LABEL) - 1),
                    label_style,
                ),
                Span::raw(" "),
                Span::styled("█".repeat(filled), t.title()),
                Span::styled("░".repeat(bar_width - filled), t.dim()),
                Span::styled(format!("{v:>4}%"), if sel { t.key() } else { Style::new() }),
                Span::styled(format!(" par{p:>3}"), t.dim()),
            ]));
        }
        lines.extend(self.hours_rows(f, focused));
        Paragraph::new(lines).render(inner, buf);
    }

    /// Hours (with what fatigue cost), refactoring (with the debt tax) and the
    /// effective hours of last week (with what switching cost).
    fn hours_rows(&self, f: &Frame, focused: bool) -> Vec<Line<'static>> {
        let t = f.theme;
        let s = self.state();
        let d = &self.draft;
        let mut lines = Vec::new();
        let sel = |r: usize| focused && self.row == r;
        let row_style = |r: usize| if sel(r) { t.selected() } else { Style::new() };
        // What the hours lost last week, itemised: fatigue and switching.
        let played = s.week > 0;
        let tired = (1.0 - s.metrics.efficiency) * 100.0;
        lines.push(Line::from(vec![
            Span::styled(t.focus_label(sel(4), "Hours", 11), row_style(4)),
            Span::raw(format!(" {} h/week", d.hours)),
            Span::styled(
                if played && tired >= 0.5 {
                    format!("  −{tired:.0}% tired")
                } else {
                    String::new()
                },
                if tired > 20.0 { t.warn() } else { t.dim() },
            ),
        ]));
        lines.push(Line::from(vec![
            Span::styled(t.focus_label(sel(5), "Refactoring", 11), row_style(5)),
            Span::raw(format!(" {}%", d.refactor_pct)),
            Span::styled(
                if played {
                    format!("  debt tax {:.0}%", s.metrics.debt_tax * 100.0)
                } else {
                    "  debt tax –".to_string()
                },
                if s.metrics.debt_tax > 0.3 {
                    t.warn()
                } else {
                    t.dim()
                },
            ),
        ]));
        let eff = s.metrics.effective_hours.0;
        lines.push(Line::styled(
            if played {
                format!(
                    "effective {:.0}/{:.0}/{:.0}/{:.0} h, −{:.0}% switching",
                    eff[0],
                    eff[1],
                    eff[2],
                    eff[3],
                    s.metrics.switching_loss * 100.0
                )
            } else {
                "effective hours: after the first week".to_string()
            },
            t.dim(),
        ));
        lines
    }

    pub(super) fn organisation(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        let t = f.theme;
        let focused = self.panel == Panel::Org && f.focused;
        let inner = panel("", focused, t).inner(area);
        // The chart, then the controls: the three hiring rows and a row per
        // VP. Where the panel is short, the chart's extra lines give way —
        // what the cash could pay for first, then the contact line, then the
        // offers coming — so the controls
        // and any warning stay in view; where it is shorter still, the panel
        // scrolls so that the row the organisation's focus is on shows.
        let controls = 3 + self.state().people.vps.len();
        let room = usize::from(inner.height).saturating_sub(controls);
        let mut chart = self.org_chart(f);
        chart.extend(self.contact_line(f).map(|l| (Some(Extra::Contact), l)));
        chart.extend(self.cash_line(f).map(|l| (Some(Extra::Cash), l)));
        for dropped in [Extra::Cash, Extra::Contact, Extra::Coming] {
            if chart.len() > room {
                chart.retain(|(extra, _)| *extra != Some(dropped));
            }
        }
        let mut lines: Vec<Line<'static>> = chart.into_iter().map(|(_, l)| l).collect();
        let first_control = lines.len();
        let d = &self.draft;
        let row = |r: usize, label: &str, value: u32, note: &str| {
            let sel = focused && self.row == r;
            Line::from(vec![
                Span::styled(
                    t.focus_label(sel, label, 17),
                    if sel { t.selected() } else { Style::new() },
                ),
                Span::styled(
                    format!("◀ {value} ▶"),
                    if sel { t.key() } else { Style::new() },
                ),
                Span::styled(note.to_string(), t.dim()),
            ])
        };
        let people = &self.state().people;
        let max_vps = self.session.scenario().params.hiring.max_vps;
        // A target under the headcount hires no one; nobody is let go for it.
        let engineers_note = if d.hiring.engineers < people.engineers() {
            " none let go"
        } else {
            ""
        };
        let vps_note = if d.hiring.vps >= max_vps { " max" } else { "" };
        lines.push(row(
            0,
            "Engineers wanted",
            d.hiring.engineers,
            engineers_note,
        ));
        lines.push(row(1, "Managers wanted", d.hiring.managers, ""));
        lines.push(row(2, "VPs wanted", d.hiring.vps, vps_note));
        for (i, vp) in self.state().people.vps.iter().enumerate() {
            let line = d.vp_lines.get(i).copied().unwrap_or(vp.line);
            lines.push(vp_row(f, focused && self.row == 3 + i, i, line));
        }
        let (total, height) = (lines.len(), usize::from(inner.height));
        let scroll = (first_control + self.org_row() + 1).saturating_sub(height);
        let title = if total > height {
            format!(
                "Organisation · {}–{}/{total}",
                scroll + 1,
                (scroll + height).min(total)
            )
        } else {
            "Organisation".to_string()
        };
        let block = panel(&title, focused, t);
        block.render(area, buf);
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .render(inner, buf);
    }

    /// What the cash in the bank could pay for, when the forecast says the
    /// plan misses the goal and the runway is long: money that sits idle
    /// while the plan falls short.
    fn cash_line(&self, f: &Frame) -> Option<Line<'static>> {
        let forecast = self.forecast()?;
        let s = self.state();
        if forecast.reaches_goal() || s.metrics.runway_months < CASH_MONTHS {
            return None;
        }
        let n = engineers_cash_pays(s, self.session.scenario(), CASH_MONTHS);
        (n > 0).then(|| {
            Line::styled(
                format!(
                    "Cash pays {} for {CASH_MONTHS:.0} mo",
                    plural(n, "more engineer")
                ),
                f.theme.warn(),
            )
        })
    }

    /// How much of the organisation the CTO meets, when a VP runs part of it
    /// for the CEO: outside the chain, only skip-levels (the management hours
    /// their own reports leave over) keep the CTO in touch.
    fn contact_line(&self, f: &Frame) -> Option<Line<'static>> {
        let t = f.theme;
        let s = self.state();
        if s.week == 0 || !s.people.vp_outside_chain() {
            return None;
        }
        let contact = s.metrics.contact;
        Some(Line::from(vec![
            Span::raw("Contact with the org "),
            Span::styled(format!("{:.0}%", contact * 100.0), t.level(contact * 100.0)),
            Span::styled(" (skip-levels)", t.dim()),
        ]))
    }

    /// The org chart as it stands, with coverage, morale, overhead and what
    /// the structure lacks; each line marked with the extra it is, if it may
    /// give way in a short panel.
    fn org_chart(&self, f: &Frame) -> Vec<(Option<Extra>, Line<'static>)> {
        let t = f.theme;
        let s = self.state();
        let p = &s.people;
        let m = &s.metrics;
        let mut lines: Vec<(Option<Extra>, Line<'static>)> =
            self.org_tree(t).into_iter().map(|l| (None, l)).collect();
        if p.vp_search.is_some() || p.in_pipeline() > 0 {
            lines.push((
                Some(Extra::Coming),
                Line::styled(
                    format!(
                        "   coming: {}",
                        (p.in_pipeline() > 0)
                            .then(|| plural(p.in_pipeline(), "offer"))
                            .into_iter()
                            .chain(
                                p.vp_search
                                    .map(|w| format!("a VP in {}", plural(w, "week")))
                            )
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    t.dim(),
                ),
            ));
        }
        let played = s.week > 0;
        let pct = |x: f64| {
            if played {
                format!("{:.0}%", x * 100.0)
            } else {
                "–".to_string()
            }
        };
        lines.push((
            None,
            Line::from(vec![
                Span::raw("Coverage "),
                Span::styled(pct(m.org_coverage), t.level(m.org_coverage * 100.0)),
                Span::raw("  Morale "),
                Span::styled(
                    format!("{:.0}%", s.company.morale * 100.0),
                    t.level(s.company.morale * 100.0),
                ),
                Span::raw(format!("  Overhead {}", pct(m.communication_overhead))),
            ]),
        ));
        let advice = self
            .hiring_advice()
            .or_else(|| self.promotion_advice())
            .or_else(|| played.then(|| self.structure_advice()).flatten());
        lines.extend(advice.map(|advice| (None, Line::styled(advice, t.warn()))));
        lines
    }

    /// Positions the draft opens without the recruiting time to fill them:
    /// nobody is hired while hiring gets less than par asks for them.
    fn hiring_advice(&self) -> Option<String> {
        let par = self.par();
        let open = par.why.open_positions;
        let given = self.draft.attention.hiring;
        if open > 0 && given == 0 && par.why.answering_shock() {
            return Some(format!(
                "{open} open: hiring waits out a competitor's move."
            ));
        }
        if open == 0 || given >= par.attention.hiring || par.why.recruiting_waits {
            return None;
        }
        Some(format!(
            "{} open, hiring {given}%: par {}%.",
            plural(open, "position"),
            par.attention.hiring
        ))
    }

    /// A managers target past what promotion can reach: each manager is an
    /// experienced engineer promoted, and one always stays coding (the
    /// engine promotes only while two or more are experienced).
    fn promotion_advice(&self) -> Option<String> {
        let p = &self.state().people;
        let wanted = self.draft.hiring.managers;
        let can = p.experienced.saturating_sub(1);
        if wanted <= p.managers + can {
            return None;
        }
        Some(format!(
            "{wanted} managers wanted: {can} can be promoted (one engineer stays coding)."
        ))
    }

    /// The CTO, the VPs (with their lines and ramp) or the managers, and the
    /// engineers.
    fn org_tree(&self, t: Theme) -> Vec<Line<'static>> {
        let p = &self.state().people;
        // The scenario's own ramp, not a copy of the default.
        let vp_ramp_weeks = self.session.scenario().params.hiring.vp_ramp_weeks;
        let mut lines = vec![Line::styled("CTO (you)", t.title())];
        let ramping = p.ramping_total();
        let ics = format!(
            "{}{}",
            plural(p.engineers(), "engineer"),
            if ramping > 0 {
                format!(" ({ramping} ramping)")
            } else {
                String::new()
            }
        );
        if p.vps.is_empty() {
            lines.push(Line::raw(format!("├─ {}", plural(p.managers, "manager"))));
            lines.push(Line::raw(format!("└─ {ics}")));
            return lines;
        }
        for (i, vp) in p.vps.iter().enumerate() {
            let ramp = f64::from(vp.age_weeks) / f64::from(vp_ramp_weeks.max(1));
            let ramp = ramp.min(1.0) * 100.0;
            lines.push(Line::raw(format!(
                "├─ VP #{} reports to {} · ramp {ramp:.0}%",
                i + 1,
                line_short(vp.line)
            )));
        }
        lines.push(Line::raw(format!(
            "└─ {}, {ics}",
            plural(p.managers, "manager")
        )));
        lines
    }

    /// What the structure lacks, if anything, in a line that fits the panel.
    /// Managers beyond what their managers of managers can look after manage
    /// worse; past one manager's span of engineers, those outside every
    /// manager's span report to the CTO, who cannot give them the hours they
    /// need (the coverage above falls with either) — unless the draft already
    /// asks for the managers. A smaller team the CTO manages directly: the Why
    /// panel tells when they are neglected.
    fn structure_advice(&self) -> Option<String> {
        let s = self.state();
        let p = &s.people;
        let org = &self.session.scenario().params.org;
        let max_vps = self.session.scenario().params.hiring.max_vps;
        let vps = p.vps.len() as u32;
        if f64::from(p.managers) > p.managers_managed(org.manager_of_managers_span) {
            // A search already asked for needs no advice; at the cap the
            // panel says so rather than advise what its control refuses.
            if self.draft.hiring.vps > vps {
                return None;
            }
            if vps >= max_vps {
                return Some(format!(
                    "{} for {} (the most).",
                    plural(p.managers, "manager"),
                    plural(vps, "VP")
                ));
            }
            return Some(match p.vps.len() {
                0 => "Too many managers for you: hire a VP.".to_string(),
                1 => format!(
                    "{} for one VP: hire another.",
                    plural(p.managers, "manager")
                ),
                n => format!(
                    "{} for {n} VPs: hire another.",
                    plural(p.managers, "manager")
                ),
            });
        }
        let unmanaged = p.unmanaged_engineers(org.manager_span);
        let asked = f64::from(self.draft.hiring.managers) * org.manager_span;
        if !p.vps.is_empty()
            || f64::from(p.engineers()) <= org.manager_span
            || unmanaged < org.manager_span / 2.0
            || s.metrics.cto_coverage >= 0.95
            || asked >= f64::from(p.engineers())
        {
            return None;
        }
        Some(format!(
            "No manager for {}: promote.",
            plural(unmanaged.round() as u32, "engineer")
        ))
    }
}

/// A line of the org chart that gives way when the panel is short.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extra {
    /// The offers and VP search coming.
    Coming,
    /// Contact with the part of the organisation a VP runs for the CEO.
    Contact,
    /// What the cash could pay for.
    Cash,
}

/// The months the cash line counts in: a long runway, and how long a hire
/// takes to pay off.
const CASH_MONTHS: f64 = 18.0;

/// A VP's reporting line: the three choices side by side, the drafted one
/// marked, so the whole label is always readable and → never wraps round.
fn vp_row(f: &Frame, selected: bool, i: usize, line: ReportingLine) -> Line<'static> {
    let t = f.theme;
    let mut spans = vec![Span::styled(
        t.focus_label(selected, &format!("VP #{}", i + 1), 17),
        if selected { t.selected() } else { Style::new() },
    )];
    for choice in LINES {
        let label = line_short(choice);
        spans.push(if choice == line {
            Span::styled(
                format!("[{label}]"),
                if selected { t.key() } else { t.title() },
            )
        } else {
            Span::styled(format!(" {label} "), t.dim())
        });
    }
    Line::from(spans)
}
