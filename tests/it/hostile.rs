//! Hostile scenario text: random edits of real scenarios must only ever produce
//! messages — never a panic — and whatever loads must play.
//! (The cargo-fuzz target in `fuzz/` does the same for hours; this runs in CI.)

use std::sync::Arc;

use cto_sim::engine::Game;
use cto_sim::policy;
use cto_sim::scenario::{load_str, BUILTIN};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, char),
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), "[-(),:\\[\\]0-9a-zA-Z_\". e]{1,12}")
            .prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len().max(1);
        match e {
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(chars.len());
                if at < end {
                    chars.drain(at..end);
                }
            }
            Edit::Insert(at, s) => {
                let at = at % (chars.len() + 1);
                for (i, c) in s.chars().enumerate() {
                    chars.insert(at + i, c);
                }
            }
            Edit::Replace(at, c) => {
                if !chars.is_empty() {
                    let at = at % chars.len();
                    chars[at] = *c;
                }
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn edited_scenarios_load_or_explain_and_loaded_ones_play(
        which in 0usize..BUILTIN.len(),
        edits in proptest::collection::vec(arb_edit(), 1..6),
    ) {
        let text = apply(BUILTIN[which].1, &edits);
        match load_str(&text, "edited.ron") {
            Err(found) => {
                prop_assert!(!found.is_empty());
                for d in &found {
                    let shown = d.to_string();
                    prop_assert!(shown.starts_with("edited.ron"), "{}", shown);
                }
            }
            Ok(checked) => {
                let scenario = Arc::new(checked.scenario);
                let mut bot = policy::by_name("random", 1).unwrap();
                let mut game = Game::new(Arc::clone(&scenario), 1);
                while !game.is_over() && game.state().week < 52 {
                    let d = bot.decide(game.state(), &scenario);
                    prop_assert!(game.step(&d).is_ok());
                    prop_assert!(game.state().company.cash.is_finite());
                }
            }
        }
    }
}

/// The slowest valid scenario known (issue 19): the whole deck (256 events),
/// each firing every week it can with fifteen effects spread over ten years
/// and a follow-up to the next, over the longest horizon. About 210 KB, and
/// valid: `cto-sim check` and `balance` must get through it, saying how far
/// they are (tests/it/terminal.rs), and BENCHMARKS.md records their time.
pub(crate) fn spread_heavy_scenario() -> String {
    let events: Vec<String> = (0..256)
        .map(|i| {
            let spreads: Vec<String> = (0..15)
                .map(|j| format!("Spread(metric: debt, by: 0.{}, weeks: 520)", 5 + j % 3))
                .collect();
            format!(
                "        (\n            id: \"e{i:03}\",\n            title: \"Event {i}\",\n            text: \"Something happens.\",\n            choices: [(label: \"Fine\", effects: [{}, FollowUp(event: \"e{:03}\", weeks: 1)])],\n        ),",
                spreads.join(", "),
                (i + 1) % 256
            )
        })
        .collect();
    format!(
        "(\n    version: 1,\n    name: \"Spread heavy\",\n    description: \"Every event spreads fifteen effects over ten years.\",\n    horizon_weeks: 1040,\n    events: [\n{}\n    ],\n)\n",
        events.join("\n")
    )
}

#[test]
fn the_spread_heavy_scenario_is_valid_and_plays() {
    let text = spread_heavy_scenario();
    assert!((200_000..230_000).contains(&text.len()), "{}", text.len());
    let scenario = Arc::new(load_str(&text, "heavy").expect("valid").scenario);
    assert_eq!(scenario.events.len(), 256);
    // A few weeks of play: spread effects are under way as the deck fires.
    let mut game = Game::new(Arc::clone(&scenario), 1);
    let mut bot = policy::by_name("passive", 1).unwrap();
    for _ in 0..30 {
        let d = bot.decide(game.state(), &scenario);
        game.step(&d).unwrap();
    }
    assert!(!game.state().ongoing.is_empty());
}
