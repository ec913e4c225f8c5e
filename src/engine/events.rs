//! Scenario events: conditions on named metrics, and choices with effects.
//!
//! An event whose conditions hold fires with its weekly chance; it then waits in
//! `State::pending` until the next decision answers it. An unanswered event is
//! settled without the CTO by its default choice.

use serde::{Deserialize, Serialize};

use super::state::State;

/// A quantity a condition can read or an effect can change. Fractions are on the
/// 0–1 scale, money in dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Weeks played (read only).
    Week,
    /// Cash in the bank, dollars.
    Cash,
    /// Annual recurring revenue, dollars.
    Arr,
    /// Product-market fit, 0–1.
    Fit,
    /// Strategy alignment, 0–1.
    Alignment,
    /// Technical-debt stock, feature points.
    Debt,
    /// Share of capacity lost to debt, 0–1 (read only).
    DebtTax,
    /// Engineering morale, 0–1.
    Morale,
    /// Individual contributors. An effect adds experienced engineers or removes engineers.
    Engineers,
    /// Engineering managers (read only).
    Managers,
    /// VPs of Engineering (read only).
    Vps,
    /// Engineering headcount, CTO included (read only).
    Headcount,
    /// Influence, 0–1 (read only: change its bases instead).
    Influence,
    /// Legitimate authority, 0–1.
    Authority,
    /// Adoption of the CTO's direction, 0–1 (read only).
    Adoption,
    /// Expert power, 0–1.
    Expert,
    /// Referent power (trust), 0–1.
    Referent,
    /// Credits (political capital), 0–1.
    Credits,
    /// Months of runway (read only).
    RunwayMonths,
    /// Funding stage: 0 Seed, 1 Series A, 2 Series B, 3 Series C, 4 Growth (read only).
    Stage,
    /// Management coverage of the organisation, 0–1 (read only).
    OrgCoverage,
}

impl Metric {
    /// The metric's current value in `state`.
    pub fn read(self, state: &State) -> f64 {
        let c = &state.company;
        let m = &state.metrics;
        match self {
            Metric::Week => f64::from(state.week),
            Metric::Cash => c.cash,
            Metric::Arr => c.arr,
            Metric::Fit => c.fit,
            Metric::Alignment => c.alignment,
            Metric::Debt => c.debt,
            Metric::DebtTax => m.debt_tax,
            Metric::Morale => c.morale,
            Metric::Engineers => f64::from(state.people.engineers()),
            Metric::Managers => f64::from(state.people.managers),
            Metric::Vps => state.people.vps.len() as f64,
            Metric::Headcount => f64::from(state.people.headcount()),
            Metric::Influence => m.influence,
            Metric::Authority => state.power.legitimate,
            Metric::Adoption => m.adoption,
            Metric::Expert => state.power.expert,
            Metric::Referent => state.power.referent,
            Metric::Credits => state.power.credits,
            Metric::RunwayMonths => m.runway_months,
            Metric::Stage => c.stage.index() as f64,
            Metric::OrgCoverage => m.org_coverage,
        }
    }

    /// Whether an effect may change this metric.
    pub fn is_writable(self) -> bool {
        matches!(
            self,
            Metric::Cash
                | Metric::Arr
                | Metric::Fit
                | Metric::Alignment
                | Metric::Debt
                | Metric::Morale
                | Metric::Engineers
                | Metric::Authority
                | Metric::Expert
                | Metric::Referent
                | Metric::Credits
        )
    }
}

/// A comparison: `below` (<), `at_most` (<=), `above` (>), `at_least` (>=).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Below,
    AtMost,
    Above,
    AtLeast,
}

/// `metric op value`, e.g. `(metric: engineers, op: at_least, value: 12)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub metric: Metric,
    pub op: Op,
    pub value: f64,
}

impl Condition {
    /// Whether the condition holds in `state`.
    pub fn holds(&self, state: &State) -> bool {
        let x = self.metric.read(state);
        match self.op {
            Op::Below => x < self.value,
            Op::AtMost => x <= self.value,
            Op::Above => x > self.value,
            Op::AtLeast => x >= self.value,
        }
    }
}

/// Adds `change` to `metric` (bounded metrics are clamped to their range).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    pub metric: Metric,
    pub change: f64,
}

/// One answer to an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the player reads on the button.
    pub label: String,
    /// What happens when it is chosen.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// An event of a scenario's deck.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// A unique snake_case identifier.
    pub id: String,
    /// The dialog's title.
    pub title: String,
    /// The dialog's text.
    pub text: String,
    /// All must hold for the event to fire.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Weekly probability of firing while the conditions hold (0–1).
    #[serde(default = "one")]
    pub chance: f64,
    /// Fire at most once per run.
    #[serde(default)]
    pub once: bool,
    /// Weeks before the event may fire again.
    #[serde(default)]
    pub cooldown_weeks: u32,
    /// The choices (at least one).
    pub choices: Vec<Choice>,
    /// The choice taken when the CTO does not answer.
    #[serde(default)]
    pub default_choice: usize,
}

fn one() -> f64 {
    1.0
}
