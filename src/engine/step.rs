//! The weekly pipeline (`Game::step`). The order of the stages is part of the
//! rules: see `docs/model.md`.

use std::sync::Arc;

use super::decision::{Decision, DecisionError, HOURS_RANGE};
use super::events::{Effect, Metric, Tunable};
use super::hash::StateHasher;
use super::ledger::{Cause, LedgerEntry};
use super::news::News;
use super::outcome::Ending;
use super::params::{HiringParams, MoraleParams, Params, PowerParams};
use super::rng::{SimRng, Stream};
use super::state::{
    Company, Metrics, Ongoing, PendingEvent, People, Power, PowerBase, Raise, ReportingLine,
    Scheduled, Stage, State, Tracking, Vp,
};
use crate::scenario::Scenario;

const LN_2: f64 = core::f64::consts::LN_2;
/// Runway and burn-multiple values stand in for "infinite" with these caps, so no
/// infinity ever enters the state.
const RUNWAY_CAP: f64 = 999.0;
const BURN_MULTIPLE_CAP: f64 = 99.0;

/// One run in progress: the scenario, the seed, the state and the random streams.
#[derive(Clone, Debug)]
pub struct Game {
    scenario: Arc<Scenario>,
    seed: u64,
    state: State,
    rng_people: SimRng,
    rng_strategy: SimRng,
    rng_funding: SimRng,
    rng_events: SimRng,
    rng_politics: SimRng,
}

impl Game {
    /// A new run of `scenario` with `seed`, before the first week.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Game {
        let state = initial_state(&scenario);
        Game {
            seed,
            state,
            rng_people: SimRng::new(seed, Stream::People),
            rng_strategy: SimRng::new(seed, Stream::Strategy),
            rng_funding: SimRng::new(seed, Stream::Funding),
            rng_events: SimRng::new(seed, Stream::Events),
            rng_politics: SimRng::new(seed, Stream::Politics),
            scenario,
        }
    }

    /// The state after the last week played.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The run's seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Whether the run has ended.
    pub fn is_over(&self) -> bool {
        self.state.ending.is_some()
    }

    /// The hash of the whole state, random streams included.
    pub fn hash(&self) -> u64 {
        let mut h = StateHasher::new();
        self.state.hash_into(&mut h);
        for rng in [
            &self.rng_people,
            &self.rng_strategy,
            &self.rng_funding,
            &self.rng_events,
            &self.rng_politics,
        ] {
            h.u128(rng.state());
        }
        h.finish()
    }

    /// Check `decision` against the current state without playing it.
    pub fn check(&self, decision: &Decision) -> Result<(), DecisionError> {
        validate(&self.state, &self.scenario, decision)
    }

    /// Play one week. Returns the new state hash; on error the state is unchanged.
    pub fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        validate(&self.state, &self.scenario, decision)?;
        let scenario = Arc::clone(&self.scenario);
        let mut week = Week {
            p: &scenario.params,
            scenario: &scenario,
            s: &mut self.state,
            d: decision,
            rng_people: &mut self.rng_people,
            rng_strategy: &mut self.rng_strategy,
            rng_funding: &mut self.rng_funding,
            rng_events: &mut self.rng_events,
            rng_politics: &mut self.rng_politics,
            m: Metrics::default(),
            one_off_costs: 0.0,
            one_off_revenue: 0.0,
            leaver_costs: 0.0,
            hire_quality: 0.8,
            interview_hours: 0.0,
            maker: 1.0,
        };
        week.run();
        Ok(self.hash())
    }
}

fn validate(s: &State, sc: &Scenario, d: &Decision) -> Result<(), DecisionError> {
    let p = &sc.params;
    if s.ending.is_some() {
        return Err(DecisionError::RunOver);
    }
    let (min, max) = HOURS_RANGE;
    if !(min..=max).contains(&d.hours) {
        return Err(DecisionError::HoursOutOfRange {
            hours: d.hours,
            min,
            max,
        });
    }
    let total = d.attention.total();
    if total != 100 {
        return Err(DecisionError::AttentionSum { total });
    }
    let max_refactor = p.engineering.max_refactor_pct;
    if d.refactor_pct > max_refactor {
        return Err(DecisionError::RefactorOutOfRange {
            pct: d.refactor_pct,
            max: max_refactor,
        });
    }
    if d.hiring.vps > p.hiring.max_vps {
        return Err(DecisionError::TooManyVps {
            wanted: d.hiring.vps,
            max: p.hiring.max_vps,
        });
    }
    if d.vp_lines.len() > s.people.vps.len() {
        return Err(DecisionError::LineWithoutVp {
            index: s.people.vps.len(),
            vps: s.people.vps.len(),
        });
    }
    let mut seen = 0u64;
    for a in &d.answers {
        let Some(pending) = s.pending.get(a.pending) else {
            return Err(DecisionError::UnknownEvent {
                index: a.pending,
                pending: s.pending.len(),
            });
        };
        let bit = 1u64 << (a.pending % 64);
        if seen & bit != 0 {
            return Err(DecisionError::DuplicateAnswer { index: a.pending });
        }
        seen |= bit;
        let choices = sc.events.get(pending.event).map_or(0, |e| e.choices.len());
        if a.choice >= choices {
            return Err(DecisionError::UnknownChoice {
                index: a.pending,
                choice: a.choice,
                choices,
            });
        }
    }
    Ok(())
}

