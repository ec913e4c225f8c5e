//! The calibration targets of the model (docs/model.md, "Calibration"), each as a
//! named test played through the public API.

use crate::common;

use std::sync::Arc;

use common::{decision, play_steady, quiet_scenario};
use cto_sim::engine::params::Params;
use cto_sim::engine::{
    new_hire_productivity, yearly_attrition, Attention, Game, ReportingLine, Stage,
};

/// Robinson: eight weeks of 60 hours produce about what eight weeks of 40 do.
#[test]
fn robinson_eight_weeks_of_crunch_equal_eight_normal_weeks() {
    let scenario = quiet_scenario(|_| {});
    let coding_hours = |hours: u8| {
        let mut game = Game::new(Arc::clone(&scenario), 1);
        let d = decision(hours, Attention::new(0, 0, 100, 0));
        let mut total = 0.0;
        for _ in 0..8 {
            play_steady(&mut game, 1, &d);
            total += game.state().metrics.effective_hours[cto_sim::engine::Activity::Coding];
        }
        total
    };
    let ratio = coding_hours(60) / coding_hours(40);
    println!("robinson: 60h/40h output ratio {ratio:.3}");
    assert!(
        (0.9..=1.1).contains(&ratio),
        "60h/40h output ratio {ratio:.3}"
    );
    // And the first crunch week does produce more: the loss builds up.
    let mut game = Game::new(Arc::clone(&scenario), 1);
    play_steady(&mut game, 1, &decision(60, Attention::new(0, 0, 100, 0)));
    assert!(game.state().metrics.effective_hours[cto_sim::engine::Activity::Coding] > 45.0);
}

/// Brooks: quadrupling a three-person team leaves velocity roughly flat for about
/// two months while velocity per engineer falls by more than half.
#[test]
fn brooks_quadrupling_a_small_team_keeps_velocity_flat_and_halves_it_per_head() {
    let scenario = quiet_scenario(|s| {
        s.start.engineers = 3;
        s.params.morale.base_attrition = 0.0;
    });
    let mut game = Game::new(scenario, 4);
    let team_velocity = |g: &Game| g.state().metrics.velocity - g.state().metrics.cto_velocity;
    let steady = decision(50, Attention::new(40, 0, 0, 60));
    let mut before = 0.0;
    for _ in 0..4 {
        play_steady(&mut game, 1, &steady);
        before += team_velocity(&game) / 4.0;
    }
    let per_head_before = before / f64::from(game.state().people.engineers());
    // Recruit nine engineers as fast as possible.
    let mut hire = decision(80, Attention::new(0, 100, 0, 0));
    hire.hiring.engineers = 12;
    while game.state().people.engineers() < 12 {
        play_steady(&mut game, 1, &hire);
        assert!(game.state().week < 20, "the hires never arrived");
    }
    let mut after = 0.0;
    for _ in 0..8 {
        play_steady(&mut game, 1, &steady);
        after += team_velocity(&game) / 8.0;
    }
    let n = f64::from(game.state().people.engineers());
    let ratio = after / before;
    assert!(
        (0.7..=1.5).contains(&ratio),
        "velocity ratio {ratio:.2} is not roughly flat"
    );
    let per_head_drop = 1.0 - (after / n) / per_head_before;
    println!("brooks: velocity ratio {ratio:.2}, per-head drop {per_head_drop:.2}");
    assert!(
        per_head_drop > 0.5,
        "velocity per engineer fell only {per_head_drop:.2}"
    );
}

/// Brooks: one unstructured team of thirty loses about half its time to coordination.
#[test]
fn brooks_one_team_of_thirty_loses_half_its_time_to_coordination() {
    let scenario = quiet_scenario(|s| s.start.engineers = 30);
    let mut game = Game::new(scenario, 1);
    play_steady(&mut game, 1, &decision(50, Attention::new(25, 25, 25, 25)));
    let co = game.state().metrics.communication_overhead;
    println!("brooks: one team of 30, overhead {co:.3}");
    assert!((0.45..=0.55).contains(&co), "overhead {co:.3}");
    // Four teams of seven or eight lose very little.
    let scenario = quiet_scenario(|s| {
        s.start.engineers = 30;
        s.start.managers = 4;
    });
    let mut game = Game::new(scenario, 1);
    play_steady(&mut game, 1, &decision(50, Attention::new(25, 25, 25, 25)));
    assert!(game.state().metrics.communication_overhead < 0.08);
}

