//! The state of a run: everything the engine carries from one week to the next,
//! plus the derived figures of the last week that the player sees.

use serde::{Deserialize, Serialize};

use super::ending::Ending;
use super::kinds::PerActivity;
pub use super::kinds::{PowerBase, ReportingLine};
use super::ledger::LedgerEntry;
use super::metric::Metric;
use super::news::News;
pub use super::stage::Stage;

/// A VP of Engineering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vp {
    /// Weeks since the VP started.
    pub age_weeks: u32,
    /// The VP's reporting line.
    pub line: ReportingLine,
    /// After the CEO refused to give this VP back, the week from which the CTO
    /// may ask again.
    pub refused_until: u32,
}

/// Who works in engineering, and who is on the way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct People {
    /// Fully ramped individual contributors.
    pub experienced: u32,
    /// Engineers in ramp-up; index = weeks since they started.
    pub ramping: Vec<u32>,
    /// Accepted offers; index = weeks until they start (0 = next week).
    pub pipeline: Vec<u32>,
    /// Engineering managers.
    pub managers: u32,
    /// VPs of Engineering.
    pub vps: Vec<Vp>,
    /// Weeks left in a VP search, if one is running.
    pub vp_search: Option<u32>,
    /// Fractional progress toward the next hire (hiring capacity carries over).
    pub hire_progress: f64,
}

impl People {
    /// Individual contributors, ramped or not.
    pub fn engineers(&self) -> u32 {
        self.experienced + self.ramping.iter().sum::<u32>()
    }
    /// Engineers still ramping up.
    pub fn ramping_total(&self) -> u32 {
        self.ramping.iter().sum()
    }
    /// Offers accepted but not started.
    pub fn in_pipeline(&self) -> u32 {
        self.pipeline.iter().sum()
    }
    /// Everyone in engineering, the CTO included.
    pub fn headcount(&self) -> u32 {
        self.engineers() + self.managers + self.vps.len() as u32 + 1
    }
    /// Managers that managers of managers can look after, at `span` managers
    /// each (`org.manager_of_managers_span`): the CTO alone while there is no
    /// VP, then each VP (the CTO's own hours go to the VPs).
    pub fn managers_managed(&self, span: f64) -> f64 {
        if self.vps.is_empty() {
            span
        } else {
            span * self.vps.len() as f64
        }
    }

    /// Engineers outside every manager's span, at `span` engineers a manager
    /// (`org.manager_span`): while there is no VP they report to the CTO.
    pub fn unmanaged_engineers(&self, span: f64) -> f64 {
        (f64::from(self.engineers()) - span * f64::from(self.managers)).max(0.0)
    }

    /// Whether some VP reports to the CEO: part of engineering is outside the
    /// CTO's chain.
    pub fn vp_outside_chain(&self) -> bool {
        self.vps.iter().any(|v| v.line != ReportingLine::Cto)
    }

    /// Remove `n` engineers: ramped ones first, then the longest-ramping.
    pub fn remove_engineers(&mut self, mut n: u32) {
        let from_ex = n.min(self.experienced);
        self.experienced -= from_ex;
        n -= from_ex;
        for cohort in self.ramping.iter_mut().rev() {
            if n == 0 {
                break;
            }
            let k = n.min(*cohort);
            *cohort -= k;
            n -= k;
        }
    }
}

/// The CTO's power bases (French & Raven) and credit bank (Hollander), each 0–1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Power {
    /// Formal authority: the right to assign work, as the organisation perceives it.
    pub legitimate: f64,
    /// Reward and coercive power: reviews, pay, staffing.
    pub reward: f64,
    /// Informational power: being where the information flows.
    pub informational: f64,
    /// Expert power: technical credibility.
    pub expert: f64,
    /// Referent power: trust and relationships.
    pub referent: f64,
    /// Idiosyncrasy credits: political capital earned by good calls, spent on fights.
    pub credits: f64,
}