fn initial_state(sc: &Scenario) -> State {
    let p = &sc.params;
    let st = &sc.start;
    let preset = st.background.preset();
    // Without explicit values, position power follows the starting reporting lines.
    let total = f64::from(st.engineers + st.managers).max(1.0);
    let all_to_ceo = !st.vps.is_empty() && st.vps.iter().all(|l| *l != ReportingLine::Cto);
    let to_cto = st.vps.iter().filter(|l| **l == ReportingLine::Cto).count() as f64;
    let share = if st.vps.is_empty() {
        1.0
    } else if all_to_ceo {
        (f64::from(p.org.cto_team) / total).min(1.0)
    } else {
        to_cto / st.vps.len() as f64
    };
    let mut state = State {
        week: 0,
        company: Company {
            stage: st.stage,
            cash: st.cash,
            arr: st.arr,
            fit: st.fit,
            alignment: st.alignment,
            debt: st.debt,
            codebase: st.codebase.max(1.0),
            morale: st.morale,
        },
        people: People {
            experienced: st.engineers,
            ramping: vec![0; p.hiring.ramp_weeks.max(1) as usize],
            pipeline: vec![0; p.hiring.offer_to_start_weeks.max(1) as usize],
            managers: st.managers,
            vps: st
                .vps
                .iter()
                .map(|&line| Vp {
                    age_weeks: p.hiring.vp_ramp_weeks,
                    line,
                    refused_until: 0,
                })
                .collect(),
            vp_search: None,
            hire_progress: 0.0,
        },
        power: Power {
            legitimate: st.legitimate.unwrap_or(share),
            reward: st.reward.unwrap_or(share),
            informational: st.informational.unwrap_or(preset.informational),
            expert: st.expert.unwrap_or(preset.expert),
            referent: st.referent.unwrap_or(preset.referent),
            credits: st.credits,
        },
        fatigue: 0.0,
        coding_multiple: st.coding_multiple.unwrap_or(preset.coding_multiple),
        strategy_skill: preset.strategy_skill,
        tuning: [0.0; 5],
        raise: Raise {
            weeks_left: 0,
            bridged: false,
        },
        metrics: Metrics::default(),
        tracking: Tracking {
            arr_window: [st.arr; 13],
            peak_arr: st.arr,
            ..Tracking::default()
        },
        pending: Vec::new(),
        event_last_fired: vec![None; sc.events.len()],
        ongoing: Vec::new(),
        scheduled: Vec::new(),
        ending_streaks: vec![0; sc.endings.len()],
        news: Vec::new(),
        ledger: Vec::new(),
        ending: None,
    };
    let phi = influence(&state.power, &p.power);
    // A VP who starts outside the chain is fully ramped.
    let opposing = if all_to_ceo {
        p.power.vp_position_power * (1.0 - share) + p.power.vp_ramp_power
    } else {
        0.0
    };
    state.metrics.influence = clamp01(phi);
    state.metrics.opposing_power = opposing;
    state.metrics.adoption = adoption(phi, state.power.credits, opposing, &p.power);
    state.metrics.chain_share = share;
    state.metrics.direction = st.alignment;
    state.metrics.efficiency = 1.0;
    state.metrics.cto_coverage = 1.0;
    state.metrics.org_coverage = 1.0;
    state.metrics.runway_months = RUNWAY_CAP;
    state.metrics.burn_multiple = 0.0;
    state
}

/// The work of one week. Each stage is a method, called in pipeline order.
struct Week<'a> {
    p: &'a Params,
    scenario: &'a Scenario,
    s: &'a mut State,
    d: &'a Decision,
    rng_people: &'a mut SimRng,
    rng_strategy: &'a mut SimRng,
    rng_funding: &'a mut SimRng,
    rng_events: &'a mut SimRng,
    rng_politics: &'a mut SimRng,
    /// This week's figures, moved into the state at the end.
    m: Metrics,
    one_off_costs: f64,
    one_off_revenue: f64,
    leaver_costs: f64,
    hire_quality: f64,
    /// Engineer hours spent interviewing this week.
    interview_hours: f64,
    /// Coding efficiency from the maker's schedule.
    maker: f64,
}