/// Ramp-up: full productivity after about 20 weeks, 0.6 on average during the ramp.
#[test]
fn ramp_a_new_engineer_takes_twenty_weeks_at_about_sixty_percent() {
    let hp = Params::default().hiring;
    let mean: f64 = (0..hp.ramp_weeks)
        .map(|j| new_hire_productivity(j, &hp))
        .sum::<f64>()
        / f64::from(hp.ramp_weeks);
    assert!(
        (0.55..=0.65).contains(&mean),
        "mean ramp productivity {mean:.3}"
    );
    assert_eq!(new_hire_productivity(hp.ramp_weeks, &hp), 1.0);

    // Through the game: a hire becomes experienced about 20 weeks after starting.
    let scenario = quiet_scenario(|s| s.params.morale.base_attrition = 0.0);
    let mut game = Game::new(scenario, 1);
    let mut hire = decision(50, Attention::new(20, 60, 10, 10));
    hire.hiring.engineers = 4;
    let mut started = None;
    for _ in 0..60 {
        play_steady(&mut game, 1, &hire);
        let s = game.state();
        if started.is_none() && s.people.ramping_total() > 0 {
            started = Some(s.week);
        }
        if s.people.experienced == 4 {
            let weeks = s.week - started.unwrap();
            assert!((18..=22).contains(&weeks), "ramped after {weeks} weeks");
            return;
        }
    }
    panic!("the hire never finished ramping");
}

/// Spans: an organisation of managers reporting to the CTO alone starts to
/// come apart between 24 and 48 engineers — coverage falls, even with every
/// hour of the CTO's week on management — and the screen's flag says so at
/// the same size. (Not the flag's formula: coverage is what morale and the
/// player see.)
#[test]
fn spans_call_for_a_manager_of_managers_between_24_and_48_engineers() {
    let coverage = |n: u32, span: u32| {
        let scenario = quiet_scenario(|s| {
            s.start.engineers = n;
            s.start.managers = n / span;
            s.params.morale.base_attrition = 0.0;
        });
        let mut game = Game::new(scenario, 1);
        play_steady(&mut game, 1, &decision(60, Attention::new(0, 0, 0, 100)));
        let m = &game.state().metrics;
        (m.org_coverage, m.needs_manager_of_managers)
    };
    for span in [6, 7, 8] {
        let first = (10..=80)
            .find(|&n| coverage(n, span).0 < 0.9)
            .expect("coverage falls at some size");
        println!("spans: span {span}, coverage under 0.9 from {first} engineers");
        assert!(
            (24..=48).contains(&first),
            "span {span}: coverage falls at {first} engineers"
        );
        assert!(
            coverage(first, span).1,
            "span {span}: the flag is not raised"
        );
    }
}

fn debt_tax_after_two_years(refactor_pct: u8) -> f64 {
    debt_tax_after(refactor_pct, 104)
}

fn debt_tax_after(refactor_pct: u8, weeks: u32) -> f64 {
    // A team growing from 6 to 16 engineers while the CTO stays off the code.
    let scenario = quiet_scenario(|s| {
        s.start.engineers = 6;
        s.start.cash = 1e9;
    });
    let mut game = Game::new(scenario, 2);
    let mut d = decision(50, Attention::new(35, 25, 5, 35));
    d.refactor_pct = refactor_pct;
    d.hiring.engineers = 16;
    d.hiring.managers = 2;
    play_steady(&mut game, weeks, &d);
    game.state().metrics.debt_tax
}

