//! The state before the first week: the scenario's `start`, with what it leaves
//! out taken from the CTO's background and the reporting lines.

use super::business::{recurring_costs, runway};
use super::power::{adoption, influence};
use super::week::clamp01;
use crate::engine::rng::{SimRng, Stream};
use crate::engine::scenario::{Scenario, Start};
use crate::engine::state::{
    Company, EndingBar, Metrics, People, Power, Raise, ReportingLine, State, Tracking, Vp,
};

/// The state of a new run of `sc`, before the first week.
pub(super) fn initial_state(sc: &Scenario) -> State {
    let p = &sc.params;
    let st = &sc.start;
    let share = starting_chain_share(sc);
    let mut state = State {
        week: 0,
        company: Company {
            stage: st.stage,
            cash: st.cash,
            arr: st.arr,
            fit: st.fit,
            contested_fit: 0.0,
            alignment: st.alignment,
            debt: st.debt,
            codebase: st.codebase.max(1.0),
            morale: st.morale,
            staff: 0.0,
        },
        people: starting_people(sc),
        power: starting_power(st, share),
        fatigue: 0.0,
        coding_multiple: st
            .coding_multiple
            .unwrap_or(st.background.preset().coding_multiple),
        strategy_skill: st.background.preset().strategy_skill,
        tuning: [0.0; 5],
        raise: Raise {
            weeks_left: 0,
            bridged: false,
            since: 0,
        },
        metrics: Metrics::default(),
        tracking: Tracking {
            arr_window: [st.arr; 13],
            peak_arr: st.arr,
            puppet_bar: sc.params.endings.puppet_influence,
            ..Tracking::default()
        },
        pending: Vec::new(),
        event_last_fired: vec![None; sc.events.len()],
        ongoing: Vec::new(),
        scheduled: Vec::new(),
        deadlines: Vec::new(),
        ending_streaks: vec![0; sc.endings.len()],
        ending_bars: Vec::new(),
        news: Vec::new(),
        ledger: Vec::new(),
        ending: None,
    };
    let phi = influence(&state.power, &p.power);
    // A VP who starts outside the chain is fully ramped.
    let opposing = if all_vps_to_ceo(st) {
        p.power.vp_position_power * (1.0 - share) + p.power.vp_ramp_power
    } else {
        0.0
    };
    state.company.staff =
        p.business
            .staff_for(st.stage, state.people.headcount(), state.company.arr);
    let m = &mut state.metrics;
    m.influence = clamp01(phi);
    m.opposing_power = opposing;
    m.adoption = adoption(phi, state.power.credits, opposing, &p.power);
    m.chain_share = share;
    m.direction = st.alignment;
    m.efficiency = 1.0;
    m.cto_coverage = 1.0;
    m.contact = 1.0;
    m.org_coverage = 1.0;
    let costs = recurring_costs(&p.business, &state.people, state.company.staff);
    m.burn = (costs - state.company.arr / 52.0) * 52.0 / 12.0;
    m.runway_months = runway(state.company.cash, m.burn);
    m.burn_multiple = 0.0;
    state
}

/// This run's thresholds for the scenario's own ending conditions that have
/// a spread, each drawn once, uniformly in `value ± spread`, from the board's
/// own stream: a scenario without spreads draws nothing.
pub(super) fn ending_bars(sc: &Scenario, seed: u64) -> Vec<EndingBar> {
    let mut rng = SimRng::new(seed, Stream::Board);
    let mut bars = Vec::new();
    for (i, end) in sc.endings.iter().enumerate() {
        for (j, c) in end.when.iter().enumerate() {
            let spread = c.spread();
            if spread > 0.0 {
                bars.push(EndingBar {
                    ending: u16::try_from(i).unwrap_or(u16::MAX),
                    condition: u16::try_from(j).unwrap_or(u16::MAX),
                    value: c.value + rng.uniform(-spread, spread),
                });
            }
        }
    }
    bars
}

fn all_vps_to_ceo(st: &Start) -> bool {
    !st.vps.is_empty() && st.vps.iter().all(|l| *l != ReportingLine::Cto)
}

/// Without explicit values, position power follows the starting reporting lines.
fn starting_chain_share(sc: &Scenario) -> f64 {
    let st = &sc.start;
    let total = f64::from(st.engineers + st.managers).max(1.0);
    let to_cto = st.vps.iter().filter(|l| **l == ReportingLine::Cto).count() as f64;
    if st.vps.is_empty() {
        1.0
    } else if all_vps_to_ceo(st) {
        (f64::from(sc.params.org.cto_team) / total).min(1.0)
    } else {
        to_cto / st.vps.len() as f64
    }
}

fn starting_people(sc: &Scenario) -> People {
    let hp = &sc.params.hiring;
    let st = &sc.start;
    People {
        experienced: st.engineers,
        ramping: vec![0; hp.ramp_weeks.max(1) as usize],
        pipeline: vec![0; hp.offer_to_start_weeks.max(1) as usize],
        managers: st.managers,
        // VPs already in place start fully ramped.
        vps: st
            .vps
            .iter()
            .map(|&line| Vp {
                age_weeks: hp.vp_ramp_weeks,
                line,
                refused_until: 0,
            })
            .collect(),
        vp_search: None,
        hire_progress: 0.0,
    }
}

fn starting_power(st: &Start, share: f64) -> Power {
    let preset = st.background.preset();
    Power {
        legitimate: st.legitimate.unwrap_or(share),
        reward: st.reward.unwrap_or(share),
        informational: st.informational.unwrap_or(preset.informational),
        expert: st.expert.unwrap_or(preset.expert),
        referent: st.referent.unwrap_or(preset.referent),
        credits: st.credits,
    }
}
