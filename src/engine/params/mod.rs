//! Every tunable number of the model, with its default.
//!
//! A scenario overrides any subset of these in its `params` block; a field left
//! out keeps the default shown here. The defaults follow `docs/model.md` (and the
//! sources behind it); the comment on each field names its unit.

pub mod bounds;
mod business;
mod numbers;

pub use business::{BusinessParams, Role, Round};
pub(crate) use numbers::numbers;

use serde::{Deserialize, Serialize};

use super::kinds::PowerBase;
use super::stage::Stage;

/// All model parameters, grouped by subsystem.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    pub attention: AttentionParams,
    pub hiring: HiringParams,
    pub org: OrgParams,
    pub engineering: EngineeringParams,
    pub morale: MoraleParams,
    pub power: PowerParams,
    pub strategy: StrategyParams,
    pub business: BusinessParams,
    pub endings: EndingParams,
}

/// How the CTO's week turns into effective hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AttentionParams {
    /// Fatigue kept from last week (0–1).
    pub fatigue_decay: f64,
    /// Lost efficiency per hour of accumulated overtime.
    pub overtime_cost: f64,
    /// Efficiency never falls below this (0–1).
    pub min_efficiency: f64,
    /// Weekly hours above which overtime accumulates.
    pub normal_hours: f64,
    /// Overtime hours a week that cost nothing: a few extra hours are sustainable
    /// (only the hours past `normal_hours + free_overtime_hours` tire).
    pub free_overtime_hours: f64,
    /// An activity counts as "touched" from this share of attention (0–1).
    pub touch_threshold: f64,
    /// Weinberg's loss to context switching for 1, 2, 3 and 4 activities (0–1).
    #[serde(deserialize_with = "numbers")]
    pub switching_loss: [f64; 4],
    /// Scaling applied to Weinberg's table (the four are facets of one job).
    pub switching_scale: f64,
    /// Coding hours below which the CTO has no maker's block.
    pub maker_block_hours: f64,
    /// Coding efficiency without a maker's block (0–1).
    pub maker_penalty: f64,
    /// Share of effective strategy hours that count as technical work
    /// (architecture, technology choices): with the coding hours they are the
    /// CTO's technical hours, behind expert power and work quality (0–1).
    pub technical_strategy_share: f64,
}

impl Default for AttentionParams {
    fn default() -> Self {
        AttentionParams {
            fatigue_decay: 0.75,
            overtime_cost: 0.0075,
            min_efficiency: 0.30,
            normal_hours: 40.0,
            free_overtime_hours: 5.0,
            touch_threshold: 0.10,
            switching_loss: [0.0, 0.20, 0.40, 0.60],
            switching_scale: 0.5,
            maker_block_hours: 20.0,
            maker_penalty: 0.75,
            technical_strategy_share: 0.3,
        }
    }
}

/// Recruiting, ramp-up and training.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HiringParams {
    /// Weeks from an accepted offer to the first day.
    pub offer_to_start_weeks: u32,
    /// CTO hours spent per engineer hired.
    pub cto_hours_per_hire: f64,
    /// Engineer hours spent interviewing per hire.
    pub team_hours_per_hire: f64,
    /// Hires a fully ramped VP brings in per week.
    pub vp_hires_per_week: f64,
    /// Weeks a new engineer takes to reach full productivity.
    pub ramp_weeks: u32,
    /// Productivity of a new engineer in week one (0–1).
    pub ramp_start: f64,
    /// Experienced engineer-weeks consumed per new engineer in ramp (0–1).
    pub training_overhead: f64,
    /// Weeks to find and close a VP of Engineering.
    pub vp_search_weeks: u32,
    /// Weeks a VP needs to be fully effective.
    pub vp_ramp_weeks: u32,
    /// Most VPs the company can have.
    pub max_vps: u32,
    /// Most engineers promoted to manager per week.
    pub promotions_per_week: u32,
    /// Training new engineers takes at most this share of the experienced
    /// engineers' time (0–1).
    pub max_training_share: f64,
    /// Quality of a week's hires made with none of the CTO's time they need
    /// (`cto_hours_per_hire` each); all of it gives 1 (0–1).
    pub rushed_hire_quality: f64,
    /// Hiring's part in work quality in a week without new hires (0–1).
    pub quiet_week_quality: f64,
}

