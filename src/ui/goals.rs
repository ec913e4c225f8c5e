//! What wins and what loses, in words a player reads: the scenario's own win
//! conditions with progress, or the IPO rule and the next funding bar.

use crate::engine::events::{Condition, Op};
use crate::engine::funding::{next_round, raising, Raising};
use crate::engine::scenario::{CustomEnding, Outcome};
use crate::engine::{Scenario, State};
use crate::ui::money::money;
use crate::ui::text::plural;
use ratatui::text::Line;

/// One line of at most `width` cells where it can be: the goal of `sc`, with
/// progress in `s`. A scenario's win with many conditions falls back to a
/// compact form (`engineers 12/24, morale 65/65%, … (8 wk)`, or `(3/8 wk)`
/// once it has held three weeks) on a narrow terminal; what still does not
/// fit is cut by the screen.
///
/// While a round is being raised the line says so first, in every week of
/// the raise (with the goal after it where there is room), in the one form
/// the terminal's width picks ([`raise_line`]): it does not change from week
/// to week, nor when the forecast comes in.
pub fn goal_line_within(sc: &Scenario, s: &State, width: u16) -> String {
    let fits = |line: &str| Line::raw(line).width() <= usize::from(width);
    if let Some(r) = raising(s, sc) {
        let raise = raise_line(&r, width);
        let with_goal = format!("{raise} · {}", goal_line(sc, s));
        return if fits(&with_goal) { with_goal } else { raise };
    }
    let full = goal_line(sc, s);
    if Line::raw(full.as_str()).width() <= usize::from(width) {
        return full;
    }
    match first_win(sc) {
        Some((i, win)) => {
            let parts: Vec<String> = win.when.iter().map(|c| compact(c, s)).collect();
            let weeks = match held(s, i) {
                _ if win.for_weeks <= 1 => String::new(),
                0 => format!(" ({} wk)", win.for_weeks),
                n => format!(" ({n}/{} wk)", win.for_weeks),
            };
            format!("{}{weeks}", parts.join(", "))
        }
        None => full,
    }
}

/// The goal line of at most `width` cells, and the forecast's words (`plan`:
/// long and short) to go after it where they fit: after the whole goal line,
/// else after the goal without the next round, or during a raise after the
/// raise's short line. `None` for the words when there is no room.
pub fn goal_and_plan(
    sc: &Scenario,
    s: &State,
    width: u16,
    plan: Option<&[String; 2]>,
) -> (String, Option<String>) {
    let base = goal_line_within(sc, s, width);
    let Some([long, short]) = plan else {
        return (base, None);
    };
    let fits = |goal: &str, words: &str| {
        Line::raw(format!("{goal} · {words}")).width() <= usize::from(width)
    };
    let mut goals = vec![base.clone()];
    match raising(s, sc) {
        // The raise's line without the goal leaves room for the plan; its
        // form stays the one the width picks.
        Some(r) => goals.push(raise_line(&r, width)),
        None if first_win(sc).is_none() => goals.push(ipo_goal(sc, s)),
        None => {}
    }
    for goal in goals {
        for words in [long, short] {
            if fits(&goal, words) {
                return (goal, Some(words.clone()));
            }
        }
    }
    (base, None)
}

/// The scenario's first win ending, with its index.
fn first_win(sc: &Scenario) -> Option<(usize, &CustomEnding)> {
    sc.endings
        .iter()
        .enumerate()
        .find(|(_, e)| e.outcome == Outcome::Win)
}

/// Weeks in a row the scenario's ending `i` has held so far.
fn held(s: &State, i: usize) -> u32 {
    s.ending_streaks.get(i).copied().unwrap_or(0)
}

/// One line: the goal of `sc`, with progress in `s`.
pub fn goal_line(sc: &Scenario, s: &State) -> String {
    // A scenario's own win comes first; it usually arrives before an IPO could.
    if let Some((i, win)) = first_win(sc) {
        let parts: Vec<String> = win.when.iter().map(|c| progress(c, s)).collect();
        let weeks = match held(s, i) {
            _ if win.for_weeks <= 1 => String::new(),
            0 => format!(" for {}", plural(win.for_weeks, "week")),
            n => format!(" for {} (held {n})", plural(win.for_weeks, "week")),
        };
        return format!("Goal: {}{weeks}", parts.join(" · "));
    }
    let mut line = ipo_goal(sc, s);
    if let Some(round) = next_round(s, sc) {
        line.push_str(&format!(
            " · next round {} (burn ≤{}×)",
            money(round.arr_bar),
            sc.params.business.max_burn_multiple
        ));
    }
    line
}

