//! The values a scenario author may give each parameter: declared once, here,
//! beside the defaults. `cto-sim check` validates every number of a scenario's
//! `params` against this table (a number with no entry is a bug a test
//! catches), and `docs/scenario-format.md`'s parameter tables are tested
//! against it.

/// The values an author may give one parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// The parameter's path under `params`, array indices left out
    /// (`attention.switching_loss` covers all four of its numbers).
    pub path: &'static str,
    pub min: f64,
    pub max: f64,
    /// A whole number (weeks, counts, percentages).
    pub whole: bool,
}

const fn num(path: &'static str, min: f64, max: f64) -> Bound {
    Bound {
        path,
        min,
        max,
        whole: false,
    }
}

const fn whole(path: &'static str, min: u32, max: u32) -> Bound {
    Bound {
        path,
        min: min as f64,
        max: max as f64,
        whole: true,
    }
}

/// Every numeric parameter, in the order the scenario format documents them.
pub const BOUNDS: &[Bound] = &[
    // params.attention
    num("attention.fatigue_decay", 0.0, 1.0),
    num("attention.overtime_cost", 0.0, 0.1),
    num("attention.min_efficiency", 0.0, 1.0),
    num("attention.normal_hours", 20.0, 80.0),
    num("attention.free_overtime_hours", 0.0, 40.0),
    num("attention.touch_threshold", 0.0, 1.0),
    num("attention.switching_loss", 0.0, 1.0),
    num("attention.switching_scale", 0.0, 1.0),
    num("attention.maker_block_hours", 0.0, 80.0),
    num("attention.maker_penalty", 0.0, 1.0),
    // params.hiring
    whole("hiring.offer_to_start_weeks", 1, 52),
    num("hiring.cto_hours_per_hire", 0.5, 100.0),
    num("hiring.team_hours_per_hire", 0.0, 200.0),
    num("hiring.vp_hires_per_week", 0.0, 10.0),
    whole("hiring.ramp_weeks", 1, 104),
    num("hiring.ramp_start", 0.0, 1.0),
    num("hiring.training_overhead", 0.0, 1.0),
    whole("hiring.vp_search_weeks", 1, 52),
    whole("hiring.vp_ramp_weeks", 0, 104),
    whole("hiring.max_vps", 0, 3),
    whole("hiring.promotions_per_week", 0, 10),
    // params.org
    num("org.manager_span", 1.0, 30.0),
    num("org.manager_of_managers_span", 1.0, 30.0),
    num("org.communication_coefficient", 0.0, 1.0),
    num("org.max_communication_overhead", 0.0, 0.95),
    num("org.hours_per_engineer_report", 0.0, 20.0),
    num("org.hours_per_manager_report", 0.0, 40.0),
    num("org.forum_hours", 0.0, 40.0),
    whole("org.cto_team", 0, 50),
    num("org.small_company_bonus", 0.0, 1.0),
    num("org.small_company_size", 1.0, 1000.0),
    // params.engineering
    num("engineering.points_per_engineer_week", 0.01, 100.0),
    num("engineering.debt_per_point", 0.0, 10.0),
    num("engineering.refactor_efficiency", 0.0, 10.0),
    num("engineering.debt_interest", 0.0, 0.1),
    num("engineering.code_rot", 0.0, 0.1),
    num("engineering.debt_half_ratio", 0.01, 10.0),
    num("engineering.max_debt_tax", 0.0, 0.95),
    num("engineering.base_productivity", 0.0, 2.0),
    num("engineering.morale_productivity", 0.0, 2.0),
    whole("engineering.max_refactor_pct", 0, 100),
    // params.morale
    num("morale.baseline", 0.0, 1.0),
    num("morale.management_weight", 0.0, 1.0),
    num("morale.debt_weight", 0.0, 1.0),
    num("morale.crunch_weight", 0.0, 1.0),
    num("morale.time_constant", 1.0, 104.0),
    num("morale.base_attrition", 0.0, 1.0),
    num("morale.attrition_sensitivity", 0.0, 10.0),
    num("morale.leaver_cost", 0.0, 5.0),
    // params.power
    num("power.legitimate_lag_weeks", 1.0, 104.0),
    num("power.informational_lag_weeks", 1.0, 104.0),
    num("power.expert_gain", 0.0, 1.0),
    num("power.expert_min_hours", 0.0, 80.0),
    num("power.expert_half_life", 1.0, 1040.0),
    num("power.referent_gain", 0.0, 1.0),
    num("power.referent_half_life", 1.0, 1040.0),
    num("power.forum_rights", 0.0, 1.0),
    num("power.advisory_rights", 0.0, 1.0),
    num("power.unused_authority", 0.0, 1.0),
    num("power.unmanaged_adoption", 0.0, 1.0),
    num("power.skip_level_hours", 0.0, 10.0),
    num("power.forum_consent", 0.0, 1.0),
    num("power.forum_consent_trust", 0.0, 1.0),
    num("power.forum_consent_credits", 0.0, 1.0),
    num("power.reward_without_reviews", 0.0, 1.0),
    num("power.weights", 0.0, 1.0),
    num("power.credit_weight", 0.0, 2.0),
    num("power.contest_steepness", 0.1, 100.0),
    num("power.contest_threshold", -1.0, 1.0),
    num("power.vp_position_power", 0.0, 1.0),
    num("power.vp_ramp_power", 0.0, 1.0),
    num("power.take_back_cost", 0.0, 1.0),
    num("power.take_back_refused_cost", 0.0, 1.0),
    whole("power.take_back_cooldown_weeks", 0, 520),
    // params.strategy
    num("strategy.alignment_gain", 0.0, 1.0),
    num("strategy.market_drift", 0.0, 0.5),
    num("strategy.direction_without_cto", 0.0, 1.0),
    whole("strategy.bet_interval_weeks", 0, 104),
    num("strategy.bet_min_hours", 0.0, 80.0),
    num("strategy.bet_expert", 0.0, 1.0),
    num("strategy.bet_credits", 0.0, 1.0),
    num("strategy.bet_fit", 0.0, 1.0),
    num("strategy.override_credits", 0.0, 1.0),
    num("strategy.review_slip_below", 0.0, 1.0),
    num("strategy.review_deliver_at", 0.0, 1.0),
    num("strategy.review_slip_credits", 0.0, 1.0),
    num("strategy.review_deliver_credits", 0.0, 1.0),
    num("strategy.raise_failed_credits", 0.0, 1.0),
    num("strategy.shock_chance", 0.0, 1.0),
    num("strategy.shock_fit", 0.0, 1.0),
    num("strategy.shock_alignment", 0.0, 1.0),
    num("strategy.round_realign", 0.0, 1.0),
    // params.business
    num("business.fit_learning", 0.0, 1.0),
    num("business.hands_on_fit", 0.0, 1.0),
    num("business.fit_erosion", 0.0, 0.5),
    num("business.growth_ceiling", 0.0, 0.5),
    num("business.growth_exponent", -2.0, 2.0),
    num("business.growth_bounds", 0.0, 0.5),
    num("business.churn", 0.0, 0.5),
    num("business.arr_per_person", 10000.0, 1.0e8),
    num("business.service_churn", 0.0, 1.0),
    num("business.founder_sales", 0.0, 1.0e8),
    num("business.points_needed", 0.01, 1.0e4),
    num("business.salaries", 0.0, 1.0e8),
    num("business.other_salary", 0.0, 1.0e8),
    num("business.engineering_share", 0.05, 1.0),
    num("business.opex", 0.0, 10.0),
    num("business.raise_below_runway_months", 0.0, 999.0),
    whole("business.raise_weeks", 1, 104),
    num("business.raise_lateness", 0.01, 10.0),
    num("business.max_burn_multiple", 0.0, 99.0),
    num("business.appetite", 0.01, 10.0),
    num("business.round_size_range", 0.0, 10.0),
    num("business.staff_lag_weeks", 1.0, 104.0),
    num("business.staffing_arr_per_person", 10000.0, 1.0e8),
    num("business.bridge_at", 0.0, 1.0),
    num("business.bridge_size", 0.0, 1.0),
    num("business.bridge_appetite", 0.01, 10.0),
    num("business.rounds.arr_bar", 0.0, 1.0e12),
    num("business.rounds.size", 0.0, 1.0e12),
    // params.endings
    whole("endings.puppet_weeks", 1, 520),
    whole("endings.ten_x_weeks", 1, 520),
    whole("endings.ten_x_coding_weeks", 0, 16),
    whole("endings.ten_x_min_engineers", 0, 10000),
    whole("endings.fired_weeks", 1, 520),
    num("endings.puppet_authority", 0.0, 1.0),
    num("endings.puppet_influence", 0.0, 1.0),
    num("endings.puppet_influence_spread", 0.0, 0.3),
    num("endings.puppet_adoption", 0.0, 1.0),
    num("endings.ten_x_coding_share", 0.0, 1.0),
    num("endings.ten_x_coverage", 0.0, 1.0),
    num("endings.ten_x_pull", 0.0, 1.0),
    num("endings.fired_credits", 0.0, 1.0),
    num("endings.ipo_arr", 0.0, 1.0e12),
];

/// The bound of the parameter at `path` (under `params`, without indices).
pub fn bound(path: &str) -> Option<&'static Bound> {
    BOUNDS.iter().find(|b| b.path == path)
}
