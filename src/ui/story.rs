//! The story of a run, shared by the end screen and `cto-sim report`.

use super::money::money;
use super::session::{Session, WeekPoint};
use super::tips::tips;
use crate::engine::{score, Activity, Cause, Ending, Scenario, Stage};
use crate::untrusted::one_line;

/// The weeks where influence moved most: (week, net move in points, main
/// cause). An event is named, with the choice taken.
pub fn biggest_moves(
    history: &[WeekPoint],
    scenario: &Scenario,
    n: usize,
) -> Vec<(u32, f64, String)> {
    let mut moves: Vec<(u32, f64, String)> = history
        .iter()
        .map(|w| {
            let net: f64 = w.ledger.iter().map(|e| e.influence_points).sum();
            let cause = w
                .ledger
                .iter()
                .max_by(|a, b| {
                    a.influence_points
                        .abs()
                        .total_cmp(&b.influence_points.abs())
                })
                .map_or(String::new(), |e| match e.cause {
                    Cause::Event(i) => event_cause(history, scenario, w.week, i),
                    other => other.label().to_string(),
                });
            (w.week, net, cause)
        })
        .collect();
    moves.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    moves.truncate(n);
    moves
}

/// Event `i` of the deck by its title, with the choice last taken for it by
/// `week` (a spread lands weeks after the choice).
fn event_cause(history: &[WeekPoint], scenario: &Scenario, week: u32, i: usize) -> String {
    let Some(event) = scenario.events.get(i) else {
        return "event".into();
    };
    let choice = history
        .iter()
        .rev()
        .filter(|w| w.week <= week)
        .find_map(|w| w.settled.iter().rev().find(|(e, _)| *e == i))
        .and_then(|&(_, c)| event.choices.get(c));
    match choice {
        Some(choice) => format!(
            "event \"{}\": \"{}\"",
            one_line(&event.title),
            one_line(&choice.label)
        ),
        None => format!("event \"{}\"", one_line(&event.title)),
    }
}

/// The player's mean attention in each stage played, and the mean of the
/// par the screen showed in that stage's weeks: both are averages of what
/// was on screen, so a stage whose par moved with the team reads as its
/// typical week, not as one split that happened to repeat.
pub fn attention_by_stage(history: &[WeekPoint]) -> Vec<(Stage, [f64; 4], [f64; 4])> {
    Stage::ALL
        .iter()
        .filter_map(|&stage| {
            let weeks: Vec<&WeekPoint> = history.iter().filter(|w| w.stage == stage).collect();
            if weeks.is_empty() {
                return None;
            }
            let n = weeks.len() as f64;
            let mean = |get: &dyn Fn(&WeekPoint) -> u8| {
                weeks.iter().map(|w| f64::from(get(w))).sum::<f64>() / n
            };
            let played = Activity::ALL.map(|a| mean(&|w| w.attention.get(a)));
            let par = Activity::ALL.map(|a| mean(&|w| w.par.get(a)));
            Some((stage, played, par))
        })
        .collect()
}

/// One stage's mean attention against its mean par:
/// `Series A   30/ 25/ 15/ 30  (30/25/15/30)`.
pub fn attention_row(stage: Stage, a: &[f64; 4], par: &[f64; 4]) -> String {
    format!(
        "{:<9} {:>3.0}/{:>3.0}/{:>3.0}/{:>3.0}  ({:.0}/{:.0}/{:.0}/{:.0})",
        stage.label(),
        a[0],
        a[1],
        a[2],
        a[3],
        par[0],
        par[1],
        par[2],
        par[3]
    )
}

/// The run as Markdown, for sharing: what the end screen shows.
pub fn markdown(session: &Session) -> String {
    let game = session.game();
    let s = game.state();
    let sc = game.scenario();
    let ending = s.ending.unwrap_or(Ending::TimeUp);
    let mut md = String::new();
    let mut line = |l: String| {
        md.push_str(&l);
        md.push('\n');
    };
    // The scenario's texts hold one line each here: a line break in them
    // would forge lines of the report.
    line(format!("# {} — seed {}", one_line(&sc.name), game.seed()));
    line(String::new());
    if s.ending.is_some() {
        line(format!("**{}**", one_line(sc.ending_headline(ending))));
    } else {
        line("**The run is still in progress.**".into());
    }
    line(String::new());
    if let Some(decided) = super::decided::decided(session) {
        line(decided);
        line(String::new());
    }
    line(format!(
        "Ending `{}` after {} · score {:.1} · ARR {} · cash {} · headcount {} · influence {:.0} · authority {:.0}",
        if s.ending.is_some() { sc.ending_id(ending) } else { "none yet" },
        crate::ui::text::plural(s.week, "week"),
        score(s, sc),
        money(s.company.arr),
        money(s.company.cash),
        s.people.headcount(),
        s.influence_points(),
        s.authority_points()
    ));
    line(String::new());
    line("## Year by year".into());
    line(String::new());
    line("| week | stage | cash | ARR | influence | authority | morale |".into());
    line("|---:|---|---:|---:|---:|---:|---:|".into());
    for w in session
        .history
        .iter()
        .filter(|w| w.week % 52 == 0 || w.week == s.week)
    {
        line(format!(
            "| {} | {} | {} | {} | {:.0} | {:.0} | {:.0}% |",
            w.week,
            w.stage.label(),
            money(w.cash),
            money(w.arr),
            w.influence * 100.0,
            w.authority * 100.0,
            w.morale * 100.0
        ));
    }
    line(String::new());
    line("## Where influence moved most".into());
    line(String::new());
    for (w, net, cause) in biggest_moves(&session.history, sc, 5) {
        line(format!("- week {w}: {net:+.1} points ({cause})"));
    }
    line(String::new());
    line("## Attention by stage (strategy/hiring/coding/management, mean par in brackets)".into());
    line(String::new());
    for (stage, a, par) in attention_by_stage(&session.history) {
        line(format!("- {}", attention_row(stage, &a, &par)));
    }
    line(String::new());
    for l in what_if_section(session) {
        line(l);
    }
    line(String::new());
    line("## Next time".into());
    line(String::new());
    for tip in tips(ending, s, sc) {
        line(format!("- {tip}"));
    }
    md
}

/// The "What if" section of the report, a line each.
fn what_if_section(session: &Session) -> Vec<String> {
    let sc = session.scenario();
    let (actual, alternatives) =
        crate::whatif::what_ifs(session.record(), session.game().scenario_arc());
    let mut lines = vec!["## What if".to_string(), String::new()];
    if alternatives.is_empty() {
        lines.push(
            "No single change would have made a difference (or the run is still going).".into(),
        );
    }
    for w in alternatives.iter().take(crate::whatif::SHOWN) {
        lines.push(format!("- {}", w.sentence(&actual, sc)));
    }
    lines
}

/// The story of the run file at `path`, verified first (a report tells only
/// what the replay produces).
pub fn report(path: &std::path::Path) -> Result<String, crate::run::RunError> {
    let record = crate::run::load(path)?;
    Ok(markdown(&Session::verified(
        &record,
        &path.display().to_string(),
    )?))
}
