//! Par, the split the attention panel shows: it always adds up to the
//! week, never starves strategy, and its news says why it moved in words
//! that match the figures.

use crate::common;
use std::sync::Arc;

use cto_sim::engine::par::par;
use cto_sim::engine::state::ReportingLine;
use cto_sim::engine::{Activity, Game};
use cto_sim::ui::news::par_moved;

/// A default company with `engineers` engineers, `managers` managers and
/// `vps` VPs reporting to the CTO, at the start of a run.
fn company(engineers: u32, managers: u32, vps: usize) -> Game {
    let mut s = common::default_scenario();
    s.start.engineers = engineers;
    s.start.managers = managers;
    s.start.vps = vec![ReportingLine::Cto; vps];
    Game::new(Arc::new(s), 1)
}

/// However small the company, however many it wants to hire and however
/// long the week, par leaves strategy at least a fifth of the week: a small
/// team that nobody manages and a long hiring list (7 engineers, 0
/// managers, 40 wanted) once showed "Par is now 0/20/35/45".
#[test]
fn par_never_starves_strategy() {
    for engineers in [1, 3, 7, 12, 20, 40] {
        for managers in [0, 1, 3] {
            for vps in [0, 1] {
                let game = company(engineers, managers, vps);
                let p = &game.scenario().params;
                for hours in [35, 45, 60] {
                    for wanted in [engineers, engineers + 5, engineers + 40] {
                        let a = par(game.state(), p, hours, wanted).attention;
                        let sum = Activity::ALL
                            .iter()
                            .map(|&x| u32::from(a.get(x)))
                            .sum::<u32>();
                        assert_eq!(sum, 100, "{engineers} eng, {managers} mgr: {a:?}");
                        assert!(
                            a.strategy >= 20,
                            "{engineers} engineers, {managers} managers, {vps} VPs, \
                             {hours} h, {wanted} wanted: par {a:?}"
                        );
                    }
                }
            }
        }
    }
}

/// When a team stops being small, the news says where the line is in
/// words that fit the count ("8 engineers: from 8 on", never "past 8").
#[test]
fn par_news_says_where_hands_on_work_stops_teaching() {
    let small = company(5, 0, 0);
    let grown = company(8, 0, 0);
    let p = &small.scenario().params;
    let before = par(small.state(), p, 45, 5);
    let after = par(grown.state(), p, 45, 8);
    let line = par_moved(&before, &after).expect("coding par falls by 35 points");
    assert!(line.contains("coding 35% → 0%"), "{line}");
    let from = format!("from {:.0} on", after.why.hands_on_below);
    assert!(line.contains(&from), "{line}");
    assert!(!line.contains("past"), "{line}");
}
