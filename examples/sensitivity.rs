//! Does the thesis survive when a parameter moves ±30%? For each parameter
//! behind a mechanism of rules 3–5, the default scenario is played with that one
//! parameter scaled by 0.7 and by 1.3, and the claims of `docs/model.md` are
//! checked over the same seeds: `balanced` outscores every other bot and every
//! split of the quick grid; the coder ends as a 10x programmer, the delegator as
//! a puppet, the fast hirer and the drifter out of cash (each most often);
//! sharing keeps 10 more points of influence than delegating; pressing Enter
//! wins at most 10% of runs and scores at most 60% of `balanced`.
//!
//! `cargo run --release --example sensitivity [RUNS]` (default 50 seeds) prints
//! one line per parameter and factor, and the claims that failed.

use std::collections::BTreeMap;
use std::sync::Arc;

use cto_sim::balance;
use cto_sim::engine::params::Params;
use cto_sim::engine::Scenario;
use cto_sim::sim::Batch;

/// The parameters behind the mechanisms of rules 3 to 6 (and the attrition band).
const PARAMS: &[&str] = &[
    "attention.free_overtime_hours",
    "engineering.code_rot",
    "morale.attrition_sensitivity",
    "power.unused_authority",
    "power.skip_level_hours",
    "power.unmanaged_adoption",
    "power.forum_consent",
    "power.forum_consent_trust",
    "power.forum_consent_credits",
    "strategy.shock_chance",
    "strategy.shock_fit",
    "strategy.shock_alignment",
    "strategy.round_realign",
    "business.hands_on_fit",
    "business.fit_erosion",
    "business.growth_ceiling",
    "business.growth_exponent",
    "business.points_needed",
    "business.staff_lag_weeks",
    "business.staffing_arr_per_person",
    "business.arr_per_person",
    "business.service_churn",
    "business.bridge_at",
    "business.bridge_appetite",
    "business.raise_lateness",
    "endings.ten_x_pull",
];

fn main() {
    let runs: u32 = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let base = Scenario::builtin("default").expect("the default scenario");
    let mut failures = 0;
    for path in PARAMS {
        for factor in [0.7, 1.3] {
            let mut scenario = base.clone();
            scenario.params = scaled(&base.params, path, factor);
            let failed = claims(&Arc::new(scenario), runs);
            let verdict = if failed.is_empty() {
                "holds".to_string()
            } else {
                failures += 1;
                format!("FAILS: {}", failed.join("; "))
            };
            println!("{path} ×{factor}: {verdict}");
        }
    }
    println!(
        "{failures} of {} variations break a claim",
        PARAMS.len() * 2
    );
}

/// `params` with the number at `path` (every number, for a range) multiplied
/// by `factor`.
fn scaled(params: &Params, path: &str, factor: f64) -> Params {
    let mut value = serde_json::to_value(params).expect("params serialise");
    let mut slot = &mut value;
    for key in path.split('.') {
        slot = slot.get_mut(key).expect("a parameter path");
    }
    match slot {
        serde_json::Value::Array(items) => {
            for item in items {
                *item = serde_json::json!(item.as_f64().expect("a number") * factor);
            }
        }
        _ => *slot = serde_json::json!(slot.as_f64().expect("a number") * factor),
    }
    serde_json::from_value(value).expect("params deserialise")
}

/// The claims that fail on `scenario` over `runs` seeds.
fn claims(scenario: &Arc<Scenario>, runs: u32) -> Vec<String> {
    let mut names: Vec<String> = cto_sim::policy::names().map(str::to_string).collect();
    let bots = names.len();
    names.extend(balance::quick_grid().iter().map(|f| f.to_string()));
    let batches = balance::batches(scenario, &names, runs, 1, balance::threads())
        .expect("every policy plays");
    let by_name: BTreeMap<&str, &Batch> = batches[..bots]
        .iter()
        .map(|b| (b.policy.as_str(), b))
        .collect();
    let balanced = by_name["balanced"];
    let mut failed = Vec::new();
    for b in &batches {
        if b.policy != "balanced" && b.mean.score >= balanced.mean.score {
            failed.push(format!(
                "{} {:.1} ≥ balanced {:.1}",
                b.policy, b.mean.score, balanced.mean.score
            ));
        }
    }
    for (bot, ending) in [
        ("coder", "ten_x_programmer"),
        ("delegator", "puppet"),
        ("hire_fast", "out_of_cash"),
        ("drifter", "out_of_cash"),
    ] {
        let most = by_name[bot].most_frequent_ending();
        if most != ending {
            failed.push(format!("{bot} ends most often in {most}"));
        }
    }
    let (sharer, delegator) = (by_name["sharer"], by_name["delegator"]);
    if sharer.mean.influence < delegator.mean.influence + 10.0 {
        failed.push(format!(
            "sharer influence {:.1} vs delegator {:.1}",
            sharer.mean.influence, delegator.mean.influence
        ));
    }
    let passive = by_name["passive"];
    let wins = passive.outcomes.get("win").copied().unwrap_or(0);
    if wins * 10 > runs || passive.mean.score > 0.6 * balanced.mean.score {
        failed.push(format!(
            "passive wins {wins} of {runs}, scores {:.1} of balanced's {:.1}",
            passive.mean.score, balanced.mean.score
        ));
    }
    failed
}
