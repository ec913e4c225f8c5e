//! Property tests over random decision sequences: whatever the player does, the
//! state stays finite and in range, and the books balance every week.

use crate::common;

use std::sync::Arc;

use cto_sim::engine::{Answer, Attention, Decision, Game, Hiring, ReportingLine, State};
use proptest::prelude::*;

/// A legal decision drawn from the whole space a player can reach.
fn arb_decision() -> impl Strategy<Value = (Decision, Vec<u8>, Vec<usize>)> {
    (
        35u8..=80,
        (0u8..=100, 0u8..=100, 0u8..=100),
        0u8..=40,
        (0u32..60, 0u32..10, 0u32..=3),
        proptest::collection::vec(0u8..3, 0..4),
        proptest::collection::vec(0usize..3, 0..4),
    )
        .prop_map(
            |(hours, (a, b, c), refactor_pct, (eng, mgr, vps), lines, answers)| {
                let mut cuts = [a, b, c];
                cuts.sort_unstable();
                let attention =
                    Attention::new(cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 100 - cuts[2]);
                let d = Decision {
                    hours,
                    attention,
                    refactor_pct,
                    hiring: Hiring {
                        engineers: eng,
                        managers: mgr,
                        vps,
                    },
                    vp_lines: Vec::new(),
                    answers: Vec::new(),
                };
                (d, lines, answers)
            },
        )
}

/// Fit the drawn lines and answers to what the state allows.
fn fit(mut d: Decision, lines: &[u8], answers: &[usize], s: &State, game: &Game) -> Decision {
    d.vp_lines = lines
        .iter()
        .take(s.people.vps.len())
        .map(|l| match l {
            0 => ReportingLine::Cto,
            1 => ReportingLine::Ceo { forum: false },
            _ => ReportingLine::Ceo { forum: true },
        })
        .collect();
    d.answers = s
        .pending
        .iter()
        .enumerate()
        .zip(answers)
        .map(|((i, pe), &c)| Answer {
            pending: i,
            choice: c % game.scenario().events[pe.event].choices.len(),
        })
        .collect();
    d
}

/// Every number in the state, as text tokens of its RON form.
fn non_finite_tokens(s: &State) -> Vec<String> {
    let text = ron::to_string(s).unwrap();
    text.split(|c: char| ":,()[] ".contains(c))
        .filter(|t| matches!(*t, "NaN" | "inf" | "-inf"))
        .map(str::to_string)
        .collect()
}