impl Power {
    /// The value of `base`, 0–1.
    pub fn base(&self, base: PowerBase) -> f64 {
        match base {
            PowerBase::Legitimate => self.legitimate,
            PowerBase::Reward => self.reward,
            PowerBase::Informational => self.informational,
            PowerBase::Expert => self.expert,
            PowerBase::Referent => self.referent,
            PowerBase::Credits => self.credits,
        }
    }

    /// The value of `base`, to change it.
    pub fn base_mut(&mut self, base: PowerBase) -> &mut f64 {
        match base {
            PowerBase::Legitimate => &mut self.legitimate,
            PowerBase::Reward => &mut self.reward,
            PowerBase::Informational => &mut self.informational,
            PowerBase::Expert => &mut self.expert,
            PowerBase::Referent => &mut self.referent,
            PowerBase::Credits => &mut self.credits,
        }
    }
}

/// The company.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub stage: Stage,
    /// Cash in the bank, dollars.
    pub cash: f64,
    /// Annual recurring revenue, dollars.
    pub arr: f64,
    /// Product-market fit, 0–1.
    pub fit: f64,
    /// Fit a competitor's move took that is still up for grabs (0–1): the
    /// CTO's strategy hours win it back until the market settles.
    #[serde(default)]
    pub contested_fit: f64,
    /// Alignment of the CTO's technology agenda with viable business lines, 0–1.
    pub alignment: f64,
    /// Technical-debt stock, in feature points of rework.
    pub debt: f64,
    /// Cumulative feature points shipped.
    pub codebase: f64,
    /// Engineering morale, 0–1.
    pub morale: f64,
    /// The rest of the company (sales, support, finance), in people: it
    /// follows engineering's size at the stage's engineering share, or the
    /// revenue when that asks for more, a few weeks behind (the CEO hires and
    /// lets go over weeks, not the same day).
    pub staff: f64,
}

/// Fund-raising in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Raise {
    /// Weeks until the current raise closes; 0 when none is running.
    pub weeks_left: u32,
    /// A bridge was already taken at this stage.
    pub bridged: bool,
    /// The week the current raise started; 0 when none is running.
    pub since: u32,
}

/// Figures derived during the last week: what the screens show. Not carried over
/// (but hashed, since they are what the player saw).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Effective CTO hours on strategy, hiring, coding and management.
    pub effective_hours: PerActivity<f64>,
    /// CTO efficiency after fatigue, 0–1.
    pub efficiency: f64,
    /// Share of the CTO's time lost to context switching, 0–1.
    pub switching_loss: f64,
    /// Engineering teams.
    pub teams: f64,
    /// Communication overhead, 0–1.
    pub communication_overhead: f64,
    /// CTO hours the CTO's direct reports need.
    pub management_need: f64,
    /// How well the CTO covers their direct reports, 0–1.
    pub cto_coverage: f64,
    /// How well the organisation is managed, 0–1.
    pub org_coverage: f64,
    /// Whether a manager-of-managers layer is needed and missing.
    pub needs_manager_of_managers: bool,
    /// Share of engineering in the CTO's reporting chain, 0–1.
    pub chain_share: f64,
    /// How much of the organisation the CTO meets, 0–1: the reports they
    /// cover, and skip-levels with the part a VP runs for the CEO.
    pub contact: f64,
    /// Engineering capacity in full-time equivalents.
    pub capacity: f64,
    /// Share of capacity lost to technical debt, 0–1.
    pub debt_tax: f64,
    /// Feature points shipped this week.
    pub velocity: f64,
    /// Of which the CTO's own hands.
    pub cto_velocity: f64,
    /// Quality of this week's work, 0–1.
    pub quality: f64,
    /// Influence, 0–1.
    pub influence: f64,
    /// Power of the VP who reports elsewhere, 0–1 (0 when none does).
    pub opposing_power: f64,
    /// Probability the organisation carries out the CTO's direction, 0–1.
    pub adoption: f64,
    /// Direction actually executed, 0–1.
    pub direction: f64,
    /// Revenue this week, dollars.
    pub revenue: f64,
    /// Costs this week, dollars.
    pub costs: f64,
    /// Funding received this week, dollars.
    pub funding: f64,
    /// Recurring net burn a month, dollars: payroll, the rest of the company
    /// and operating costs, less revenue (negative when revenue covers them).
    /// One-off costs and refunds move cash, not the burn.
    pub burn: f64,
    /// Months of runway: cash over the recurring net burn (capped at 999).
    pub runway_months: f64,
    /// Net burn over new ARR for the last 13 weeks (capped at 99).
    pub burn_multiple: f64,
    /// Velocity over what the business needs this week, 0–1.
    pub delivery: f64,
    /// Yearly attrition rate at this week's morale, 0–1.
    pub attrition_rate: f64,
    /// Hires made this week (offers accepted).
    pub hires: u32,
    /// People who left this week.
    pub leavers: u32,
}

