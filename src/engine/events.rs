//! Scenario events: conditions on named metrics, and choices with effects.
//!
//! An event whose conditions hold fires with its weekly chance; it then waits in
//! `State::pending` until the next decision answers it. An unanswered event is
//! settled without the CTO by its default choice.

use serde::{Deserialize, Serialize};

use super::decision::Hiring;
use super::kinds::{Activity, ReportingLine};
pub use super::metric::Metric;
use super::state::{People, State};

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
    /// A scenario's own loss endings only: each run draws its threshold once,
    /// at the start, uniformly in `value ± spread` (boards differ in patience).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<f64>,
}

impl Condition {
    /// `metric op value` with no spread.
    pub fn new(metric: Metric, op: Op, value: f64) -> Condition {
        Condition {
            metric,
            op,
            value,
            spread: None,
        }
    }

    /// Whether the condition holds in `state`.
    pub fn holds(&self, state: &State) -> bool {
        self.holds_at(state, self.value)
    }

    /// Whether the condition holds in `state` with `threshold` in place of
    /// its value (this run's drawn threshold).
    pub fn holds_at(&self, state: &State, threshold: f64) -> bool {
        let x = self.metric.read(state);
        match self.op {
            Op::Below => x < threshold,
            Op::AtMost => x <= threshold,
            Op::Above => x > threshold,
            Op::AtLeast => x >= threshold,
        }
    }

    /// This run's threshold for this condition, condition `condition` of the
    /// scenario's own ending `ending`: the value `state`'s run drew for it,
    /// or its own value.
    pub fn threshold(&self, state: &State, ending: usize, condition: usize) -> f64 {
        state.ending_bar(ending, condition).unwrap_or(self.value)
    }

    /// The spread drawn around the value, 0 when there is none.
    pub fn spread(&self) -> f64 {
        self.spread.unwrap_or(0.0)
    }

    /// The same condition against `threshold`, without a spread: for a
    /// metric that counts (weeks, people, VPs, stages) the whole-number
    /// threshold that holds for exactly the same counts, so that a drawn
    /// `engineers below 20.3` reads `engineers below 21`.
    pub fn at(&self, threshold: f64) -> Condition {
        let value = if !self.metric.counts() {
            threshold
        } else {
            match self.op {
                Op::Below | Op::AtLeast => libm::ceil(threshold),
                Op::AtMost | Op::Above => libm::floor(threshold),
            }
        };
        Condition::new(self.metric, self.op, value)
    }
}

impl Metric {
    /// Whether the metric only takes whole numbers.
    pub fn counts(self) -> bool {
        matches!(
            self,
            Metric::Week
                | Metric::Engineers
                | Metric::Managers
                | Metric::Vps
                | Metric::Headcount
                | Metric::Stage
        )
    }
}

/// A model parameter an event may shift for the rest of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tunable {
    /// Weekly loss of strategy alignment (`params.strategy.market_drift`).
    MarketDrift,
    /// Weekly ARR churn (`params.business.churn`).
    Churn,
    /// Weekly growth ceiling at $1M ARR (`params.business.growth_ceiling`).
    GrowthCeiling,
    /// Yearly attrition at neutral morale (`params.morale.base_attrition`).
    BaseAttrition,
    /// Debt added per feature point (`params.engineering.debt_per_point`).
    DebtPerPoint,
}

impl Tunable {
    /// Every tunable parameter.
    pub const ALL: [Tunable; 5] = [
        Tunable::MarketDrift,
        Tunable::Churn,
        Tunable::GrowthCeiling,
        Tunable::BaseAttrition,
        Tunable::DebtPerPoint,
    ];

    /// Largest total shift an event deck may apply (either way).
    pub fn max_shift(self) -> f64 {
        match self {
            Tunable::MarketDrift | Tunable::Churn | Tunable::GrowthCeiling => 0.05,
            Tunable::BaseAttrition | Tunable::DebtPerPoint => 1.0,
        }
    }
}

