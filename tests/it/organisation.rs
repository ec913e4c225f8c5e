//! Events that change the organisation do what their choices say: a
//! promotion adds a manager, a VP search brings a VP, someone leaves, a
//! target moves — and a player who keeps the screen's draft keeps it so.

use std::sync::Arc;

use cto_sim::engine::draft::{first_draft, follow_events};
use cto_sim::engine::{Answer, Decision, Game, Scenario, State};

/// Play `weeks` weeks as a player who keeps the screen's draft (its targets
/// follow what the events did) and answers the event `id` with the choice
/// labelled `label`; `each` sees every week's state.
fn play(
    scenario: Scenario,
    weeks: u32,
    answer: (&str, &str),
    mut each: impl FnMut(&State),
) -> Game {
    let scenario = Arc::new(scenario);
    let mut game = Game::new(Arc::clone(&scenario), 1);
    let mut draft: Decision = first_draft(game.state(), &scenario);
    let (id, label) = answer;
    for _ in 0..weeks {
        let s = game.state();
        draft.answers = s
            .pending
            .iter()
            .enumerate()
            .filter_map(|(pending, p)| {
                let def = &scenario.events[p.event];
                let choice = def.choices.iter().position(|c| c.label == label)?;
                (def.id == id).then_some(Answer { pending, choice })
            })
            .collect();
        draft.vp_lines = s.people.vps.iter().map(|v| v.line).collect();
        game.step(&draft).expect("a legal week");
        follow_events(&mut draft.hiring, game.state(), &scenario);
        each(game.state());
    }
    game
}

/// The default scenario, with the event `id` sure to fire as soon as it can.
fn default_with(id: &str, edit: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut sc = Scenario::builtin("default").unwrap();
    for e in &mut sc.events {
        if e.id == id {
            e.chance = 1.0;
        } else {
            e.chance = 0.0;
        }
    }
    edit(&mut sc);
    sc
}

#[test]
fn naming_a_vp_as_the_owner_of_delivery_starts_a_search_and_a_vp_joins() {
    let sc = default_with("delivery_owner", |sc| {
        sc.start.engineers = 24;
        sc.start.stage = cto_sim::engine::Stage::SeriesB;
        sc.start.cash = 40_000_000.0;
        sc.start.arr = 10_000_000.0;
    });
    let search_weeks = sc.params.hiring.vp_search_weeks;
    let mut searching_from = None;
    let mut joined = None;
    let answer = ("delivery_owner", "A VP of Engineering, reporting to me");
    play(sc, 20, answer, |s| {
        if searching_from.is_none() && s.people.vp_search.is_some() {
            searching_from = Some(s.week);
        }
        if joined.is_none() && !s.people.vps.is_empty() {
            joined = Some(s.week);
        }
    });
    let from = searching_from.expect("the search started");
    let joined = joined.expect("a VP joined");
    assert!(
        joined <= from + search_weeks,
        "search from week {from}, VP in week {joined} ({search_weeks} weeks' search)"
    );
}

#[test]
fn giving_the_star_a_team_adds_a_manager_who_stays() {
    let sc = default_with("star_wants_to_manage", |sc| sc.start.engineers = 9);
    let game = play(sc, 12, ("star_wants_to_manage", "Give her a team"), |_| {});
    assert_eq!(game.state().people.managers, 1, "a manager, kept");
    let sc = default_with("star_wants_to_manage", |sc| sc.start.engineers = 9);
    let game = play(
        sc,
        12,
        ("star_wants_to_manage", "Not yet: she is needed in the code"),
        |_| {},
    );
    assert_eq!(game.state().people.managers, 0, "no manager when refused");
}