impl Default for HiringParams {
    fn default() -> Self {
        HiringParams {
            offer_to_start_weeks: 6,
            cto_hours_per_hire: 6.0,
            team_hours_per_hire: 20.0,
            vp_hires_per_week: 1.0,
            ramp_weeks: 20,
            ramp_start: 0.25,
            training_overhead: 0.25,
            vp_search_weeks: 10,
            vp_ramp_weeks: 26,
            max_vps: 3,
            promotions_per_week: 1,
            max_training_share: 0.5,
            rushed_hire_quality: 0.4,
            quiet_week_quality: 0.8,
        }
    }
}

/// Spans of control, coordination cost and the CTO's management load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrgParams {
    /// Engineers one manager covers well.
    pub manager_span: f64,
    /// Managers one manager-of-managers (VP) covers well.
    pub manager_of_managers_span: f64,
    /// Communication-overhead coefficient (Madachy).
    pub communication_coefficient: f64,
    /// Communication overhead never exceeds this (0–1).
    pub max_communication_overhead: f64,
    /// CTO hours per engineer reporting directly.
    pub hours_per_engineer_report: f64,
    /// CTO hours per manager or VP reporting directly (Grove's half day).
    pub hours_per_manager_report: f64,
    /// CTO hours a shared-responsibility forum takes each week.
    pub forum_hours: f64,
    /// Engineers who stay with the CTO after the VP goes to the CEO.
    pub cto_team: u32,
    /// Coverage bonus of informal coordination in a small company (0–1).
    pub small_company_bonus: f64,
    /// Below this many engineers informal coordination works (Dunbar's 15).
    pub small_company_size: f64,
    /// How well a manager (or a VP) reporting to the CTO covers their people
    /// when the CTO gives their reports no time; full time gives 1 (0–1).
    pub neglected_manager_coverage: f64,
}

impl Default for OrgParams {
    fn default() -> Self {
        OrgParams {
            manager_span: 8.0,
            manager_of_managers_span: 5.0,
            communication_coefficient: 0.06,
            max_communication_overhead: 0.8,
            hours_per_engineer_report: 1.5,
            hours_per_manager_report: 4.0,
            forum_hours: 4.0,
            cto_team: 2,
            small_company_bonus: 0.3,
            small_company_size: 15.0,
            neglected_manager_coverage: 0.6,
        }
    }
}

/// Velocity and technical debt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EngineeringParams {
    /// Feature points per fully productive engineer-week.
    pub points_per_engineer_week: f64,
    /// Debt added per feature point shipped at zero quality.
    pub debt_per_point: f64,
    /// Debt repaid per refactoring engineer-week.
    pub refactor_efficiency: f64,
    /// Weekly interest on the debt stock.
    pub debt_interest: f64,
    /// Debt added each week per feature point of the codebase: code ages even
    /// when nobody touches it (dependencies, platforms; Lehman's laws).
    pub code_rot: f64,
    /// Debt ratio at which half of capacity goes to the debt tax.
    pub debt_half_ratio: f64,
    /// The debt tax never exceeds this (0–1).
    pub max_debt_tax: f64,
    /// Productivity at zero morale; productivity is this plus `morale_productivity * morale`.
    pub base_productivity: f64,
    /// Productivity gained per unit of morale.
    pub morale_productivity: f64,
    /// Most refactoring share a decision may ask for (percent).
    pub max_refactor_pct: u8,
    /// Hours in an engineer-week: the CTO's coding hours and the team's
    /// interview hours count in engineer-weeks by this.
    pub engineer_week_hours: f64,
    /// Weights of hiring quality, seniority (the experienced share of the
    /// team), the CTO's technical oversight and management coverage in the
    /// quality of the week's work.
    #[serde(deserialize_with = "numbers")]
    pub quality_weights: [f64; 4],
    /// The CTO's technical hours a week at which their technical oversight of
    /// the work is full.
    pub oversight_full_hours: f64,
}

impl Default for EngineeringParams {
    fn default() -> Self {
        EngineeringParams {
            points_per_engineer_week: 1.0,
            debt_per_point: 0.75,
            refactor_efficiency: 0.5,
            debt_interest: 0.001,
            code_rot: 0.0003,
            debt_half_ratio: 0.35,
            max_debt_tax: 0.7,
            base_productivity: 0.6,
            morale_productivity: 0.6,
            max_refactor_pct: 40,
            engineer_week_hours: 40.0,
            quality_weights: [0.35, 0.25, 0.20, 0.20],
            oversight_full_hours: 8.0,
        }
    }
}