fn clamp01(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

impl Week<'_> {
    fn run(&mut self) {
        self.s.news.clear();
        self.s.ledger.clear();
        self.s.week += 1;
        self.settle_events();
        self.apply_reporting_lines();
        self.attention();
        self.org_flows();
        self.structure();
        self.power();
        self.strategy();
        self.engineering();
        self.morale();
        self.business();
        self.funding();
        self.quarterly_review();
        // From here on, conditions read this week's figures from the state.
        self.s.metrics = std::mem::take(&mut self.m);
        self.track_and_end();
        if self.s.ending.is_none() {
            self.fire_events();
        }
    }

    fn ledger(&mut self, base: PowerBase, cause: Cause, delta: f64) {
        if delta == 0.0 {
            return;
        }
        let w = &self.p.power.weights;
        let weight = match base {
            PowerBase::Legitimate => w[0],
            PowerBase::Reward => w[1],
            PowerBase::Informational => w[2],
            PowerBase::Expert => w[3],
            PowerBase::Referent => w[4],
            PowerBase::Credits => 0.0,
        };
        self.s.ledger.push(LedgerEntry {
            base,
            cause,
            delta,
            influence_points: delta * weight * 100.0,
        });
    }

    // 2. Event choices -------------------------------------------------------
    fn settle_events(&mut self) {
        // Effects spread over several weeks take their next step first.
        let mut ongoing = std::mem::take(&mut self.s.ongoing);
        for o in &mut ongoing {
            self.apply_effect(o.event, o.metric, o.per_week);
            o.weeks_left -= 1;
        }
        ongoing.retain(|o| o.weeks_left > 0);
        self.s.ongoing = ongoing;

        let pending = std::mem::take(&mut self.s.pending);
        for (i, pe) in pending.iter().enumerate() {
            let def = &self.scenario.events[pe.event];
            let answer = self.d.answers.iter().find(|a| a.pending == i);
            let (choice, by_cto) = match answer {
                Some(a) if a.choice < def.choices.len() => (a.choice, true),
                _ => (
                    def.default_choice.min(def.choices.len().saturating_sub(1)),
                    false,
                ),
            };
            if let Some(c) = def.choices.get(choice) {
                for effect in &c.effects {
                    self.apply_choice_effect(pe.event, effect);
                }
            }
            self.s.news.push(News::EventSettled {
                event: pe.event,
                choice,
                by_cto,
            });
        }
    }

    fn apply_choice_effect(&mut self, event: usize, effect: &Effect) {
        match *effect {
            Effect::Change { metric, by } => self.apply_effect(event, metric, by),
            Effect::Spread { metric, by, weeks } => {
                if weeks <= 1 {
                    self.apply_effect(event, metric, by);
                } else if by.is_finite() {
                    self.s.ongoing.push(Ongoing {
                        event,
                        metric,
                        per_week: by / f64::from(weeks),
                        weeks_left: weeks,
                    });
                }
            }
            Effect::VpLine(line) => {
                for (i, vp) in self.s.people.vps.iter_mut().enumerate() {
                    if vp.line != line {
                        vp.line = line;
                        self.s.news.push(News::LineChanged { vp: i, line });
                    }
                }
            }
            Effect::Tune { param, by } => {
                if by.is_finite() {
                    let limit = param.max_shift();
                    let slot = &mut self.s.tuning[param as usize];
                    *slot = (*slot + by).clamp(-limit, limit);
                }
            }
            Effect::FollowUp { ref event, weeks } => {
                if let Some(idx) = self.scenario.events.iter().position(|e| e.id == *event) {
                    self.s.scheduled.push(Scheduled {
                        event: idx,
                        week: self.s.week + weeks.max(1),
                    });
                }
            }
        }
    }

    /// A parameter after the shifts events made to it.
    fn tuned(&self, param: Tunable, base: f64) -> f64 {
        (base + self.s.tuning[param as usize]).max(0.0)
    }

    fn apply_effect(&mut self, event: usize, metric: Metric, change: f64) {
        if !change.is_finite() {
            return;
        }
        let cause = Cause::Event(event);
        let c = &mut self.s.company;
        match metric {
            Metric::Cash => {
                if change >= 0.0 {
                    self.one_off_revenue += change;
                } else {
                    self.one_off_costs -= change;
                }
            }
            Metric::Arr => c.arr = (c.arr + change).max(0.0),
            Metric::Fit => c.fit = clamp01(c.fit + change),
            Metric::Alignment => c.alignment = clamp01(c.alignment + change),
            Metric::Debt => c.debt = (c.debt + change).max(0.0),
            Metric::Morale => c.morale = clamp01(c.morale + change),
            Metric::Engineers => {
                let n = libm::round(change.abs()).min(1000.0) as u32;
                if change > 0.0 {
                    self.s.people.experienced += n;
                } else {
                    remove_engineers(&mut self.s.people, n);
                }
            }
            Metric::Authority => {
                let old = self.s.power.legitimate;
                self.s.power.legitimate = clamp01(old + change);
                let d = self.s.power.legitimate - old;
                self.ledger(PowerBase::Legitimate, cause, d);
            }
            Metric::Expert => {
                let old = self.s.power.expert;
                self.s.power.expert = clamp01(old + change);
                let d = self.s.power.expert - old;
                self.ledger(PowerBase::Expert, cause, d);
            }
            Metric::Referent => {
                let old = self.s.power.referent;
                self.s.power.referent = clamp01(old + change);
                let d = self.s.power.referent - old;
                self.ledger(PowerBase::Referent, cause, d);
            }
            Metric::Credits => self.change_credits(change, cause),
            // Read-only metrics are rejected when the scenario is validated.
            _ => {}
        }
    }

    // 2. Structural actions ----------------------------------------------------
    fn apply_reporting_lines(&mut self) {
        for (i, &line) in self.d.vp_lines.iter().enumerate() {
            let old = self.s.people.vps[i].line;
            if old == line {
                continue;
            }
            if matches!(old, ReportingLine::Ceo { .. }) && line == ReportingLine::Cto {
                // Taking the VP back is the CEO's call: it goes through as often as
                // the organisation follows the CTO (last week's adoption). After a
                // refusal the CEO will not discuss it again for a while.
                if self.s.week < self.s.people.vps[i].refused_until {
                    continue;
                }
                let granted = self.rng_politics.chance(self.s.metrics.adoption);
                if !granted {
                    let cost = self.p.power.take_back_refused_cost;
                    self.change_credits(-cost, Cause::TakeBackRefused);
                    let until = self.s.week + self.p.power.take_back_cooldown_weeks;
                    self.s.people.vps[i].refused_until = until;
                    self.s.news.push(News::TakeBackRefused { vp: i, until });
                    continue;
                }
                self.change_credits(-self.p.power.take_back_cost, Cause::TookLineBack);
            }
            self.s.people.vps[i].line = line;
            self.s.news.push(News::LineChanged { vp: i, line });
        }
    }

    // 3. Attention -> effective hours ------------------------------------------
    fn attention(&mut self) {
        let a = &self.p.attention;
        let hours = f64::from(self.d.hours);
        self.s.fatigue = a.fatigue_decay * self.s.fatigue + (hours - a.normal_hours).max(0.0);
        let rho = (1.0 - a.overtime_cost * self.s.fatigue).max(a.min_efficiency);
        let shares = self.d.attention.fractions();
        let touched = shares.iter().filter(|&&x| x >= a.touch_threshold).count();
        let loss = if touched == 0 {
            0.0
        } else {
            a.switching_scale * a.switching_loss[touched.min(4) - 1]
        };
        for (e, share) in self.m.effective_hours.iter_mut().zip(shares) {
            *e = share * hours * rho * (1.0 - loss);
        }
        self.maker = if shares[2] * hours >= a.maker_block_hours {
            1.0
        } else {
            a.maker_penalty
        };
        self.m.efficiency = rho;
        self.m.switching_loss = loss;
    }

    // 4. Org flows: arrivals, ramp-up, VPs, promotions, hiring, attrition -------
    fn org_flows(&mut self) {
        let hp = &self.p.hiring;
        let d = self.d;
        let people = &mut self.s.people;

        // Accepted offers move one week closer; the front of the queue starts.
        let arrivals = people.pipeline[0];
        people.pipeline.rotate_left(1);
        *people.pipeline.last_mut().expect("pipeline is never empty") = 0;
        let graduates = *people.ramping.last().expect("ramp is never empty");
        people.ramping.rotate_right(1);
        people.ramping[0] = arrivals;
        people.experienced += graduates;
        if arrivals > 0 {
            self.s.news.push(News::Started(arrivals));
        }

        // VPs: age, arrive, searches start, a VP leaves if fewer are wanted.
        for vp in &mut people.vps {
            vp.age_weeks = vp.age_weeks.saturating_add(1);
        }
        if let Some(left) = people.vp_search {
            if left <= 1 {
                people.vp_search = None;
                people.vps.push(Vp {
                    age_weeks: 0,
                    line: ReportingLine::Cto,
                    refused_until: 0,
                });
                self.s.news.push(News::VpStarted);
            } else {
                people.vp_search = Some(left - 1);
            }
        }
        let have = people.vps.len() as u32 + u32::from(people.vp_search.is_some());
        if d.hiring.vps > have && people.vp_search.is_none() {
            people.vp_search = Some(hp.vp_search_weeks.max(1));
            self.s.news.push(News::VpSearchStarted);
        } else if d.hiring.vps < have {
            if people.vp_search.is_some() {
                people.vp_search = None;
            } else if let Some(i) = people
                .vps
                .iter()
                .rposition(|v| v.line == ReportingLine::Cto)
            {
                // Only a VP who reports to the CTO is the CTO's to let go.
                people.vps.remove(i);
            }
        }

        // Promotions (and managers going back to coding).
        let mut promoted = 0;
        while people.managers < d.hiring.managers
            && people.experienced >= 2
            && promoted < hp.promotions_per_week
        {
            people.experienced -= 1;
            people.managers += 1;
            promoted += 1;
            self.s.news.push(News::Promoted);
        }
        if people.managers > d.hiring.managers {
            people.managers -= 1;
            people.experienced += 1;
        }

        // Hiring: CTO hours plus ramped VPs give capacity; it carries over a little.
        let vp_capacity: f64 = people
            .vps
            .iter()
            .map(|vp| hp.vp_hires_per_week * ramp_fraction(vp.age_weeks, hp.vp_ramp_weeks))
            .sum();
        let cto_hours = self.m.effective_hours[1];
        let capacity = cto_hours / hp.cto_hours_per_hire.max(0.1) + vp_capacity;
        let planned = people.engineers() + people.in_pipeline();
        let wanted = d.hiring.engineers.saturating_sub(planned);
        people.hire_progress += capacity;
        let hires = (wanted as f64)
            .min(libm::floor(people.hire_progress))
            .max(0.0) as u32;
        people.hire_progress -= f64::from(hires);
        // Unused recruiting time does not bank beyond one hire.
        people.hire_progress = people.hire_progress.min(1.0);
        *people.pipeline.last_mut().expect("pipeline is never empty") += hires;
        self.m.hires = hires;
        if hires > 0 {
            self.s.news.push(News::OffersAccepted(hires));
            let available = cto_hours + hp.cto_hours_per_hire * vp_capacity;
            let needed = f64::from(hires) * hp.cto_hours_per_hire;
            self.hire_quality = (0.4 + 0.6 * (available / needed).min(1.0)).clamp(0.3, 1.0);
        }
        self.interview_hours = f64::from(hires) * hp.team_hours_per_hire;

        // Attrition: a weekly hazard from last week's morale.
        let mp = &self.p.morale;
        let base = (mp.base_attrition + self.s.tuning[Tunable::BaseAttrition as usize]).max(0.0);
        let hazard = (yearly_attrition(self.s.company.morale, base, mp) / 52.0).clamp(0.0, 0.5);
        let left_ic = self.rng_people.binomial(people.engineers(), hazard);
        let left_mgr = self.rng_people.binomial(people.managers, hazard * 0.7);
        remove_engineers(people, left_ic);
        people.managers -= left_mgr;
        let salaries = &self.p.business.salaries;
        self.leaver_costs =
            mp.leaver_cost * (f64::from(left_ic) * salaries[0] + f64::from(left_mgr) * salaries[1]);
        self.m.leavers = left_ic + left_mgr;
        if self.m.leavers > 0 {
            self.s.news.push(News::Left(self.m.leavers));
        }
    }

    // 5. Structure: teams, spans, coverage, communication overhead ---------------
    fn structure(&mut self) {
        let op = &self.p.org;
        let people = &self.s.people;
        let n = f64::from(people.engineers());
        let em = f64::from(people.managers);
        let vps = &people.vps;
        let n_vp = vps.len() as f64;
        let to_cto = vps.iter().filter(|v| v.line == ReportingLine::Cto).count() as f64;
        let forums = vps
            .iter()
            .filter(|v| v.line == ReportingLine::Ceo { forum: true })
            .count() as f64;

        let em_cover = op.manager_span * em;
        let uncovered = (n - em_cover).max(0.0);
        let teams = (em + if uncovered > 0.0 { 1.0 } else { 0.0 }).max(1.0);
        let team_size = n / teams;
        let co = (op.communication_coefficient
            * ((team_size - 1.0).max(0.0).powi(2) + (teams - 1.0).powi(2))
            / 100.0)
            .min(op.max_communication_overhead);

        // The CTO's direct reports and the hours they need.
        let (cto_ics, cto_managers) = if vps.is_empty() {
            (uncovered, em)
        } else if to_cto == 0.0 {
            ((op.cto_team as f64).min(n), 0.0)
        } else {
            (0.0, to_cto)
        };
        let need = op.hours_per_engineer_report * cto_ics
            + op.hours_per_manager_report * cto_managers
            + op.forum_hours * forums;
        let e_m = self.m.effective_hours[3];
        let chi_cto = if need > 0.0 {
            (e_m / need).min(1.0)
        } else {
            1.0
        };

        // How well the organisation is managed.
        let mom_capacity = if vps.is_empty() {
            op.manager_of_managers_span
        } else {
            op.manager_of_managers_span * n_vp
        };
        let mom_ok = if em <= mom_capacity {
            1.0
        } else {
            mom_capacity / em
        };
        // Managers who report to a neglected CTO (or VP) manage worse.
        let neglect = 0.6 + 0.4 * chi_cto;
        let em_factor = if vps.is_empty() || to_cto == n_vp {
            neglect
        } else {
            1.0
        };
        let vp_cover: f64 = vps
            .iter()
            .map(|v| {
                let r = ramp_fraction(v.age_weeks, self.p.hiring.vp_ramp_weeks);
                let f = if v.line == ReportingLine::Cto {
                    neglect
                } else {
                    1.0
                };
                op.manager_span * r * f
            })
            .sum();
        let covered = em_cover.min(n) * mom_ok * em_factor
            + vp_cover.min((uncovered - cto_ics).max(0.0))
            + cto_ics * chi_cto;
        let small = op.small_company_bonus * (1.0 - n / op.small_company_size).max(0.0);
        let chi_org = if n > 0.0 {
            (covered / n + small).min(1.0)
        } else {
            1.0
        };

        // Share of engineering in the CTO's chain.
        let total = n + em;
        let share = if vps.is_empty() || total <= 0.0 {
            1.0
        } else if to_cto == 0.0 {
            (cto_ics / total).min(1.0)
        } else {
            to_cto / n_vp
        };

        self.m.teams = teams;
        self.m.communication_overhead = co;
        self.m.management_need = need;
        self.m.cto_coverage = chi_cto;
        self.m.org_coverage = chi_org;
        self.m.needs_manager_of_managers = vps.is_empty() && em > op.manager_of_managers_span;
        self.m.chain_share = share;
    }

    /// Execution rights over the part of engineering outside the CTO's chain.
    fn delegated_rights(&self) -> f64 {
        let pw = &self.p.power;
        // Summed in VP order without collecting: this runs every week.
        let (count, total) = self
            .s
            .people
            .vps
            .iter()
            .filter_map(|v| match v.line {
                ReportingLine::Ceo { forum } => Some(forum),
                ReportingLine::Cto => None,
            })
            .fold((0u32, 0.0f64), |(n, sum), forum| {
                let rights = if forum {
                    // A forum the CTO does not attend does not share much.
                    pw.forum_rights * (0.5 + 0.5 * self.m.cto_coverage)
                } else {
                    pw.advisory_rights
                };
                (n + 1, sum + rights)
            });
        if count == 0 {
            0.0
        } else {
            total / f64::from(count)
        }
    }

    // 6. Power bases, influence, the contest for execution ---------------------
    fn power(&mut self) {
        let pw = &self.p.power;
        let s = self.m.chain_share;
        let r = self.delegated_rights();
        let reach = s + (1.0 - s) * r;
        let e_s = self.m.effective_hours[0];
        let e_c = self.m.effective_hours[2];
        let chi_cto = self.m.cto_coverage;

        // Legitimate authority follows the reporting lines with a lag.
        let l = self.s.power.legitimate;
        let dl = (reach - l) / pw.legitimate_lag_weeks.max(1.0);
        self.s.power.legitimate = clamp01(l + dl);
        self.ledger(PowerBase::Legitimate, Cause::ReportingLines, dl);

        // Reward/coercive power: reviews and pay of the people in the chain. It
        // follows the org chart at the same pace as authority (review cycles).
        let rc = self.s.power.reward;
        let rc_target = s + (1.0 - s) * r * pw.reward_without_reviews;
        let drc = (rc_target - rc) / pw.legitimate_lag_weeks.max(1.0);
        self.s.power.reward = clamp01(rc + drc);
        self.ledger(PowerBase::Reward, Cause::ReportingLines, drc);

        // Informational power: the chain, strategy work, time with reports.
        let i = self.s.power.informational;
        let lag = pw.informational_lag_weeks.max(1.0);
        let parts = [
            (Cause::ReportingLines, 0.4, 0.4 * reach),
            (Cause::StrategyTime, 0.3, 0.3 * (e_s / 8.0).min(1.0)),
            // Time with reports only informs about the part of the org they run.
            (Cause::ManagementTime, 0.3, 0.3 * chi_cto * reach),
        ];
        let mut di_total = 0.0;
        for (cause, weight, target) in parts {
            let di = (target - weight * i) / lag;
            di_total += di;
            self.ledger(PowerBase::Informational, cause, di);
        }
        self.s.power.informational = clamp01(i + di_total);

        // Expert power: hands-on work keeps it, distance erodes it.
        let tech = e_c + 0.3 * e_s;
        let x = self.s.power.expert;
        let gain = (pw.expert_gain * (tech / 10.0).min(1.0)).min(1.0 - x);
        let decay = if tech < pw.expert_min_hours {
            x * LN_2 / pw.expert_half_life.max(1.0)
        } else {
            0.0
        };
        self.s.power.expert = clamp01(x + gain - decay);
        self.ledger(PowerBase::Expert, Cause::HandsOnWork, gain);
        self.ledger(PowerBase::Expert, Cause::OutOfTouch, -decay);

        // Referent power: contact with the organisation builds trust; neglect (or an
        // organisation the CTO no longer meets) erodes it.
        let f = self.s.power.referent;
        let contact = chi_cto * reach;
        let gain = pw.referent_gain * contact * (1.0 - f);
        let loss = f * LN_2 / pw.referent_half_life.max(1.0) * (1.0 - contact);
        self.s.power.referent = clamp01(f + gain - loss);
        self.ledger(PowerBase::Referent, Cause::ManagementTime, gain);
        self.ledger(PowerBase::Referent, Cause::NeglectedReports, -loss);

        let b = &self.s.power;
        let phi = influence(b, pw);

        // The contest: a VP who reports elsewhere holds the organisation's position power.
        let vp_ramp_weeks = self.p.hiring.vp_ramp_weeks;
        let (count, ramp_sum) = self
            .s
            .people
            .vps
            .iter()
            .filter(|v| v.line != ReportingLine::Cto)
            .fold((0u32, 0.0f64), |(n, sum), v| {
                (n + 1, sum + ramp_fraction(v.age_weeks, vp_ramp_weeks))
            });
        let opposing = if count == 0 {
            0.0
        } else {
            let ramp = ramp_sum / f64::from(count);
            pw.vp_position_power * (1.0 - s) * (1.0 - r) + pw.vp_ramp_power * ramp
        };
        let adoption = adoption(phi, b.credits, opposing, pw);
        self.m.influence = clamp01(phi);
        self.m.opposing_power = opposing;
        self.m.adoption = clamp01(adoption);
    }

    // 7. Strategy alignment and technology bets ---------------------------------
    fn strategy(&mut self) {
        let sp = &self.p.strategy;
        let e_s = self.m.effective_hours[0];
        let drift = self.tuned(Tunable::MarketDrift, sp.market_drift);
        let skill = self.s.strategy_skill;
        let c = &mut self.s.company;
        let lam = c.alignment;
        let lam = lam
            + sp.alignment_gain
                * skill
                * (e_s / 10.0)
                * (1.0 - lam)
                * (0.5 + 0.5 * self.s.power.informational)
            - drift * lam;
        c.alignment = clamp01(lam);
        let adoption = self.m.adoption;
        self.m.direction = adoption * c.alignment + (1.0 - adoption) * sp.direction_without_cto;

        if sp.bet_interval_weeks == 0 || self.s.week % sp.bet_interval_weeks != 0 {
            return;
        }
        // A choice opportunity: closed with the CTO if the CTO shows up and the
        // organisation follows, otherwise by oversight (garbage-can model).
        let shows_up = e_s >= sp.bet_min_hours;
        let followed = self.rng_strategy.chance(adoption);
        let with_cto = shows_up && followed;
        let overridden = shows_up && !followed;
        let quality = if with_cto {
            self.s.company.alignment
        } else {
            sp.direction_without_cto
        };
        let won = self
            .rng_strategy
            .chance((0.5 + 1.5 * (quality - 0.55)).clamp(0.05, 0.95));
        let t = &mut self.s.tracking;
        if with_cto {
            t.bets_with_cto += 1;
        } else {
            t.bets_without_cto += 1;
        }
        if overridden {
            t.bets_overridden += 1;
        }
        if won {
            t.bets_won += 1;
        } else {
            t.bets_lost += 1;
        }
        let sign = if won { 1.0 } else { -1.0 };
        let c = &mut self.s.company;
        c.fit = clamp01(c.fit + sign * sp.bet_fit);
        if with_cto {
            let cause = if won { Cause::BetWon } else { Cause::BetLost };
            let x = self.s.power.expert;
            self.s.power.expert = clamp01(x + sign * sp.bet_expert);
            let dx = self.s.power.expert - x;
            self.ledger(PowerBase::Expert, cause, dx);
            self.change_credits(sign * sp.bet_credits, cause);
        }
        if overridden {
            self.change_credits(-sp.override_credits, Cause::Overridden);
        }
        self.s.news.push(News::Bet {
            with_cto,
            overridden,
            won,
        });
    }

    // 8. Engineering: capacity, velocity, debt -----------------------------------
    fn engineering(&mut self) {
        let hp = &self.p.hiring;
        let ep = &self.p.engineering;
        let people = &self.s.people;
        let ex = f64::from(people.experienced);
        let ramping = f64::from(people.ramping_total());
        let n = ex + ramping;
        let training = (hp.training_overhead * ramping).min(0.5 * ex);
        let ramp_productive: f64 = people
            .ramping
            .iter()
            .enumerate()
            .map(|(j, &r)| f64::from(r) * new_hire_productivity(j as u32, hp))
            .sum();
        let morale_factor = ep.base_productivity + ep.morale_productivity * self.s.company.morale;
        let debt_per_point = self.tuned(Tunable::DebtPerPoint, ep.debt_per_point);
        let co = self.m.communication_overhead;
        let capacity = ((ex - training + ramp_productive) * (1.0 - co) * morale_factor
            - self.interview_hours / 40.0)
            .max(0.0);
        let c = &mut self.s.company;
        let ratio = c.debt / c.codebase.max(1.0);
        let tax = (ratio / (ratio + ep.debt_half_ratio)).min(ep.max_debt_tax);
        let fr = f64::from(self.d.refactor_pct) / 100.0;
        let v0 = ep.points_per_engineer_week;
        let v_team = capacity * (1.0 - tax) * (1.0 - fr) * v0;
        let e_c = self.m.effective_hours[2];
        let e_s = self.m.effective_hours[0];
        let v_cto = e_c / 40.0 * self.s.coding_multiple * v0 * self.maker * (1.0 - tax);
        let velocity = v_team + v_cto;
        let senior = if n > 0.0 { ex / n } else { 1.0 };
        let quality = (0.35 * self.hire_quality
            + 0.25 * senior
            + 0.20 * ((e_c + 0.3 * e_s) / 8.0).min(1.0)
            + 0.20 * self.m.org_coverage)
            .clamp(0.0, 1.0);
        c.debt = (c.debt + debt_per_point * velocity * (1.0 - quality) + ep.debt_interest * c.debt
            - ep.refactor_efficiency * capacity * (1.0 - tax) * fr)
            .max(0.0);
        c.codebase += velocity;
        self.m.capacity = capacity;
        self.m.debt_tax = tax;
        self.m.velocity = velocity;
        self.m.cto_velocity = v_cto;
        self.m.quality = quality;
    }

    // 9. Morale -------------------------------------------------------------------
    fn morale(&mut self) {
        let mp = &self.p.morale;
        let a = &self.p.attention;
        let base = self.tuned(Tunable::BaseAttrition, mp.base_attrition);
        let tired =
            ((1.0 - self.m.efficiency) / (1.0 - a.min_efficiency).max(0.01)).clamp(0.0, 1.0);
        let target = mp.baseline + mp.management_weight * self.m.org_coverage
            - mp.debt_weight * self.m.debt_tax
            - mp.crunch_weight * tired;
        let c = &mut self.s.company;
        c.morale = clamp01(c.morale + (target - c.morale) / mp.time_constant.max(1.0));
        self.m.attrition_rate = yearly_attrition(c.morale, base, mp).min(1.0);
    }

    // 10. Business: fit, ARR, burn, cash ------------------------------------------
    fn business(&mut self) {
        let bp = &self.p.business;
        let sp = &self.p.strategy;
        let velocity = self.m.velocity;
        let direction = self.m.direction;
        let growth_ceiling = self.tuned(Tunable::GrowthCeiling, bp.growth_ceiling);
        let churn = self.tuned(Tunable::Churn, bp.churn);
        let c = &mut self.s.company;
        c.fit = clamp01(
            c.fit
                + bp.fit_learning
                    * (velocity / 4.0).min(2.0)
                    * (direction - sp.direction_without_cto),
        );
        let arr_m = (c.arr / 1e6).max(0.05);
        let ceiling = (growth_ceiling * libm::pow(arr_m, bp.growth_exponent))
            .clamp(bp.growth_bounds[0], bp.growth_bounds[1]);
        let lam_f = ((direction - 0.3) / 0.5).clamp(0.0, 1.2);
        let needed = bp.points_needed * libm::sqrt((c.arr / 1e6).max(1.0));
        let delivery = (velocity / needed).min(1.0);
        self.m.delivery = delivery;
        let founder = if c.fit > 0.3 { bp.founder_sales } else { 0.0 };
        c.arr = (c.arr * (1.0 + ceiling * c.fit * lam_f * delivery - churn) + founder).max(0.0);

        let people = &self.s.people;
        let sal = &bp.salaries;
        let payroll = f64::from(people.engineers()) * sal[0]
            + f64::from(people.managers) * sal[1]
            + people.vps.len() as f64 * sal[2]
            + sal[3];
        let share = bp.engineering_share[c.stage.index()].clamp(0.05, 1.0);
        let others = f64::from(people.headcount()) * (1.0 / share - 1.0) * bp.other_salary;
        let burn = (payroll + others) * (1.0 + bp.opex) / 52.0;
        let revenue = c.arr / 52.0 + self.one_off_revenue;
        let costs = burn + self.leaver_costs + self.one_off_costs;
        c.cash += revenue - costs;
        let net_burn = costs - revenue;
        self.m.revenue = revenue;
        self.m.costs = costs;
        self.m.runway_months = if net_burn > 0.0 {
            (c.cash / (net_burn * 52.0 / 12.0)).clamp(0.0, RUNWAY_CAP)
        } else {
            RUNWAY_CAP
        };
        let t = &mut self.s.tracking;
        let slot = (self.s.week % 13) as usize;
        // The slot about to be overwritten holds the value from 13 weeks ago.
        let arr_then = t.arr_window[slot];
        t.arr_window[slot] = c.arr;
        t.burn_window[slot] = net_burn;
        let burned: f64 = t.burn_window.iter().sum();
        let new_arr = c.arr - arr_then;
        self.m.burn_multiple = if burned <= 0.0 {
            0.0
        } else if new_arr <= 0.0 {
            BURN_MULTIPLE_CAP
        } else {
            (burned / new_arr).min(BURN_MULTIPLE_CAP)
        };
        t.peak_arr = t.peak_arr.max(c.arr);
    }

    // 11. Fund-raising and stage ----------------------------------------------------
    fn funding(&mut self) {
        let bp = &self.p.business;
        let stage = self.s.company.stage;
        let Some(round) = bp.rounds.iter().find(|r| r.from == stage) else {
            return;
        };
        let raise = &mut self.s.raise;
        if raise.weeks_left == 0 {
            if self.m.runway_months < bp.raise_below_runway_months
                || self.s.company.arr >= round.arr_bar
            {
                raise.weeks_left = bp.raise_weeks.max(1);
                self.s.news.push(News::RaiseStarted { stage });
            }
            return;
        }
        raise.weeks_left -= 1;
        if raise.weeks_left > 0 {
            return;
        }
        let appetite = self.rng_funding.uniform(bp.appetite[0], bp.appetite[1]);
        let arr = self.s.company.arr;
        let next = Stage::ALL.get(stage.index() + 1).copied();
        let funding = if arr >= round.arr_bar * appetite
            && self.m.burn_multiple <= bp.max_burn_multiple
            && next.is_some()
        {
            let next = next.unwrap_or(stage);
            self.s.company.stage = next;
            raise.bridged = false;
            self.s.news.push(News::RoundClosed {
                stage: next,
                amount: round.size,
            });
            round.size
        } else if arr >= bp.bridge_at * round.arr_bar && !raise.bridged {
            raise.bridged = true;
            let amount = bp.bridge_size * round.size;
            self.s.news.push(News::Bridge { amount });
            amount
        } else {
            self.s.news.push(News::RaiseFailed);
            self.change_credits(-self.p.strategy.raise_failed_credits, Cause::RaiseFailed);
            0.0
        };
        self.s.company.cash += funding;
        self.m.funding = funding;
        if funding > 0.0 && self.m.runway_months < RUNWAY_CAP {
            let net_burn = self.m.costs - self.m.revenue;
            self.m.runway_months =
                (self.s.company.cash / (net_burn * 52.0 / 12.0)).clamp(0.0, RUNWAY_CAP);
        }
    }

    fn change_credits(&mut self, change: f64, cause: Cause) {
        let k = self.s.power.credits;
        self.s.power.credits = clamp01(k + change);
        let dk = self.s.power.credits - k;
        self.ledger(PowerBase::Credits, cause, dk);
    }

    // 12. The board's quarterly review of delivery ---------------------------------
    fn quarterly_review(&mut self) {
        self.s.tracking.delivery_sum += self.m.delivery;
        if self.s.week % 13 != 0 {
            return;
        }
        let sp = &self.p.strategy;
        let delivery = self.s.tracking.delivery_sum / 13.0;
        self.s.tracking.delivery_sum = 0.0;
        if delivery < sp.review_slip_below {
            self.change_credits(-sp.review_slip_credits, Cause::RoadmapSlipped);
        } else if delivery >= sp.review_deliver_at {
            self.change_credits(sp.review_deliver_credits, Cause::Delivered);
        }
    }

    // 13. Endings and their detectors ------------------------------------------------
    fn track_and_end(&mut self) {
        let ep = &self.p.endings;
        let s = &mut *self.s;
        // Influence as it stands at the end of the week, bets and events included,
        // so the ledger explains exactly this week's move.
        s.metrics.influence = clamp01(influence(&s.power, &self.p.power));
        let m = &s.metrics;
        let t = &mut s.tracking;
        t.influence_sum += m.influence;
        let coded = self.d.attention.fractions()[2] >= ep.ten_x_coding_share;
        t.coding_weeks = (t.coding_weeks << 1) | u16::from(coded);

        let puppet = s.power.legitimate < ep.puppet_authority
            && m.influence < ep.puppet_influence
            && m.adoption < ep.puppet_adoption;
        t.puppet_streak = if puppet { t.puppet_streak + 1 } else { 0 };
        let ten_x = t.coding_weeks.count_ones() >= ep.ten_x_coding_weeks
            && s.people.engineers() >= ep.ten_x_min_engineers
            && m.org_coverage < ep.ten_x_coverage;
        t.ten_x_streak = if ten_x { t.ten_x_streak + 1 } else { 0 };
        let fired = s.power.credits <= ep.fired_credits && s.power.legitimate >= 0.5;
        t.fired_streak = if fired { t.fired_streak + 1 } else { 0 };

        // The scenario's own endings: the first whose conditions held long enough.
        let mut custom = None;
        for (i, end) in self.scenario.endings.iter().enumerate() {
            let holds = end.when.iter().all(|c| c.holds(s));
            let streak = &mut s.ending_streaks[i];
            *streak = if holds { *streak + 1 } else { 0 };
            if custom.is_none() && *streak >= end.for_weeks.max(1) {
                custom = Some(Ending::Custom(i as u16));
            }
        }
        let t = &s.tracking;

        let ending = if s.company.cash < 0.0 {
            Some(Ending::OutOfCash)
        } else if t.fired_streak >= ep.fired_weeks.max(1) {
            Some(Ending::Fired)
        } else if t.puppet_streak >= ep.puppet_weeks.max(1) {
            Some(Ending::Puppet)
        } else if t.ten_x_streak >= ep.ten_x_weeks.max(1) {
            Some(Ending::TenXProgrammer)
        } else if custom.is_some() {
            custom
        } else if s.company.arr >= ep.ipo_arr && s.company.stage >= ep.ipo_stage {
            Some(Ending::Ipo)
        } else if s.week >= self.scenario.horizon_weeks {
            Some(Ending::TimeUp)
        } else {
            None
        };
        if let Some(e) = ending {
            s.ending = Some(e);
            s.news.push(News::Ended(e));
        }
    }

    // 14. Scenario events ---------------------------------------------------------------
    fn fire_events(&mut self) {
        let week = self.s.week;
        // Follow-ups whose week has come fire first, whatever their conditions.
        let mut i = 0;
        while i < self.s.scheduled.len() && self.s.pending.len() < MAX_PENDING {
            if self.s.scheduled[i].week <= week {
                let event = self.s.scheduled.remove(i).event;
                self.fire(event, week);
            } else {
                i += 1;
            }
        }
        for (i, def) in self.scenario.events.iter().enumerate() {
            if self.s.pending.len() >= MAX_PENDING {
                break;
            }
            if def.follow_up_only || self.s.pending.iter().any(|p| p.event == i) {
                continue;
            }
            let last = self.s.event_last_fired[i];
            if def.once && last.is_some() {
                continue;
            }
            if let Some(w) = last {
                if week < w + def.cooldown_weeks.max(1) {
                    continue;
                }
            }
            if !def.when.iter().all(|c| c.holds(self.s)) {
                continue;
            }
            if !self.rng_events.chance(def.chance) {
                continue;
            }
            self.fire(i, week);
        }
    }

    fn fire(&mut self, event: usize, week: u32) {
        self.s.event_last_fired[event] = Some(week);
        self.s.pending.push(PendingEvent { event, week });
        self.s.news.push(News::EventFired(event));
    }
}

