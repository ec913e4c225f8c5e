//! "What if": a finished run played again with the same seed and the player's
//! own decisions, changing something from a turning point on — the VP kept,
//! coding capped, management or strategy raised, other hours, hiring to the
//! stage or more, refactoring raised, par followed, an event answered the
//! other way. The changes that would have moved the ending or the score most
//! are what the retrospective shows.
//!
//! After a run that did not win, the search looks harder: every lever from
//! more turning points, then the best levers two and three at a time, until
//! a change that wins is found or the levers run out.
//!
//! Each alternative is a pure re-simulation (the engine is deterministic); a
//! full-length run's whole search takes tens of milliseconds (BENCHMARKS.md).

mod lever;

use std::sync::Arc;

use crate::engine::scenario::Outcome;
use crate::engine::{score, Answer, Ending, Game, ReportingLine, Scenario, State};
use crate::run::RunRecord;
pub use lever::Lever;

/// One change and what it would have given.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// What was changed.
    pub lever: Lever,
    /// What was changed, for a player: "kept the VP reporting to you".
    pub change: String,
    /// The first week played differently (1-based): where to fork from.
    pub from_week: u32,
    pub ending: Ending,
    /// The week the alternative run ended.
    pub weeks: u32,
    pub score: f64,
}

/// How the run actually went, to compare with.
#[derive(Clone, Debug, PartialEq)]
pub struct Actual {
    pub ending: Ending,
    pub weeks: u32,
    pub score: f64,
}

/// How many levers the harder search combines at most.
const COMBINED: usize = 6;
/// How many of the best single levers the harder search joins.
const JOINED: usize = 8;

/// How `record`'s run went, and each alternative, best first (a better ending
/// before a better score). Alternatives that change nothing are left out.
pub fn what_ifs(record: &RunRecord, scenario: &Arc<Scenario>) -> (Actual, Vec<WhatIf>) {
    let pending = pending_events(record, scenario);
    let actual = replay(record, scenario, &pending, None);
    if record.ending.is_none() {
        return (actual, Vec::new()); // an unfinished run has no "instead" yet
    }
    let len = record.weeks.len();
    let singles = lever::candidates(record, scenario);
    let mut tried: Vec<WhatIf> = singles
        .iter()
        .map(|(l, from)| try_one(record, scenario, &pending, l.clone(), *from))
        .collect();
    let won = |ws: &[WhatIf]| {
        ws.iter()
            .any(|w| scenario.ending_outcome(w.ending) == Some(Outcome::Win))
    };
    let lost = scenario.ending_outcome(actual.ending) != Some(Outcome::Win);
    if lost && !won(&tried) {
        // Every lever from more turning points: the start, and each quarter.
        for (l, natural) in &singles {
            for from in [0, len / 4, len / 2, 3 * len / 4] {
                if from != *natural && from < len {
                    tried.push(try_one(record, scenario, &pending, l.clone(), from));
                }
            }
        }
    }
    if lost && !won(&tried) {
        tried.extend(combined(record, scenario, &pending, &tried));
    }
    let mut out: Vec<WhatIf> = tried
        .into_iter()
        .filter(|w| (w.score - actual.score).abs() > 0.05 || w.ending != actual.ending)
        .collect();
    out.sort_by(|a, b| {
        rank(b.ending, scenario)
            .cmp(&rank(a.ending, scenario))
            .then(b.score.total_cmp(&a.score))
            .then(a.from_week.cmp(&b.from_week))
    });
    // One line per change: its best turning point.
    let mut seen: Vec<Lever> = Vec::new();
    out.retain(|w| {
        let new = !seen.contains(&w.lever);
        seen.push(w.lever.clone());
        new
    });
    (actual, out)
}

/// A greedy climb: the best change so far, joined with each other lever in
/// turn (from the earlier of their turning points), keeping the best join
/// while it adds at least half a point, up to `COMBINED` levers at once.
fn combined(
    record: &RunRecord,
    sc: &Arc<Scenario>,
    pending: &[Vec<usize>],
    tried: &[WhatIf],
) -> Vec<WhatIf> {
    let Some(mut best) = tried
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .cloned()
    else {
        return Vec::new();
    };
    // The best few distinct levers (each at its best turning point) are
    // joined: a lever that moved nothing alone rarely moves a join.
    let mut ranked: Vec<&WhatIf> = tried.iter().collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut singles: Vec<&WhatIf> = Vec::new();
    for w in ranked {
        if singles.len() < JOINED && !singles.iter().any(|s| s.lever == w.lever) {
            singles.push(w);
        }
    }
    let mut out = Vec::new();
    for _ in 1..COMBINED {
        let joins: Vec<WhatIf> = singles
            .iter()
            .filter(|s| !best.lever.contains(&s.lever))
            .map(|s| {
                let lever = Lever::Both(Box::new(best.lever.clone()), Box::new(s.lever.clone()));
                let from = best.from_week.min(s.from_week) as usize - 1;
                try_one(record, sc, pending, lever, from)
            })
            .collect();
        let Some(next) = joins
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .cloned()
        else {
            break;
        };
        out.extend(joins);
        if next.score < best.score + 0.5 {
            break;
        }
        best = next;
        if sc.ending_outcome(best.ending) == Some(Outcome::Win) {
            break;
        }
    }
    out
}

