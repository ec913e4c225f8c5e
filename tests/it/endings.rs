//! Every ending can happen, each for the reason it names.

use crate::common;

use std::sync::Arc;

use common::{decision, play_steady, quiet_scenario};
use cto_sim::engine::{score, Attention, Cause, Decision, Ending, Game, PowerBase, Scenario};

use cto_sim::sim::play;
use cto_sim::ui::log::Entry;

#[test]
fn ending_identifiers_are_stable_snake_case() {
    let ids: Vec<&str> = Ending::ALL.iter().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "out_of_cash",
            "fired",
            "puppet",
            "ten_x_programmer",
            "ipo",
            "time_up"
        ]
    );
    for e in Ending::ALL {
        assert_eq!(Ending::from_id(e.id()), Some(e));
        // The serialised form is the identifier too (run files, JSON).
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            format!("\"{}\"", e.id())
        );
    }
}

/// Plays `decision` every week (keeping the headcount) until the run ends or
/// `weeks` pass: the game, and the credits the ledger says each cause moved.
fn credits_by_cause(
    scenario: Arc<Scenario>,
    d: &Decision,
    weeks: u32,
) -> (Game, Vec<(Cause, f64)>) {
    let mut game = Game::new(scenario, 1);
    let mut moved: Vec<(Cause, f64)> = Vec::new();
    for _ in 0..weeks {
        play_steady(&mut game, 1, d);
        let credits = game
            .state()
            .ledger
            .iter()
            .filter(|e| e.base == PowerBase::Credits);
        for e in credits {
            assert!(e.delta.is_finite());
            match moved.iter_mut().find(|(c, _)| *c == e.cause) {
                Some((_, sum)) => *sum += e.delta,
                None => moved.push((e.cause, e.delta)),
            }
        }
        if game.is_over() {
            break;
        }
    }
    (game, moved)
}

/// One engineer, a business that needs far more, and a CTO who only manages:
/// the board's quarterly reviews find the roadmap slipping, take the CTO's
/// credits and fire them. The same CTO with a roadmap one engineer can deliver
/// keeps the job, so the slipping roadmap, not the management, is the cause.
#[test]
fn a_cto_whose_roadmap_keeps_slipping_is_fired() {
    let company = |points_needed: f64| {
        quiet_scenario(move |s| {
            s.start.engineers = 1;
            s.start.arr = 4e6;
            s.start.cash = 1e9;
            s.start.credits = 0.1;
            s.params.business.points_needed = points_needed;
        })
    };
    let manager = decision(45, Attention::new(0, 0, 0, 100));
    let (game, moved) = credits_by_cause(company(3.0), &manager, 200);
    assert_eq!(
        game.state().ending,
        Some(Ending::Fired),
        "credits moved by {moved:?}"
    );
    assert!(
        game.state().power.legitimate >= 0.5,
        "fired with authority, not sidelined"
    );
    let lost: f64 = moved.iter().map(|(_, d)| d.min(0.0)).sum();
    let slipped: f64 = moved
        .iter()
        .filter(|(c, _)| *c == Cause::RoadmapSlipped)
        .map(|(_, d)| *d)
        .sum();
    assert!(
        slipped <= 0.5 * lost && slipped < -0.05,
        "the slipping roadmap took most of the credits lost: {moved:?}"
    );
    let (game, moved) = credits_by_cause(company(0.05), &manager, 200);
    let ending = game.state().ending;
    assert_ne!(
        ending,
        Some(Ending::Fired),
        "delivered, yet fired: {moved:?}"
    );
    assert!(
        moved.iter().all(|(c, _)| *c != Cause::RoadmapSlipped),
        "{moved:?}"
    );
}

#[test]
fn the_run_ends_at_the_horizon_with_time_up() {
    let scenario = quiet_scenario(|s| s.horizon_weeks = 30);
    let mut game = Game::new(scenario, 1);
    play_steady(
        &mut game,
        100,
        &decision(48, Attention::new(35, 15, 35, 15)),
    );
    assert_eq!(game.state().ending, Some(Ending::TimeUp));
    assert_eq!(game.state().week, 30);
}