/// What a choice does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Effect {
    /// Add `by` to a metric at once (bounded metrics are clamped to their range).
    Change { metric: Metric, by: f64 },
    /// Add `by` to a metric spread evenly over the next `weeks` weeks.
    Spread { metric: Metric, by: f64, weeks: u32 },
    /// Put every VP on this reporting line.
    VpLine(ReportingLine),
    /// Shift a model parameter by `by` for the rest of the run.
    Tune { param: Tunable, by: f64 },
    /// Fire the event `event` after `weeks` weeks, whatever its conditions.
    FollowUp { event: String, weeks: u32 },
    /// Promote this many experienced engineers to managers now (as many as
    /// there are, keeping one engineer); the managers target follows.
    Promote(u32),
    /// Start a search for a VP of Engineering, as when the player asks for
    /// one: the VP joins when the search ends (`hiring.vp_search_weeks`).
    /// Nothing happens if a search is running or the company has its most VPs.
    /// The VPs target follows.
    HireVp,
    /// Someone leaves now: a manager, or the VP hired last. The targets stay,
    /// so the organisation backfills unless the player lowers them.
    Leave(Position),
    /// Move a hiring target by `by` (never below zero): a commitment the
    /// player made; they may move it back next week.
    Target { position: Position, by: i32 },
    /// A crunch: over the next `weeks` weeks the CTO must put in `hours`
    /// effective hours (the week's hours after fatigue; with `on`, the
    /// hours given to that activity, after switching too). Once they are
    /// in, the `met` effects happen (the week after); if the weeks run out
    /// first, the `missed` ones. Neither may hold another deadline.
    Deadline {
        hours: f64,
        weeks: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<Activity>,
        #[serde(default)]
        met: Vec<Effect>,
        #[serde(default)]
        missed: Vec<Effect>,
    },
}

/// Longest deadline an event may set, in weeks.
pub const MAX_DEADLINE_WEEKS: u32 = 26;

/// A position in engineering an effect can fill, empty or target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Engineer,
    Manager,
    Vp,
}

impl Effect {
    /// The hiring targets after this effect, for the organisation `people`
    /// it has made: a promotion or a VP search commits the targets to the
    /// new structure, a moved target moves. The engine applies it to the
    /// week's targets, and the screen to the player's draft, so neither
    /// undoes what the event did.
    pub fn follow(&self, targets: &mut Hiring, people: &People, max_vps: u32) {
        match *self {
            Effect::Promote(_) => targets.managers = targets.managers.max(people.managers),
            Effect::HireVp => {
                let coming = people.vps.len() as u32 + u32::from(people.vp_search.is_some());
                targets.vps = targets.vps.max(coming).min(max_vps);
            }
            Effect::Target { position, by } => {
                let slot = match position {
                    Position::Engineer => &mut targets.engineers,
                    Position::Manager => &mut targets.managers,
                    Position::Vp => &mut targets.vps,
                };
                *slot = slot.saturating_add_signed(by);
                targets.vps = targets.vps.min(max_vps);
            }
            _ => {}
        }
    }
}

/// One answer to an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the player reads on the button.
    pub label: String,
    /// What happens when it is chosen (at least one effect).
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
    /// The dialog's text; `{engineers}`, `{cash}` and the other metric names in
    /// braces are replaced by their values.
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
    /// Fire only as another event's follow-up, never on its own.
    #[serde(default)]
    pub follow_up_only: bool,
    /// The choices (at least one).
    pub choices: Vec<Choice>,
    /// The choice taken when the CTO does not answer.
    #[serde(default)]
    pub default_choice: usize,
}

fn one() -> f64 {
    1.0
}

/// Replace `{metric}` placeholders in `text` with the metric's value in `state`,
/// formatted for a player (money in dollars, fractions as percent).
pub fn render_text(text: &str, state: &State) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match Metric::ALL.iter().find(|m| m.name() == name) {
                    Some(m) => out.push_str(&m.format(m.read(state))),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names inside `{…}` in `text`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}
