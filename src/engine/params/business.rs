//! Revenue, costs and fund-raising: the business side of the parameters.

use serde::{Deserialize, Serialize};

use crate::engine::stage::Stage;

/// One funding round: what it takes to raise from a stage, and what it brings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The stage the company raises from.
    pub from: Stage,
    /// ARR the investors want to see, in dollars.
    pub arr_bar: f64,
    /// The round's size, in dollars.
    pub size: f64,
}

/// Revenue, costs and fund-raising.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BusinessParams {
    /// Product-market fit learned per week of aligned shipping.
    pub fit_learning: f64,
    /// Product-market fit the CTO learns per week of 20 hands-on (coding) hours
    /// in a small company, toward full fit; it fades as engineering passes
    /// `org.small_company_size` (the founder-CTO who builds with customers).
    pub hands_on_fit: f64,
    /// Weekly share of product-market fit competitors and a moving market
    /// take away.
    pub fit_erosion: f64,
    /// Weekly ARR growth ceiling at $1M ARR.
    pub growth_ceiling: f64,
    /// Exponent of the growth ceiling in ARR (negative: big companies grow slower).
    pub growth_exponent: f64,
    /// Bounds of the weekly growth ceiling.
    #[serde(deserialize_with = "super::numbers")]
    pub growth_bounds: [f64; 2],
    /// Weekly churn of ARR.
    pub churn: f64,
    /// ARR the company can serve per person on the payroll (everyone, not only
    /// engineering) before customers feel the strain, in dollars.
    pub arr_per_person: f64,
    /// Extra weekly churn per unit of overload squared: with ARR per person at
    /// `(1 + x) × arr_per_person`, churn rises by `service_churn × x²`.
    pub service_churn: f64,
    /// ARR added weekly by founder-led sales once fit is above `founder_sales_fit`, in dollars.
    pub founder_sales: f64,
    /// Feature points per week the business needs at $1M ARR (scales with sqrt ARR).
    pub points_needed: f64,
    /// Loaded yearly cost of an engineer, manager, VP and the CTO, in dollars.
    #[serde(deserialize_with = "super::numbers")]
    pub salaries: [f64; 4],
    /// Loaded yearly cost of a person outside engineering.
    pub other_salary: f64,
    /// Engineering share of headcount at Seed, A, B, C and Growth.
    #[serde(deserialize_with = "super::numbers")]
    pub engineering_share: [f64; 5],
    /// Other operating costs as a share of payroll.
    pub opex: f64,
    /// Runway (months) below which the CEO starts raising.
    pub raise_below_runway_months: f64,
    /// Weeks a raise typically takes.
    pub raise_weeks: u32,
    /// A raise takes `raise_weeks` times a draw in this range, made when it
    /// starts (some rounds drag on).
    #[serde(deserialize_with = "super::numbers")]
    pub raise_lateness: [f64; 2],
    /// Highest burn multiple investors accept.
    pub max_burn_multiple: f64,
    /// Investor appetite: the bar is scaled by a draw in this range.
    #[serde(deserialize_with = "super::numbers")]
    pub appetite: [f64; 2],
    /// A closed round's size is scaled by a draw in this range.
    #[serde(deserialize_with = "super::numbers")]
    pub round_size_range: [f64; 2],
    /// Weeks for the rest of the company (sales, support, finance) to follow
    /// the size engineering and revenue call for (1: at once).
    pub staff_lag_weeks: f64,
    /// ARR per person on the payroll past which the CEO staffs sales and
    /// support to the revenue rather than to engineering's size, in dollars
    /// (a company never runs far past it for long, whoever the CTO hires).
    pub staffing_arr_per_person: f64,
    /// A bridge is possible once ARR reaches this share of the bar.
    pub bridge_at: f64,
    /// A bridge's size as a share of the round.
    pub bridge_size: f64,
    /// The insiders' appetite for a bridge: `bridge_at` is scaled by a draw in
    /// this range when a round does not close (some bridge a company with a
    /// quarter of the bar, others want half).
    #[serde(deserialize_with = "super::numbers")]
    pub bridge_appetite: [f64; 2],
    /// Feature points a week at which fit learning runs at `fit_learning`.
    pub fit_velocity: f64,
    /// Fit learning runs at most this many times `fit_learning` however fast
    /// the team ships.
    pub fit_velocity_cap: f64,
    /// Hands-on (coding) hours a week that give `hands_on_fit` in full.
    pub hands_on_hours: f64,
    /// Founder-led sales add ARR once product-market fit is above this (0–1).
    pub founder_sales_fit: f64,
    /// Quality of direction at or below which ARR does not grow (0–1).
    pub growth_direction_floor: f64,
    /// Quality of direction above `growth_direction_floor` that gives the
    /// growth ceiling in full.
    pub growth_direction_span: f64,
    /// Direction better than that gives at most this many times the ceiling.
    pub growth_direction_cap: f64,
    /// The funding rounds, in order.
    pub rounds: Vec<Round>,
}

