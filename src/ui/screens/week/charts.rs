//! Charts: full line charts when there is room, sparklines otherwise.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Sparkline, Widget};

use super::Week;
use crate::ui::theme::Theme;
use crate::ui::widgets::line_chart;

impl Week {
    /// Four series over the run: full charts when there is room, sparklines otherwise.
    pub(super) fn charts(&self, t: Theme, area: Rect, buf: &mut Buffer, large: bool) {
        let h = &self.session.history;
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
                let cols =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).split(*row);
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
        for (i, (name, data, max)) in series.iter().enumerate() {
            let [label, spark] =
                Layout::horizontal([Constraint::Length(18), Constraint::Fill(1)]).areas(rows[i]);
            let last = data.last().copied().unwrap_or(0.0);
            let width = spark.width as usize;
            let tail = &data[data.len().saturating_sub(width)..];
            // Scale to the window's own range so small moves show, but a
            // 0–100 figure over at least ten points: a morale that wanders
            // between 84% and 86% must not draw as a crash.
            // The label gives the data's own range; only the drawing widens.
            let hi = tail.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let lo = tail.iter().copied().fold(f64::INFINITY, f64::min);
            let min_span = if *max >= 100.0 { MIN_PERCENT_SPAN } else { 0.0 };
            let base = if hi - lo < min_span {
                (hi - min_span).max(0.0)
            } else {
                lo
            };
            Paragraph::new(vec![
                Line::styled(*name, t.title()),
                Line::raw(format!("{last:.1}")),
                Line::styled(range(lo, hi), t.dim()),
            ])
            .render(label, buf);
            let span = (hi - base).max(1e-9);
            let bars: Vec<u64> = tail
                .iter()
                .map(|x| 1 + ((x - base) / span * 99.0) as u64)
                .collect();
            Sparkline::default()
                .data(&bars)
                .style(t.good())
                .render(spark, buf);
        }
    }
}

/// The least range, in points, a 0–100 sparkline is drawn over.
const MIN_PERCENT_SPAN: f64 = 10.0;

/// A sparkline's range: enough digits that its two ends differ, or one
/// number when the series is flat.
fn range(lo: f64, hi: f64) -> String {
    if hi - lo < 1e-9 {
        format!("flat at {lo:.1}")
    } else if hi - lo < 0.1 {
        format!("{lo:.3}–{hi:.3}")
    } else if hi - lo < 1.0 {
        format!("{lo:.2}–{hi:.2}")
    } else {
        format!("{lo:.1}–{hi:.1}")
    }
}
