//! Does the thesis survive when a parameter moves ±30%? Every parameter with a
//! range (`engine::params::bounds::BOUNDS`) is scaled by 0.7 and by 1.3 in turn
//! (kept inside its range, whole numbers rounded; a parameter at 0 does not
//! move and is skipped), the default scenario is played over the same seeds,
//! and the claims of `docs/model.md` are checked:
//!
//! - **lead**: `balanced` scores at least 3 above every other bot (`par`, which
//!   plays balanced's own hiring and answers, excepted) and every split of the
//!   quick grid (the search's starting grid: a full search per variation would
//!   take an hour);
//! - **passive**: pressing Enter scores at most 60% of `balanced` and wins at
//!   most 10% of runs;
//! - **static**: the seed split kept forever scores at least 10 below;
//! - **failure modes**: coder → 10x programmer, delegator → puppet, fast hirer
//!   and drifter → out of cash (each most often);
//! - **sharer**: sharing keeps at least 10 more points of influence than
//!   delegating, with under half its puppet endings;
//! - **seed coder**: at Seed the CTO who builds (35% coding) reaches Series A
//!   sooner on average than one who codes 5%;
//! - **10x trap**: past 30 engineers, coding 40% costs at least 5 points.
//!
//! `cargo run --release --example sensitivity [RUNS]` (default 50 seeds) prints
//! one line per variation, then how many variations keep each claim.

use std::collections::BTreeMap;
use std::sync::Arc;

use cto_sim::balance;
use cto_sim::engine::params::bounds::{Bound, BOUNDS};
use cto_sim::engine::params::Params;
use cto_sim::engine::state::{ReportingLine, Stage};
use cto_sim::engine::Scenario;
use cto_sim::sim::Batch;

const CLAIMS: [&str; 8] = [
    "lead",
    "passive",
    "static",
    "failure modes",
    "sharer",
    "seed coder",
    "10x trap",
    "balanced wins",
];

fn main() {
    let runs: u32 = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let base = Scenario::builtin("default").expect("the default scenario");
    let mut broken: BTreeMap<&str, u32> = BTreeMap::new();
    let mut played = 0;
    for bound in BOUNDS {
        for factor in [0.7, 1.3] {
            let Some(params) = scaled(&base.params, bound, factor) else {
                println!("{} ×{factor}: at 0 or its bound, skipped", bound.path);
                continue;
            };
            played += 1;
            let mut scenario = base.clone();
            scenario.params = params;
            let failed = claims(&Arc::new(scenario), runs);
            for (claim, _) in &failed {
                *broken.entry(claim).or_default() += 1;
            }
            let words: Vec<String> = failed.iter().map(|(c, w)| format!("{c}: {w}")).collect();
            let verdict = if words.is_empty() {
                "holds".to_string()
            } else {
                format!("FAILS: {}", words.join("; "))
            };
            println!("{} ×{factor}: {verdict}", bound.path);
        }
    }
    println!("{played} variations played, {runs} seeds each");
    for claim in CLAIMS {
        let n = broken.get(claim).copied().unwrap_or(0);
        let kept = f64::from(played - n) / f64::from(played.max(1)) * 100.0;
        println!("{claim}: holds in {} of {played} ({kept:.0}%)", played - n);
    }
}

/// `params` with the number at `bound.path` (every number, for a list)
/// multiplied by `factor`, kept inside its range and rounded for a whole
/// number; `None` when nothing moves.
fn scaled(params: &Params, bound: &Bound, factor: f64) -> Option<Params> {
    let mut value = serde_json::to_value(params).expect("params serialise");
    let keys: Vec<&str> = bound.path.split('.').collect();
    let mut moved = false;
    let mut set = |item: &mut serde_json::Value| {
        let x = item.as_f64().expect("a number");
        let y = (x * factor).clamp(bound.min, bound.max);
        let y = if bound.whole { y.round() } else { y };
        moved |= y != x;
        *item = if bound.whole {
            serde_json::json!(y as u64)
        } else {
            serde_json::json!(y)
        };
    };
    visit(&mut value, &keys, &mut set);
    moved.then(|| serde_json::from_value(value).expect("params deserialise"))
}

/// Call `f` on every number at `keys` under `value`: a list on the way is
/// walked item by item (`business.rounds.size` is every round's size).
fn visit(value: &mut serde_json::Value, keys: &[&str], f: &mut impl FnMut(&mut serde_json::Value)) {
    match (value, keys.split_first()) {
        (serde_json::Value::Array(items), _) => {
            items.iter_mut().for_each(|item| visit(item, keys, f));
        }
        (item, None) => f(item),
        (item, Some((key, rest))) => {
            visit(item.get_mut(*key).expect("a parameter path"), rest, f);
        }
    }
}