/// Debt neglected keeps creeping: once the team has stopped growing, the tax
/// rises year after year (two, three and four years of neglect).
#[test]
fn neglected_debt_keeps_creeping() {
    let taxes: Vec<f64> = [104, 156, 208]
        .into_iter()
        .map(|weeks| debt_tax_after(3, weeks))
        .collect();
    println!("debt creep: tax {taxes:.3?} after two, three and four years of neglect");
    assert!(
        taxes.windows(2).all(|w| w[1] > w[0]),
        "the tax does not creep: {taxes:.3?}"
    );
}

/// Debt: neglect costs 20–40% of capacity within two years; 15–20% protected
/// refactoring keeps the tax at 5–20%.
#[test]
fn debt_neglect_taxes_a_quarter_of_capacity_and_refactoring_keeps_it_low() {
    let neglect = debt_tax_after_two_years(3);
    assert!(
        (0.20..=0.40).contains(&neglect),
        "tax under neglect {neglect:.3}"
    );
    let careful = debt_tax_after_two_years(18);
    println!("debt: tax {neglect:.3} under neglect, {careful:.3} with refactoring");
    assert!(
        (0.05..=0.20).contains(&careful),
        "tax with refactoring {careful:.3}"
    );
}

/// Attrition: 13% a year at neutral morale, 30–45% when management collapses.
#[test]
fn attrition_is_thirteen_percent_and_triples_when_nobody_manages() {
    let mp = Params::default().morale;
    let neutral = yearly_attrition(0.6, mp.base_attrition, &mp);
    assert!((neutral - 0.132).abs() < 1e-9);

    let scenario = quiet_scenario(|s| {
        s.start.engineers = 20;
        s.start.cash = 1e9;
    });
    let mut game = Game::new(scenario, 3);
    play_steady(&mut game, 30, &decision(50, Attention::new(40, 10, 50, 0)));
    let rate = game.state().metrics.attrition_rate;
    println!("attrition: {rate:.2} a year with nobody managing");
    assert!(
        (0.30..=0.45).contains(&rate),
        "attrition {rate:.2} with nobody managing"
    );
}

/// Funding: a good seed-stage CTO reaches Series A in about 1.5–2.5 years, and
/// after $2M ARR grows roughly like T2D3 (triple, triple, double…): about
/// three times in the first year, about twice by the third.
#[test]
fn funding_a_good_seed_policy_reaches_series_a_in_about_two_years() {
    let scenario = Arc::new(common::default_scenario());
    let mut weeks_to_a = Vec::new();
    let mut first_year_growth = Vec::new();
    let mut yearly: Vec<[f64; 3]> = Vec::new();
    for seed in 1..=30 {
        let mut a_week = None;
        let mut at_2m: Option<(u32, f64)> = None;
        let mut growth = None;
        let mut arr_at = [0.0f64; 4];
        cto_sim::sim::play(&scenario, "balanced", seed, |s| {
            if a_week.is_none() && s.company.stage >= Stage::SeriesA {
                a_week = Some(s.week);
            }
            if at_2m.is_none() && s.company.arr >= 2e6 {
                at_2m = Some((s.week, s.company.arr));
            }
            if let Some((w, arr)) = at_2m {
                if growth.is_none() && s.week == w + 52 {
                    growth = Some(s.company.arr / arr);
                }
                for (year, slot) in arr_at.iter_mut().enumerate() {
                    if s.week == w + 52 * year as u32 {
                        *slot = s.company.arr;
                    }
                }
            }
        })
        .unwrap();
        weeks_to_a.push(a_week.expect("balanced reaches Series A"));
        first_year_growth.push(growth.expect("a year after $2M ARR"));
        if arr_at[3] > 0.0 {
            yearly.push([
                arr_at[1] / arr_at[0],
                arr_at[2] / arr_at[1],
                arr_at[3] / arr_at[2],
            ]);
        }
    }
    let mean_of = |k: usize| yearly.iter().map(|y| y[k]).sum::<f64>() / yearly.len() as f64;
    println!(
        "T2D3: x{:.2}, x{:.2}, x{:.2} in years 1-3 after $2M ({} runs)",
        mean_of(0),
        mean_of(1),
        mean_of(2),
        yearly.len()
    );
    weeks_to_a.sort_unstable();
    let median = weeks_to_a[weeks_to_a.len() / 2];
    assert!(
        (78..=130).contains(&median),
        "median weeks to Series A: {median}"
    );
    let mean_growth = first_year_growth.iter().sum::<f64>() / first_year_growth.len() as f64;
    println!("funding: median {median} weeks to Series A, x{mean_growth:.2} in the year after $2M");
    assert!(
        (2.0..=4.0).contains(&mean_growth),
        "first year after $2M: x{mean_growth:.2}"
    );
    // T2D3 tapers: about triple in the first year, about double by the third.
    let (y1, y2, y3) = (mean_of(0), mean_of(1), mean_of(2));
    assert!(
        yearly.len() >= 20,
        "{} runs lasted three years",
        yearly.len()
    );
    assert!((2.5..=4.0).contains(&y1), "year 1: x{y1:.2}");
    assert!((1.6..=2.6).contains(&y3), "year 3: x{y3:.2}");
    assert!(
        y2 <= y1 && y3 <= 0.8 * y1,
        "no taper: x{y1:.2}, x{y2:.2}, x{y3:.2}"
    );
}

