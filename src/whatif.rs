//! "What if": a finished run played again with the same seed and the player's
//! own decisions, changing one thing from one turning point on — the VP kept,
//! coding capped, management raised, hours at 40, hiring to the stage,
//! refactoring raised, an event answered the other way. The changes that would
//! have moved the ending or the score most are what the retrospective shows.
//!
//! Each alternative is a pure re-simulation (the engine is deterministic), so a
//! full-length run takes a few milliseconds for all of them together.

use std::sync::Arc;

use crate::engine::par::par;
use crate::engine::stage::typical_engineers;
use crate::engine::{
    score, Activity, Answer, Attention, Decision, Ending, Game, ReportingLine, Scenario, State,
};
use crate::run::RunRecord;

/// One change and what it would have given.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// What was changed, for a player: "kept the VP reporting to you".
    pub change: &'static str,
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

/// A change to the recorded decisions: given the week's index, the recorded
/// decision and the alternative run's state, the decision to play instead.
type Change = fn(usize, &Decision, &State, &Scenario) -> Decision;

/// The alternatives, each with its turning point in the recorded run.
fn changes(record: &RunRecord, sc: &Scenario) -> Vec<(&'static str, usize, Change)> {
    let weeks = &record.weeks;
    let first = |pred: &dyn Fn(&Decision) -> bool| weeks.iter().position(|w| pred(&w.decision));
    let mut out: Vec<(&'static str, usize, Change)> = Vec::new();
    if let Some(w) = first(&|d| d.vp_lines.iter().any(|l| *l != ReportingLine::Cto)) {
        out.push(("kept the VP reporting to you", w, keep_vp));
    }
    if let Some(w) = first(&|d| d.attention.coding > 30) {
        out.push(("capped your coding at 20%", w, cap_coding));
    }
    if let Some(w) = first(&|d| d.attention.management < 25) {
        out.push((
            "spent a quarter of the week on management",
            w,
            more_management,
        ));
    }
    if let Some(w) = first(&|d| d.hours != 40) {
        out.push(("worked 40 hours a week", w, forty_hours));
    }
    out.push((
        "hired to the stage (5, 12, 30, 55, 90 engineers) with par's recruiting time",
        0,
        hire_to_stage,
    ));
    if let Some(w) = first(&|d| d.hiring.engineers > 0) {
        out.push(("hired half as fast", w, hire_slower));
    }
    let max_refactor = sc.params.engineering.max_refactor_pct;
    if max_refactor >= 30 {
        if let Some(w) = first(&|d| d.refactor_pct < 30) {
            out.push(("protected 30% for refactoring", w, more_refactoring));
        }
    }
    out
}

fn keep_vp(_: usize, d: &Decision, _: &State, _: &Scenario) -> Decision {
    Decision {
        vp_lines: vec![ReportingLine::Cto; d.vp_lines.len()],
        ..d.clone()
    }
}

fn cap_coding(_: usize, d: &Decision, _: &State, _: &Scenario) -> Decision {
    let a = d.attention;
    if a.coding <= 20 {
        return d.clone();
    }
    let freed = a.coding - 20;
    Decision {
        attention: Attention::new(a.strategy, a.hiring, 20, a.management + freed),
        ..d.clone()
    }
}

fn more_management(_: usize, d: &Decision, _: &State, _: &Scenario) -> Decision {
    let a = d.attention;
    if a.management >= 25 {
        return d.clone();
    }
    // Take the time from the biggest other share.
    let mut shares = a.percents();
    let needed = 25 - a.management;
    let from = [Activity::Strategy, Activity::Hiring, Activity::Coding]
        .into_iter()
        .max_by_key(|x| shares[*x])
        .unwrap_or(Activity::Coding);
    let moved = needed.min(shares[from]);
    shares[from] -= moved;
    shares[Activity::Management] += moved;
    let [s, h, c, m] = shares.0;
    Decision {
        attention: Attention::new(s, h, c, m),
        ..d.clone()
    }
}

fn forty_hours(_: usize, d: &Decision, _: &State, _: &Scenario) -> Decision {
    Decision {
        hours: 40,
        ..d.clone()
    }
}

/// Targets at the stage's norm, with the recruiting time par gives them
/// (taken from the largest other share).
fn hire_to_stage(_: usize, d: &Decision, s: &State, sc: &Scenario) -> Decision {
    let mut d = d.clone();
    let n = s.people.engineers();
    d.hiring.engineers = d.hiring.engineers.max(typical_engineers(s.company.stage));
    d.hiring.managers = d.hiring.managers.max(if n >= 10 { n / 7 } else { 0 });
    let wanted = par(s, &sc.params, d.hours, d.hiring.engineers)
        .attention
        .hiring;
    let mut shares = d.attention.percents();
    while shares[Activity::Hiring] < wanted {
        let from = [Activity::Strategy, Activity::Coding, Activity::Management]
            .into_iter()
            .max_by_key(|x| shares[*x])
            .unwrap_or(Activity::Coding);
        let moved = (wanted - shares[Activity::Hiring]).min(shares[from]);
        if moved == 0 {
            break;
        }
        shares[from] -= moved;
        shares[Activity::Hiring] += moved;
    }
    let [st, h, c, m] = shares.0;
    d.attention = Attention::new(st, h, c, m);
    d
}

fn hire_slower(_: usize, d: &Decision, s: &State, _: &Scenario) -> Decision {
    let mut d = d.clone();
    let n = s.people.engineers();
    let wanted = d.hiring.engineers;
    if wanted > n {
        d.hiring.engineers = n + (wanted - n) / 2;
    }
    d
}

fn more_refactoring(_: usize, d: &Decision, _: &State, _: &Scenario) -> Decision {
    Decision {
        refactor_pct: d.refactor_pct.max(30),
        ..d.clone()
    }
}

/// How `record`'s run went, and each alternative, best first (a better ending
/// before a better score). Alternatives that change nothing are left out.
pub fn what_ifs(record: &RunRecord, scenario: &Arc<Scenario>) -> (Actual, Vec<WhatIf>) {
    let actual = replay(record, scenario, None);
    if record.ending.is_none() {
        return (actual, Vec::new()); // an unfinished run has no "instead" yet
    }
    let mut out: Vec<WhatIf> = changes(record, scenario)
        .into_iter()
        .map(|(change, from, f)| {
            let alt = replay(record, scenario, Some((from, f)));
            WhatIf {
                change,
                from_week: from as u32 + 1,
                ending: alt.ending,
                weeks: alt.weeks,
                score: alt.score,
            }
        })
        .filter(|w| (w.score - actual.score).abs() > 0.05 || w.ending != actual.ending)
        .collect();
    out.sort_by(|a, b| {
        rank(b.ending, scenario)
            .cmp(&rank(a.ending, scenario))
            .then(b.score.total_cmp(&a.score))
    });
    (actual, out)
}

/// A win above the horizon above a loss.
fn rank(ending: Ending, sc: &Scenario) -> u8 {
    match sc.ending_outcome(ending) {
        Some(crate::engine::scenario::Outcome::Win) => 2,
        None => 1,
        Some(crate::engine::scenario::Outcome::Loss) => 0,
    }
}

/// Play `record` again, changed from week index `from` on by `change`. The
/// original is played in lockstep so that recorded answers are given to the
/// same events when they are pending in the alternative too. An alternative
/// that outlives the recorded run goes on with the last recorded week's
/// decision (changed the same way) until it ends.
fn replay(record: &RunRecord, sc: &Arc<Scenario>, change: Option<(usize, Change)>) -> Actual {
    let mut alt = Game::new(Arc::clone(sc), record.seed);
    let mut orig = Game::new(Arc::clone(sc), record.seed);
    let last = record.weeks.len().saturating_sub(1);
    let mut i = 0;
    while !alt.is_over() {
        let Some(w) = record.weeks.get(i.min(last)) else {
            break;
        };
        let mut d = match change {
            Some((from, f)) if i >= from => f(i, &w.decision, alt.state(), sc),
            _ => w.decision.clone(),
        };
        d.answers = if i <= last {
            answers_for(&w.decision.answers, orig.state(), alt.state())
        } else {
            Vec::new()
        };
        d.vp_lines
            .resize(alt.state().people.vps.len(), ReportingLine::Cto);
        let d = crate::policy::within_limits(d, sc);
        if alt.step(&d).is_err() {
            // Not playable here (the run diverged too far): play the week as
            // the organisation would, with the recorded split.
            let fallback = Decision {
                answers: Vec::new(),
                vp_lines: alt.state().people.vps.iter().map(|v| v.line).collect(),
                ..d
            };
            if alt.step(&fallback).is_err() {
                break;
            }
        }
        if i <= last && !orig.is_over() {
            // The original follows the record through the one replay
            // (`run::replay`); a week it could not replay leaves it there.
            crate::run::replay::weeks(record, "what if", &mut orig, i..i + 1).ok();
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
/// the alternative run.
fn answers_for(recorded: &[Answer], orig: &State, alt: &State) -> Vec<Answer> {
    recorded
        .iter()
        .filter_map(|a| {
            let event = orig.pending.get(a.pending)?.event;
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
            sc.ending_id(self.ending),
            self.weeks,
            self.score,
            sc.ending_id(actual.ending),
            actual.weeks,
            actual.score
        )
    }
}

/// How many alternatives the retrospective shows.
pub const SHOWN: usize = 3;
