//! The end screen: how the run ended, its charts, where influence moved, the
//! player's attention by stage against par, and tips for next time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::engine::{score, Ending};
use crate::ui::keymap::Context;
use crate::ui::money::money;
use crate::ui::screens::week::Week;
use crate::ui::story::{attention_by_stage, attention_row, biggest_moves};
use crate::ui::theme::Theme;
use crate::ui::tips::tips;
use crate::ui::widgets::{hint_bar, line_chart, scrolled_panel};

/// Draw the end of `play`'s run, the story scrolled down by `scroll` lines
/// (kept so that its last line stays in view); returns how far it can scroll.
pub fn render(play: &Week, t: Theme, scroll: u16, area: Rect, buf: &mut Buffer) -> u16 {
    let session = &play.session;
    let game = session.game();
    let s = game.state();
    let sc = game.scenario();
    let ending = s.ending.unwrap_or(Ending::TimeUp);
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
    let h = &session.history;
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
    let (actual, alternatives) = play.retrospective();
    if !alternatives.is_empty() {
        lines.push(Line::styled("What if", t.title()));
        // The two that matter most; `cto-sim report` lists three.
        for w in alternatives.iter().take(2) {
            lines.push(Line::raw(format!(" · {}", w.sentence(actual, sc))));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Next time", t.title()));
    for tip in tips(ending, s) {
        lines.push(Line::raw(format!(" · {tip}")));
    }
    let limit = scrolled_panel(lines, "The run", scroll, false, t, right, buf);
    hint_bar(Context::End, t, keys.width).render(keys, buf);
    limit
}