/// Counters and windows the endings and charts need.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tracking {
    /// ARR at the end of each of the last 13 weeks (ring buffer).
    pub arr_window: [f64; 13],
    /// Net burn of each of the last 13 weeks (ring buffer).
    pub burn_window: [f64; 13],
    /// Bit i set: the CTO coded at the 10x share i weeks ago (last 16 weeks).
    pub coding_weeks: u16,
    /// Consecutive weeks the puppet signature held.
    pub puppet_streak: u32,
    /// This run's CEO bar: influence under which (with authority and
    /// adoption under theirs) the CTO is a puppet, drawn at the start.
    pub puppet_bar: f64,
    /// Consecutive weeks the 10x-programmer signature held.
    pub ten_x_streak: u32,
    /// Consecutive weeks with credits exhausted while holding authority.
    pub fired_streak: u32,
    /// Technology bets decided with the CTO, without, and overridden.
    pub bets_with_cto: u32,
    pub bets_without_cto: u32,
    pub bets_overridden: u32,
    /// Technology bets that paid off and that failed.
    pub bets_won: u32,
    pub bets_lost: u32,
    /// Sum of weekly pull, influence × adoption: the influence the organisation
    /// follows (for the run's mean).
    pub pull_sum: f64,
    /// Highest ARR reached.
    pub peak_arr: f64,
    /// Sum of weekly delivery (velocity over what the business needs) this quarter.
    pub delivery_sum: f64,
    /// Where the figures the losing endings read are heading.
    pub trends: Trends,
}

/// The weekly change of the figures the puppet and fired endings read, each
/// an exponential average of the weeks' changes: what the warnings project
/// from. Credits move in steps (a quarterly review, a bet every few weeks),
/// so their trend remembers half a year; authority, influence and adoption
/// move every week, and their trends follow within a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trends {
    pub credits: f64,
    pub authority: f64,
    pub influence: f64,
    pub adoption: f64,
}

impl Trends {
    /// Weight of the latest week's change in the credits' trend…
    pub const CREDITS_WEIGHT: f64 = 1.0 / 26.0;
    /// …and in the others'.
    pub const WEIGHT: f64 = 1.0 / 4.0;

    /// The trends after a week that moved the four figures by `change`
    /// (credits, authority, influence, adoption).
    pub fn after(self, change: [f64; 4]) -> Trends {
        let mix = |old: f64, new: f64, w: f64| old + w * (new - old);
        Trends {
            credits: mix(self.credits, change[0], Trends::CREDITS_WEIGHT),
            authority: mix(self.authority, change[1], Trends::WEIGHT),
            influence: mix(self.influence, change[2], Trends::WEIGHT),
            adoption: mix(self.adoption, change[3], Trends::WEIGHT),
        }
    }
}

/// A scenario event waiting for the player's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingEvent {
    /// Position of the event in the scenario's deck.
    pub event: usize,
    /// Week the event fired.
    pub week: u32,
}

/// An event's effects on one metric still being applied week by week: every
/// spread the event started on the metric, as one weekly change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ongoing {
    /// The event (deck index) whose choice started them.
    pub event: usize,
    pub metric: Metric,
    /// Change applied each week: the sum of the spreads' steps.
    pub per_week: f64,
    /// (a week, the steps of the spreads that take their last step that
    /// week), the soonest last.
    pub ends: Vec<(u32, f64)>,
}