/// Who is paid what, for [`BusinessParams::salary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Engineer,
    Manager,
    Vp,
    Cto,
}

impl BusinessParams {
    /// The loaded yearly cost of one person in `role` (`salaries` lists them in
    /// the order engineer, manager, VP, CTO).
    pub fn salary(&self, role: Role) -> f64 {
        self.salaries[role as usize]
    }

    /// The people the rest of the company (sales, support, finance) numbers at
    /// `stage` for an engineering headcount of `engineering` (the CTO
    /// included) and `arr` of revenue: engineering's size at the stage's
    /// engineering share, or as many as it takes to keep ARR per person at
    /// `staffing_arr_per_person`, whichever is more.
    pub fn staff_for(&self, stage: Stage, engineering: u32, arr: f64) -> f64 {
        let share = self.engineering_share[stage.index()].clamp(0.05, 1.0);
        let by_share = f64::from(engineering) * (1.0 / share - 1.0);
        let by_revenue = arr / self.staffing_arr_per_person.max(1.0) - f64::from(engineering);
        by_share.max(by_revenue)
    }
}

impl Default for BusinessParams {
    fn default() -> Self {
        BusinessParams {
            fit_learning: 0.02,
            hands_on_fit: 0.04,
            fit_erosion: 0.004,
            growth_ceiling: 0.049,
            growth_exponent: -0.3,
            growth_bounds: [0.008, 0.045],
            churn: 0.0025,
            arr_per_person: 400_000.0,
            service_churn: 0.025,
            founder_sales: 2000.0,
            points_needed: 3.0,
            salaries: [185_000.0, 230_000.0, 300_000.0, 250_000.0],
            other_salary: 130_000.0,
            engineering_share: [0.65, 0.50, 0.45, 0.40, 0.40],
            opex: 0.15,
            raise_below_runway_months: 9.0,
            raise_weeks: 16,
            raise_lateness: [0.75, 1.5],
            max_burn_multiple: 3.5,
            appetite: [0.85, 1.15],
            round_size_range: [0.7, 1.2],
            staff_lag_weeks: 8.0,
            staffing_arr_per_person: 750_000.0,
            bridge_at: 0.4,
            bridge_size: 0.3,
            bridge_appetite: [0.6, 1.4],
            fit_velocity: 4.0,
            fit_velocity_cap: 2.0,
            hands_on_hours: 20.0,
            founder_sales_fit: 0.3,
            growth_direction_floor: 0.3,
            growth_direction_span: 0.5,
            growth_direction_cap: 1.2,
            rounds: vec![
                Round {
                    from: Stage::Seed,
                    arr_bar: 2.0e6,
                    size: 9.1e6,
                },
                Round {
                    from: Stage::SeriesA,
                    arr_bar: 6.0e6,
                    size: 25.0e6,
                },
                Round {
                    from: Stage::SeriesB,
                    arr_bar: 18.0e6,
                    size: 60.0e6,
                },
                Round {
                    from: Stage::SeriesC,
                    arr_bar: 40.0e6,
                    size: 120.0e6,
                },
            ],
        }
    }
}
