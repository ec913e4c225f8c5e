//! What happened, in words: a line of the news log per engine `News`, and an
//! event's text with its placeholders filled in.

use super::money::money;
use super::reporting::line_label;
use super::text::plural;
use crate::engine::events::render_text;
use crate::engine::news::Verdict;
use crate::engine::par::{biggest_move, Par};
use crate::engine::{Activity, News, Scenario, State};

/// One line of the news log.
pub fn news_line(n: &News, s: &State, sc: &Scenario) -> String {
    let plural = |k: u32, one: &str, many: &str| {
        if k == 1 {
            format!("1 {one}")
        } else {
            format!("{k} {many}")
        }
    };
    match n {
        News::OffersAccepted(k) => format!("{} accepted.", plural(*k, "offer", "offers")),
        News::Started(k) => format!("{} started.", plural(*k, "new engineer", "new engineers")),
        News::Left(k) => format!("{} left the company.", plural(*k, "person", "people")),
        News::Promoted => "An engineer was promoted to manager.".into(),
        News::VpSearchStarted => "The search for a VP of Engineering started.".into(),
        News::VpStarted => "A VP of Engineering started, reporting to you.".into(),
        News::VpLeft => "A VP of Engineering left.".into(),
        News::LineChanged { vp, line } => format!("VP #{}: {}.", vp + 1, line_label(*line)),
        News::TakeBackRefused { vp, until } => format!(
            "The CEO refused to give VP #{} back; not again before week {until}.",
            vp + 1
        ),
        News::ForumRefused { vp, until } => format!(
            "The CEO refused to share VP #{} in a forum; not again before week {until}.",
            vp + 1
        ),
        News::MarketShock if s.company.contested_fit > 0.0 => format!(
            "A market shock: a competitor moved; fit and strategy alignment fell. {:.0} points of fit are contested: strategy hours in the next weeks win them back.",
            s.company.contested_fit * 100.0
        ),
        News::MarketShock => {
            "A market shock: a competitor moved; fit and strategy alignment fell.".into()
        }
        News::Bet {
            with_cto,
            overridden,
            won,
        } => bet_line(*with_cto, *overridden, *won),
        News::RaiseStarted { stage } => raise_started(*stage, sc),
        News::RoundClosed { stage, amount } => {
            format!(
                "The round closed: {} raised, now {}.",
                money(*amount),
                stage.label()
            )
        }
        News::Bridge { amount, verdict } => format!(
            "Investors passed ({}); the insiders bridged {}.",
            verdict_words(verdict),
            money(*amount)
        ),
        News::RaiseFailed(verdict) => {
            format!("The raise failed: {}; no bridge.", verdict_words(verdict))
        }
        News::EventFired(i) => format!(
            "Event: {}",
            sc.events.get(*i).map_or("?", |e| e.title.as_str())
        ),
        News::EventSettled {
            event,
            choice,
            by_cto,
        } => {
            let e = sc.events.get(*event);
            let label = e
                .and_then(|e| e.choices.get(*choice))
                .map_or("?", |c| c.label.as_str());
            let title = e.map_or("?", |e| e.title.as_str());
            if *by_cto {
                format!("{title}: you chose \"{label}\".")
            } else {
                format!("{title}: settled without you: \"{label}\".")
            }
        }
        News::DeadlineMet(i) => deadline_line(sc, *i, "met"),
        News::DeadlineMissed(i) => deadline_line(sc, *i, "missed"),
        News::Ended(e) => format!("The run ended: {}", sc.ending_headline(*e)),
    }
    .replace("{week}", &s.week.to_string())
}

/// `The CEO started raising the Series A round: it closes in 12–24 weeks,
/// whatever ARR does.`: the round is the stage after `from`, and its weeks
/// are drawn when it starts (as `engine::funding` reads them).
fn raise_started(from: crate::engine::stage::Stage, sc: &Scenario) -> String {
    use crate::engine::stage::Stage;
    let bp = &sc.params.business;
    let weeks = |x: f64| (f64::from(bp.raise_weeks) * x).round().max(1.0) as u32;
    let [low, high] = bp.raise_lateness.map(weeks);
    match Stage::ALL.get(from.index() + 1) {
        Some(to) => format!(
            "The CEO started raising the {} round: it closes in {low}–{high} weeks, whatever ARR does.",
            to.label()
        ),
        None => "The CEO started raising.".into(),
    }
}

