//! One week's work in progress: what every stage of the pipeline reads and
//! writes, and the two ledgers every stage may post to (power bases and credits).

use crate::engine::decision::{Decision, Hiring};
use crate::engine::kinds::Activity;
use crate::engine::ledger::{Cause, LedgerEntry};
use crate::engine::params::Params;
use crate::engine::rng::{SimRng, Stream};
use crate::engine::scenario::Scenario;
use crate::engine::state::{Metrics, PowerBase, State};

/// The run's independent random streams, one per subsystem, so that a change
/// in one subsystem's draws never shifts another's.
#[derive(Clone, Debug)]
pub(super) struct Rngs {
    pub people: SimRng,
    pub strategy: SimRng,
    pub funding: SimRng,
    pub events: SimRng,
    pub politics: SimRng,
}

impl Rngs {
    /// The streams of a run seeded with `seed`.
    pub fn new(seed: u64) -> Rngs {
        Rngs {
            people: SimRng::new(seed, Stream::People),
            strategy: SimRng::new(seed, Stream::Strategy),
            funding: SimRng::new(seed, Stream::Funding),
            events: SimRng::new(seed, Stream::Events),
            politics: SimRng::new(seed, Stream::Politics),
        }
    }
}

/// The work of one week. Each stage is a method (in its subsystem's file),
/// called in pipeline order by `Week::run`.
pub(super) struct Week<'a> {
    /// The scenario's parameters.
    pub params: &'a Params,
    pub scenario: &'a Scenario,
    /// The state as last week left it, changed stage by stage.
    pub state: &'a mut State,
    /// The player's (or bot's) decision for this week.
    pub decision: &'a Decision,
    /// The hiring targets the week works to: the decision's, as the events
    /// settled this week moved them.
    pub targets: Hiring,
    pub rng: &'a mut Rngs,
    /// This week's figures, moved into the state at the end (until then
    /// `state.metrics` holds last week's).
    pub metrics: Metrics,
    pub one_off_costs: f64,
    pub one_off_revenue: f64,
    pub leaver_costs: f64,
    pub hire_quality: f64,
    /// Engineer hours spent interviewing this week.
    pub interview_hours: f64,
    /// Coding efficiency from the maker's schedule.
    pub maker: f64,
}

impl<'a> Week<'a> {
    pub fn new(
        scenario: &'a Scenario,
        state: &'a mut State,
        decision: &'a Decision,
        rng: &'a mut Rngs,
    ) -> Week<'a> {
        Week {
            params: &scenario.params,
            scenario,
            state,
            decision,
            targets: decision.hiring,
            rng,
            metrics: Metrics::default(),
            one_off_costs: 0.0,
            one_off_revenue: 0.0,
            leaver_costs: 0.0,
            hire_quality: scenario.params.hiring.quiet_week_quality,
            interview_hours: 0.0,
            maker: 1.0,
        }
    }

    /// How small the company still is (1 with no engineers, 0 from
    /// `org.small_company_size` on): how much informal, hands-on work still
    /// does what structure does later.
    pub fn smallness(&self) -> f64 {
        let n = f64::from(self.state.people.engineers());
        (1.0 - n / self.params.org.small_company_size.max(1.0)).max(0.0)
    }

    /// The CTO's technical hours this week: the effective coding hours and
    /// the technical share of the strategy hours (`technical_strategy_share`).
    /// Expert power and work quality each read them against their own full
    /// measure ([`Week::expert_practice`], [`Week::technical_oversight`]).
    pub fn technical_hours(&self) -> f64 {
        let e = &self.metrics.effective_hours;
        e[Activity::Coding] + self.params.attention.technical_strategy_share * e[Activity::Strategy]
    }

    /// Record why a power base moved, with what it did to influence.
    pub fn ledger(&mut self, base: PowerBase, cause: Cause, delta: f64) {
        if delta == 0.0 {
            return;
        }
        let weight = self.params.power.weight(base);
        self.state.ledger.push(LedgerEntry {
            base,
            cause,
            delta,
            influence_points: delta * weight * 100.0,
        });
    }

    /// Add `change` to the CTO's credits (kept within 0–1), with its cause.
    pub fn change_credits(&mut self, change: f64, cause: Cause) {
        let k = self.state.power.credits;
        self.state.power.credits = clamp01(k + change);
        let dk = self.state.power.credits - k;
        self.ledger(PowerBase::Credits, cause, dk);
    }

    /// Move one power base by `change` (kept within 0–1) and itemise the move.
    pub fn shift_base(&mut self, base: PowerBase, change: f64, cause: Cause) {
        if base == PowerBase::Credits {
            self.change_credits(change, cause);
            return;
        }
        let slot = self.state.power.base_mut(base);
        let old = *slot;
        *slot = clamp01(old + change);
        let d = *slot - old;
        self.ledger(base, cause, d);
    }
}

/// `x` limited to 0–1.
pub(super) fn clamp01(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// How far along a ramp of `weeks` someone of `age` weeks is (0–1).
pub(super) fn ramp_fraction(age: u32, weeks: u32) -> f64 {
    if weeks == 0 {
        1.0
    } else {
        (f64::from(age) / f64::from(weeks)).min(1.0)
    }
}
