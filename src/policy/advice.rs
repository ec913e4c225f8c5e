//! The coach: what `balanced`, the reference CTO, decides this week, control
//! by control, each with a line that names the figures it was read from.
//! The decision is `balanced`'s own ([`decide`]) and the words read only what
//! it decided from ([`Why`]), so the advice is always what the bot plays.

use super::answer::{self, Reading};
use super::balanced::{decide, LineStep, Why, TAKE_BACK_AT};
use super::scripted::{
    MANAGERS_FROM, MANAGER_SLACK, MANAGER_SPAN, REFACTOR_BY_DEBT, SHORT_RUNWAY_MONTHS, VP_SPAN,
};
use crate::engine::par::Reports;
use crate::engine::state::State;
use crate::engine::{Activity, Decision, Scenario};

/// One control of the week's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Attention(Activity),
    Hours,
    Refactor,
    Engineers,
    Managers,
    Vps,
    /// VP `n`'s reporting line (from 0).
    VpLine(usize),
    /// Pending event `n`'s answer (from 0).
    Event(usize),
}

/// Why the reference CTO sets one control as it does, in plain words.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub control: Control,
    pub why: String,
}

/// The reference CTO's decision for the week, and a reason per control.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub decision: Decision,
    pub reasons: Vec<Reason>,
}

/// What `balanced` decides for the week after `s`, with its reasons: the
/// four attention shares, hours, refactoring, the three targets, every VP's
/// line and every pending event. Scenario text (an event's choice) is in the
/// words as written: escape it before it reaches a terminal.
pub fn advise(s: &State, scenario: &Scenario) -> Advice {
    let (decision, why) = decide(s, scenario);
    let mut reasons = Vec::new();
    let mut say = |control: Control, why: String| reasons.push(Reason { control, why });
    for activity in Activity::ALL {
        say(
            Control::Attention(activity),
            attention(activity, &decision, &why, scenario),
        );
    }
    say(Control::Hours, hours(s, &decision, scenario));
    say(Control::Refactor, refactor(s, &decision, &why));
    say(Control::Engineers, engineers(s, &decision, &why));
    say(Control::Managers, managers(s, &decision, &why));
    say(Control::Vps, vps(s, &decision, &why));
    for (vp, step) in why.lines.iter().enumerate() {
        say(Control::VpLine(vp), line(*step));
    }
    for (i, pending) in s.pending.iter().enumerate() {
        let def = scenario.events.get(pending.event);
        let reading = why.events.iter().find(|r| r.pending == i);
        say(Control::Event(i), event(def, reading));
    }
    Advice { decision, reasons }
}

/// An event's reason: how its choices forecast.
fn event(def: Option<&crate::engine::events::EventDef>, reading: Option<&Reading>) -> String {
    let label = |c: usize| {
        def.and_then(|d| d.choices.get(c))
            .map_or("its default", |c| c.label.as_str())
    };
    let Some(r) = reading.filter(|r| !r.scores.is_empty()) else {
        return format!(
            "one choice only: “{}” is what happens",
            label(reading.map_or(0, |r| r.choice))
        );
    };
    let scores: Vec<String> = r
        .scores
        .iter()
        .enumerate()
        .map(|(c, v)| format!("“{}” {v:.1}", label(c)))
        .collect();
    let weeks = answer::HORIZON;
    let verdict = if r.choice == r.default {
        format!(
            "no choice beats the organisation's own, “{}”, by {} points: leave it",
            label(r.default),
            answer::MARGIN
        )
    } else {
        format!("take “{}”", label(r.choice))
    };
    format!(
        "each choice played {weeks} weeks ahead, {} times under other luck (as the forecast plays), and the run's score then: {}; {verdict}",
        answer::FUTURES,
        scores.join(", ")
    )
}