/// Events that can wait for an answer at once.
pub const MAX_PENDING: usize = 3;

/// Productivity (0–1) of a new engineer `weeks_in` weeks after starting: it rises
/// linearly from `ramp_start` toward 1 over `ramp_weeks`, when they count as
/// experienced.
pub fn new_hire_productivity(weeks_in: u32, hp: &HiringParams) -> f64 {
    let len = f64::from(hp.ramp_weeks.max(1));
    (hp.ramp_start + (1.0 - hp.ramp_start) * f64::from(weeks_in) / len).min(1.0)
}

/// Yearly attrition rate at `morale`: the base rate (`base`, at neutral morale
/// 0.6) rising exponentially as morale falls.
pub fn yearly_attrition(morale: f64, base: f64, mp: &MoraleParams) -> f64 {
    base * libm::exp(mp.attrition_sensitivity * (0.6 - morale))
}

/// Influence Φ from the power bases.
fn influence(b: &Power, pw: &PowerParams) -> f64 {
    let w = &pw.weights;
    w[0] * b.legitimate
        + w[1] * b.reward
        + w[2] * b.informational
        + w[3] * b.expert
        + w[4] * b.referent
}

/// Probability the organisation carries out the CTO's direction: a logistic
/// contest between influence plus credits and the power of a VP outside the chain.
fn adoption(phi: f64, credits: f64, opposing: f64, pw: &PowerParams) -> f64 {
    let margin = phi + pw.credit_weight * credits - opposing - pw.contest_threshold;
    clamp01(1.0 / (1.0 + libm::exp(-pw.contest_steepness * margin)))
}

/// How far along a ramp of `weeks` someone of `age` weeks is (0–1).
fn ramp_fraction(age: u32, weeks: u32) -> f64 {
    if weeks == 0 {
        1.0
    } else {
        (f64::from(age) / f64::from(weeks)).min(1.0)
    }
}

/// Remove `n` engineers: ramped ones first, then the longest-ramping.
fn remove_engineers(people: &mut People, mut n: u32) {
    let from_ex = n.min(people.experienced);
    people.experienced -= from_ex;
    n -= from_ex;
    for cohort in people.ramping.iter_mut().rev() {
        if n == 0 {
            break;
        }
        let k = n.min(*cohort);
        *cohort -= k;
        n -= k;
    }
}
