//! The story of a finished run tells the player what decided it, what one
//! change would have given, and what to try next — never "a harder scenario"
//! after a loss.

use std::sync::Arc;

use cto_sim::engine::scenario::Outcome;
use cto_sim::engine::{Ending, Scenario};
use cto_sim::run::RunRecord;
use cto_sim::ui::session::Session;
use cto_sim::ui::story::markdown;

/// `policy`'s run of `scenario` with `seed`, recorded and verified as a
/// report reads it.
fn played(scenario: &Arc<Scenario>, policy: &str, seed: u64) -> Session {
    let mut record = RunRecord::new(scenario, seed);
    cto_sim::sim::play_policy(scenario, policy, seed, None, |g, d, h| {
        record.push_week(g, d, h)
    })
    .unwrap();
    Session::verified(&record, "test").unwrap()
}

fn default() -> Arc<Scenario> {
    Arc::new(Scenario::builtin("default").unwrap())
}

/// The report's first paragraph after the headline.
fn first_paragraph(md: &str) -> String {
    md.split("\n\n").nth(2).unwrap_or_default().to_string()
}

/// The three ways the essay says a CTO fails are each named first: the
/// team never grown, the reporting line given away, the week spent coding.
#[test]
fn the_report_names_what_decided_the_ending_first() {
    let sc = default();
    for (policy, decided) in [
        ("passive", "What decided it: hiring"),
        ("delegator", "What decided it: the reporting line"),
        ("coder", "What decided it: coding"),
    ] {
        // The first three runs that end the way the style fails (a
        // delegator whose CEO keeps a low bar is no puppet: no line to blame;
        // a coder whose roadmap slips is fired for delivery before the
        // coding traps them).
        let fails_its_way = |ending: Option<Ending>| match policy {
            "delegator" => ending == Some(Ending::Puppet),
            "coder" => ending == Some(Ending::TenXProgrammer),
            _ => true,
        };
        let failed = (1..=20)
            .map(|seed| (seed, played(&sc, policy, seed)))
            .filter(|(_, run)| fails_its_way(run.state().ending))
            .take(3);
        for (seed, run) in failed {
            let md = markdown(&run);
            let first = first_paragraph(&md);
            assert!(first.starts_with(decided), "{policy} {seed}: {md}");
        }
    }
}

/// A harder scenario is a reward for a win, not advice after a loss; a loss
/// gets advice about what the loss was.
#[test]
fn a_harder_scenario_is_suggested_only_after_a_win() {
    let sc = default();
    let mut wins = 0;
    let mut losses = 0;
    for (policy, seeds) in [("balanced", 1..=50), ("passive", 1..=3), ("sharer", 1..=3)] {
        for seed in seeds {
            let session = played(&sc, policy, seed);
            let ending = session.state().ending.unwrap();
            let md = markdown(&session);
            let harder = md.contains("Try a harder scenario");
            let won = sc.ending_outcome(ending) == Some(Outcome::Win);
            assert_eq!(harder, won, "{policy} {seed} ({ending:?}): {md}");
            if won {
                wins += 1;
            } else {
                losses += 1;
            }
        }
    }
    assert!(wins > 0 && losses > 0, "{wins} wins, {losses} losses");
}

/// On a close loss (time up with at least 95% of the bar's ARR),
/// the retrospective shows the best change "What if" found; when it wins,
/// it is at least five points above the run, and some close losses are won
/// back.
#[test]
fn a_close_loss_is_shown_the_change_that_wins_it() {
    let sc = default();
    let bar = cto_sim::engine::outcome::target_arr(&sc);
    let (mut close, mut saved) = (0, 0);
    for seed in 1..=120 {
        let session = played(&sc, "balanced", seed);
        let s = session.state();
        if s.ending != Some(cto_sim::engine::Ending::TimeUp) || s.company.arr < 0.95 * bar {
            continue;
        }
        let (actual, alternatives) = cto_sim::whatif::what_ifs(session.record(), &sc);
        close += 1;
        let best = &alternatives[0];
        let won = sc.ending_outcome(best.ending) == Some(Outcome::Win);
        println!(
            "seed {seed}: ARR {:.1}M, won back: {won}",
            s.company.arr / 1e6
        );
        if won {
            saved += 1;
            assert!(best.score >= actual.score + 5.0, "seed {seed}");
        }
        let md = markdown(&session);
        assert!(md.contains(&best.sentence(&actual, &sc)), "{md}");
    }
    // What if replays the run's own decisions with one or two levers moved,
    // not a bot that adapts: on the debt-laden default, seeds 14 and 72 are
    // won by `balanced,refactor=30` and `refactor=25` played afresh, but not
    // by the recorded run with more refactoring (1 of 3 close losses in 120
    // seeds is won back).
    assert!(
        saved >= 1,
        "none of {close} close losses was shown a change that wins"
    );
    assert!(close > 0, "none of the close losses lost any more");
}
