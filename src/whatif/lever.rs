//! The levers "what if" pulls: each a change a player could have made to
//! their weekly decisions, and the turning point it starts from.

use crate::engine::par::par;
use crate::engine::stage::typical_engineers;
use crate::engine::{Activity, Answer, Attention, Decision, ReportingLine, Scenario, State};
use crate::run::RunRecord;

/// A change to the recorded decisions, from some week on.
#[derive(Clone, Debug, PartialEq)]
pub enum Lever {
    /// Every VP reporting to the CTO.
    KeepVp,
    /// Coding at most this share.
    CapCoding(u8),
    /// Management at least this share (from the largest other).
    Management(u8),
    /// Strategy at least this share (from coding first, then the largest).
    Strategy(u8),
    /// These hours every week.
    Hours(u8),
    /// Targets at the stage's norm, with par's recruiting time.
    HireToStage,
    /// Half again as many engineers wanted, with par's recruiting time.
    HireMore,
    /// Half the hiring gap.
    HireSlower,
    /// At least this share for refactoring.
    Refactor(u8),
    /// Attention set to par every week.
    FollowPar,
    /// The deck's event `event` answered with `choice` whenever it is pending.
    Answer { event: usize, choice: usize },
    /// Both changes.
    Both(Box<Lever>, Box<Lever>),
}

/// The single levers worth trying on `record`, each with its turning point
/// (a week index): where the player first did otherwise, or the start.
pub fn candidates(record: &RunRecord, sc: &Scenario) -> Vec<(Lever, usize)> {
    let weeks = &record.weeks;
    let first = |pred: &dyn Fn(&Decision) -> bool| weeks.iter().position(|w| pred(&w.decision));
    let mut out = Vec::new();
    let mut push = |lever: Lever, from: Option<usize>| {
        if let Some(from) = from {
            out.push((lever, from));
        }
    };
    push(
        Lever::KeepVp,
        first(&|d| d.vp_lines.iter().any(|l| *l != ReportingLine::Cto)),
    );
    push(Lever::CapCoding(20), first(&|d| d.attention.coding > 30));
    push(
        Lever::Management(25),
        first(&|d| d.attention.management < 25),
    );
    push(Lever::Strategy(60), first(&|d| d.attention.strategy < 55));
    push(Lever::Strategy(70), first(&|d| d.attention.strategy < 65));
    push(Lever::Strategy(80), first(&|d| d.attention.strategy < 75));
    push(Lever::CapCoding(0), first(&|d| d.attention.coding > 0));
    push(Lever::Hours(40), first(&|d| d.hours != 40));
    push(Lever::Hours(45), first(&|d| d.hours != 45));
    push(Lever::HireToStage, Some(0));
    push(Lever::HireMore, Some(0));
    push(Lever::HireSlower, first(&|d| d.hiring.engineers > 0));
    if sc.params.engineering.max_refactor_pct >= 30 {
        push(Lever::Refactor(30), first(&|d| d.refactor_pct < 30));
    }
    push(Lever::FollowPar, Some(0));
    for (event, choice, from) in other_answers(record, sc) {
        push(Lever::Answer { event, choice }, Some(from));
    }
    out
}

/// For each deck event that was settled in the run, every choice other than
/// the one first taken, from the week before it was first settled.
fn other_answers(record: &RunRecord, sc: &Scenario) -> Vec<(usize, usize, usize)> {
    let mut game = crate::engine::Game::new(std::sync::Arc::new(sc.clone()), record.seed);
    let mut seen: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, w) in record.weeks.iter().enumerate() {
        let pending: Vec<(usize, usize)> = game
            .state()
            .pending
            .iter()
            .enumerate()
            .map(|(p, e)| (p, e.event))
            .collect();
        for (p, event) in pending {
            if seen.contains(&event) {
                continue;
            }
            seen.push(event);
            let def = &sc.events[event];
            let taken = w
                .decision
                .answers
                .iter()
                .find(|a| a.pending == p)
                .map_or(def.default_choice, |a| a.choice);
            for choice in (0..def.choices.len()).filter(|c| *c != taken) {
                out.push((event, choice, i));
            }
        }
        if game.step(&w.decision).is_err() {
            break;
        }
    }
    out
}