/// The claims that fail on `scenario` over `runs` seeds, with what broke.
fn claims(scenario: &Arc<Scenario>, runs: u32) -> Vec<(&'static str, String)> {
    let mut names: Vec<String> = cto_sim::policy::names().map(str::to_string).collect();
    let bots = names.len();
    names.extend(balance::quick_grid().iter().map(|f| f.to_string()));
    let batches = balance::batches(scenario, &names, runs, 1, balance::threads())
        .expect("every policy plays");
    let by_name: BTreeMap<&str, &Batch> = batches[..bots]
        .iter()
        .map(|b| (b.policy.as_str(), b))
        .collect();
    let balanced = by_name["balanced"].mean.score;
    let mut failed = Vec::new();
    let best_other = batches
        .iter()
        .filter(|b| b.policy != "balanced" && b.policy != "par")
        .max_by(|a, b| a.mean.score.total_cmp(&b.mean.score))
        .expect("other policies");
    if best_other.mean.score + 3.0 > balanced {
        failed.push((
            "lead",
            format!(
                "{} {:.1} against balanced {balanced:.1}",
                best_other.policy, best_other.mean.score
            ),
        ));
    }
    let passive = by_name["passive"];
    let wins = passive.outcomes.get("win").copied().unwrap_or(0);
    if wins * 10 > runs || passive.mean.score > 0.6 * balanced {
        let score = passive.mean.score;
        failed.push(("passive", format!("wins {wins}, scores {score:.1}")));
    }
    let statik = by_name["static"].mean.score;
    if statik + 10.0 > balanced {
        failed.push(("static", format!("{statik:.1}")));
    }
    failure_modes(&by_name, &mut failed);
    let (sharer, delegator) = (by_name["sharer"], by_name["delegator"]);
    let puppets = |b: &Batch| b.count_id("puppet");
    if sharer.mean.influence < delegator.mean.influence + 10.0
        || 2 * puppets(sharer) >= puppets(delegator).max(1)
    {
        failed.push((
            "sharer",
            format!(
                "influence {:.1} vs {:.1}, puppets {} vs {}",
                sharer.mean.influence,
                delegator.mean.influence,
                puppets(sharer),
                puppets(delegator)
            ),
        ));
    }
    let (builds, hands_off) = (series_a_week(scenario, "fixed:35/15/35/15", runs), {
        series_a_week(scenario, "fixed:45/15/5/35", runs)
    });
    if builds >= hands_off {
        let words = format!("35% coding week {builds:.1}, 5% week {hands_off:.1}");
        failed.push(("seed coder", words));
    }
    let (at_par, coding) = ten_x_trap(scenario, runs);
    if coding + 5.0 > at_par {
        failed.push((
            "10x trap",
            format!("40% {coding:.1} against 5% {at_par:.1}"),
        ));
    }
    let ipo = by_name["balanced"].count_id("ipo");
    if ipo * 100 < runs * 60 || ipo * 100 > runs * 95 {
        failed.push(("balanced wins", format!("{ipo} of {runs}")));
    }
    failed
}

/// Coder → 10x programmer, delegator → puppet, fast hirer and drifter → out of
/// cash, each most often.
fn failure_modes(by_name: &BTreeMap<&str, &Batch>, failed: &mut Vec<(&'static str, String)>) {
    for (bot, ending) in [
        ("coder", "ten_x_programmer"),
        ("delegator", "puppet"),
        ("hire_fast", "out_of_cash"),
        ("drifter", "out_of_cash"),
    ] {
        let most = by_name[bot].most_frequent_ending();
        if most != ending {
            failed.push(("failure modes", format!("{bot} ends most often in {most}")));
        }
    }
}

/// The mean week `policy` reaches Series A (200 when it does not by then).
fn series_a_week(scenario: &Arc<Scenario>, policy: &str, runs: u32) -> f64 {
    let mut total = 0u32;
    for seed in 1..=u64::from(runs) {
        let mut reached = 200;
        cto_sim::sim::play_policy(scenario, policy, seed, Some(200), |game, _, _| {
            let s = game.state();
            if s.company.stage > Stage::Seed && reached == 200 {
                reached = s.week;
            }
        })
        .expect("the policy plays");
        total += reached;
    }
    f64::from(total) / f64::from(runs.max(1))
}

/// Mean scores of a Series B CTO with 32 engineers coding 5% and 40% (the
/// start of `past_thirty_engineers_the_coding_cto_falls_behind_par`).
fn ten_x_trap(scenario: &Arc<Scenario>, runs: u32) -> (f64, f64) {
    let mut s = (**scenario).clone();
    s.start.stage = Stage::SeriesB;
    s.start.engineers = 32;
    s.start.managers = 4;
    s.start.vps = vec![ReportingLine::Cto];
    s.start.cash = 30e6;
    s.start.arr = 9e6;
    s.start.fit = 0.7;
    s.start.alignment = 0.6;
    s.start.codebase = 3000.0;
    s.start.debt = 300.0;
    let s = Arc::new(s);
    let score = |spec: &str| {
        cto_sim::sim::batch(&s, spec, runs, 1)
            .expect("the policy plays")
            .mean
            .score
    };
    (score("fixed:40/20/5/35"), score("fixed:25/13/40/22"))
}
