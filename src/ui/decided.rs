//! "What decided it": the first paragraph of a finished run's story (the end
//! screen and `cto-sim report`). It names the decision that made the ending,
//! from what the player did, week by week: the reporting line given away,
//! the week spent coding, the team never grown, strategy left to drift.

use super::money::money;
use super::session::{Session, WeekPoint};
use crate::engine::outcome::target_arr;
use crate::engine::scenario::Outcome;
use crate::engine::{Activity, Ending, ReportingLine};
use crate::run::RunRecord;

/// Share of the week spent coding, on average, that makes coding the story.
const CODING_HEAVY: f64 = 30.0;
/// Share of weeks with no engineer wanted beyond the team that makes hiring
/// the story (as does a team that never doubled).
const HIRING_HELD: f64 = 0.8;
/// Points of strategy below the par shown, on average, that make strategy
/// the story.
const STRATEGY_SHORT: f64 = 15.0;

/// What decided the ending of `session`'s run, in a few sentences a player
/// reads first; `None` while the run goes on.
pub fn decided(session: &Session) -> Option<String> {
    let s = session.state();
    let sc = session.scenario();
    let ending = s.ending?;
    let h = &session.history;
    let record = session.record();
    let won = sc.ending_outcome(ending) == Some(Outcome::Win);
    let coding = mean(h, |w| f64::from(w.attention.get(Activity::Coding)));
    let last = h.last()?;
    let mut text = match ending {
        _ if won => carried(h, record),
        Ending::Puppet | Ending::Fired => match handover(record) {
            Some((week, forum)) => reporting_line(h, week, forum),
            None if ending == Ending::Fired => {
                "What decided it: delivery. The board judged what the team shipped against what the business needed, and your credits ran out before it turned.".into()
            }
            None => "What decided it: management. Your authority over the organisation wore away with the time you gave it.".into(),
        },
        Ending::TenXProgrammer => format!(
            "What decided it: coding. You spent {coding:.0}% of your week coding on average ({} weeks at 40% or more); the team stayed at {} engineers and the company stopped looking to you for direction.",
            h.iter().filter(|w| w.attention.get(Activity::Coding) >= 40).count(),
            last.engineers
        ),
        _ => {
            let held = held_hiring(h, record);
            let strategy = mean(h, |w| f64::from(w.attention.get(Activity::Strategy)));
            let par = mean(h, |w| f64::from(w.par.get(Activity::Strategy)));
            let first = h.first().map_or(0, |w| w.engineers);
            let peak = h.iter().map(|w| w.engineers).max().unwrap_or(0);
            if held >= HIRING_HELD || peak < 2 * first.max(2) {
                format!(
                    "What decided it: hiring. The team never grew: {first} engineers at the start, {} at the end, never more than {peak}{}. ARR follows what the team can build, and \"Engineers wanted\" is yours to raise.",
                    last.engineers,
                    if s.company.cash > 0.0 {
                        format!(", with {} in the bank", money(s.company.cash))
                    } else {
                        String::new()
                    }
                )
            } else if coding >= CODING_HEAVY {
                format!(
                    "What decided it: coding. You spent {coding:.0}% of your week coding on average, time the business needed for strategy and the team."
                )
            } else if strategy + STRATEGY_SHORT <= par {
                format!(
                    "What decided it: strategy. You spent {strategy:.0}% of your week on strategy on average, against a par of {par:.0}%: the team built what the business did not need."
                )
            } else if ending == Ending::OutOfCash {
                format!(
                    "What decided it: the burn. The team grew to {} engineers before revenue could pay for them, and no round came in time.",
                    last.engineers
                )
            } else {
                "What decided it: the pace. Your choices were sound but the company grew too slowly; the changes below are the ones that would have moved it most.".into()
            }
        }
    };
    let goal = target_arr(sc);
    if !won && s.company.arr < goal {
        text.push_str(&format!(
            " ARR reached {} of the {} the goal asks for.",
            money(s.company.arr),
            money(goal)
        ));
    }
    Some(text)
}

/// The mean of `f` over the weeks played.
fn mean(h: &[WeekPoint], f: impl Fn(&WeekPoint) -> f64) -> f64 {
    if h.is_empty() {
        return 0.0;
    }
    h.iter().map(f).sum::<f64>() / h.len() as f64
}

/// The first week (1-based) a VP stopped reporting to the CTO, and whether a
/// forum was kept then.
fn handover(record: &RunRecord) -> Option<(u32, bool)> {
    record.weeks.iter().enumerate().find_map(|(i, w)| {
        w.decision.vp_lines.iter().find_map(|l| match l {
            ReportingLine::Ceo { forum } => Some((i as u32 + 1, *forum)),
            ReportingLine::Cto => None,
        })
    })
}

/// The reporting line given away in `week`, and what authority did after.
fn reporting_line(h: &[WeekPoint], week: u32, forum: bool) -> String {
    let at = |wk: u32| {
        h.iter()
            .find(|w| w.week + 1 >= wk)
            .map_or(0.0, |w| w.authority * 100.0)
    };
    let end = h.last().map_or(0.0, |w| w.authority * 100.0);
    format!(
        "What decided it: the reporting line. In week {week} you gave the VP's line to the CEO{}; without the power to assign important work your authority fell from {:.0} to {end:.0}, and influence followed it.",
        if forum { " (with a forum you could not keep up)" } else { " without a shared-responsibility forum" },
        at(week)
    )
}

/// The share of weeks whose engineers wanted were no more than the team.
fn held_hiring(h: &[WeekPoint], record: &RunRecord) -> f64 {
    let weeks = record.weeks.len().min(h.len());
    if weeks == 0 {
        return 0.0;
    }
    let held = (0..weeks)
        .filter(|&i| {
            let before = if i == 0 {
                h[0].engineers
            } else {
                h[i - 1].engineers
            };
            record.weeks[i].decision.hiring.engineers <= before
        })
        .count();
    held as f64 / weeks as f64
}

/// What carried a win: the team grown, the line kept, the week's strategy.
fn carried(h: &[WeekPoint], record: &RunRecord) -> String {
    let engineers = h.last().map_or(0, |w| w.engineers);
    let strategy = mean(h, |w| f64::from(w.attention.get(Activity::Strategy)));
    let line = match handover(record) {
        None => "kept every VP reporting to you",
        Some((_, true)) => "shared responsibility with the other executives",
        Some((_, false)) => "won through despite giving a reporting line away",
    };
    format!(
        "What carried it: you grew the team to {engineers} engineers, {line}, and spent {strategy:.0}% of your week on strategy on average."
    )
}
