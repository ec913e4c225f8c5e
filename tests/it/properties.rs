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
