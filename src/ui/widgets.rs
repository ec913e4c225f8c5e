//! Small drawing pieces shared by the screens: bordered panels, centring, the
//! hint bar, line charts, the yes/no dialog and the "too small" screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Clear, Dataset, GraphType, Paragraph, Widget, Wrap};

use super::keymap::{bindings, Action, Context};
use super::theme::Theme;

/// The smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether the game can draw in `area` (otherwise it shows [`too_small`]).
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// The screen shown when the terminal is smaller than the game needs.
pub fn too_small(area: Rect, buf: &mut Buffer, t: Theme) {
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

/// `area`'s centre, `width` × `height` (or smaller, to fit).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The keys of `ctx` with their few words, from the key table, in at most
/// `width` columns. When they do not all fit, each key is shown by its first
/// name only (`←` for `←/h`); then the arrows' hints give way (the keys every
/// player tries first), then the last ones; help and quit always stay.
pub fn hint_bar(ctx: Context, t: Theme, width: u16) -> Line<'static> {
    let all: Vec<(&str, &str, Action)> = bindings(ctx)
        .filter(|b| !b.hint.is_empty())
        .map(|b| (b.label, b.hint, b.action))
        .collect();
    let cost =
        |(key, what, _): &(&str, &str, Action)| key.chars().count() + what.chars().count() + 3;
    let fits = |shown: &[(&str, &str, Action)]| {
        shown.iter().map(cost).sum::<usize>() <= usize::from(width)
    };
    let mut shown = all.clone();
    if !fits(&shown) {
        for (key, _, _) in &mut shown {
            *key = first_name(key);
        }
    }
    let arrow = |a: Action| matches!(a, Action::Left | Action::Right | Action::Up | Action::Down);
    let keep = |what: &str| matches!(what, "help" | "quit");
    if !fits(&shown) {
        shown.retain(|(_, what, a)| !arrow(*a) || keep(what));
    }
    while !fits(&shown) {
        match shown.iter().rposition(|(_, what, _)| !keep(what)) {
            Some(i) => {
                shown.remove(i);
            }
            None => break,
        }
    }
    let mut spans = Vec::new();
    for (key, what, _) in shown {
        spans.push(Span::styled(key, t.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}

/// A key's first name: `←` for `←/h`, `+` for `+/]` (a lone `/` stays).
fn first_name(label: &str) -> &str {
    match label.split_once('/') {
        Some((first, _)) if !first.is_empty() => first,
        _ => label,
    }
}

/// How far a text is scrolled, in lines; kept where the layout lets it go,
/// so the way back up starts at once however often ↓ was pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll(pub u16);

impl Scroll {
    /// Move by `lines` (negative: up) from where the text shows at a
    /// `limit` of lines it can scroll (`None`: the terminal's size is not
    /// known yet, so neither is the limit), and at most to it. The scroll is
    /// not clamped when the terminal is resized (what shows depends only on
    /// the scroll and the size; drawing clamps), so this starts from where it
    /// shows.
    pub fn by(&mut self, lines: i32, limit: Option<u16>) {
        let limit = i32::from(limit.unwrap_or(u16::MAX));
        let shown = i32::from(self.0).min(limit);
        self.0 = (shown + lines).clamp(0, limit) as u16;
    }
}

/// How many of `lines` a panel in `area` (borders included) cannot show at
/// once, wrapped to its width: how far they can scroll.
pub fn hidden_lines(lines: &[Line], area: Rect) -> u16 {
    let (total, visible) = extent(lines, area);
    total.saturating_sub(visible)
}

/// (lines `lines` take wrapped in a panel in `area`, lines it shows).
fn extent(lines: &[Line], area: Rect) -> (u16, u16) {
    let width = area.width.saturating_sub(2);
    let total: u16 = lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            super::text::wrapped_height(text.trim_start(), width).max(1)
        })
        .fold(0, u16::saturating_add);
    (total, area.height.saturating_sub(2))
}

/// `lines` in a panel titled `title`, scrolled down by `scroll` lines at most
/// as far as the last line; when they do not all fit, the title says which
/// lines show and that ↑↓ scroll them (`The run · 1–18/27 ↑↓`).
pub fn scrolled_panel(
    lines: Vec<Line<'static>>,
    title: &str,
    scroll: Scroll,
    focused: bool,
    t: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (total, visible) = extent(&lines, area);
    let hidden = total.saturating_sub(visible);
    let scroll = scroll.0.min(hidden);
    let title = if hidden == 0 {
        title.to_string()
    } else {
        format!(
            "{title} · {}–{}/{total} ↑↓",
            scroll + 1,
            (scroll + visible).min(total)
        )
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .scroll((scroll, 0))
        .block(panel(&title, focused, t))
        .render(area, buf);
}

/// Rows `lines` take in a paragraph `width` columns wide wrapped without
/// trimming (`Wrap { trim: false }`), measured by drawing them off screen the
/// way the panel will, so the measure and the drawing cannot disagree.
pub fn wrapped_rows(lines: &[Line<'static>], width: u16) -> u16 {
    if width == 0 || lines.is_empty() {
        return 0;
    }
    // Each line takes at most a row per `width` columns, plus one.
    let most: usize = lines
        .iter()
        .map(|l| l.width() / usize::from(width) + 1)
        .sum();
    let most = most.min(usize::from(u16::MAX) / usize::from(width)) as u16;
    let area = Rect::new(0, 0, width, most);
    let mut buf = Buffer::empty(area);
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .render(area, &mut buf);
    (0..most)
        .rev()
        .find(|&y| (0..width).any(|x| buf[(x, y)].symbol() != " "))
        .map_or(0, |y| y + 1)
}

/// A bordered panel with a title; focused panels stand out.
pub fn panel(title: &str, focused: bool, t: Theme) -> Block<'static> {
    let b = Block::bordered().title(Span::styled(format!(" {title} "), t.title()));
    if focused {
        b.border_style(t.focus_border())
    } else {
        b.border_style(t.dim())
    }
}

/// A line chart of `data` (and `extra`, drawn in another colour) over the weeks.
#[allow(clippy::too_many_arguments)]
pub fn line_chart(
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
    // The series are named in the border, in their colours, rather than in a
    // legend box that would cover the lines (or be hidden when space is short).
    let mut title = vec![Span::styled(format!(" {name} "), t.good())];
    if extra.is_some() {
        title.push(Span::styled(format!("· {extra_name} "), t.warn()));
    }
    Chart::new(sets)
        .legend_position(None)
        .block(
            Block::bordered()
                .border_style(t.dim())
                .title(Line::from(title)),
        )
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

/// A yes/no question over the screen, with a note or two.
pub fn confirm(area: Rect, buf: &mut Buffer, t: Theme, question: &str, notes: &[&str]) {
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
