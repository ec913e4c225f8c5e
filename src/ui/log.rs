//! The news log: every line of a run with its week and what kind of news it
//! is, written once as the weeks are played (`Session::step`), and the news
//! panel's view of it — what is under way pinned at the top, then the rest
//! newest first with routine repeats folded into one line with a count. The
//! panel and the log overlay read this one list, so every line the panel
//! shows is a line of the log (a warning under way reads as it does this
//! week: the log keeps it as it was first given).

use super::warnings::risk_line;
use crate::engine::funding::raising;
use crate::engine::risk::risks;
use crate::engine::{Ending, News, Scenario, State};

/// The mark of a line that stays while what it says is under way.
pub const PINNED: &str = "▸ ";

/// Weeks between two repeats of a routine line that still fold together.
pub const FOLD_WEEKS: u32 = 13;

/// One line of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The week that ended when it happened (0: before the first week).
    pub week: u32,
    pub text: String,
    pub kind: Kind,
}

/// What a line of the log is, for the panel: whether it folds, or stays
/// pinned while what it announced is under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Said once, then it scrolls away.
    Notice,
    /// News that comes back week after week (offers, starts, departures,
    /// promotions, technology bets, par): repeats fold into one line.
    Routine,
    /// A raise started: pinned until the round closes, bridges or fails.
    Raise,
    /// A VP search started: pinned until the VP starts or it is called off.
    VpSearch,
    /// An ending on its way: pinned while it still is.
    Warning(Ending),
}

impl Kind {
    /// The kind of an engine news item's line.
    pub fn of(news: &News) -> Kind {
        match news {
            News::OffersAccepted(_)
            | News::Started(_)
            | News::Left(_)
            | News::Promoted
            | News::Bet { .. } => Kind::Routine,
            News::RaiseStarted { .. } => Kind::Raise,
            News::VpSearchStarted => Kind::VpSearch,
            _ => Kind::Notice,
        }
    }
}

/// A line of the news panel: an entry of the log, with the repeats folded
/// into it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a> {
    /// The newest entry of the line.
    pub entry: &'a Entry,
    /// How many entries of the log the line stands for (1: itself).
    pub repeats: u32,
    /// The week of the oldest of them.
    pub since: u32,
    /// Under way: kept at the top of the panel while it lasts.
    pub pinned: bool,
    /// A warning's line as it reads now (the weeks left, the figures), in
    /// place of the entry's, which said how it looked when it started.
    pub now: Option<String>,
}

impl Shown<'_> {
    /// The line's text: the entry's, with the repeats counted
    /// (`An engineer was promoted to manager. ×5 since w12`).
    pub fn text(&self) -> String {
        if let Some(now) = &self.now {
            now.clone()
        } else if self.repeats > 1 {
            format!(
                "{} ×{} since w{}",
                self.entry.text, self.repeats, self.since
            )
        } else {
            self.entry.text.clone()
        }
    }
}

/// The news panel's lines for `log` with the game at `s`: what is under way
/// first (a raise, a VP search, the warnings of endings still on their way,
/// each as it reads this week), newest first; then every other line newest first, a routine line folded
/// with its repeats while they come at most [`FOLD_WEEKS`] apart. At least
/// `room` lines, or all there are, each with its repeats fully counted.
pub fn panel<'a>(log: &'a [Entry], s: &State, sc: &Scenario, room: usize) -> Vec<Shown<'a>> {
    let pinned = under_way(log, s, sc);
    let mut lines: Vec<Shown<'a>> = pinned
        .iter()
        .map(|&i| {
            let e = &log[i];
            let now = match e.kind {
                Kind::Warning(ending) => risks(s, sc)
                    .iter()
                    .find(|r| r.ending == ending)
                    .map(|r| format!("Warning: {}", risk_line(r, sc, s))),
                _ => None,
            };
            Shown {
                entry: e,
                repeats: 1,
                since: e.week,
                pinned: true,
                now,
            }
        })
        .collect();
    // Lines whose repeats may still come (index in `lines`).
    let mut open: Vec<usize> = Vec::new();
    for (i, e) in log.iter().enumerate().rev() {
        open.retain(|&g| lines[g].since <= e.week + FOLD_WEEKS);
        if lines.len() >= room && open.iter().all(|&g| g >= room) {
            break;
        }
        if pinned.contains(&i) {
            continue;
        }
        if e.kind == Kind::Routine {
            if let Some(&g) = open.iter().find(|&&g| lines[g].entry.text == e.text) {
                lines[g].repeats += 1;
                lines[g].since = e.week;
                continue;
            }
            open.push(lines.len());
        }
        lines.push(Shown {
            entry: e,
            repeats: 1,
            since: e.week,
            pinned: false,
            now: None,
        });
    }
    lines
}