fn in_range(s: &State) -> Result<(), String> {
    let unit = [
        ("fit", s.company.fit),
        ("alignment", s.company.alignment),
        ("morale", s.company.morale),
        ("legitimate", s.power.legitimate),
        ("reward", s.power.reward),
        ("informational", s.power.informational),
        ("expert", s.power.expert),
        ("referent", s.power.referent),
        ("credits", s.power.credits),
        ("influence", s.metrics.influence),
        ("adoption", s.metrics.adoption),
        ("direction", s.metrics.direction),
        ("cto_coverage", s.metrics.cto_coverage),
        ("org_coverage", s.metrics.org_coverage),
        ("communication_overhead", s.metrics.communication_overhead),
        ("debt_tax", s.metrics.debt_tax),
        ("quality", s.metrics.quality),
        ("efficiency", s.metrics.efficiency),
        ("chain_share", s.metrics.chain_share),
        ("attrition_rate", s.metrics.attrition_rate),
    ];
    for (name, x) in unit {
        if !(0.0..=1.0).contains(&x) {
            return Err(format!("{name} = {x} is outside 0–1"));
        }
    }
    let non_negative = [
        ("arr", s.company.arr),
        ("debt", s.company.debt),
        ("codebase", s.company.codebase),
        ("velocity", s.metrics.velocity),
        ("capacity", s.metrics.capacity),
        ("revenue", s.metrics.revenue),
        ("costs", s.metrics.costs),
        ("funding", s.metrics.funding),
        ("fatigue", s.fatigue),
        ("hire_progress", s.people.hire_progress),
    ];
    for (name, x) in non_negative {
        if x < 0.0 {
            return Err(format!("{name} = {x} is negative"));
        }
    }
    if !(0.0..=999.0).contains(&s.metrics.runway_months) {
        return Err(format!("runway {}", s.metrics.runway_months));
    }
    if !(0.0..=99.0).contains(&s.metrics.burn_multiple) {
        return Err(format!("burn multiple {}", s.metrics.burn_multiple));
    }
    if s.pending.len() > 3 {
        return Err(format!("{} events pending", s.pending.len()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_decisions_keep_the_state_finite_in_range_and_the_books_balanced(
        seed in any::<u64>(),
        weeks in proptest::collection::vec(arb_decision(), 1..160),
    ) {
        let scenario = Arc::new(common::default_scenario());
        let mut game = Game::new(scenario, seed);
        for (d, lines, answers) in weeks {
            if game.is_over() {
                break;
            }
            let before = game.state().company.cash;
            let d = fit(d, &lines, &answers, game.state(), &game);
            game.step(&d).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let s = game.state();
            let bad = non_finite_tokens(s);
            prop_assert!(bad.is_empty(), "non-finite numbers in week {}: {:?}", s.week, bad);
            in_range(s).map_err(|e| TestCaseError::fail(format!("week {}: {e}", s.week)))?;
            let m = &s.metrics;
            let expected = before + m.revenue - m.costs + m.funding;
            let tolerance = 1e-9 * expected.abs().max(before.abs()).max(1.0);
            prop_assert!(
                (s.company.cash - expected).abs() <= tolerance,
                "cash identity broken in week {}: {} != {}", s.week, s.company.cash, expected
            );
        }
    }

    #[test]
    fn an_illegal_attention_split_is_refused_and_changes_nothing(
        a in 0u8..=100, b in 0u8..=100, c in 0u8..=100, d in 0u8..=100,
    ) {
        prop_assume!(u32::from(a) + u32::from(b) + u32::from(c) + u32::from(d) != 100);
        let mut game = Game::new(Arc::new(common::default_scenario()), 1);
        let before = game.hash();
        let decision = Decision { attention: Attention::new(a, b, c, d), ..Decision::default() };
        prop_assert!(game.step(&decision).is_err());
        prop_assert_eq!(game.hash(), before);
    }
}

/// The limits a bot must respect, drawn across their whole declared range.
const LIMITS: [&str; 4] = [
    "hiring.max_vps",
    "engineering.max_refactor_pct",
    "hiring.promotions_per_week",
    "org.cto_team",
];

/// Valid parameters, one draw in 0–1 per number: the limits anywhere within
/// their declared bounds (`engine/params/bounds.rs`), every other number
/// between half and twice its default (within its bounds), so that runs last
/// long enough for the limits to matter.
fn params_within_bounds(draws: &[f64]) -> cto_sim::engine::params::Params {
    use serde_json::Value;
    fn redraw(v: &mut Value, key: &str, draws: &[f64], i: &mut usize) {
        match v {
            Value::Number(n) => {
                let b = cto_sim::engine::params::bounds::bound(key).expect("declared");
                let u = draws[*i % draws.len()];
                *i += 1;
                let x = if LIMITS.contains(&key) {
                    b.min + u * (b.max + 0.999 - b.min)
                } else {
                    let default = n.as_f64().unwrap_or(b.min);
                    (default * (0.5 + 1.5 * u)).clamp(b.min, b.max)
                };
                *n = if b.whole {
                    serde_json::Number::from(x as u64)
                } else {
                    serde_json::Number::from_f64(x).expect("finite")
                };
            }
            Value::Object(map) => {
                for (name, v) in map.iter_mut() {
                    let key = if key.is_empty() {
                        name.clone()
                    } else {
                        format!("{key}.{name}")
                    };
                    redraw(v, &key, draws, i);
                }
            }
            Value::Array(items) => {
                for item in items {
                    redraw(item, key, draws, i);
                }
            }
            _ => {}
        }
    }
    let mut value = serde_json::to_value(cto_sim::engine::params::Params::default()).unwrap();
    redraw(&mut value, "", draws, &mut 0);
    let mut p: cto_sim::engine::params::Params = serde_json::from_value(value).unwrap();
    // The ranges must be in order.
    let b = &mut p.business;
    b.growth_bounds.sort_by(f64::total_cmp);
    b.appetite.sort_by(f64::total_cmp);
    b.round_size_range.sort_by(f64::total_cmp);
    b.bridge_appetite.sort_by(f64::total_cmp);
    b.raise_lateness.sort_by(f64::total_cmp);
    p
}

/// Every bot keeps to the scenario's limits, whatever valid parameters the
/// scenario sets: each of its decisions is one the engine accepts.
#[test]
fn every_bot_makes_legal_decisions_in_any_valid_scenario() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;
    let weeks = Cell::new(0u64);
    let runs = Cell::new(0u64);
    let limits_seen = Cell::new((false, false));
    let mut runner = TestRunner::new(Config::with_cases(48));
    let cases = (proptest::collection::vec(0.0f64..1.0, 150), 0u64..1000);
    let result = runner.run(&cases, |(draws, seed)| {
        let mut scenario = common::default_scenario();
        scenario.params = params_within_bounds(&draws);
        let found = cto_sim::scenario::validate::validate(&scenario, "drawn");
        let errors: Vec<String> = found
            .iter()
            .filter(|d| d.severity == cto_sim::scenario::Severity::Error)
            .map(|d| d.to_string())
            .collect();
        prop_assert!(
            errors.is_empty(),
            "drawn parameters are invalid: {errors:?}"
        );
        let (zero_vps, tight_refactor) = limits_seen.get();
        limits_seen.set((
            zero_vps || scenario.params.hiring.max_vps == 0,
            tight_refactor || scenario.params.engineering.max_refactor_pct < 15,
        ));
        let scenario = Arc::new(scenario);
        for bot in cto_sim::policy::names() {
            let played = cto_sim::sim::play_policy(&scenario, bot, seed, Some(52), |_, _, _| {});
            prop_assert!(played.is_ok(), "{}", played.unwrap_err());
            weeks.set(weeks.get() + u64::from(played.unwrap().weeks));
            runs.set(runs.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The property says something only if the runs last and the limits bite.
    let mean = weeks.get() as f64 / runs.get() as f64;
    assert!(mean >= 26.0, "runs last {mean:.1} weeks on average");
    assert_eq!(limits_seen.get(), (true, true), "no draw had tight limits");
}