#[test]
fn the_organisation_effects_fixture_does_what_each_choice_says() {
    let text = std::fs::read_to_string("tests/scenarios/organisation_effects.ron").unwrap();
    let sc = cto_sim::scenario::load_str(&text, "organisation_effects.ron")
        .expect("the fixture loads")
        .scenario;
    let weeks = std::cell::RefCell::new(Vec::new());
    let answers = [
        ("lead", "Give her a team"),
        ("vp", "Agree: start the search"),
    ];
    let mut game = Game::new(Arc::new(sc.clone()), 1);
    let mut draft = first_draft(game.state(), &sc);
    for _ in 0..30 {
        let s = game.state();
        draft.answers = s
            .pending
            .iter()
            .enumerate()
            .filter_map(|(pending, p)| {
                let def = &sc.events[p.event];
                let (_, label) = answers.iter().find(|(id, _)| *id == def.id)?;
                let choice = def.choices.iter().position(|c| c.label == *label)?;
                Some(Answer { pending, choice })
            })
            .collect();
        draft.vp_lines = s.people.vps.iter().map(|v| v.line).collect();
        game.step(&draft).expect("a legal week");
        follow_events(&mut draft.hiring, game.state(), &sc);
        weeks
            .borrow_mut()
            .push((game.state().clone(), draft.hiring));
    }
    let weeks = weeks.into_inner();
    let at = |w: u32| &weeks[w as usize - 1];
    // Week 2: the lead was promoted (the event fired in week 1, answered in 2).
    assert_eq!(at(2).0.people.managers, 2, "promoted");
    assert_eq!(at(2).1.managers, 2, "the draft follows the promotion");
    // The VP search, asked in week 4, brings a VP ten weeks on.
    assert!(at(4).0.people.vp_search.is_some(), "the search runs");
    assert_eq!(at(4).1.vps, 1, "the draft wants the VP");
    assert_eq!(at(14).0.people.vps.len(), 1, "the VP joined");
    // The manager who resigned in week 6 is backfilled from the team the same
    // week (a promotion a week): the target stayed.
    assert!(
        at(6).0.news.contains(&cto_sim::engine::News::Left(1)),
        "a manager left: {:?}",
        at(6).0.news
    );
    assert!(
        at(6).0.news.contains(&cto_sim::engine::News::Promoted),
        "backfilled"
    );
    assert_eq!(at(6).0.people.managers, 2);
    // Week 8: four more engineers wanted.
    assert_eq!(at(8).1.engineers, at(7).1.engineers + 4, "the target moved");
}

/// Effects spread over weeks add up to their whole amount, however many
/// of one event's spreads on one metric run at once and whenever each ends:
/// a choice that spreads $60k of cash as $30k over six weeks and $30k over
/// three leaves the company, once both are done, exactly where one $60k
/// change does.
#[test]
fn spread_effects_add_up_to_their_whole_amount() {
    use cto_sim::engine::events::Effect;
    use cto_sim::engine::metric::Metric;
    let with = |effects: Vec<Effect>| {
        let mut sc = Scenario::builtin("default").unwrap();
        for e in &mut sc.events {
            e.chance = 0.0;
        }
        let e = &mut sc.events[0];
        e.chance = 1.0;
        e.once = true;
        e.when.clear();
        let choice = e.default_choice;
        e.choices[choice].effects = effects;
        let id = e.id.clone();
        let mut cash = Vec::new();
        play(sc, 12, (&id, ""), |s| cash.push(s.company.cash));
        cash
    };
    let spread = with(vec![
        Effect::Spread {
            metric: Metric::Cash,
            by: 30_000.0,
            weeks: 6,
        },
        Effect::Spread {
            metric: Metric::Cash,
            by: 30_000.0,
            weeks: 3,
        },
    ]);
    let at_once = with(vec![Effect::Change {
        metric: Metric::Cash,
        by: 60_000.0,
    }]);
    let none = with(Vec::new());
    // Under way, part of it is in; once both spreads are done, all of it.
    let same = |w: usize| (spread[w] - at_once[w]).abs() < 0.01;
    let fired = (0..12).find(|&w| !same(w)).expect("the event fired");
    let settled = (fired..12)
        .find(|&w| same(w))
        .expect("the spreads reach the whole amount");
    assert!(settled >= fired + 5, "weeks {fired}..{settled}");
    assert!(spread[settled - 1] < at_once[settled - 1] - 1.0);
    assert!(spread[settled - 1] > none[settled - 1] + 1.0);
    for w in settled..12 {
        assert!((spread[w] - at_once[w]).abs() < 0.01, "week {}", w + 1);
    }
}

/// A VP who leaves through an event while the week's decision still names a
/// reporting line for them: the week is played, the VP is gone, and the
/// organisation backfills the post (the target stayed). Every bot, and the
/// player's own draft, plays on.
#[test]
fn a_vp_who_leaves_through_an_event_does_not_stop_the_week() {
    let text = std::fs::read_to_string("tests/scenarios/vp_leaves.ron").unwrap();
    let sc = cto_sim::scenario::load_str(&text, "vp_leaves.ron")
        .expect("the fixture loads")
        .scenario;
    let mut left = false;
    let game = play(sc.clone(), 6, ("vp_goes", "Wish them well"), |s| {
        left |= s
            .news
            .iter()
            .any(|n| matches!(n, cto_sim::engine::News::VpLeft))
            || s.people.vps.is_empty();
    });
    assert!(left, "the VP left");
    assert_eq!(game.state().week, 6);
    let sc = Arc::new(sc);
    for bot in cto_sim::policy::names() {
        let r = cto_sim::sim::play(&sc, bot, 1, |_| {}).expect("the bot plays");
        assert!(r.weeks > 2, "{bot} stopped at week {}", r.weeks);
    }
}