/// The entries of `log` (indices, newest first) that announced what is still
/// under way at `s`: the raise, the VP search, the warnings.
pub fn under_way(log: &[Entry], s: &State, sc: &Scenario) -> Vec<usize> {
    let last = |kind: Kind| log.iter().rposition(|e| e.kind == kind);
    let mut pinned = Vec::new();
    if raising(s, sc).is_some() {
        pinned.extend(last(Kind::Raise));
    }
    if s.people.vp_search.is_some() {
        pinned.extend(last(Kind::VpSearch));
    }
    for r in risks(s, sc) {
        pinned.extend(last(Kind::Warning(r.ending)));
    }
    pinned.sort_unstable_by(|a, b| b.cmp(a));
    pinned.dedup();
    pinned
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn entry(week: u32, text: &str, kind: Kind) -> Entry {
        Entry {
            week,
            text: text.into(),
            kind,
        }
    }

    fn start() -> (Arc<Scenario>, State) {
        let sc = Arc::new(Scenario::builtin("default").unwrap());
        let game = crate::engine::Game::new(Arc::clone(&sc), 1);
        let s = game.state().clone();
        (sc, s)
    }

    #[test]
    fn routine_repeats_a_few_weeks_apart_fold_into_one_line_with_a_count() {
        let (sc, s) = start();
        let promoted = "An engineer was promoted to manager.";
        let mut log = Vec::new();
        for week in (1..=45).step_by(2) {
            log.push(entry(week, promoted, Kind::Routine));
            log.push(entry(week, "Event: a fire", Kind::Notice));
        }
        let lines = panel(&log, &s, &sc, usize::MAX);
        let folded: Vec<_> = lines.iter().filter(|l| l.entry.text == promoted).collect();
        assert_eq!(folded.len(), 1, "{lines:?}");
        assert_eq!(folded[0].repeats, 23);
        assert_eq!(
            folded[0].text(),
            "An engineer was promoted to manager. ×23 since w1"
        );
        // Notices never fold.
        assert_eq!(lines.len(), 1 + 23);
    }

    #[test]
    fn repeats_further_apart_than_a_quarter_stay_apart() {
        let (sc, s) = start();
        let log = vec![
            entry(1, "1 offer accepted.", Kind::Routine),
            entry(2, "1 offer accepted.", Kind::Routine),
            entry(40, "1 offer accepted.", Kind::Routine),
        ];
        let lines = panel(&log, &s, &sc, usize::MAX);
        let counts: Vec<u32> = lines.iter().map(|l| l.repeats).collect();
        assert_eq!(counts, vec![1, 2]);
    }

    #[test]
    fn a_short_panel_still_counts_every_repeat_of_its_lines() {
        let (sc, s) = start();
        let log: Vec<Entry> = (1..=30)
            .map(|w| entry(w, "1 new engineer started.", Kind::Routine))
            .collect();
        let lines = panel(&log, &s, &sc, 1);
        assert_eq!(lines[0].repeats, 30);
    }
}