/// `Goal: IPO at $75.0M ARR, Series C+ · now $1.2M`.
fn ipo_goal(sc: &Scenario, s: &State) -> String {
    let e = &sc.params.endings;
    format!(
        "Goal: IPO at {} ARR, {}+ · now {}",
        money(e.ipo_arr),
        e.ipo_stage.label(),
        money(s.company.arr)
    )
}

/// The columns from which the header shows a raise in its long form: under
/// them, the short one, whatever else the line holds, so the raise's words
/// keep their place from week to week.
pub const LONG_RAISE_FROM: u16 = 160;

/// A raise under way as the header shows it at `width` columns.
pub fn raise_line(r: &Raising, width: u16) -> String {
    raise_words(r, width < LONG_RAISE_FROM)
}

/// A raise under way, in words: `Raising Series A · week 6 of 12–24, closes
/// then whatever ARR does · investors want ARR $1.7M–$2.3M, burn ≤3.5× (now
/// $1.6M, 2.1×)`, or in
/// `short` form `Raising Series A · wk 6 (12–24) · ARR $1.6M of $1.7M–$2.3M · burn
/// 2.1× (≤3.5×)`.
pub fn raise_words(r: &Raising, short: bool) -> String {
    let [low, high] = r.asks();
    let burn = r.burn_multiple.min(99.0);
    if short {
        return format!(
            "Raising {} · wk {} ({}–{}) · ARR {} of {}–{} · burn {burn:.1}× (≤{}×)",
            r.to.label(),
            r.week,
            r.takes[0],
            r.takes[1],
            money(r.arr),
            money(low),
            money(high),
            r.max_burn
        );
    }
    format!(
        "Raising {} · week {} of {}–{}, closes then whatever ARR does · investors want ARR {}–{}, burn ≤{}× (now {}, {burn:.1}×)",
        r.to.label(),
        r.week,
        r.takes[0],
        r.takes[1],
        money(low),
        money(high),
        r.max_burn,
        money(r.arr)
    )
}

/// `ARR $1.2M of $4M`, `debt tax 41% (≤ 30%)`: a condition and where the run is.
fn progress(c: &Condition, s: &State) -> String {
    let (name, now, target) = parts(c, s);
    match c.op {
        Op::AtLeast | Op::Above => format!("{name} {now} of {target}"),
        Op::AtMost => format!("{name} {now} (≤ {target})"),
        Op::Below => format!("{name} {now} (< {target})"),
    }
}

/// `ARR $1.2M/$4.0M`, `morale 65/65%`, `debt tax 41% ≤30%`: the same, shorter.
fn compact(c: &Condition, s: &State) -> String {
    let (name, now, target) = parts(c, s);
    match c.op {
        Op::AtLeast | Op::Above => {
            // One percent sign for two percentages.
            let now = match now.strip_suffix('%') {
                Some(n) if target.ends_with('%') => n.to_string(),
                _ => now,
            };
            format!("{name} {now}/{target}")
        }
        Op::AtMost => format!("{name} {now} ≤{target}"),
        Op::Below => format!("{name} {now} <{target}"),
    }
}

/// A condition's metric in words, its value in `s` and its threshold, formatted.
fn parts(c: &Condition, s: &State) -> (String, String, String) {
    let name = match c.metric {
        crate::engine::events::Metric::Arr => "ARR".to_string(),
        m => m.name().replace('_', " "),
    };
    (
        name,
        c.metric.format(c.metric.read(s)),
        c.metric.format(c.value),
    )
}

/// How a run of `sc` can end, for the picker: the wins, then the ways to lose.
pub fn endings_summary(sc: &Scenario) -> Vec<String> {
    let e = &sc.params.endings;
    let mut wins = vec![format!(
        "an IPO at {} ARR from {}",
        money(e.ipo_arr),
        e.ipo_stage.label()
    )];
    let mut losses = vec![
        "running out of cash".to_string(),
        "being fired".to_string(),
        "becoming a puppet".to_string(),
        "becoming a \"10x programmer\"".to_string(),
    ];
    for end in &sc.endings {
        match end.outcome {
            Outcome::Win => wins.insert(0, end.title.clone()),
            Outcome::Loss => losses.push(end.title.clone()),
        }
    }
    vec![
        format!("Win: {}", wins.join("; or ")),
        format!("Lose: {}", losses.join(", ")),
        format!(
            "Otherwise the run ends after {}.",
            plural(sc.horizon_weeks, "week")
        ),
    ]
}
