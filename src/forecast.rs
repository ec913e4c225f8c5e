//! The forecast: where this week's plan leads. The rest of the run is played
//! again and again from the state on screen, with this week's decision held
//! (attention, hours, refactoring, hiring targets, reporting lines; events
//! left to their defaults, the targets following what events do to them, as
//! the screen's draft does), each time under other luck. What comes out is a
//! range of the goal's figure at the end, whether and when the goal is
//! reached, and how such a run most often ends.
//!
//! A forecast must not reveal the run's own luck: its futures never read the
//! run's random streams. Each is a [`Game::reseeded`] copy whose generators are
//! seeded from the week and the figures the player sees on screen, so two
//! runs that look the same get the same forecast, whatever their streams hold.
//!
//! A pure function of (game state, plan), like `whatif`: the screen computes
//! it on a worker thread (`ui::forecast`), the tests call it directly.

use crate::engine::draft::follow_events;
use crate::engine::events::{Metric, Op};
use crate::engine::params::Role;
use crate::engine::scenario::Outcome;
use crate::engine::stage::typical_engineers;
use crate::engine::{Decision, Ending, Game, Hiring, Scenario, Stage, State};

/// How many futures a forecast plays.
pub const FUTURES: u32 = 16;

/// What the forecast measures: the figure the scenario's win asks for most
/// plainly (ARR where it asks for ARR; the IPO's ARR with no win of its own).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    pub metric: Metric,
    /// The value the win asks for.
    pub target: f64,
}

/// Where this week's plan leads, over [`FUTURES`] futures.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// The weeks played when it was made.
    pub from_week: u32,
    pub futures: u32,
    pub goal: Goal,
    /// The goal's figure when the futures end: their 20th and 80th percentile.
    pub low: f64,
    pub high: f64,
    /// The week the futures end, the median.
    pub end_week: u32,
    /// Futures that end in a win, and the median week they win.
    pub wins: u32,
    pub win_week: Option<u32>,
    /// The ending most futures have, how many have it and their median week.
    pub likely: Ending,
    pub likely_count: u32,
    pub likely_week: u32,
}

impl Forecast {
    /// Whether most futures reach the goal.
    pub fn reaches_goal(&self) -> bool {
        self.wins * 2 > self.futures
    }
}

/// One future: how it ended, when, and the goal's figure then.
#[derive(Clone, Copy, Debug)]
struct Future {
    ending: Ending,
    week: u32,
    value: f64,
}

/// The goal `sc` sets: the first win's ARR condition, else its first
/// "at least" condition, else the IPO.
pub fn goal(sc: &Scenario) -> Goal {
    let wins = sc.endings.iter().filter(|e| e.outcome == Outcome::Win);
    let conditions: Vec<_> = wins
        .flat_map(|e| e.when.iter())
        .filter(|c| matches!(c.op, Op::AtLeast | Op::Above))
        .collect();
    let chosen = conditions
        .iter()
        .find(|c| c.metric == Metric::Arr)
        .or_else(|| conditions.first());
    match chosen {
        Some(c) => Goal {
            metric: c.metric,
            target: c.value,
        },
        None => Goal {
            metric: Metric::Arr,
            target: sc.params.endings.ipo_arr,
        },
    }
}

/// The forecast for `game` if `plan` is played every week from now on.
pub fn forecast(game: &Game, plan: &Decision) -> Forecast {
    let sc = game.scenario();
    let goal = goal(sc);
    let seed = visible_seed(game.state());
    let mut futures: Vec<Future> = (0..FUTURES)
        .map(|i| future(game, plan, goal, mix(seed ^ u64::from(i))))
        .collect();
    summarise(game.state().week, goal, sc, &mut futures)
}

/// Play `plan` from `game` under the luck of `seed` until the run ends.
fn future(game: &Game, plan: &Decision, goal: Goal, seed: u64) -> Future {
    let mut g = game.reseeded(seed);
    let mut plan = plan.clone();
    let mut stage = g.state().company.stage;
    while !g.is_over() {
        let mut d = plan.clone();
        // A VP who left has no line to set; one who joined keeps theirs.
        d.vp_lines.truncate(g.state().people.vps.len());
        if g.advance(&d).is_err() {
            break;
        }
        // This week's answers are the player's; later events take their
        // defaults, and the targets follow what they did.
        plan.answers.clear();
        follow_events(&mut plan.hiring, g.state(), g.scenario());
        let now = g.state().company.stage;
        if now != stage {
            scale_to_stage(&mut plan.hiring, stage, now);
            stage = now;
        }
    }
    let s = g.state();
    Future {
        ending: s.ending.unwrap_or(Ending::TimeUp),
        week: s.week,
        value: goal.metric.read(s),
    }
}