fn try_one(
    record: &RunRecord,
    sc: &Arc<Scenario>,
    pending: &[Vec<usize>],
    lever: Lever,
    from: usize,
) -> WhatIf {
    let alt = replay(record, sc, pending, Some((from, &lever)));
    WhatIf {
        change: lever.describe(sc),
        lever,
        from_week: from as u32 + 1,
        ending: alt.ending,
        weeks: alt.weeks,
        score: alt.score,
    }
}

/// A win above the horizon above a loss.
fn rank(ending: Ending, sc: &Scenario) -> u8 {
    match sc.ending_outcome(ending) {
        Some(Outcome::Win) => 2,
        None => 1,
        Some(Outcome::Loss) => 0,
    }
}

/// The events pending before each recorded week of the original run, by
/// deck index: what the recorded answers answered. Computed once per search
/// (every alternative answers the same original).
fn pending_events(record: &RunRecord, sc: &Arc<Scenario>) -> Vec<Vec<usize>> {
    let mut orig = Game::new(Arc::clone(sc), record.seed);
    let mut out = Vec::with_capacity(record.weeks.len());
    for i in 0..record.weeks.len() {
        out.push(orig.state().pending.iter().map(|p| p.event).collect());
        // The original follows the record through the one replay
        // (`run::replay`); a week it could not replay leaves it there.
        if orig.is_over()
            || crate::run::replay::weeks(record, "what if", &mut orig, i..i + 1).is_err()
        {
            break;
        }
    }
    out
}

/// Play `record` again, changed from week index `from` on by `lever`. The
/// recorded answers are given to the same events when they are pending in
/// the alternative too (`pending`: the original's, from [`pending_events`]).
/// An alternative that outlives the recorded run goes on with the last
/// recorded week's decision (changed the same way) until it ends.
fn replay(
    record: &RunRecord,
    sc: &Arc<Scenario>,
    pending: &[Vec<usize>],
    change: Option<(usize, &Lever)>,
) -> Actual {
    let mut alt = Game::new(Arc::clone(sc), record.seed);
    let last = record.weeks.len().saturating_sub(1);
    let mut i = 0;
    while !alt.is_over() {
        let Some(w) = record.weeks.get(i.min(last)) else {
            break;
        };
        let changed = change.filter(|(from, _)| i >= *from).map(|(_, l)| l);
        let mut d = match changed {
            Some(lever) => lever.apply(&w.decision, alt.state(), sc),
            None => w.decision.clone(),
        };
        d.answers = match pending.get(i) {
            Some(orig) if i <= last => answers_for(&w.decision.answers, orig, alt.state()),
            _ => Vec::new(),
        };
        if let Some(lever) = changed {
            lever.answer(&mut d.answers, alt.state());
        }
        d.vp_lines
            .resize(alt.state().people.vps.len(), ReportingLine::Cto);
        let d = crate::policy::within_limits(d, sc);
        if alt.step(&d).is_err() {
            // Not playable here (the run diverged too far): play the week as
            // the organisation would, with the recorded split.
            let fallback = crate::engine::Decision {
                answers: Vec::new(),
                vp_lines: alt.state().people.vps.iter().map(|v| v.line).collect(),
                ..d
            };
            if alt.step(&fallback).is_err() {
                break;
            }
        }
        i += 1;
    }
    let s = alt.state();
    Actual {
        ending: s.ending.unwrap_or(Ending::TimeUp),
        weeks: s.week,
        score: score(s, sc),
    }
}

/// The recorded answers, moved to the same events where they are pending in
/// the alternative run (`orig`: the events pending in the original).
fn answers_for(recorded: &[Answer], orig: &[usize], alt: &State) -> Vec<Answer> {
    recorded
        .iter()
        .filter_map(|a| {
            let event = *orig.get(a.pending)?;
            let pending = alt.pending.iter().position(|p| p.event == event)?;
            Some(Answer {
                pending,
                choice: a.choice,
            })
        })
        .collect()
}

impl WhatIf {
    /// `Had you kept the VP reporting to you from week 120: ipo at week 241,
    /// score 98 (you: puppet at week 189, score 50).`
    pub fn sentence(&self, actual: &Actual, sc: &Scenario) -> String {
        format!(
            "Had you {} from week {}: {} at week {}, score {:.0} (you: {} at week {}, score {:.0}).",
            self.change,
            self.from_week,
            in_sentence(sc.ending_title(self.ending)),
            self.weeks,
            self.score,
            in_sentence(sc.ending_title(actual.ending)),
            actual.weeks,
            actual.score
        )
    }
}

/// `title` inside a sentence: a scenario's own title ("You graduated")
/// starts lower-case; an acronym ("IPO") stays.
fn in_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_string(),
    }
}

/// How many alternatives the retrospective shows.
pub const SHOWN: usize = 3;