impl Lever {
    /// The decision `d`, changed by this lever in the alternative run's state `s`.
    pub fn apply(&self, d: &Decision, s: &State, sc: &Scenario) -> Decision {
        let mut d = d.clone();
        match self {
            Lever::KeepVp => d.vp_lines = vec![ReportingLine::Cto; d.vp_lines.len()],
            Lever::CapCoding(cap) => {
                let a = d.attention;
                if a.coding > *cap {
                    let freed = a.coding - cap;
                    d.attention = Attention::new(a.strategy, a.hiring, *cap, a.management + freed);
                }
            }
            Lever::Management(at_least) => {
                d.attention = raise(d.attention, Activity::Management, *at_least)
            }
            Lever::Strategy(at_least) => {
                d.attention = raise(d.attention, Activity::Strategy, *at_least)
            }
            Lever::Hours(h) => d.hours = *h,
            Lever::HireToStage => {
                let n = s.people.engineers();
                d.hiring.engineers = d.hiring.engineers.max(typical_engineers(s.company.stage));
                d.hiring.managers = d.hiring.managers.max(if n >= 10 { n / 7 } else { 0 });
                d.attention = recruiting_time(&d, s, sc);
            }
            Lever::HireMore => {
                d.hiring.engineers += d.hiring.engineers.div_ceil(2);
                d.attention = recruiting_time(&d, s, sc);
            }
            Lever::HireSlower => {
                let n = s.people.engineers();
                let wanted = d.hiring.engineers;
                if wanted > n {
                    d.hiring.engineers = n + (wanted - n) / 2;
                }
            }
            Lever::Refactor(p) => d.refactor_pct = d.refactor_pct.max(*p),
            Lever::FollowPar => {
                d.attention = par(s, &sc.params, d.hours, d.hiring.engineers).attention
            }
            Lever::Answer { .. } => {}
            Lever::Both(a, b) => return b.apply(&a.apply(&d, s, sc), s, sc),
        }
        d
    }

    /// The answers of the week, changed by this lever where it answers an
    /// event that is pending in the alternative run's state `s`.
    pub fn answer(&self, answers: &mut Vec<Answer>, s: &State) {
        match self {
            Lever::Answer { event, choice } => {
                if let Some(pending) = s.pending.iter().position(|p| p.event == *event) {
                    answers.retain(|a| a.pending != pending);
                    answers.push(Answer {
                        pending,
                        choice: *choice,
                    });
                }
            }
            Lever::Both(a, b) => {
                a.answer(answers, s);
                b.answer(answers, s);
            }
            _ => {}
        }
    }

    /// Whether `other` is this lever or one of the levers it joins.
    pub fn contains(&self, other: &Lever) -> bool {
        match self {
            Lever::Both(a, b) => a.contains(other) || b.contains(other),
            l => l == other,
        }
    }

    /// What the lever changes, for a player: "kept the VP reporting to you".
    pub fn describe(&self, sc: &Scenario) -> String {
        match self {
            Lever::KeepVp => "kept the VP reporting to you".into(),
            Lever::CapCoding(p) => format!("capped your coding at {p}%"),
            Lever::Management(25) => "spent a quarter of the week on management".into(),
            Lever::Management(p) => format!("spent at least {p}% of the week on management"),
            Lever::Strategy(p) => format!("spent at least {p}% of the week on strategy"),
            Lever::Hours(h) => format!("worked {h} hours a week"),
            Lever::HireToStage => {
                "hired to the stage (5, 12, 30, 55, 90 engineers) with par's recruiting time".into()
            }
            Lever::HireMore => {
                "wanted half again as many engineers, with par's recruiting time".into()
            }
            Lever::HireSlower => "hired half as fast".into(),
            Lever::Refactor(p) => format!("protected {p}% for refactoring"),
            Lever::FollowPar => "set your attention to par every week".into(),
            Lever::Answer { event, choice } => {
                let e = sc.events.get(*event);
                format!(
                    "answered \"{}\" to \"{}\"",
                    e.and_then(|e| e.choices.get(*choice))
                        .map_or("?", |c| c.label.as_str()),
                    e.map_or("?", |e| e.title.as_str())
                )
            }
            Lever::Both(a, b) => format!("{}, and {}", a.describe(sc), b.describe(sc)),
        }
    }
}

/// `a` with `activity` at `at_least` percent, the time taken from coding
/// first, then from the largest other share.
fn raise(a: Attention, activity: Activity, at_least: u8) -> Attention {
    let mut shares = a.percents();
    let others: Vec<Activity> = [
        Activity::Coding,
        Activity::Strategy,
        Activity::Hiring,
        Activity::Management,
    ]
    .into_iter()
    .filter(|x| *x != activity)
    .collect();
    while shares[activity] < at_least {
        let from = if shares[Activity::Coding] > 0 && activity != Activity::Coding {
            Activity::Coding
        } else {
            match others.iter().copied().max_by_key(|x| shares[*x]) {
                Some(x) => x,
                None => break,
            }
        };
        let moved = (at_least - shares[activity]).min(shares[from]);
        if moved == 0 {
            break;
        }
        shares[from] -= moved;
        shares[activity] += moved;
    }
    let [st, h, c, m] = shares.0;
    Attention::new(st, h, c, m)
}

/// `d`'s attention with the recruiting time par gives its targets.
fn recruiting_time(d: &Decision, s: &State, sc: &Scenario) -> Attention {
    let wanted = par(s, &sc.params, d.hours, d.hiring.engineers)
        .attention
        .hiring;
    raise(d.attention, Activity::Hiring, wanted)
}