/// A follow-up event waiting for its week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scheduled {
    /// Deck index of the event.
    pub event: usize,
    /// Week from which it fires.
    pub week: u32,
}

/// A deadline under way: the `Effect::Deadline` at `effect` of choice
/// `choice` of deck event `event`, counting the hours put in.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub event: usize,
    pub choice: usize,
    pub effect: usize,
    /// First and last week whose hours count.
    pub from: u32,
    pub until: u32,
    /// Effective hours put in so far.
    pub done: f64,
}

/// A threshold of a scenario's own ending drawn for this run: condition
/// `condition` of ending `ending` holds against `value` instead of its own.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndingBar {
    pub ending: u16,
    pub condition: u16,
    pub value: f64,
}

/// The whole state of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Weeks played so far (0 before the first decision).
    pub week: u32,
    pub company: Company,
    pub people: People,
    pub power: Power,
    /// CTO overtime fatigue, in accumulated overtime hours.
    pub fatigue: f64,
    /// The CTO's coding output as a multiple of an average engineer.
    pub coding_multiple: f64,
    /// The CTO's strategy skill: multiplies alignment gained per strategy hour.
    pub strategy_skill: f64,
    /// Shifts of tunable parameters made by events, by `Tunable` position.
    pub tuning: [f64; 5],
    pub raise: Raise,
    pub metrics: Metrics,
    pub tracking: Tracking,
    /// Events waiting for an answer in the next decision.
    pub pending: Vec<PendingEvent>,
    /// Week each deck event last fired (`None`: never).
    pub event_last_fired: Vec<Option<u32>>,
    /// Event effects spread over several weeks.
    pub ongoing: Vec<Ongoing>,
    /// Follow-up events waiting for their week.
    pub scheduled: Vec<Scheduled>,
    /// Deadlines an answered event set, until they are met or missed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<Deadline>,
    /// Consecutive weeks each scenario ending's conditions held.
    pub ending_streaks: Vec<u32>,
    /// This run's thresholds of the scenario's own ending conditions that
    /// have a spread, drawn at the start; empty when none has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ending_bars: Vec<EndingBar>,
    /// What happened last week, for the news log.
    pub news: Vec<News>,
    /// Why influence and credits moved last week.
    pub ledger: Vec<LedgerEntry>,
    /// The ending, once the run is over.
    pub ending: Option<Ending>,
}

impl State {
    /// The threshold this run drew for condition `condition` of the
    /// scenario's own ending `ending`; `None` when it has no spread.
    pub fn ending_bar(&self, ending: usize, condition: usize) -> Option<f64> {
        self.ending_bars
            .iter()
            .find(|b| usize::from(b.ending) == ending && usize::from(b.condition) == condition)
            .map(|b| b.value)
    }

    /// Influence on the 0–100 scale players see.
    pub fn influence_points(&self) -> f64 {
        self.metrics.influence * 100.0
    }

    /// Authority (formal, legitimate authority) on the 0–100 scale.
    pub fn authority_points(&self) -> f64 {
        self.power.legitimate * 100.0
    }

    /// Everyone on the payroll: engineering, the CTO and the rest of the
    /// company (fractional: the rest follows engineering with a lag).
    pub fn payroll_people(&self) -> f64 {
        f64::from(self.people.headcount()) + self.company.staff
    }

    /// ARR per person on the payroll, in dollars.
    pub fn arr_per_person(&self) -> f64 {
        self.company.arr / self.payroll_people()
    }

    /// How far the company is past the ARR per person it can serve
    /// (`serves`, dollars): `x` where ARR per person is `(1 + x) × serves`, 0
    /// below it. Customers leave with its square (the engine's service churn);
    /// the screen warns while it is above 0.
    pub fn service_overload(&self, serves: f64) -> f64 {
        (self.company.arr / (self.payroll_people() * serves.max(1.0)) - 1.0).max(0.0)
    }
}