/// Influence: handing the only VP to the CEO costs 0.3–0.45 of influence within
/// eight weeks, and adoption falls below one half within six months.
#[test]
fn delegating_the_vp_to_the_ceo_costs_authority_within_eight_weeks() {
    let scenario = quiet_scenario(|s| {
        s.start.engineers = 30;
        s.start.managers = 4;
        s.start.vps = vec![ReportingLine::Cto];
        s.start.cash = 1e9;
    });
    let mut game = Game::new(scenario, 6);
    let mut d = decision(50, Attention::new(35, 15, 15, 35));
    play_steady(&mut game, 12, &d);
    let before = game.state().metrics.influence;
    assert!(before > 0.8, "influence before {before:.2}");
    d.vp_lines = vec![ReportingLine::Ceo { forum: false }];
    play_steady(&mut game, 8, &d);
    let drop = before - game.state().metrics.influence;
    println!("influence: fell by {drop:.3} in 8 weeks");
    assert!((0.3..=0.45).contains(&drop), "influence fell by {drop:.3}");
    let mut weeks = 8;
    while game.state().metrics.adoption >= 0.5 {
        play_steady(&mut game, 1, &d);
        weeks += 1;
        assert!(
            weeks <= 26,
            "adoption still {:.2}",
            game.state().metrics.adoption
        );
    }
    println!("influence: adoption below 0.5 after {weeks} weeks");
}

/// A company too small for its revenue loses customers: `passive` (three
/// engineers all run) ends with far less ARR than it would if service never
/// strained, while `balanced`, which hires to the stage, barely feels it (the
/// same ending, its score within 1% of a run with the strain switched off).
#[test]
fn customers_leave_a_company_too_small_to_serve_them() {
    // The model without the deck: an event answered one way in one run and
    // another way in the other would measure the deck, not the strain.
    let mut with = cto_sim::engine::Scenario::builtin("default").unwrap();
    with.events.clear();
    let with = Arc::new(with);
    let mut off = (*with).clone();
    off.params.business.service_churn = 0.0;
    let off = Arc::new(off);
    let mut worst: f64 = 0.0;
    for seed in 1..=10 {
        let strained = cto_sim::sim::play_policy(&with, "passive", seed, None, |g, _, _| {
            let s = g.state();
            if s.week > 26 {
                worst = worst.max(s.arr_per_person());
            }
        })
        .unwrap();
        let free = cto_sim::sim::play(&off, "passive", seed, |_| {}).unwrap();
        assert!(
            strained.arr < 0.7 * free.arr,
            "seed {seed}: {:.1}M with the strain, {:.1}M without",
            strained.arr / 1e6,
            free.arr / 1e6
        );
        // Events left to their defaults: `balanced` answers events from
        // forecasts that read every parameter, so any change may flip an
        // answer, and a run on the edge of its IPO with it; the hiring rule
        // is what this measures.
        let a = cto_sim::sim::play(&with, "balanced,answers=default", seed, |_| {}).unwrap();
        let b = cto_sim::sim::play(&off, "balanced,answers=default", seed, |_| {}).unwrap();
        // A company that hires to its stage feels it at most briefly, at Seed,
        // while a round is being raised.
        assert!(
            (a.score / b.score - 1.0).abs() < 0.01 && a.ending == b.ending,
            "seed {seed}: balanced scores {:.1} with the strain, {:.1} without",
            a.score,
            b.score
        );
    }
    // The strain holds ARR per person under the point where churn eats the
    // fastest growth (the 4.5% ceiling at 1.2 × direction):
    // arr_per_person × (1 + √(5.4% / service_churn)) ≈ $990k.
    eprintln!("passive: at most ${:.0}k ARR per person", worst / 1e3);
    assert!(worst <= 1.0e6, "${worst:.0} ARR per person");
}

