//! Drawing: `impl Widget for &App`. Read-only: the view never changes the game.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Chart, Clear, Dataset, GraphType, Paragraph, Sparkline, Widget, Wrap,
};

use super::app::{share, App, Overlay, Panel, Screen, Tab, WeekPoint, TITLE_ITEMS};
use super::keymap::{bindings, hints, Context};
use super::story::{attention_by_stage, attention_row, biggest_moves};
use super::text::{event_text, line_label, money, tips};
use super::theme::Theme;
use crate::engine::{score, State};

/// The smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

const TITLE_ART: &str = include_str!("../../assets/title.txt");

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf, t);
            return;
        }
        match &self.screen {
            Screen::Title { cursor } => title(self, *cursor, area, buf),
            Screen::Picker { cursor, seed } => picker(self, *cursor, seed, area, buf),
            Screen::Week | Screen::Replay => week(self, area, buf),
            Screen::End => end(self, area, buf),
        }
        match self.overlay {
            Overlay::None => {}
            Overlay::Help => help(self, area, buf),
            Overlay::Quit => confirm(
                area,
                buf,
                t,
                "Quit?",
                &[if self.game.is_some() && self.save_path.is_some() {
                    "The run is saved after every week: `cto-sim continue` resumes it."
                } else if self.game.is_some() {
                    "There is no data folder, so this run is not saved."
                } else {
                    "Leave cto-sim."
                }],
            ),
            Overlay::ConfirmEnd => {
                let n = self.unanswered();
                let first = format!(
                    "{n} event{} unanswered: the organisation will settle {} without you.",
                    if n == 1 { " is" } else { "s are" },
                    if n == 1 { "it" } else { "them" }
                );
                confirm(area, buf, t, "End the week?", &[&first])
            }
            Overlay::Event { index, cursor } => event_dialog(self, index, cursor, area, buf),
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer, t: Theme) {
    let lines = vec![
        Line::styled("Terminal too small", t.bad()),
        Line::raw(format!("{}×{}", area.width, area.height)),
        Line::raw(format!("cto-sim needs {MIN_WIDTH}×{MIN_HEIGHT}")),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .centered()
        .render(area, buf);
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn hint_bar(ctx: Context, t: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in hints(ctx) {
        spans.push(Span::styled(key, t.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}

fn panel(title: &str, focused: bool, t: Theme) -> Block<'static> {
    let b = Block::bordered().title(Span::styled(format!(" {title} "), t.title()));
    if focused {
        b.border_style(t.focus_border())
    } else {
        b.border_style(t.dim())
    }
}

// --- title and picker ---------------------------------------------------------

fn title(app: &App, cursor: usize, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let [art, menu, status, keys] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut lines: Vec<Line> = vec![Line::raw("")];
    lines.extend(
        TITLE_ART
            .lines()
            .map(|l| Line::styled(l.to_string(), t.title())),
    );
    lines.push(Line::styled(
        "You are the CTO of a growing startup.",
        t.dim(),
    ));
    Paragraph::new(lines).centered().render(art, buf);
    let items: Vec<Line> = TITLE_ITEMS
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let unavailable = *item == "Replays";
            let mut style = if unavailable { t.dim() } else { Style::new() };
            if i == cursor {
                style = style.patch(t.selected());
            }
            Line::styled(format!("  {item:<12}"), style)
        })
        .collect();
    Paragraph::new(items)
        .centered()
        .render(centered(menu, 20, TITLE_ITEMS.len() as u16 + 1), buf);
    if let Some(s) = &app.status {
        Paragraph::new(s.as_str())
            .centered()
            .style(t.dim())
            .render(status, buf);
    }
    hint_bar(Context::Title, t).render(keys, buf);
}

fn picker(app: &App, cursor: usize, seed: &str, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let [head, body, seed_area, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Line::styled("New game: pick a scenario", t.title()).render(head, buf);
    let [list, about] =
        Layout::horizontal([Constraint::Length(30), Constraint::Fill(1)]).areas(body);
    let names: Vec<Line> = app
        .listing
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let stars = "*".repeat(usize::from(l.difficulty.unwrap_or(0)));
            let style = if i == cursor {
                t.selected()
            } else {
                Style::new()
            };
            Line::styled(format!(" {:<20} {stars:<5}", l.name), style)
        })
        .collect();
    Paragraph::new(names)
        .block(panel("Scenarios", true, t))
        .render(list, buf);
    let desc = app.listing.get(cursor).map_or_else(Vec::new, |l| {
        vec![
            Line::styled(l.name.clone(), t.title()),
            Line::styled(
                format!(
                    "{} · difficulty {}",
                    l.source,
                    l.difficulty.map_or("?".into(), |d| d.to_string())
                ),
                t.dim(),
            ),
            Line::raw(""),
            Line::raw(l.description.clone()),
        ]
    });
    Paragraph::new(desc)
        .wrap(Wrap { trim: true })
        .block(panel("About", false, t))
        .render(about, buf);
    let seed_line = Line::from(vec![
        Span::raw(" Seed: "),
        Span::styled(
            if seed.is_empty() {
                "1 (type digits to change)".to_string()
            } else {
                format!("{seed}_")
            },
            t.key(),
        ),
        Span::styled(
            "   the same scenario and seed always give the same game",
            t.dim(),
        ),
    ]);
    Paragraph::new(seed_line)
        .block(Block::bordered().border_style(t.dim()))
        .render(seed_area, buf);
    if let Some(s) = &app.status {
        Line::styled(s.lines().next().unwrap_or("").to_string(), t.bad()).render(status, buf);
    }
    hint_bar(Context::Picker, t).render(keys, buf);
}

// --- the week ---------------------------------------------------------------------

fn header(app: &App, s: &State, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(game) = &app.game else { return };
    let sc = game.scenario();
    let m = &s.metrics;
    let runway = if s.week == 0 {
        "–".to_string()
    } else if m.runway_months >= 999.0 {
        "∞".to_string()
    } else {
        format!("{:.0} mo", m.runway_months)
    };
    let line1 = Line::from(vec![
        Span::styled(sc.name.clone(), t.title()),
        Span::raw(format!(
            "  ·  Week {} of {}  ·  {}  ·  seed {}",
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
    Paragraph::new(vec![line1, line2]).render(area, buf);
}

fn week(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(s) = app.state() else { return };
    let timeline_height = u16::from(app.replay.is_some());
    let [head, status, timeline_area, body, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(timeline_height),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header(app, s, head, buf);
    if let Some(r) = &app.replay {
        timeline(r, t, timeline_area, buf);
    }
    if let Some(msg) = &app.status {
        Line::styled(msg.clone(), t.dim()).render(status, buf);
    }
    let wide = area.width >= 140;
    let left_width = if wide { 48 } else { 42 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
    let [att, org] = Layout::vertical([Constraint::Length(9), Constraint::Fill(1)]).areas(left);
    attention(app, s, att, buf);
    organisation(app, s, org, buf);
    if wide {
        let [charts_area, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(52)]).areas(right);
        charts(app, charts_area, buf, true);
        let [why_area, news_area] =
            Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(side);
        why(app, s, why_area, buf, "Why");
        news(app, news_area, buf);
    } else if right.height >= 34 {
        // Tall enough to show all three at once.
        let [why_area, charts_area, news_area] = Layout::vertical([
            Constraint::Length(17),
            Constraint::Fill(2),
            Constraint::Fill(1),
        ])
        .areas(right);
        why(app, s, why_area, buf, "Why");
        let block = panel("Charts", false, t);
        let inner = block.inner(charts_area);
        block.render(charts_area, buf);
        charts(app, inner, buf, false);
        news(app, news_area, buf);
    } else {
        let titles: Vec<String> = Tab::ALL
            .iter()
            .map(|x| {
                if *x == app.tab {
                    format!("[{}]", x.label())
                } else {
                    x.label().to_string()
                }
            })
            .collect();
        let title = format!("{}  (v)", titles.join(" "));
        match app.tab {
            Tab::Why => why(app, s, right, buf, &title),
            Tab::Charts => {
                let inner = panel(&title, false, t).inner(right);
                panel(&title, false, t).render(right, buf);
                charts(app, inner, buf, false);
            }
            Tab::News => {
                let inner = panel(&title, false, t).inner(right);
                panel(&title, false, t).render(right, buf);
                news_lines(app, inner, buf);
            }
        }
    }
    hint_bar(app.base_context(), t).render(keys, buf);
}

/// The run as a bar: where we are, and the notable moments.
fn timeline(r: &super::replay::Replay, t: Theme, area: Rect, buf: &mut Buffer) {
    let label = match &r.jump {
        Some(j) => format!(" go to week: {j}_ "),
        None => format!(
            " {} {} w{}/{} ",
            if r.playing { "▶" } else { "‖" },
            r.speed_label(),
            r.week,
            r.len()
        ),
    };
    let width = area.width.saturating_sub(label.chars().count() as u16 + 2) as usize;
    if width < 2 {
        Line::raw(label).render(area, buf);
        return;
    }
    let total = r.len().max(1) as usize;
    let mut bar: Vec<char> = vec!['─'; width];
    for (w, m) in &r.markers {
        let at = (*w as usize * (width - 1)) / total;
        bar[at.min(width - 1)] = m.symbol();
    }
    let at = (r.week as usize * (width - 1)) / total;
    let (before, rest) = bar.split_at(at.min(width - 1));
    // The cursor takes the place of the mark under it.
    let after = &rest[1..];
    Line::from(vec![
        Span::styled(label, t.key()),
        Span::styled(before.iter().collect::<String>(), t.title()),
        Span::styled("●", t.key()),
        Span::styled(after.iter().collect::<String>(), t.dim()),
    ])
    .render(area, buf);
}

fn attention(app: &App, s: &State, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let focused = app.panel == Panel::Attention && app.overlay == Overlay::None;
    let par = crate::engine::stage::par(s.company.stage, s.people.engineers());
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
    let d = &app.draft;
    let names = ["Strategy", "Hiring", "Coding", "Management"];
    let bar_width = inner.width.saturating_sub(12 + 5 + 7) as usize;
    let mut lines = Vec::new();
    let mut hits = [(0u16, 0u16, 0u16); 4];
    for (i, name) in names.iter().enumerate() {
        let v = share(&d.attention, i);
        let p = share(&par, i);
        let filled = (usize::from(v) * bar_width).div_ceil(100).min(bar_width);
        let sel = focused && app.row == i;
        let label_style = if sel { t.selected() } else { Style::new() };
        lines.push(Line::from(vec![
            Span::styled(format!("{name:<11}"), label_style),
            Span::raw(" "),
            Span::styled("█".repeat(filled), t.title()),
            Span::styled("░".repeat(bar_width - filled), t.dim()),
            Span::styled(format!("{v:>4}%"), if sel { t.key() } else { Style::new() }),
            Span::styled(format!(" par{p:>3}"), t.dim()),
        ]));
        hits[i] = (inner.y + i as u16, inner.x + 12, bar_width as u16);
    }
    app.bar_hits.set(hits);
    let sel = |r: usize| focused && app.row == r;
    let row_style = |r: usize| if sel(r) { t.selected() } else { Style::new() };
    lines.push(Line::from(vec![
        Span::styled(format!("{:<11}", "Hours"), row_style(4)),
        Span::raw(format!(" {} h/week", d.hours)),
        Span::styled(
            format!("  efficiency {:.0}%", s.metrics.efficiency * 100.0),
            t.dim(),
        ),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{:<11}", "Refactoring"), row_style(5)),
        Span::raw(format!(" {}% of capacity", d.refactor_pct)),
        Span::styled(
            format!("  debt tax {:.0}%", s.metrics.debt_tax * 100.0),
            if s.metrics.debt_tax > 0.3 {
                t.warn()
            } else {
                t.dim()
            },
        ),
    ]));
    let eff = s.metrics.effective_hours;
    lines.push(Line::styled(
        format!(
            "last week: {:.0}/{:.0}/{:.0}/{:.0} effective h",
            eff.0[0], eff.0[1], eff.0[2], eff.0[3]
        ),
        t.dim(),
    ));
    Paragraph::new(lines).render(inner, buf);
}

fn organisation(app: &App, s: &State, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let focused = app.panel == Panel::Org && app.overlay == Overlay::None;
    let block = panel("Organisation", focused, t);
    let inner = block.inner(area);
    block.render(area, buf);
    let p = &s.people;
    let m = &s.metrics;
    // The scenario's own ramp, not a copy of the default.
    let vp_ramp_weeks = app
        .game
        .as_ref()
        .map_or(26, |g| g.scenario().params.hiring.vp_ramp_weeks);
    let mut lines = vec![Line::styled("CTO (you)", t.title())];
    let ramping = p.ramping_total();
    let ics = format!(
        "{} engineers{}",
        p.engineers(),
        if ramping > 0 {
            format!(" ({ramping} ramping)")
        } else {
            String::new()
        }
    );
    if p.vps.is_empty() {
        lines.push(Line::raw(format!(
            "├─ {} manager{}",
            p.managers,
            if p.managers == 1 { "" } else { "s" }
        )));
        lines.push(Line::raw(format!("└─ {ics}")));
    } else {
        for (i, vp) in p.vps.iter().enumerate() {
            let ramp = f64::from(vp.age_weeks) / f64::from(vp_ramp_weeks.max(1));
            let ramp = ramp.min(1.0) * 100.0;
            lines.push(Line::raw(format!(
                "├─ VP #{}: {} · ramp {ramp:.0}%",
                i + 1,
                line_label(vp.line)
            )));
        }
        lines.push(Line::raw(format!("└─ {} managers, {ics}", p.managers)));
    }
    if p.vp_search.is_some() || p.in_pipeline() > 0 {
        lines.push(Line::styled(
            format!(
                "   coming: {} offers{}",
                p.in_pipeline(),
                p.vp_search
                    .map_or(String::new(), |w| format!(", a VP in {w} weeks"))
            ),
            t.dim(),
        ));
    }
    lines.push(Line::from(vec![
        Span::raw("Coverage "),
        Span::styled(
            format!("{:.0}%", m.org_coverage * 100.0),
            t.level(m.org_coverage * 100.0),
        ),
        Span::raw("  Morale "),
        Span::styled(
            format!("{:.0}%", s.company.morale * 100.0),
            t.level(s.company.morale * 100.0),
        ),
        Span::raw(format!(
            "  Overhead {:.0}%",
            m.communication_overhead * 100.0
        )),
    ]));
    if m.needs_manager_of_managers {
        lines.push(Line::styled(
            "Too many managers for you alone: time for a VP.",
            t.warn(),
        ));
    }
    let d = &app.draft;
    let row = |r: usize, label: &str, value: String| {
        let sel = focused && app.row == r;
        Line::from(vec![
            Span::styled(
                format!("{label:<17}"),
                if sel { t.selected() } else { Style::new() },
            ),
            Span::styled(
                format!("◀ {value} ▶"),
                if sel { t.key() } else { Style::new() },
            ),
        ])
    };
    lines.push(row(0, "Engineers wanted", d.hiring.engineers.to_string()));
    lines.push(row(1, "Managers wanted", d.hiring.managers.to_string()));
    lines.push(row(2, "VPs wanted", d.hiring.vps.to_string()));
    for (i, vp) in p.vps.iter().enumerate() {
        let line = d.vp_lines.get(i).copied().unwrap_or(vp.line);
        lines.push(row(
            3 + i,
            &format!("VP #{}", i + 1),
            line_label(line).to_string(),
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn why(app: &App, s: &State, area: Rect, buf: &mut Buffer, title: &str) {
    let t = app.theme;
    let block = panel(title, false, t);
    let inner = block.inner(area);
    block.render(area, buf);
    let m = &s.metrics;
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
    if let Some(original) = &app.original {
        // A fork: the same week of the original run, side by side.
        if let Some(o) = s.week.checked_sub(1).and_then(|w| original.get(w as usize)) {
            let now = crate::run::Headline::of(s);
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
    let mut entries: Vec<_> = s.ledger.iter().filter(|e| e.delta.abs() > 1e-4).collect();
    entries.sort_by(|a, b| {
        b.influence_points
            .abs()
            .max(b.delta.abs())
            .total_cmp(&a.influence_points.abs().max(a.delta.abs()))
    });
    for e in entries.iter().take(6) {
        let (amount, unit) = if e.base == crate::engine::PowerBase::Credits {
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
    // Recent weeks, net move and its biggest cause.
    let recent: Vec<&WeekPoint> = app.history.iter().rev().take(4).collect();
    if recent.len() > 1 {
        let mut spans = vec![Span::styled("Recent ", t.dim())];
        for w in recent {
            let net: f64 = w.ledger.iter().map(|e| e.influence_points).sum();
            spans.push(Span::raw(format!("w{} {net:+.1}  ", w.week)));
        }
        lines.push(Line::from(spans));
    }
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
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn news(app: &App, area: Rect, buf: &mut Buffer) {
    let block = panel("News", false, app.theme);
    let inner = block.inner(area);
    block.render(area, buf);
    news_lines(app, inner, buf);
}

fn news_lines(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let lines: Vec<Line> = app
        .log
        .iter()
        .rev()
        .take(area.height as usize)
        .map(|(w, l)| {
            Line::from(vec![
                Span::styled(format!("w{w:<4}"), t.dim()),
                Span::raw(l.clone()),
            ])
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// Four series over the run: full charts when there is room, sparklines otherwise.
fn charts(app: &App, area: Rect, buf: &mut Buffer, large: bool) {
    let t = app.theme;
    let h = &app.history;
    let series: [(&str, Vec<f64>, f64); 4] = [
        (
            "Influence",
            h.iter().map(|w| w.influence * 100.0).collect(),
            100.0,
        ),
        ("ARR $M", h.iter().map(|w| w.arr / 1e6).collect(), 0.0),
        ("Velocity", h.iter().map(|w| w.velocity).collect(), 0.0),
        (
            "Morale",
            h.iter().map(|w| w.morale * 100.0).collect(),
            100.0,
        ),
    ];
    if h.is_empty() {
        Paragraph::new(Line::styled("Charts fill in as the weeks go by.", t.dim()))
            .render(area, buf);
        return;
    }
    if large && area.height >= 16 {
        let rows = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).split(area);
        for (r, row) in rows.iter().enumerate() {
            let cols = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).split(*row);
            for (c, col) in cols.iter().enumerate() {
                let (name, data, max) = &series[r * 2 + c];
                let extra = if r * 2 + c == 0 {
                    Some(h.iter().map(|w| w.authority * 100.0).collect::<Vec<_>>())
                } else if r * 2 + c == 1 {
                    Some(h.iter().map(|w| w.cash / 1e6).collect())
                } else if r * 2 + c == 2 {
                    Some(h.iter().map(|w| w.debt_tax * 100.0).collect())
                } else {
                    None
                };
                let extra_name = ["Authority", "Cash $M", "Debt tax %", ""][r * 2 + c];
                line_chart(t, name, data, extra_name, extra.as_deref(), *max, *col, buf);
            }
        }
        return;
    }
    let rows = Layout::vertical([Constraint::Fill(1); 4]).split(area);
    for (i, (name, data, _)) in series.iter().enumerate() {
        let [label, spark] =
            Layout::horizontal([Constraint::Length(18), Constraint::Fill(1)]).areas(rows[i]);
        let last = data.last().copied().unwrap_or(0.0);
        let width = spark.width as usize;
        let tail = &data[data.len().saturating_sub(width)..];
        // Scale to the window's own range so small moves show.
        let lo = tail.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = tail.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Paragraph::new(vec![
            Line::styled(*name, t.title()),
            Line::raw(format!("{last:.1}")),
            Line::styled(format!("{lo:.1}–{hi:.1}"), t.dim()),
        ])
        .render(label, buf);
        let span = (hi - lo).max(1e-9);
        let bars: Vec<u64> = tail
            .iter()
            .map(|x| 1 + ((x - lo) / span * 99.0) as u64)
            .collect();
        Sparkline::default()
            .data(&bars)
            .style(t.good())
            .render(spark, buf);
    }
}

#[allow(clippy::too_many_arguments)]
fn line_chart(
    t: Theme,
    name: &str,
    data: &[f64],
    extra_name: &str,
    extra: Option<&[f64]>,
    max: f64,
    area: Rect,
    buf: &mut Buffer,
) {
    let points: Vec<(f64, f64)> = data
        .iter()
        .enumerate()
        .map(|(i, y)| (i as f64 + 1.0, *y))
        .collect();
    let extra_points: Vec<(f64, f64)> = extra
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, y)| (i as f64 + 1.0, *y))
        .collect();
    let top = if max > 0.0 {
        max
    } else {
        data.iter()
            .chain(extra.unwrap_or(&[]))
            .fold(1.0f64, |a, b| a.max(*b))
            * 1.1
    };
    let weeks = data.len().max(2) as f64;
    let mut sets = vec![Dataset::default()
        .name(name.to_string())
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(t.good())
        .data(&points)];
    if extra.is_some() {
        sets.push(
            Dataset::default()
                .name(extra_name.to_string())
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(t.warn())
                .data(&extra_points),
        );
    }
    Chart::new(sets)
        .block(Block::bordered().border_style(t.dim()))
        .x_axis(
            Axis::default()
                .bounds([1.0, weeks])
                .labels(["w1".to_string(), format!("w{}", data.len())])
                .style(t.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(["0".to_string(), format!("{top:.0}")])
                .style(t.dim()),
        )
        .render(area, buf);
}

// --- dialogs -------------------------------------------------------------------------

fn confirm(area: Rect, buf: &mut Buffer, t: Theme, question: &str, notes: &[&str]) {
    let width = notes
        .iter()
        .map(|n| n.chars().count() as u16)
        .max()
        .unwrap_or(0)
        .max(30)
        + 4;
    let rect = centered(
        area,
        width.min(area.width.saturating_sub(4)),
        4 + notes.len() as u16 * 2,
    );
    Clear.render(rect, buf);
    let mut lines = vec![Line::styled(format!("{question} (y/n)"), t.title())];
    for n in notes {
        lines.push(Line::raw(n.to_string()));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::bordered().border_style(t.focus_border()))
        .render(rect, buf);
}

fn event_dialog(app: &App, index: usize, cursor: usize, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(game) = &app.game else { return };
    let s = game.state();
    let Some(def) = s
        .pending
        .get(index)
        .and_then(|p| game.scenario().events.get(p.event))
    else {
        return;
    };
    let rect = centered(area, 72.min(area.width - 4), 16.min(area.height - 2));
    Clear.render(rect, buf);
    let mut lines = vec![
        Line::styled(
            format!("Event {} of {}", index + 1, s.pending.len()),
            t.dim(),
        ),
        Line::raw(""),
        Line::raw(event_text(&def.text, s)),
        Line::raw(""),
    ];
    for (i, c) in def.choices.iter().enumerate() {
        let marker = if i == def.default_choice {
            " (if you don't answer)"
        } else {
            ""
        };
        let style = if i == cursor {
            t.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {}. {} ", i + 1, c.label), style),
            Span::styled(marker, t.dim()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(hint_bar(Context::Event, t));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(&def.title, true, t))
        .render(rect, buf);
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let ctx = app.base_context();
    let rect = centered(area, 70.min(area.width - 2), (area.height - 2).min(26));
    Clear.render(rect, buf);
    let mut lines = vec![Line::styled(format!("Keys here ({ctx:?})"), t.title())];
    for b in bindings(ctx) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<8}", b.label), t.key()),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("In help: Esc, q or ? closes.", t.dim()));
    if ctx == Context::Week {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Attention always adds up to 100%: raising one share takes from the others in proportion. Mouse: click a bar to set it, scroll to adjust the focused row.",
            t.dim(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel("Help", true, t))
        .render(rect, buf);
}

// --- the end ---------------------------------------------------------------------------

fn end(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(game) = &app.game else { return };
    let s = game.state();
    let sc = game.scenario();
    let ending = s.ending.unwrap_or(crate::engine::Ending::TimeUp);
    let [head, body, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(vec![
        Line::styled(sc.ending_headline(ending).to_string(), t.title()),
        Line::raw(format!(
            "Ending `{}` after {} weeks · score {:.1} · ARR {} · influence {:.0} · authority {:.0}",
            sc.ending_id(ending),
            s.week,
            score(s, sc),
            money(s.company.arr),
            s.influence_points(),
            s.authority_points()
        )),
    ])
    .wrap(Wrap { trim: true })
    .render(head, buf);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body);
    let [c1, c2] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(left);
    let h = &app.history;
    let infl: Vec<f64> = h.iter().map(|w| w.influence * 100.0).collect();
    let auth: Vec<f64> = h.iter().map(|w| w.authority * 100.0).collect();
    let arr: Vec<f64> = h.iter().map(|w| w.arr / 1e6).collect();
    let cash: Vec<f64> = h.iter().map(|w| w.cash / 1e6).collect();
    if h.is_empty() {
        Paragraph::new("No weeks were played.").render(left, buf);
    } else {
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
    let mut lines = vec![Line::styled("Where influence moved most", t.title())];
    for (w, net, cause) in biggest_moves(h, 5) {
        lines.push(Line::raw(format!(" week {w:<4} {net:+5.1}  {cause}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Your attention by stage (par)", t.title()));
    for (stage, a, par) in attention_by_stage(h) {
        lines.push(Line::raw(format!(" {}", attention_row(stage, &a, &par))));
    }
    lines.push(Line::styled("  strategy/hiring/coding/management", t.dim()));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Next time", t.title()));
    for tip in tips(ending, s) {
        lines.push(Line::raw(format!(" · {tip}")));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel("The run", false, t))
        .render(right, buf);
    hint_bar(Context::End, t).render(keys, buf);
}