/// Morale and attrition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MoraleParams {
    /// Morale with no management at all (0–1).
    pub baseline: f64,
    /// Weight of management coverage on morale (Gallup: 70%).
    pub management_weight: f64,
    /// Morale lost per unit of debt tax.
    pub debt_weight: f64,
    /// Morale lost at the CTO's full fatigue (a crunching CTO crunches the team).
    pub crunch_weight: f64,
    /// Weeks for morale to move most of the way to its target.
    pub time_constant: f64,
    /// Yearly attrition at neutral morale (0.6).
    pub base_attrition: f64,
    /// How sharply attrition rises as morale falls.
    pub attrition_sensitivity: f64,
    /// Cost of a leaver as a share of a year's loaded salary.
    pub leaver_cost: f64,
    /// Neutral morale: attrition is `base_attrition` there (0–1).
    pub neutral: f64,
    /// Managers leave at this multiple of the engineers' weekly hazard.
    pub manager_attrition: f64,
}

impl Default for MoraleParams {
    fn default() -> Self {
        MoraleParams {
            baseline: 0.18,
            management_weight: 0.7,
            debt_weight: 0.10,
            crunch_weight: 0.15,
            time_constant: 6.0,
            base_attrition: 0.132,
            attrition_sensitivity: 2.5,
            leaver_cost: 0.55,
            neutral: 0.6,
            manager_attrition: 0.7,
        }
    }
}

/// Power bases, influence and the contest with a VP who reports elsewhere.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PowerParams {
    /// Weeks for legitimate authority (and reward power) to follow a change of reporting line.
    pub legitimate_lag_weeks: f64,
    /// Weeks for informational power to follow its sources.
    pub informational_lag_weeks: f64,
    /// Expert power gained per week of full hands-on work.
    pub expert_gain: f64,
    /// Technical hours per week below which expert power decays.
    pub expert_min_hours: f64,
    /// Half-life of expert power without technical work (weeks).
    pub expert_half_life: f64,
    /// Referent power gained per week of full management coverage.
    pub referent_gain: f64,
    /// Half-life of referent power when the CTO's reports are neglected (weeks).
    pub referent_half_life: f64,
    /// Execution rights over the delegated organisation with a shared forum (0–1).
    pub forum_rights: f64,
    /// Execution rights over the delegated organisation without one (0–1).
    pub advisory_rights: f64,
    /// Share of adoption lost when the organisation is not managed at all
    /// (management coverage 0): direction needs managers to be carried out (0–1).
    pub unmanaged_adoption: f64,
    /// Share of legitimate authority a CTO loses by not managing the people who
    /// report to them: the organisation routes around an absent boss (0–1).
    pub unused_authority: f64,
    /// CTO hours a week that keep the CTO in touch with one engineer outside
    /// their chain (skip-levels, team visits); management time beyond what the
    /// CTO's own reports need goes there.
    pub skip_level_hours: f64,
    /// The CEO agrees to a shared forum with this chance, plus the two below
    /// (weighted by the CTO's referent power and credits), at most 1.
    pub forum_consent: f64,
    /// Extra chance of the CEO's consent per unit of referent power (trust).
    pub forum_consent_trust: f64,
    /// Extra chance of the CEO's consent per unit of credits.
    pub forum_consent_credits: f64,
    /// Reward/coercive power over people whose reviews the CTO does not write (0–1).
    pub reward_without_reviews: f64,
    /// Weights of legitimate, reward/coercive, informational, expert and referent power in influence.
    #[serde(deserialize_with = "numbers")]
    pub weights: [f64; 5],
    /// Weight of credits in the adoption contest.
    pub credit_weight: f64,
    /// Steepness of the adoption contest.
    pub contest_steepness: f64,
    /// Influence margin needed for even odds of adoption.
    pub contest_threshold: f64,
    /// A VP's position power over an organisation that is not in the CTO's chain.
    pub vp_position_power: f64,
    /// Extra VP power once the VP is fully ramped.
    pub vp_ramp_power: f64,
    /// Credits spent taking a VP's reporting line back.
    pub take_back_cost: f64,
    /// Credits lost when the CEO refuses to give the VP back.
    pub take_back_refused_cost: f64,
    /// Weeks before the CEO will discuss the VP's line again after refusing to
    /// give the VP back or to share them in a forum.
    pub take_back_cooldown_weeks: u32,
    /// Shares of informational power that come from the reporting lines,
    /// from strategy time and from contact with the organisation.
    #[serde(deserialize_with = "numbers")]
    pub informational_weights: [f64; 3],
    /// Effective strategy hours a week that give strategy's share of
    /// informational power in full.
    pub informational_strategy_hours: f64,
    /// The CTO's technical hours a week at which expert power grows at
    /// `expert_gain`.
    pub expert_full_hours: f64,
}