/// The high-power escape (MODEL §2.9 #8): a CTO with high expertise, trust and
/// credits who hands the VP to the CEO keeps the organisation following them
/// (adoption at 0.5 or more) through the next six months, as long as they keep
/// meeting it (management time beyond their own reports goes to skip-levels).
/// Ordinary power does not hold it, and neither does high power kept away from
/// the organisation. It holds with the skip-level cost moved ±30%.
#[test]
fn a_cto_with_high_expertise_trust_and_credits_keeps_adoption_after_delegating() {
    let adoption_after = |power: f64, attention: Attention, skip_factor: f64| {
        let scenario = quiet_scenario(|s| {
            s.start.engineers = 30;
            s.start.managers = 4;
            s.start.vps = vec![ReportingLine::Cto];
            s.start.cash = 1e9;
            s.start.expert = Some(power);
            s.start.referent = Some(power);
            s.start.credits = power;
            s.params.power.skip_level_hours *= skip_factor;
        });
        let mut game = Game::new(scenario, 6);
        let mut d = decision(50, attention);
        play_steady(&mut game, 12, &d);
        d.vp_lines = vec![ReportingLine::Ceo { forum: false }];
        let mut lowest: f64 = 1.0;
        for _ in 0..26 {
            play_steady(&mut game, 1, &d);
            lowest = lowest.min(game.state().metrics.adoption);
        }
        lowest
    };
    let present = Attention::new(30, 15, 15, 40);
    let absent = Attention::new(35, 15, 40, 10);
    for factor in [0.7, 1.0, 1.3] {
        let strong = adoption_after(1.0, present, factor);
        let ordinary = adoption_after(0.5, present, factor);
        let away = adoption_after(1.0, absent, factor);
        println!(
            "escape (skip-levels x{factor}): lowest adoption in six months {strong:.2} (high power), {ordinary:.2} (ordinary), {away:.2} (high power, absent)"
        );
        assert!(strong >= 0.5, "high power: adoption fell to {strong:.2}");
        assert!(
            ordinary < 0.5,
            "ordinary power: adoption held at {ordinary:.2}"
        );
        assert!(away < 0.5, "high power, absent: adoption held at {away:.2}");
    }
}