/// An attention share's reason.
fn attention(activity: Activity, d: &Decision, why: &Why, scenario: &Scenario) -> String {
    let p = &why.par;
    let pct = d.attention.get(activity);
    // Effective hours a share buys this week.
    let buys = |pct: u8| f64::from(pct) * p.hours_per_pct;
    match activity {
        Activity::Strategy if p.answering_shock() => format!(
            "a competitor moved: {:.0} points of fit are up for grabs until the market settles, and each strategy hour wins some back ({:.0} effective hours this week)",
            p.contested * 100.0,
            buys(pct)
        ),
        Activity::Strategy if p.recruiting_waits => format!(
            "the rest of the week, where the business is decided (fit, direction, the board); recruiting gave way so that strategy keeps {pct}%"
        ),
        Activity::Strategy => format!(
            "the rest of the week ({:.0} effective hours), where the business is decided: fit, direction, the board's review",
            buys(pct)
        ),
        Activity::Hiring if p.answering_shock() && p.open_positions > 0 => format!(
            "{} open positions wait a few weeks: a competitor's move is still contested, and this week's hours win more on strategy",
            p.open_positions
        ),
        Activity::Hiring if p.open_positions == 0 => format!(
            "no one to find: the {} engineers wanted are on the team or on their way",
            d.hiring.engineers
        ),
        Activity::Hiring => hiring(pct, p, scenario, buys(pct)),
        Activity::Coding if p.hands_on() => format!(
            "{} engineers, fewer than {:.0}: hands-on work still teaches you what the product needs (fit)",
            p.engineers, p.hands_on_below
        ),
        Activity::Coding => format!(
            "{} engineers, {:.0} or more: your own code no longer teaches fit, and a little coding only adds a fourth activity to switch between; the team codes",
            p.engineers, p.hands_on_below
        ),
        Activity::Management if p.answering_shock() => format!(
            "{} need {:.0} h a week; for the few weeks a competitor's move is contested they get half, {pct}% ({:.0} h)",
            reports(&p.reports, why.vps),
            p.management_hours,
            buys(pct)
        ),
        Activity::Management => format!(
            "{} need {:.0} h a week; {pct}% of your week gives {:.0} h",
            reports(&p.reports, why.vps),
            p.management_hours,
            buys(pct)
        ),
    }
}

/// The hiring share's reason when positions are open.
fn hiring(pct: u8, p: &crate::engine::par::ParWhy, scenario: &Scenario, hours: f64) -> String {
    let pace = if p.behind {
        "filled in 8 weeks while the product is behind what the board counts as delivered"
    } else {
        "filled over a quarter"
    };
    let vps = if p.vp_hires_per_week > 0.0 {
        format!(
            ", beyond the {:.0} a week your VPs bring",
            p.vp_hires_per_week
        )
    } else {
        String::new()
    };
    let mut said = format!(
        "{} open positions, {pace}: {:.1} hires a week{vps} at {:.0} h each; {pct}% gives {hours:.0} h",
        p.open_positions, p.hires_per_week, scenario.params.hiring.cto_hours_per_hire
    );
    if p.recruiting_waits {
        said.push_str(" (trimmed so that strategy keeps its 20%)");
    }
    said
}

/// The CTO's direct reports in words: "your direct reports (2 managers and
/// 3 engineers)"; with `vps`, the managers reporting are VPs.
fn reports(r: &Reports, vps: bool) -> String {
    let mut parts = Vec::new();
    let mut count = |n: f64, one: &str, many: &str| {
        if n > 0.0 {
            let n = n.round();
            parts.push(if n == 1.0 {
                format!("1 {one}")
            } else {
                format!("{n:.0} {many}")
            });
        }
    };
    if vps {
        count(r.managers, "VP", "VPs");
    } else {
        count(r.managers, "manager", "managers");
    }
    count(r.engineers, "engineer", "engineers");
    count(r.forums, "forum", "forums");
    match parts.len() {
        0 => "your direct reports".to_string(),
        1 => format!("your direct reports ({})", parts[0]),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("your direct reports ({} and {last})", parts.join(", "))
        }
    }
}

/// `n` and the noun, singular or plural.
fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The hours' reason: a deadline's crunch, or the week that does not tire.
fn hours(s: &State, d: &Decision, scenario: &Scenario) -> String {
    let hours = d.hours;
    let a = &scenario.params.attention;
    let free = a.normal_hours + a.free_overtime_hours;
    let over = f64::from(hours) - free;
    // The engineers target `balanced` read, so the coach finds its crunch.
    let crunch = super::crunch::crunches(s, scenario, d.hiring.engineers)
        .into_iter()
        .find(|c| c.fair == Some(hours));
    if let (Some(c), true) = (crunch, over > 0.0) {
        let title = scenario
            .events
            .get(c.event)
            .map_or("?", |e| e.title.as_str());
        format!(
            "a deadline ({title}): {:.0} effective hours to put in over {}; a crunch pays from rest, and the tiredness costs the weeks after",
            c.left,
            if c.weeks == 1 { "this week".to_string() } else { format!("{} weeks", c.weeks) }
        )
    } else if over > 0.0 {
        format!("every week: {over:.0} past the {free:.0} that cost no fatigue, more hours for a little tiredness")
    } else {
        format!("every week: within the {free:.0} hours that cost no fatigue")
    }
}