impl PowerParams {
    /// The weight of `base` in influence (credits weigh nothing: they enter the
    /// adoption contest instead).
    pub fn weight(&self, base: PowerBase) -> f64 {
        let w = &self.weights;
        match base {
            PowerBase::Legitimate => w[0],
            PowerBase::Reward => w[1],
            PowerBase::Informational => w[2],
            PowerBase::Expert => w[3],
            PowerBase::Referent => w[4],
            PowerBase::Credits => 0.0,
        }
    }
}

impl Default for PowerParams {
    fn default() -> Self {
        PowerParams {
            legitimate_lag_weeks: 6.0,
            informational_lag_weeks: 6.0,
            expert_gain: 0.02,
            expert_min_hours: 5.0,
            expert_half_life: 26.0,
            referent_gain: 0.05,
            referent_half_life: 12.0,
            forum_rights: 0.5,
            advisory_rights: 0.0,
            unused_authority: 0.5,
            unmanaged_adoption: 0.6,
            skip_level_hours: 0.25,
            forum_consent: 0.1,
            forum_consent_trust: 0.5,
            forum_consent_credits: 0.6,
            reward_without_reviews: 0.3,
            weights: [0.30, 0.10, 0.15, 0.25, 0.20],
            credit_weight: 0.3,
            contest_steepness: 8.0,
            contest_threshold: 0.25,
            vp_position_power: 0.40,
            vp_ramp_power: 0.20,
            take_back_cost: 0.15,
            take_back_refused_cost: 0.05,
            take_back_cooldown_weeks: 13,
            informational_weights: [0.4, 0.3, 0.3],
            informational_strategy_hours: 8.0,
            expert_full_hours: 10.0,
        }
    }
}

/// A parameter added after run files began embedding their scenario is left
/// out of the text while it is 0 (its default, the rules as they were), so
/// that the text, and the hash that names a built-in, stays as it was.
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// Strategy alignment and choice opportunities (technology bets).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StrategyParams {
    /// Alignment gained per 10 effective strategy hours.
    pub alignment_gain: f64,
    /// Weekly loss of alignment to market drift.
    pub market_drift: f64,
    /// Quality of direction set without the CTO (0–1).
    pub direction_without_cto: f64,
    /// Weeks between choice opportunities.
    pub bet_interval_weeks: u32,
    /// Effective strategy hours needed to take part in one.
    pub bet_min_hours: f64,
    /// Expert power won or lost on a bet the CTO made.
    pub bet_expert: f64,
    /// Credits won or lost on a bet the CTO made.
    pub bet_credits: f64,
    /// Product-market fit won or lost on any bet.
    pub bet_fit: f64,
    /// Credits lost when the organisation overrides the CTO.
    pub override_credits: f64,
    /// Quarterly review: delivery (velocity over what the business needs, 0–1)
    /// below this costs credits…
    pub review_slip_below: f64,
    /// …and at or above this earns them.
    pub review_deliver_at: f64,
    /// Credits lost for a slipping quarter.
    pub review_slip_credits: f64,
    /// Credits earned for a delivered quarter.
    pub review_deliver_credits: f64,
    /// Credits lost when a fund-raise fails.
    pub raise_failed_credits: f64,
    /// Weekly chance of a market shock (a competitor, a platform change).
    pub shock_chance: f64,
    /// Product-market fit a market shock takes away (share of fit, 0–1).
    pub shock_fit: f64,
    /// Strategy alignment a market shock takes away (share of alignment, 0–1).
    pub shock_alignment: f64,
    /// Share of the fit a shock took that each 10 effective strategy hours
    /// win back in a week (0–1), while the market has not settled: a CTO
    /// who answers a competitor's move keeps the customers it reached for.
    #[serde(skip_serializing_if = "is_zero")]
    pub shock_win_back: f64,
    /// Share of the fit still up for grabs that the market settles each
    /// week (0–1): what is not won back by then is lost.
    #[serde(skip_serializing_if = "is_zero")]
    pub shock_settle: f64,
    /// Strategy alignment a closed round takes away (share, 0–1): the next
    /// stage needs a new strategy.
    pub round_realign: f64,
    /// Share of the alignment gain a CTO without informational power still
    /// makes; informational power adds the rest (0–1).
    pub uninformed_alignment: f64,
    /// Quality of direction at which a technology bet is an even chance (0–1).
    pub bet_even_quality: f64,
    /// Chance of winning a bet gained per unit of quality above
    /// `bet_even_quality`.
    pub bet_odds_slope: f64,
    /// A bet's chance of winning stays within these (0–1).
    #[serde(deserialize_with = "numbers")]
    pub bet_odds_bounds: [f64; 2],
    /// Weeks between the board's reviews of delivery (a quarter).
    pub review_weeks: u32,
}