/// No bot and no fixed split, on any built-in scenario, runs a company with
/// more than $1M of ARR per person on the payroll (engineering and the rest of
/// the company) in any week past the first half-year: SaaS companies sit near
/// $150–400k. Pressing Enter on the default scenario is played over 200 seeds
/// (its three engineers leave now and then: before the rest of the company
/// lagged, a week after two leavers showed $1.09M), `check`'s sample of fixed
/// splits over 8, and on the default scenario every split of the balance grid
/// that never recruits over 20: such a company loses its last engineers, and
/// before the CEO staffed sales and support to the revenue, `fixed:30/0/60/10`
/// showed $1.06M the week it did.
#[test]
fn no_run_has_more_than_a_million_of_arr_per_person() {
    let mut worst = (0.0f64, String::new());
    let grid: Vec<String> = cto_sim::balance::quick_grid()
        .iter()
        .map(ToString::to_string)
        .collect();
    // Every split of the balance grid that never recruits, on the default
    // scenario: the company that loses its last engineers.
    let never_recruits: Vec<String> = cto_sim::balance::grid()
        .iter()
        .filter(|f| {
            f.attention.hiring == 0
                && f.hours == cto_sim::policy::BALANCED_HOURS
                && f.refactor.is_none()
        })
        .map(ToString::to_string)
        .collect();
    for (name, _) in cto_sim::scenario::BUILTIN {
        let scenario = Arc::new(cto_sim::engine::Scenario::builtin(name).unwrap());
        let policies = cto_sim::policy::names()
            .map(|p| {
                (
                    p.to_string(),
                    if *name == "default" && p == "passive" {
                        200
                    } else {
                        12
                    },
                )
            })
            .chain(grid.iter().map(|p| (p.clone(), 8)))
            .chain(
                never_recruits
                    .iter()
                    .filter(|_| *name == "default")
                    .map(|p| (p.clone(), 20)),
            );
        for (policy, seeds) in policies {
            for seed in 1..=seeds {
                cto_sim::sim::play(&scenario, &policy, seed, |s| {
                    let per_person = s.arr_per_person();
                    if s.week > 26 && per_person > worst.0 {
                        worst = (
                            per_person,
                            format!("{name} {policy} seed {seed} week {}", s.week),
                        );
                    }
                })
                .unwrap();
            }
        }
    }
    println!(
        "ARR per person: at most ${:.0}k ({})",
        worst.0 / 1e3,
        worst.1
    );
    assert!(
        worst.0 <= 1.0e6,
        "${:.0} ARR per person: {}",
        worst.0,
        worst.1
    );
}

/// A failed round is bridged by some insiders and not by others (rules 6). A
/// Seed company whose raise fails with ARR near 40% of the Series A bar: with
/// a fixed bar (`bridge_appetite: [1.0, 1.0]`, rules 5) the bridge is a
/// threshold on ARR, every company over it bridged and none under it; with
/// the insiders' appetite drawn, companies under the bar are bridged in some
/// seeds, and the outcome is no longer a line a few dollars of ARR decide.
#[test]
fn insiders_differ_on_bridging_a_failed_round() {
    let mut sc = cto_sim::engine::Scenario::builtin("default").unwrap();
    // Eight engineers, little fit and little cash: the raise starts in week
    // one and fails (ARR far under the bar) with ARR about 40% of the bar.
    sc.start.stage = Stage::Seed;
    sc.start.arr = 650_000.0;
    sc.start.cash = 1_500_000.0;
    sc.start.fit = 0.25;
    sc.start.engineers = 8;
    let bar = sc.params.business.bridge_at * sc.params.business.rounds[0].arr_bar;
    // (ARR when the first raise ended, bridged?) for 40 seeds.
    let first_raises = |sc: &cto_sim::engine::Scenario| {
        let sc = Arc::new(sc.clone());
        (1..=40)
            .map(|seed| {
                let mut first = None;
                cto_sim::sim::play_policy(&sc, "passive", seed, None, |g, _, _| {
                    let s = g.state();
                    for n in &s.news {
                        let outcome = match n {
                            cto_sim::engine::News::Bridge { .. } => Some(true),
                            cto_sim::engine::News::RaiseFailed(_) => Some(false),
                            _ => None,
                        };
                        if first.is_none() {
                            first = outcome.map(|b| (s.company.arr, b));
                        }
                    }
                })
                .unwrap();
                first.expect("the first raise fails")
            })
            .collect::<Vec<_>>()
    };
    let mut fixed = sc.clone();
    fixed.params.business.bridge_appetite = [1.0, 1.0];
    for (arr, bridged) in first_raises(&fixed) {
        assert_eq!(bridged, arr >= bar, "fixed bar: ARR ${arr:.0}");
    }
    let drawn = first_raises(&sc);
    let under = drawn.iter().filter(|(arr, _)| *arr < bar);
    let bridged_under = under.clone().filter(|(_, b)| *b).count();
    let refused = drawn.iter().filter(|(_, b)| !*b).count();
    eprintln!(
        "bridge: {bridged_under} of {} seeds under 40% of the bar bridged, {refused} of 40 refused",
        under.count()
    );
    assert!(bridged_under >= 3, "{drawn:?}");
    assert!(refused >= 3, "{drawn:?}");
}