#[test]
fn each_failure_mode_has_a_bot_that_reaches_it() {
    let scenario = Arc::new(common::default_scenario());
    let reached = |bot: &str, ending: Ending| {
        (1..=20).any(|seed| play(&scenario, bot, seed, |_| {}).unwrap().ending == ending)
    };
    assert!(reached("hire_fast", Ending::OutOfCash));
    assert!(reached("delegator", Ending::Puppet));
    assert!(reached("coder", Ending::TenXProgrammer));
    assert!(reached("balanced", Ending::Ipo));
    assert!(reached("sharer", Ending::TimeUp));
}

#[test]
fn an_early_ipo_scores_more_than_a_late_one_and_survival_beats_failure() {
    let scenario = Arc::new(common::default_scenario());
    // The first seed whose `balanced` run goes public ten weeks or more
    // before the horizon.
    let (result, s) = (1..=20)
        .find_map(|seed| {
            let mut last = None;
            let result = play(&scenario, "balanced", seed, |s| last = Some(s.clone())).unwrap();
            let early = result.weeks + 10 < scenario.horizon_weeks;
            (result.ending == Ending::Ipo && early).then(|| (result, last.unwrap()))
        })
        .expect("balanced goes public in one of 20 runs");
    // The same company and standing, going public a year earlier or later.
    let at_week = |week: u32| {
        let mut t = s.clone();
        t.tracking.pull_sum = s.tracking.pull_sum / f64::from(s.week) * f64::from(week);
        t.week = week;
        score(&t, &scenario)
    };
    assert!(at_week(s.week - 52) > at_week(s.week));
    assert!(at_week(s.week) > at_week(s.week + 10));
    let dead = play(&scenario, "hire_fast", 1, |_| {}).unwrap();
    assert!(dead.score < 20.0 && result.score > 80.0);
}

/// Play `bot` through `scenario` with `seed` as the game does (a session, so
/// the news log gets what the player reads); the ending's week and the log.
fn played(scenario: &str, bot: &str, seed: u64) -> (Ending, u32, Vec<Entry>) {
    let sc = Arc::new(cto_sim::engine::Scenario::builtin(scenario).unwrap());
    let mut policy = cto_sim::policy::by_name(bot, seed).unwrap();
    let mut session = cto_sim::ui::session::Session::new(Arc::clone(&sc), seed);
    while session.state().ending.is_none() {
        let d = policy.decide(session.state(), &sc);
        session.step(&d).unwrap();
    }
    let s = session.state();
    (s.ending.unwrap(), s.week, session.log.clone())
}

/// Before each failure ending, a warning named it in the news (and on the week
/// screen, which reads the same risk) at least four weeks ahead.
#[test]
fn every_failure_ending_is_warned_about_weeks_ahead() {
    // The first seed on which each bot reaches the ending.
    let cases = [
        (Ending::Puppet, "default", "delegator", "Puppet"),
        (Ending::TenXProgrammer, "default", "coder", "10x programmer"),
        (Ending::OutOfCash, "default", "hire_fast", "Out of cash"),
        (Ending::Fired, "turnaround", "drifter", "Fired"),
    ];
    for (ending, scenario, bot, words) in cases {
        let (seed, week, log) = (1..=200)
            .find_map(|seed| {
                let (e, week, log) = played(scenario, bot, seed);
                (e == ending).then_some((seed, week, log))
            })
            .unwrap_or_else(|| panic!("{bot} never reached {ending:?} on {scenario}"));
        let warned = log
            .iter()
            .find(|e| e.text.starts_with(&format!("Warning: {words}")))
            .map(|e| e.week)
            .unwrap_or_else(|| panic!("{bot} seed {seed}: no warning before {ending:?}"));
        assert!(
            week >= warned + 4,
            "{bot} seed {seed}: warned in week {warned}, {ending:?} in week {week}"
        );
    }
}