/// ` Hiring pauses: 3 open positions, but a competitor's move comes first.`
/// when par's recruiting fell to nothing for a market shock while another
/// share moved most (the strategy swing would hide it); else nothing.
fn hiring_paused(from: &Par, to: &Par, moved_most: Activity) -> String {
    let w = &to.why;
    let paused = moved_most != Activity::Hiring
        && to.attention.hiring == 0
        && from.attention.hiring > 0
        && w.open_positions > 0
        && w.answering_shock();
    if !paused {
        return String::new();
    }
    format!(
        " Hiring pauses: {} open, but a competitor's move comes first.",
        plural(w.open_positions, "position")
    )
}

/// A deadline met or missed, under its event's title.
fn deadline_line(sc: &Scenario, event: usize, how: &str) -> String {
    let title = sc.events.get(event).map_or("?", |e| e.title.as_str());
    format!("{title}: the deadline is {how}.")
}

/// An event's text with its placeholders filled in.
pub fn event_text(text: &str, s: &State) -> String {
    render_text(text, s)
}

/// A technology bet decided: by whom, and how it went.
fn bet_line(with_cto: bool, overridden: bool, won: bool) -> String {
    // The player does not place bets: one is decided every 6 weeks, with the
    // CTO in the room as often as strategy time allows (as the guide says).
    let how = if with_cto {
        "was made with you in the room"
    } else if overridden {
        "was made over you: the organisation overrode you in the room"
    } else {
        "was made without you (strategy time puts you in the room)"
    };
    let end = if won { "paid off" } else { "failed" };
    format!("The technology bet (every 6 weeks) {how}; it {end}.")
}

/// What decided a raise that did not close, with the figures:
/// `they wanted ARR of $2.1M, it was $1.7M`.
pub fn verdict_words(v: &Verdict) -> String {
    let mut why = Vec::new();
    if v.arr_short() {
        why.push(format!(
            "ARR of {}, it was {}",
            money(v.asked),
            money(v.arr)
        ));
    }
    if v.burning_too_fast() {
        why.push(format!(
            "a burn multiple of at most {:.1}×, it was {:.1}×",
            v.max_burn, v.burn_multiple
        ));
    }
    if why.is_empty() {
        return "there was no round to raise".into();
    }
    format!("they wanted {}", why.join(", and "))
}

/// Points a share of par must move before the news says so.
const PAR_NEWS_POINTS: i16 = 10;

/// The news line when par moved enough to notice, with the reason from
/// the figures par reads: `Par is now 45/10/5/40: coding 35% → 5% (16
/// engineers: from 8 on, hands-on work no longer teaches fit).`
pub fn par_moved(from: &Par, to: &Par) -> Option<String> {
    let (activity, points) = biggest_move(from.attention, to.attention)?;
    if points.abs() < PAR_NEWS_POINTS {
        return None;
    }
    let w = &to.why;
    let why = match activity {
        Activity::Strategy if w.answering_shock() => format!(
            "a competitor moved: {:.0} points of fit to win back before the market settles",
            w.contested * 100.0
        ),
        Activity::Strategy => "what the other three leave".to_string(),
        Activity::Hiring if w.open_positions == 0 => "no open positions".to_string(),
        Activity::Hiring if w.answering_shock() => format!(
            "{} open, but a competitor's move comes first",
            plural(w.open_positions, "position")
        ),
        Activity::Hiring if w.recruiting_waits => format!(
            "{} open, but strategy keeps its fifth of the week",
            plural(w.open_positions, "position")
        ),
        Activity::Hiring if w.hires_per_week <= 0.0 => format!(
            "{} open: your VPs recruit {:.1} hires a week",
            plural(w.open_positions, "position"),
            w.vp_hires_per_week
        ),
        Activity::Hiring => format!(
            "{} open: {:.1} hires a week{}",
            plural(w.open_positions, "position"),
            w.hires_per_week,
            if w.behind {
                ", hurried: delivery is behind"
            } else {
                ""
            }
        ),
        Activity::Coding if w.hands_on() => format!(
            "{}: under {:.0}, hands-on work still teaches fit",
            plural(w.engineers, "engineer"),
            w.hands_on_below
        ),
        Activity::Coding => format!(
            "{}: from {:.0} on, hands-on work no longer teaches fit",
            plural(w.engineers, "engineer"),
            w.hands_on_below
        ),
        Activity::Management if w.answering_shock() => format!(
            "your direct reports need {:.0} h a week, half while a competitor's move is contested",
            w.management_hours
        ),
        Activity::Management => format!(
            "your direct reports need {:.0} h a week",
            w.management_hours
        ),
    };
    let a = to.attention;
    let paused = hiring_paused(from, to, activity);
    Some(format!(
        "Par is now {}/{}/{}/{}: {} {}% → {}% ({why}).{paused}",
        a.strategy,
        a.hiring,
        a.coding,
        a.management,
        activity.label().to_lowercase(),
        from.attention.get(activity),
        a.get(activity)
    ))
}