/// A round closed: the hiring targets keep their size against the stage's
/// typical team (a target of 30 engineers at Series B, its typical team,
/// becomes 55 at Series C).
fn scale_to_stage(hiring: &mut Hiring, from: Stage, to: Stage) {
    let (a, b) = (typical_engineers(from), typical_engineers(to));
    let scale =
        |x: u32| ((u64::from(x) * u64::from(b) + u64::from(a) / 2) / u64::from(a.max(1))) as u32;
    hiring.engineers = scale(hiring.engineers);
    hiring.managers = scale(hiring.managers);
}

fn summarise(from_week: u32, goal: Goal, sc: &Scenario, futures: &mut [Future]) -> Forecast {
    let n = futures.len().max(1);
    futures.sort_by(|a, b| a.value.total_cmp(&b.value));
    let at = |q: usize| futures.get((n - 1) * q / 10).map_or(0.0, |f| f.value);
    let (low, high) = (at(2), at(8));
    let weeks = |pick: &dyn Fn(&Future) -> bool| {
        let mut w: Vec<u32> = futures.iter().filter(|f| pick(f)).map(|f| f.week).collect();
        w.sort_unstable();
        w.get(w.len() / 2).copied()
    };
    let is_win = |f: &Future| sc.ending_outcome(f.ending) == Some(Outcome::Win);
    let wins = futures.iter().filter(|f| is_win(f)).count() as u32;
    let mut endings: Vec<Ending> = futures.iter().map(|f| f.ending).collect();
    endings.sort_unstable();
    endings.dedup();
    let count = |e: Ending| futures.iter().filter(|f| f.ending == e).count() as u32;
    let likely = endings
        .iter()
        .copied()
        .max_by_key(|e| count(*e))
        .unwrap_or(Ending::TimeUp);
    Forecast {
        from_week,
        futures: futures.len() as u32,
        goal,
        low,
        high,
        end_week: weeks(&|_| true).unwrap_or(from_week),
        wins,
        win_week: weeks(&is_win),
        likely,
        likely_count: count(likely),
        likely_week: weeks(&|f| f.ending == likely).unwrap_or(from_week),
    }
}

/// A seed made of the week and what the screen shows of the company: the
/// header's figures, the organisation and the power the Why panel shows.
/// Never the run's random streams.
pub fn visible_seed(s: &State) -> u64 {
    let m = &s.metrics;
    let p = &s.people;
    let figures = [
        s.company.cash,
        s.company.arr,
        s.company.morale,
        s.company.debt,
        s.company.fit,
        m.runway_months,
        m.velocity,
        s.influence_points(),
        s.authority_points(),
    ];
    let counts = [
        u64::from(s.week),
        s.company.stage.index() as u64,
        u64::from(p.engineers()),
        u64::from(p.managers),
        p.vps.len() as u64,
        s.pending.len() as u64,
    ];
    figures
        .iter()
        .map(|x| x.to_bits())
        .chain(counts)
        .fold(0x6a09_e667_f3bc_c909, |h, x| mix(h ^ x))
}

/// SplitMix64's finaliser: spreads a number over all 64 bits.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How many more engineers the cash in the bank pays for `months` on top
/// of the company as it is: what is left after `months` of the recurring
/// burn, over what an engineer costs for as long (the loaded salary, and the
/// rest of the company that grows with engineering at this stage).
pub fn engineers_cash_pays(s: &State, sc: &Scenario, months: f64) -> u32 {
    let bp = &sc.params.business;
    let burn = s.metrics.burn.max(0.0) * months;
    let spare = s.company.cash - burn;
    let share = bp.engineering_share[s.company.stage.index()].clamp(0.05, 1.0);
    let yearly =
        (bp.salary(Role::Engineer) + bp.other_salary * (1.0 / share - 1.0)) * (1.0 + bp.opex);
    let each = yearly * months / 12.0;
    if spare <= 0.0 || each <= 0.0 {
        return 0;
    }
    (spare / each).floor().min(f64::from(u32::MAX)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn default_game() -> Game {
        Game::new(Arc::new(Scenario::builtin("default").unwrap()), 7)
    }

    #[test]
    fn the_default_goal_is_the_ipos_arr() {
        let g = default_game();
        let goal = goal(g.scenario());
        assert_eq!(goal.metric, Metric::Arr);
        assert_eq!(goal.target, g.scenario().params.endings.ipo_arr);
    }

    #[test]
    fn a_scenario_that_asks_for_arr_is_forecast_in_arr() {
        let sc = Scenario::builtin("turnaround").unwrap();
        assert_eq!(goal(&sc).metric, Metric::Arr);
        assert_eq!(goal(&sc).target, 10_000_000.0);
    }

    #[test]
    fn cash_pays_for_nobody_when_the_burn_eats_it() {
        let g = default_game();
        let mut s = g.state().clone();
        s.company.cash = 1_000.0;
        assert_eq!(engineers_cash_pays(&s, g.scenario(), 18.0), 0);
        s.company.cash = 100_000_000.0;
        s.metrics.burn = 0.0;
        let n = engineers_cash_pays(&s, g.scenario(), 18.0);
        assert!((100..400).contains(&n), "{n}");
    }
}