/// Sharing responsibility in a forum is the CEO's call: a CTO with no trust and
/// no credits is mostly refused (and not heard again for 13 weeks), a trusted
/// CTO with credits gets it.
#[test]
fn the_ceo_agrees_to_a_forum_as_often_as_trust_and_credits_allow() {
    use cto_sim::engine::ReportingLine;
    let forum = ReportingLine::Ceo { forum: true };
    let agreed = |referent: f64, credits: f64| {
        let scenario = quiet_scenario(|s| {
            s.start.vps = vec![ReportingLine::Cto];
            s.start.referent = Some(referent);
            s.start.credits = credits;
        });
        let mut d = decision(48, Attention::new(30, 10, 10, 50));
        d.vp_lines = vec![forum];
        let mut refused_then_asked = 0;
        let agreed = (1..=100)
            .filter(|&seed| {
                let mut game = Game::new(Arc::clone(&scenario), seed);
                play_steady(&mut game, 1, &d);
                if game.state().people.vps[0].line == forum {
                    return true;
                }
                // Refused: asking every week for the next 12 changes nothing.
                play_steady(&mut game, 12, &d);
                assert_ne!(game.state().people.vps[0].line, forum, "seed {seed}");
                refused_then_asked += 1;
                false
            })
            .count();
        (agreed, refused_then_asked)
    };
    let (distrusted, refused) = agreed(0.0, 0.0);
    let (trusted, _) = agreed(0.9, 0.9);
    assert!(distrusted <= 25, "{distrusted} of 100 agreed with no trust");
    assert_eq!(refused, 100 - distrusted);
    assert!(
        trusted >= 95,
        "{trusted} of 100 agreed with trust and credits"
    );
}

/// The quiet default scenario, kept at ten engineers, with one loss ending:
/// fewer than `value ± spread` engineers in week 1 or later.
fn board_scenario(spread: Option<f64>) -> Arc<Scenario> {
    use cto_sim::engine::events::{Condition, Metric, Op};
    use cto_sim::engine::scenario::{CustomEnding, Outcome};
    common::quiet_scenario(|s| {
        s.start.engineers = 10;
        s.start.managers = 1;
        s.endings = vec![CustomEnding {
            id: "board".to_string(),
            title: "The board wanted a bigger team.".to_string(),
            outcome: Outcome::Loss,
            when: vec![Condition {
                spread,
                ..Condition::new(Metric::Engineers, Op::Below, 10.0)
            }],
            for_weeks: 1,
            score_factor: None,
        }];
    })
}

/// With `spread: 4` on `engineers below 10`, each run's board wants its own
/// number between 6 and 14: about half of the boards are content with the
/// ten engineers the company has, and a run ends in week 1 exactly when its
/// own board is not.
#[test]
fn each_board_draws_its_own_patience_within_the_spread() {
    let scenario = board_scenario(Some(4.0));
    let d = decision(45, Attention::new(30, 20, 10, 40));
    let mut ended = 0;
    let mut bars = Vec::new();
    for seed in 1..=200 {
        let mut game = Game::new(Arc::clone(&scenario), seed);
        let bar = scenario.endings[0].when[0].threshold(game.state(), 0, 0);
        assert!((6.0..=14.0).contains(&bar), "seed {seed}: {bar}");
        bars.push(bar);
        play_steady(&mut game, 1, &d);
        let lost = game.state().ending == Some(Ending::Custom(0));
        let engineers = f64::from(game.state().people.engineers());
        assert_eq!(lost, engineers < bar, "seed {seed}: {engineers} vs {bar}");
        ended += usize::from(lost);
    }
    assert!((60..=140).contains(&ended), "{ended} of 200 boards gave up");
    let lowest = bars.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = bars.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    assert!(lowest < 7.0 && highest > 13.0, "{lowest}–{highest}");
}

/// The board's draw has a stream of its own: adding a spread changes the
/// threshold and nothing else a seed brings (the same company, week by week,
/// while the ending has not come).
#[test]
fn a_spread_changes_nothing_else_a_seed_brings() {
    let d = decision(45, Attention::new(30, 20, 10, 40));
    for seed in 1..=5 {
        let [mut plain, mut drawn] = [None, Some(3.0)].map(|spread| {
            // A threshold no run reaches: the run goes on.
            let mut sc = (*board_scenario(spread)).clone();
            sc.endings[0].when[0].value = 4.0;
            Game::new(Arc::new(sc), seed)
        });
        play_steady(&mut plain, 30, &d);
        play_steady(&mut drawn, 30, &d);
        assert!(plain.state().ending_bars.is_empty());
        assert_eq!(drawn.state().ending_bars.len(), 1);
        let mut without = drawn.state().clone();
        without.ending_bars.clear();
        assert_eq!(&without, plain.state(), "seed {seed}");
        assert_ne!(plain.hash(), drawn.hash(), "the drawn bar is hashed");
    }
}