/// The refactoring share's reason.
fn refactor(s: &State, d: &Decision, why: &Why) -> String {
    let tax = why.sensible.debt_tax * 100.0;
    if s.week == 0 {
        return format!(
            "what the debt costs shows after the first week: the usual {}% until then",
            d.refactor_pct
        );
    }
    let step = REFACTOR_BY_DEBT
        .iter()
        .find(|(over, _)| why.sensible.debt_tax > *over);
    let mut said = match step {
        Some((over, _)) => format!(
            "debt costs {tax:.0}% of capacity, over {:.0}%: protect more for refactoring",
            over * 100.0
        ),
        None => format!("debt costs {tax:.0}% of capacity: the usual share keeps it there"),
    };
    if d.refactor_pct < why.intent.refactor_pct {
        said.push_str(&format!(
            " (the scenario allows at most {}%)",
            d.refactor_pct
        ));
    }
    said
}

/// The engineers target's reason.
fn engineers(s: &State, d: &Decision, why: &Why) -> String {
    let w = &why.sensible;
    let n = why.engineers;
    if w.held_back {
        return format!(
            "runway {:.0} months, under {SHORT_RUNWAY_MONTHS:.0}, and no raise under way: hire no one until money comes in (the team is {n})",
            s.metrics.runway_months
        );
    }
    let aim = if w.goal_engineers > w.stage_engineers {
        format!("the goal asks for {} engineers", w.goal_engineers)
    } else {
        format!(
            "a {} company typically has {}",
            s.company.stage.label(),
            w.stage_engineers
        )
    };
    if d.hiring.engineers > n {
        format!("{aim}: hire toward it (the team is {n})")
    } else {
        format!("{aim}: the team ({n}) is there already")
    }
}

/// The managers target's reason.
fn managers(s: &State, d: &Decision, why: &Why) -> String {
    let n = why.engineers;
    if why.sensible.managers_kept {
        format!(
            "keep the {} managers in post: the team ({n}) is within {MANAGER_SLACK} engineers of their spans of {MANAGER_SPAN}",
            s.people.managers
        )
    } else if n < MANAGERS_FROM {
        format!("under {MANAGERS_FROM} engineers ({n}): no managers yet, the team reports to you")
    } else {
        format!(
            "a manager per {MANAGER_SPAN} engineers from {MANAGERS_FROM}: {n} engineers, {}",
            plural(d.hiring.managers, "manager", "managers")
        )
    }
}

/// The VPs target's reason.
fn vps(s: &State, d: &Decision, why: &Why) -> String {
    let n = why.engineers;
    let team = why.sensible.vp_team;
    let by_span = why.sensible.vps_by_span;
    let counted = if team > n {
        format!("the {team} engineers being hired for (a search takes weeks)")
    } else {
        format!("{n} engineers")
    };
    let mut said = format!(
        "a VP from {} engineers and another per {VP_SPAN} more: {counted} call for {}",
        VP_SPAN - 7,
        match by_span {
            0 => "none yet".to_string(),
            1 => "one".to_string(),
            v => v.to_string(),
        }
    );
    if why.intent.hiring.vps > by_span {
        let searching = if s.people.vp_search.is_some() {
            "; a search under way is not called off"
        } else {
            "; a VP in post is kept"
        };
        said.push_str(searching);
    }
    if d.hiring.vps < why.intent.hiring.vps {
        said.push_str(&format!(" (the scenario allows at most {})", d.hiring.vps));
    }
    said
}

/// A VP's line's reason.
fn line(step: LineStep) -> String {
    let at = TAKE_BACK_AT * 100.0;
    match step {
        LineStep::Keep => {
            "keep them reporting to you: their part of engineering stays yours to lead".to_string()
        }
        LineStep::AskForum => {
            "the CEO holds this VP: ask for a shared forum, the first step to taking them back"
                .to_string()
        }
        LineStep::TakeBack { adoption } => format!(
            "adoption {:.0}%, at least {at:.0}%: the organisation follows you well enough to take the VP back",
            adoption * 100.0
        ),
        LineStep::KeepForum { adoption } => format!(
            "keep the forum: adoption {:.0}% is under the {at:.0}% it takes to win the VP back",
            adoption * 100.0
        ),
    }
}