impl Default for StrategyParams {
    fn default() -> Self {
        StrategyParams {
            alignment_gain: 0.08,
            market_drift: 0.015,
            direction_without_cto: 0.45,
            bet_interval_weeks: 6,
            bet_min_hours: 4.0,
            bet_expert: 0.05,
            bet_credits: 0.05,
            bet_fit: 0.03,
            override_credits: 0.05,
            review_slip_below: 0.6,
            review_deliver_at: 0.95,
            review_slip_credits: 0.05,
            review_deliver_credits: 0.02,
            raise_failed_credits: 0.10,
            shock_chance: 0.025,
            shock_fit: 0.25,
            shock_alignment: 0.4,
            shock_win_back: 0.0,
            shock_settle: 0.0,
            round_realign: 0.5,
            uninformed_alignment: 0.5,
            bet_even_quality: 0.55,
            bet_odds_slope: 1.5,
            bet_odds_bounds: [0.05, 0.95],
            review_weeks: 13,
        }
    }
}

/// When a run ends, and how it is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EndingParams {
    /// Weeks the puppet signature must hold.
    pub puppet_weeks: u32,
    /// Puppet: legitimate authority below this (0–1).
    pub puppet_authority: f64,
    /// Puppet: influence below this (0–1), the middle of the CEO's bar.
    pub puppet_influence: f64,
    /// How far each run's CEO bar may lie from `puppet_influence`, either
    /// way (0–0.3): drawn once per run, since CEOs differ in how much they
    /// lean on their CTO, so that no split of attention turns the puppet
    /// ending on or off for every run at once.
    pub puppet_influence_spread: f64,
    /// Puppet: adoption below this (0–1).
    pub puppet_adoption: f64,
    /// Weeks the 10x-programmer signature must hold.
    pub ten_x_weeks: u32,
    /// 10x: coding share at or above this counts as a coding week (0–1).
    pub ten_x_coding_share: f64,
    /// 10x: coding weeks needed in the last 16.
    pub ten_x_coding_weeks: u32,
    /// 10x: the signature needs at least this many engineers.
    pub ten_x_min_engineers: u32,
    /// 10x: management coverage below this (0–1).
    pub ten_x_coverage: f64,
    /// 10x: pull (influence × adoption) below this (0–1): the CTO has lost
    /// the pull that went with the title.
    pub ten_x_pull: f64,
    /// Weeks with credits exhausted (while holding authority) before the board acts.
    pub fired_weeks: u32,
    /// Credits at or below this count as exhausted.
    pub fired_credits: f64,
    /// ARR that makes an IPO possible, in dollars.
    pub ipo_arr: f64,
    /// The IPO also needs at least this stage.
    pub ipo_stage: Stage,
    /// Fired: the board fires only a CTO whose legitimate authority is at or
    /// above this; one below it is sidelined, not fired (0–1).
    pub fired_authority: f64,
}

impl Default for EndingParams {
    fn default() -> Self {
        EndingParams {
            puppet_weeks: 12,
            puppet_authority: 0.2,
            puppet_influence: 0.45,
            puppet_influence_spread: 0.2,
            puppet_adoption: 0.4,
            ten_x_weeks: 12,
            ten_x_coding_share: 0.25,
            ten_x_coding_weeks: 12,
            ten_x_min_engineers: 10,
            ten_x_coverage: 0.6,
            ten_x_pull: 0.45,
            fired_weeks: 8,
            fired_credits: 0.02,
            ipo_arr: 75.0e6,
            ipo_stage: Stage::SeriesC,
            fired_authority: 0.5,
        }
    }
}
